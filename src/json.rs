//! A small JSON codec (RFC 8259) for local storage, export files and embed
//! messages: a value type, a strict parser with a depth limit and positioned
//! errors, and a compact and an indented writer.
//!
//! It replaced serde and serde_json (24 KB of gzipped wasm) and keeps
//! their formats: the writer lays text out as serde_json did (fields in
//! declaration order, floats in the same shortest round-trip form such as
//! `10.0` or `1e-7`, whole numbers like the schema as `1`), so stored data and
//! exported files look as before, and the parser accepts exactly what
//! serde_json accepted, except numbers beyond f64's range, which it rejects.
//! Floats read back bit for bit: the standard library parses the number text.
//!
//! `scenario` converts the model's inputs; the model itself knows nothing of JSON.

use std::fmt::{self, Write};

mod scenario;

pub use scenario::scenario_from_json;

/// Levels of arrays and objects the parser accepts inside one another (as
/// serde_json did): deeper input is an error, never a stack overflow.
pub const MAX_DEPTH: usize = 127;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number written without fraction or exponent that fits an `i64`, kept
    /// exactly and written back the same way (versions, schema numbers).
    Int(i64),
    /// Any other number; written with a fraction or an exponent (`10.0`,
    /// `1e-7`), `null` if not finite. Parsed ones are always finite.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<Json>),
    /// An object: members in written order; on a duplicate key, lookups find
    /// the last one (as serde_json kept the last).
    Obj(Vec<(String, Json)>),
}

static NULL: Json = Json::Null;

impl Json {
    /// An object from its members, in order.
    pub fn obj(members: Vec<(&str, Json)>) -> Json {
        Json::Obj(members.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    /// The member `key` of an object (the last, if repeated); None for other values.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// Any number, as the nearest f64.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Int(i) => Some(*i as f64),
            Json::Num(x) => Some(*x),
            _ => None,
        }
    }

    /// A number written as a non-negative whole number (digits only: `1`, not
    /// `1.0` or `1e0`).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Int(i) => u64::try_from(*i).ok(),
            _ => None,
        }
    }

    /// The items of an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(items) => Some(items),
            _ => None,
        }
    }

    /// The members of an object, in written order (duplicates included).
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Obj(members) => Some(members),
            _ => None,
        }
    }

    /// Whether this is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Json::Obj(_))
    }

    /// Text indented by two spaces per level, one member or item a line (the
    /// export file's layout).
    pub fn to_pretty(&self) -> String {
        let mut out = String::new();
        write_value(&mut out, self, Some(0));
        out
    }
}

/// `value["key"]`: the member, or `null` when absent or not an object.
impl std::ops::Index<&str> for Json {
    type Output = Json;
    fn index(&self, key: &str) -> &Json {
        self.get(key).unwrap_or(&NULL)
    }
}

/// Compact text, no whitespace.
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write_value(&mut out, self, None);
        f.write_str(&out)
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::Str(s.to_string())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::Str(s)
    }
}

impl From<f64> for Json {
    fn from(x: f64) -> Json {
        Json::Num(x)
    }
}

