//! Static markup as escaped HTML strings, set with `inner_html`.
//!
//! Read-only tables and lists (breakdowns, rules, sources, the comparison)
//! have no event handlers; rendering them as one string instead of a tree of
//! view closures keeps the WebAssembly far smaller, and the builders are plain
//! functions tested natively.

/// Escape text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A two-column table of (label, value) rows.
pub fn kv_table(rows: &[(String, String)], class: &str) -> String {
    let mut out = format!("<table class=\"{}\"><tbody>", esc(class));
    for (k, v) in rows {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th><td>{}</td></tr>", esc(k), esc(v)));
    }
    out.push_str("</tbody></table>");
    out
}

/// A table with a header row; `marked[r][c]` adds `class="differs"` to a cell
/// and, for screen readers, `note` (when not empty) after its text.
pub fn grid_table(
    class: &str,
    head: &[String],
    rows: &[(String, Vec<String>)],
    marked: &[Vec<bool>],
    note: &str,
) -> String {
    let mut out = format!("<table class=\"{}\"><thead><tr>", esc(class));
    for h in head {
        out.push_str(&format!("<th scope=\"col\">{}</th>", esc(h)));
    }
    out.push_str("</tr></thead><tbody>");
    for (r, (label, cells)) in rows.iter().enumerate() {
        out.push_str(&format!("<tr><th scope=\"row\">{}</th>", esc(label)));
        for (c, cell) in cells.iter().enumerate() {
            let mark = marked.get(r).and_then(|m| m.get(c)).copied().unwrap_or(false);
            out.push_str(if mark { "<td class=\"differs\">" } else { "<td>" });
            out.push_str(&esc(cell));
            if mark && !note.is_empty() {
                out.push_str(&format!("<span class=\"sr-only\"> ({})</span>", esc(note)));
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_inject_markup() {
        let t = kv_table(&[("<script>".into(), "a \"b\" & 'c'".into())], "kv");
        assert!(!t.contains("<script>"));
        assert!(t.contains("&lt;script&gt;"));
        assert!(t.contains("a &quot;b&quot; &amp; &#39;c&#39;"));
    }

    #[test]
    fn grid_marks_cells() {
        let t = grid_table(
            "g",
            &["x".into(), "A".into(), "B".into()],
            &[("r".into(), vec!["1".into(), "2".into()])],
            &[vec![false, true]],
            "",
        );
        assert!(t.contains("<td>1</td><td class=\"differs\">2</td>"));
        let t = grid_table("g", &["x".into(), "A".into()], &[("r".into(), vec!["2".into()])], &[vec![true]], "<new>");
        assert!(t.contains("<td class=\"differs\">2<span class=\"sr-only\"> (&lt;new&gt;)</span></td>"), "{t}");
    }
}