impl From<u32> for Json {
    fn from(n: u32) -> Json {
        Json::Int(i64::from(n))
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

impl From<Option<f64>> for Json {
    fn from(x: Option<f64>) -> Json {
        x.map_or(Json::Null, Json::Num)
    }
}

/// A type written as JSON.
pub trait ToJson {
    /// Its JSON value.
    fn to_json(&self) -> Json;
}

/// A type read from JSON.
pub trait FromJson: Sized {
    /// Read it, or say what is wrong and where (a field path).
    fn from_json(value: &Json) -> Result<Self, String>;
}

/// Any JSON value reads as itself.
impl FromJson for Json {
    fn from_json(value: &Json) -> Result<Self, String> {
        Ok(value.clone())
    }
}

/// Parse text and read a `T` from it.
pub fn from_str<T: FromJson>(text: &str) -> Result<T, String> {
    T::from_json(&parse(text)?)
}

/// Compact JSON text of a `T`.
pub fn to_string<T: ToJson>(value: &T) -> String {
    value.to_json().to_string()
}

// ----------------------------------------------------------------------------
// Reading helpers: errors name the field and what was found.
// ----------------------------------------------------------------------------

/// A short description of a value for error messages.
pub fn describe(v: &Json) -> String {
    match v {
        Json::Str(s) => {
            let mut short: String = s.chars().take(40).collect();
            if short.len() < s.len() {
                short.push('…');
            }
            format!("the string {}", Json::Str(short))
        }
        Json::Arr(_) => "an array".into(),
        Json::Obj(_) => "an object".into(),
        other => other.to_string(),
    }
}

/// "`path`: expected `what`, got …".
pub fn expected(path: &str, what: &str, got: &Json) -> String {
    format!("{path}: expected {what}, got {}", describe(got))
}

/// A number field.
pub fn number(v: &Json, path: &str) -> Result<f64, String> {
    v.as_f64().ok_or_else(|| expected(path, "a number", v))
}

/// A string field.
pub fn string(v: &Json, path: &str) -> Result<String, String> {
    v.as_str().map(str::to_string).ok_or_else(|| expected(path, "a string", v))
}

/// An object's required member.
pub fn required<'a>(obj: &'a Json, key: &str, path: &str) -> Result<&'a Json, String> {
    obj.get(key).ok_or_else(|| format!("{path}: missing field \"{key}\""))
}

// ----------------------------------------------------------------------------
// Writing
// ----------------------------------------------------------------------------

fn newline(out: &mut String, indent: Option<usize>) {
    if let Some(level) = indent {
        out.push('\n');
        for _ in 0..level {
            out.push_str("  ");
        }
    }
}

fn write_value(out: &mut String, v: &Json, indent: Option<usize>) {
    let inner = indent.map(|l| l + 1);
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Json::Num(x) => write_f64(out, *x),
        Json::Str(s) => write_str(out, s),
        Json::Arr(items) if items.is_empty() => out.push_str("[]"),
        Json::Obj(members) if members.is_empty() => out.push_str("{}"),
        Json::Arr(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, inner);
                write_value(out, item, inner);
            }
            newline(out, indent);
            out.push(']');
        }
        Json::Obj(members) => {
            out.push('{');
            for (i, (k, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, inner);
                write_str(out, k);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write_value(out, item, inner);
            }
            newline(out, indent);
            out.push('}');
        }
    }
}

/// A string with JSON's escapes: `"` and `\`, control characters as `\n`,
/// `\t` … or `\u00XX`; everything else as is.
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A finite float in the shortest text that parses back to the same bits, laid
/// out as serde_json wrote it: plain decimals for exponents −5 to 15 (`0.0`,
/// `100000.0`, `0.00001`), otherwise scientific (`1e+16`, `1.5e-7`). Not
/// finite: `null`. (Where two 17-digit texts are equally near, as for
/// 1887659653949717.25, serde_json and the browser pick the even last digit and
/// native builds the other; both read back as the same float.)
fn write_f64(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push_str("null");
        return;
    }
    // The shortest round-trip digits: 1.234e-7 is ("1234", -7).
    let crate::num::Decimal { negative, digits, exp } = crate::num::shortest(x);
    if negative {
        out.push('-');
    }
    if x == 0.0 {
        out.push_str("0.0");
        return;
    }
    let n = digits.len() as i32;
    let zeros = |out: &mut String, k: i32| (0..k).for_each(|_| out.push('0'));
    if (-5..=15).contains(&exp) {
        if n - 1 <= exp {
            // 1234e7 -> 12340000000.0
            out.push_str(&digits);
            zeros(out, exp - (n - 1));
            out.push_str(".0");
        } else if exp >= 0 {
            // 1234e-2 -> 12.34
            let (int, frac) = digits.split_at_checked(exp as usize + 1).unwrap_or((&digits, ""));
            out.push_str(int);
            out.push('.');
            out.push_str(frac);
        } else {
            // 1234e-6 -> 0.001234
            out.push_str("0.");
            zeros(out, -exp - 1);
            out.push_str(&digits);
        }
    } else {
        let (first, rest) = digits.split_at_checked(1).unwrap_or((&digits, ""));
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let _ = write!(out, "e{}{}", if exp < 0 { '-' } else { '+' }, exp.unsigned_abs());
    }
}

// ----------------------------------------------------------------------------
// Parsing
// ----------------------------------------------------------------------------

/// Parse JSON text (RFC 8259, strictly: no comments, trailing commas, leading
/// zeros, `NaN` or single quotes; whitespace around the value allowed, nothing
/// else after it). Numbers are read by the standard library's exact parser;
/// one out of f64's range is an error. Errors say what and where
/// ("… at line 3 column 14").
pub fn parse(text: &str) -> Result<Json, String> {
    let mut p = Parser { text, bytes: text.as_bytes(), at: 0, depth: 0 };
    p.whitespace();
    let value = p.value()?;
    p.whitespace();
    if p.at < p.bytes.len() {
        return Err(p.error(p.at, "unexpected text after the value"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    /// "`what` at line L column C" (C counts characters from 1).
    fn error(&self, at: usize, what: &str) -> String {
        let before = String::from_utf8_lossy(self.bytes.get(..at).unwrap_or(self.bytes));
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{what} at line {line} column {column}")
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        match self.peek() {
            None => Err(self.error(self.at, "unexpected end of the text, expected a value")),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.nested(Parser::array),
            Some(b'{') => self.nested(Parser::object),
            Some(_) => Err(self.error(self.at, "expected a value")),
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error(self.at, "expected a value"))
        }
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<Json, String>) -> Result<Json, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(self.at, "nested more than 127 levels deep"));
        }
        let value = f(self);
        self.depth -= 1;
        value
    }

    /// After a `,`, the next item or member must follow, not the closing bracket.
    fn no_trailing_comma(&self, close: u8) -> Result<(), String> {
        match self.peek() {
            Some(c) if c == close => Err(self.error(self.at, "trailing comma")),
            _ => Ok(()),
        }
    }

    fn array(&mut self) -> Result<Json, String> {
        self.at += 1;
        let mut items = Vec::new();
        self.whitespace();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Json::Arr(items));
        }
        loop {
            items.push(self.value()?);
            self.whitespace();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.whitespace();
                    self.no_trailing_comma(b']')?;
                }
                Some(b']') => {
                    self.at += 1;
                    return Ok(Json::Arr(items));
                }
                None => return Err(self.error(self.at, "unexpected end of the text in an array")),
                Some(_) => return Err(self.error(self.at, "expected ',' or ']'")),
            }
        }
    }

    fn object(&mut self) -> Result<Json, String> {
        self.at += 1;
        let mut members = Vec::new();
        self.whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Json::Obj(members));
        }
        loop {
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error(self.at, "unexpected end of the text in an object")),
                Some(_) => return Err(self.error(self.at, "expected a key in double quotes")),
            }
            let key = self.string()?;
            self.whitespace();
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err(self.error(self.at, "unexpected end of the text in an object")),
                Some(_) => return Err(self.error(self.at, "expected ':'")),
            }
            self.whitespace();
            members.push((key, self.value()?));
            self.whitespace();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.whitespace();
                    self.no_trailing_comma(b'}')?;
                }
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Json::Obj(members));
                }
                None => return Err(self.error(self.at, "unexpected end of the text in an object")),
                Some(_) => return Err(self.error(self.at, "expected ',' or '}'")),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error(self.at, "invalid number (a leading zero)"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error(self.at, "invalid number")),
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            whole = false;
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error(self.at, "invalid number (a digit must follow the '.')"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            whole = false;
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error(self.at, "invalid number (a digit must follow the exponent)"));
            }
        }
        let token = self.text.get(start..self.at).unwrap_or_default();
        // "-0" is no integer: it keeps its sign as a float.
        if whole && token != "-0" {
            if let Ok(i) = token.parse::<i64>() {
                return Ok(Json::Int(i));
            }
        }
        match crate::num::parse_f64(token) {
            Some(x) if x.is_finite() => Ok(Json::Num(x)),
            _ => Err(self.error(start, "number out of range")),
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.bytes.get(self.at..self.at + 4).filter(|d| d.iter().all(u8::is_ascii_hexdigit));
        let code = digits
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(|d| u32::from_str_radix(d, 16).ok())
            .ok_or_else(|| self.error(self.at, "invalid \\u escape (four hex digits expected)"))?;
        self.at += 4;
        Ok(code)
    }

    fn string(&mut self) -> Result<String, String> {
        let open = self.at;
        self.at += 1;
        let mut out = String::new();
        loop {
            let run = self.at;
            while matches!(self.peek(), Some(c) if c != b'"' && c != b'\\' && c >= 0x20) {
                self.at += 1;
            }
            // The run ends at an ASCII byte or the end: a character boundary.
            out.push_str(self.text.get(run..self.at).unwrap_or_default());
            match self.peek() {
                None => return Err(self.error(open, "unterminated string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let escape = self.at;
                    self.at += 1;
                    let Some(c) = self.peek() else { return Err(self.error(open, "unterminated string")) };
                    self.at += 1;
                    out.push(match c {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape(escape)?,
                        _ => return Err(self.error(escape, "invalid escape")),
                    });
                }
                Some(_) => return Err(self.error(self.at, "control character in a string (it must be escaped)")),
            }
        }
    }

    /// After `\u`: one code point, or a surrogate pair as two escapes.
    fn unicode_escape(&mut self, escape: usize) -> Result<char, String> {
        let lone = |p: &Self| p.error(escape, "lone surrogate in a \\u escape");
        let code = self.hex4()?;
        let code = match code {
            0xD800..=0xDBFF => {
                if !self.bytes[self.at..].starts_with(b"\\u") {
                    return Err(lone(self));
                }
                self.at += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(lone(self));
                }
                0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(lone(self)),
            code => code,
        };
        char::from_u32(code).ok_or_else(|| lone(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bad(text: &str) -> String {
        parse(text).expect_err(text)
    }

    #[test]
    fn values_parse() {
        let v = parse(" {\"a\": [1, -2.5, 1e2, true, false, null, \"x\\n\\u00e9\\ud83d\\ude00\"], \"a\": 3} ").unwrap();
        assert_eq!(v["a"], Json::Int(3), "the last duplicate wins");
        let items = v.as_object().unwrap()[0].1.as_array().unwrap().to_vec();
        assert_eq!(
            items,
            vec![
                Json::Int(1),
                Json::Num(-2.5),
                Json::Num(100.0),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null,
                Json::Str("x\né😀".into())
            ]
        );
        assert_eq!(parse("-0").unwrap(), Json::Num(-0.0));
        assert!(parse("-0").unwrap().as_f64().unwrap().is_sign_negative());
        assert_eq!(parse("9223372036854775807").unwrap(), Json::Int(i64::MAX));
        assert_eq!(parse("9223372036854775808").unwrap(), Json::Num(9223372036854775808.0));
        assert_eq!(parse("1e-400").unwrap(), Json::Num(0.0));
        assert_eq!(parse("\"\\/\\b\\f\\r\\t\\\"\\\\\"").unwrap(), Json::Str("/\u{8}\u{c}\r\t\"\\".into()));
    }

    #[test]
    fn whole_numbers_and_u64() {
        assert_eq!(parse("1").unwrap().as_u64(), Some(1));
        assert_eq!(parse("1.0").unwrap().as_u64(), None);
        assert_eq!(parse("1e0").unwrap().as_u64(), None);
        assert_eq!(parse("-1").unwrap().as_u64(), None);
        assert_eq!(parse("-0").unwrap().as_u64(), None);
        assert_eq!(parse("1.0").unwrap().as_f64(), Some(1.0));
    }

    #[test]
    fn invalid_text_is_an_error_with_its_place() {
        for text in [
            "",
            " ",
            "nul",
            "True",
            "[1,]",
            "{\"a\":1,}",
            "[1 2]",
            "{\"a\" 1}",
            "{a:1}",
            "{'a':1}",
            "01",
            "-",
            "1.",
            ".5",
            "+1",
            "1e",
            "1e+",
            "NaN",
            "Infinity",
            "-Infinity",
            "[",
            "{",
            "\"abc",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"a\u{1}b\"",
            "\"\t\"",
            "1 2",
            "// c\n1",
            "/* c */ 1",
            "[1]x",
            "\u{feff}1",
            "1e400",
            "-1e400",
            "[,1]",
            "{,}",
            "{\"a\":}",
        ] {
            let e = bad(text);
            assert!(e.contains(" at line "), "{text:?}: {e}");
        }
        assert_eq!(bad("[1,\n  2,]"), "trailing comma at line 2 column 5");
        assert_eq!(bad("1e400"), "number out of range at line 1 column 1");
        assert_eq!(bad("{\"a\":1} x"), "unexpected text after the value at line 1 column 9");
        assert!(bad("\"é\u{1}\"").ends_with("line 1 column 3"));
    }

    #[test]
    fn nesting_is_limited() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(bad(&deep).contains("nested"));
        assert!(bad(&"{\"a\":".repeat(100_000)).contains("nested"));
    }

    #[test]
    fn floats_are_written_as_serde_json_wrote_them() {
        for (x, text) in [
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (100_000.0, "100000.0"),
            (0.07, "0.07"),
            (15.6, "15.6"),
            (-2.5, "-2.5"),
            (1e15, "1000000000000000.0"),
            (1.5e15, "1500000000000000.0"),
            (1e16, "1e+16"),
            (1.2345678901234567e16, "1.2345678901234568e+16"),
            (1e-5, "0.00001"),
            (1.234e-5, "0.00001234"),
            (1e-6, "1e-6"),
            (1.5e-7, "1.5e-7"),
            (1e300, "1e+300"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (5e-324, "5e-324"),
            (0.1 + 0.2, "0.30000000000000004"),
            (f64::NAN, "null"),
            (f64::INFINITY, "null"),
        ] {
            assert_eq!(Json::Num(x).to_string(), text, "{x:e}");
        }
        assert_eq!(Json::Int(-42).to_string(), "-42");
    }

    #[test]
    fn strings_are_escaped() {
        let s = Json::from("a\"b\\c\n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f}é😀/");
        assert_eq!(s.to_string(), r#""a\"b\\c\n\r\t\b\f\u0001\u001f"#.to_string() + "\u{7f}é😀/\"");
        assert_eq!(parse(&s.to_string()).unwrap(), s);
    }

    #[test]
    fn pretty_is_laid_out_like_serde_json() {
        let v = parse(r#"{"a":1,"b":[],"c":{},"d":[1,{"e":null}],"f":"x"}"#).unwrap();
        let expected = "{\n  \"a\": 1,\n  \"b\": [],\n  \"c\": {},\n  \"d\": [\n    1,\n    {\n      \"e\": null\n    }\n  ],\n  \"f\": \"x\"\n}";
        assert_eq!(v.to_pretty(), expected);
        assert_eq!(parse(expected).unwrap(), v);
        assert_eq!(v.to_string(), r#"{"a":1,"b":[],"c":{},"d":[1,{"e":null}],"f":"x"}"#);
    }

    #[test]
    fn lookups() {
        let v = parse(r#"{"a":{"b":"x"},"n":2.5}"#).unwrap();
        assert_eq!(v["a"]["b"].as_str(), Some("x"));
        assert_eq!(v["missing"]["b"], Json::Null);
        assert_eq!(v["n"].as_f64(), Some(2.5));
        assert_eq!(Json::Int(3)["a"], Json::Null);
        assert!(v.is_object() && !v["n"].is_object());
        assert_eq!(describe(&Json::from("y".repeat(50))), format!("the string \"{}…\"", "y".repeat(40)));
    }
}
