//! The site explorer's state ("Where in Europe?", issue 17): whether it is
//! open, the result it ranks the 27 sites by (and colours the map and plots
//! the sweep with), and the input it sweeps. It lives in the link (`explore`,
//! `rank_by`, `sweep`), in saved scenarios and in the embed API's messages,
//! all as the same query parameters.
//!
//! Pure: the builders of what the explorer shows (sorted rows, map colours,
//! the sweep's chart) are here and tested natively; `ui::explorer` draws them.

use crate::charts::series::SweepChart;
use crate::charts::Rgb;
use crate::fields;
use crate::format::{format, sig, unit, Style};
use crate::i18n::Lang;
use crate::i18n::{fill, fill_all};
use crate::model::explore::{self, SiteRow, SweepInput, NATIONAL_DEMAND_SHARE, SITE_METRICS};
use crate::model::Estimate;
use crate::model::Scenario;
use crate::ui::html::esc;
use crate::ui::kpis::display_metric;

/// The explorer's view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Whether the explorer is open.
    pub open: bool,
    /// The result the sites are ranked by: one of [`SITE_METRICS`].
    pub rank_by: &'static str,
    /// Largest first (else smallest first).
    pub descending: bool,
    /// The input the sweep varies.
    pub sweep: SweepInput,
}

/// Closed, ranked by the cost of an installed accelerator-hour (cheapest
/// first), sweeping the electricity price.
pub const DEFAULT: View =
    View { open: false, rank_by: "cost_per_gpu_hour_eur", descending: false, sweep: SweepInput::Price };

impl Default for View {
    fn default() -> Self {
        DEFAULT
    }
}

/// What a link, a saved scenario or an embed message says of the view: each
/// part only where it is given, so a message changes only what it names.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ViewParams {
    /// `explore=1|0`.
    pub open: Option<bool>,
    /// `rank_by=NAME` or `rank_by=-NAME` (largest first).
    pub rank: Option<(&'static str, bool)>,
    /// `sweep=NAME` (an input's link parameter).
    pub sweep: Option<SweepInput>,
}

impl ViewParams {
    /// `view` with what these parameters give.
    pub fn apply(self, view: View) -> View {
        let (rank_by, descending) = self.rank.unwrap_or((view.rank_by, view.descending));
        View { open: self.open.unwrap_or(view.open), rank_by, descending, sweep: self.sweep.unwrap_or(view.sweep) }
    }

    /// Whether any part is given.
    pub fn any(&self) -> bool {
        *self != ViewParams::default()
    }
}

/// Why `rank_by` was refused (the embed API's words; French in `url_state`).
pub const UNKNOWN_RESULT: &str = "not a result the explorer ranks by";
/// Why `sweep` was refused.
pub const UNKNOWN_INPUT: &str = "not an input the explorer sweeps";

/// `rank_by`'s value: a result of [`SITE_METRICS`], largest first with a `-` before it.
pub fn parse_rank(value: &str) -> Result<(&'static str, bool), &'static str> {
    let value = value.trim();
    let (name, descending) = match value.strip_prefix('-') {
        Some(name) => (name, true),
        None => (value, false),
    };
    SITE_METRICS.iter().find(|m| **m == name).map(|m| (*m, descending)).ok_or(UNKNOWN_RESULT)
}

/// `sweep`'s value: the link parameter of one of [`SweepInput::ALL`].
pub fn parse_sweep(value: &str) -> Result<SweepInput, &'static str> {
    let value = value.trim();
    SweepInput::ALL.iter().copied().find(|i| sweep_name(*i) == value).ok_or(UNKNOWN_INPUT)
}

/// The link parameter of a sweepable input (`count`, `price`, `wacc`…).
pub fn sweep_name(input: SweepInput) -> &'static str {
    fields::by_model(input.id()).map_or(input.id(), |n| n.name)
}

/// The view's link parameters, each only where it is not [`DEFAULT`]'s, as
/// `&name=value` pairs to append to a scenario's query.
pub fn query(view: &View) -> String {
    let mut q = String::new();
    if view.open {
        q.push_str("&explore=1");
    }
    if (view.rank_by, view.descending) != (DEFAULT.rank_by, DEFAULT.descending) {
        q.push_str(&format!("&rank_by={}{}", if view.descending { "-" } else { "" }, view.rank_by));
    }
    if view.sweep != DEFAULT.sweep {
        q.push_str(&format!("&sweep={}", sweep_name(view.sweep)));
    }
    q
}

/// Above this share of its country's annual electricity demand, a site's row
/// is flagged: one factory drawing a twentieth of a nation's electricity is a
/// matter for its grid plan and regulator, not a routine connection. A
/// screening threshold of this calculator, not a rule; for scale, all of
/// Ireland's data centres drew 21 % of its metered electricity in 2023 and new
/// Dublin connections were paused (Central Statistics Office, "Data Centres
/// Metered Electricity Consumption 2023", 2024,
/// https://www.cso.ie/en/releasesandpublications/ep/p-dcmec/datacentresmeteredelectricityconsumption2023/).
pub const DEMAND_FLAG_SHARE: f64 = 0.05;

/// The design's rows in the 27 member states, ranked by `view`'s result.
pub fn ranked(design: &Scenario, view: &View) -> Vec<SiteRow> {
    let mut rows = explore::rank_sites(design);
    explore::sort_rows(&mut rows, view.rank_by, view.descending);
    rows
}

/// `metric`'s value as its headline card writes it (a share as a percentage).
pub fn display(metric: &str, v: f64, lang: Lang) -> String {
    if metric == NATIONAL_DEMAND_SHARE {
        let d = if v.abs() < 0.01 { 2 } else { 1 };
        return format(v, lang, Style::Percent(d));
    }
    display_metric(metric, v, lang)
}

/// Viridis, sampled at nine stops: sequential, readable in grey and by the
/// common colour-vision deficiencies, on light and dark backgrounds alike.
/// Source: van der Walt & Smith, "mpl colormaps" (matplotlib's `_cm_listed.py`,
/// CC0), 2015, https://bids.github.io/colormap/.
pub const VIRIDIS: [Rgb; 9] = [
    (68, 1, 84),
    (71, 45, 123),
    (59, 82, 139),
    (44, 114, 142),
    (33, 145, 140),
    (40, 174, 128),
    (94, 201, 98),
    (173, 220, 48),
    (253, 231, 37),
];

/// The colour of `t` in 0–1 on the scale (clamped), interpolated between stops.
pub fn colour(t: f64) -> Rgb {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    let x = t * (VIRIDIS.len() - 1) as f64;
    let i = (x.floor() as usize).min(VIRIDIS.len() - 2);
    let f = x - i as f64;
    let (a, b) = (VIRIDIS[i], VIRIDIS[i + 1]);
    let mix = |p: u8, q: u8| (f64::from(p) + (f64::from(q) - f64::from(p)) * f).round() as u8;
    (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// The lowest and highest value of `metric` among the rows (None if no row has one).
pub fn extent(rows: &[SiteRow], metric: &str) -> Option<(f64, f64)> {
    rows.iter().filter_map(|r| r.metric(metric)).fold(None, |acc, v| match acc {
        None => Some((v, v)),
        Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
    })
}

/// Where `v` stands between `lo` and `hi`, 0–1; the middle when they are
/// within 0.5 % of each other (a spread that small is no difference worth a
/// colour: 106.1 and 106.2 MW are not purple and yellow).
pub fn position(v: f64, (lo, hi): (f64, f64)) -> f64 {
    if hi - lo > 0.005 * hi.abs().max(lo.abs()) {
        (v - lo) / (hi - lo)
    } else {
        0.5
    }
}

/// Points a sweep evaluates: the chart is 240 px tall and as wide as the
/// column, so 61 points draw a smooth line and cost about 80 µs.
pub const SWEEP_POINTS: usize = 61;

/// The sweep of `input` for the design, as a chart of `metric`, with the
/// design's own value marked and the rule thresholds crossed.
pub fn sweep_figure(
    design: &Scenario,
    input: SweepInput,
    metric: &'static str,
    lang: Lang,
) -> (SweepChart, Vec<(String, String)>) {
    let s = explore::sweep(design, input, SWEEP_POINTS);
    let points: Vec<(f64, Option<f64>)> =
        s.points.iter().map(|p| (p.x, p.result.as_ref().ok().and_then(|f| f.metric(metric)))).collect();
    let t = lang.explore();
    let current = input.current(design).or_else(|| {
        // An override the design leaves to its country: mark the country's figure.
        crate::model::evaluate(design).ok().and_then(|e| match input {
            SweepInput::Price => Some(e.price_eur_per_mwh),
            SweepInput::Carbon => Some(e.carbon_g_per_kwh),
            SweepInput::Pue => Some(e.pue()),
            _ => None,
        })
    });
    let crossings: Vec<(f64, String)> =
        s.crossings.iter().map(|c| (c.x, t.threshold(c.threshold).to_string())).collect();
    let x_label = sweep_label(input, lang);
    // The axis caption with the figure's unit (a share's "%" is added by the chart).
    let unit = match metric {
        "facility_power_mw" => " (MW)",
        "annual_energy_gwh" => " (GWh)",
        "water_m3_per_year" => " (m³)",
        "capex_eur" | "cost_per_gpu_hour_eur" | "cost_per_used_gpu_hour_eur" => " (€)",
        "co2_t_per_year" => " (t)",
        _ => "",
    };
    let y_label = format!("{}{unit}", metric_name(metric, lang));
    let table = points
        .iter()
        .step_by(6)
        .map(|(x, y)| {
            (
                crate::ui::field::field_text(*x, lang),
                y.map_or_else(|| t.refused.to_string(), |y| display(metric, y, lang)),
            )
        })
        .chain(crossings.iter().map(|(x, name)| (name.clone(), crate::ui::field::field_text(*x, lang))))
        .collect();
    let chart = SweepChart {
        points,
        current: current.and_then(|x| {
            let y = crate::model::evaluate(&input.apply(design, x)).ok()?;
            Some((x, explore::Figures::of(&y).metric(metric)?))
        }),
        crossings,
        band: Vec::new(),
        log_x: input.log_scale(),
        x_label,
        y_label,
        percent: metric == NATIONAL_DEMAND_SHARE,
    };
    (chart, table)
}

/// A sweepable input's label (with its unit, as the form writes it).
pub fn sweep_label(input: SweepInput, lang: Lang) -> String {
    let t = lang.text();
    // Labels carry their unit where they have one ("Electricity price (€/MWh)").
    fields::by_model(input.id()).map_or(t.size_count, |n| (n.label)(t)).to_string()
}

/// A ranked result's name, as its headline card (or the national-context
/// panel) writes it.
pub fn metric_name(metric: &str, l: Lang) -> &'static str {
    let t = l.text();
    if metric == NATIONAL_DEMAND_SHARE {
        return t.r_share_country;
    }
    crate::ui::kpis::metric_label(metric, t).unwrap_or("")
}

/// A member state's name in `l` (its code if it is none).
pub fn country_name(code: &str, l: Lang) -> String {
    crate::model::catalogue::country(code).map_or_else(|| code.to_string(), |c| l.country_name(c).to_string())
}

/// The ranked table as HTML: a sort button in each column's heading (the
/// ranked one with `aria-sort`), one row per member state (`data-country`)
/// whose name is a button that makes it the site (`data-pick`), and cells
/// with `data-rank-metric` and `data-value` (plain numbers, the headline's
/// names and units). `here` is the current site, whose cells add `range(m)`
/// (its P10–P90) where known.
pub fn site_table(
    rows: &[SiteRow],
    view: &View,
    here: &str,
    lang: Lang,
    range: impl Fn(&str) -> Option<String>,
) -> String {
    let t = lang.explore();
    let order = if view.descending { t.descending } else { t.ascending };
    let caption = format!("{} — {}", t.table_caption, fill_all(t.sorted, &[metric_name(view.rank_by, lang), order]));
    let mut out = format!(
        "<p class=\"note\" id=\"site-table-caption\">{}</p><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-labelledby=\"site-table-caption\"><table class=\"kv site-table\" id=\"site-table\" aria-labelledby=\"site-table-caption\" aria-describedby=\"site-table-notes\"><thead><tr><th scope=\"col\">{}</th>",
        esc(&caption),
        esc(t.member_state)
    );
    // The ranked result first, beside the names: the others follow in their order.
    let columns: Vec<&'static str> =
        std::iter::once(view.rank_by).chain(SITE_METRICS.into_iter().filter(|m| *m != view.rank_by)).collect();
    for &m in &columns {
        let name = esc(metric_name(m, lang));
        let (sort, mark) = match (view.rank_by == m, view.descending) {
            (false, _) => (String::new(), ""),
            (true, false) => (" aria-sort=\"ascending\"".to_string(), "▲"),
            (true, true) => (" aria-sort=\"descending\"".to_string(), "▼"),
        };
        out.push_str(&format!(
            "<th scope=\"col\" data-rank-metric=\"{m}\"{sort}><button type=\"button\" class=\"sort\" data-sort=\"{m}\" aria-label=\"{}\">{name}<span aria-hidden=\"true\" class=\"sort-mark\">{mark}</span></button></th>",
            esc(&fill(t.sort_by, metric_name(m, lang)))
        ));
    }
    out.push_str("</tr></thead><tbody>");
    let limit = format(DEMAND_FLAG_SHARE, lang, Style::Percent(0));
    let flagged_text = esc(&fill(t.flagged, &limit));
    for r in rows {
        let code = r.country;
        let current = code == here;
        let flagged = r.metric(NATIONAL_DEMAND_SHARE).is_some_and(|s| s > DEMAND_FLAG_SHARE);
        let class = match (current, flagged) {
            (true, true) => " class=\"current flagged\" aria-current=\"true\"",
            (true, false) => " class=\"current\" aria-current=\"true\"",
            (false, true) => " class=\"flagged\"",
            (false, false) => "",
        };
        let name = esc(&country_name(code, lang));
        out.push_str(&format!(
            "<tr data-country=\"{code}\"{class}><th scope=\"row\"><button type=\"button\" class=\"link site-pick\" data-pick=\"{code}\" aria-label=\"{}\">{name}</button>{}</th>",
            esc(&fill(t.choose, &country_name(code, lang))),
            if current { format!(" <span class=\"est\">{}</span>", esc(t.current)) } else { String::new() }
        ));
        for &m in &columns {
            match r.metric(m) {
                Some(v) => {
                    out.push_str(&format!(
                        "<td data-rank-metric=\"{m}\" data-value=\"{}\">{}",
                        crate::num::plain(v),
                        esc(&display(m, v, lang))
                    ));
                    if m == NATIONAL_DEMAND_SHARE && flagged {
                        out.push_str(&format!(
                            " <span class=\"flag\" title=\"{flagged_text}\">⚑<span class=\"sr-only\">{flagged_text}</span></span>"
                        ));
                    }
                    if let Some(range) = range(m).filter(|_| current && m == view.rank_by) {
                        out.push_str(&format!("<span class=\"cell-range\">{}</span>", esc(&range)));
                    }
                }
                None => out.push_str(&format!("<td data-rank-metric=\"{m}\">{}", esc(t.refused))),
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str(&format!(
        "</tbody></table></div><div id=\"site-table-notes\" class=\"note\"><p>{}</p><p>{}</p></div>",
        esc(&fill(t.flag_note, &limit)),
        esc(t.range_note)
    ));
    out
}

/// A labelled select as HTML: `options` as (value, label), `selected` chosen.
pub fn select(id: &str, name: &str, label: &str, options: &[(&str, String)], selected: &str) -> String {
    let mut out =
        format!("<div class=\"field\"><label for=\"{id}\">{}</label><select id=\"{id}\" name=\"{name}\">", esc(label));
    for (value, text) in options {
        let chosen = if *value == selected { " selected" } else { "" };
        out.push_str(&format!("<option value=\"{value}\"{chosen}>{}</option>", esc(text)));
    }
    out.push_str("</select></div>");
    out
}

/// The explorer's head as HTML: what it does, a word on overrides when the
/// design has any, and the choice of the result to rank by.
pub fn head(view: &View, overridden: bool, lang: Lang) -> String {
    let t = lang.explore();
    let mut out = format!("<p class=\"note\">{}</p>", esc(t.lead));
    if overridden {
        out.push_str(&format!("<p class=\"note override-note\">{}</p>", esc(t.overrides)));
    }
    let options: Vec<(&str, String)> = SITE_METRICS.iter().map(|m| (*m, metric_name(m, lang).to_string())).collect();
    out.push_str(&select("rank-by", "rank_by", t.rank_by, &options, view.rank_by));
    out
}

/// The choice of the input to sweep, as HTML.
pub fn sweep_select(view: &View, lang: Lang) -> String {
    let options: Vec<(&str, String)> = SweepInput::ALL.iter().map(|&i| (sweep_name(i), sweep_label(i, lang))).collect();
    select("sweep-input", "sweep", lang.explore().sweep_input, &options, sweep_name(view.sweep))
}

/// The map's legend as HTML: the lowest value, the colour scale, the highest,
/// and the result's name.
pub fn legend(rows: &[SiteRow], view: &View, lang: Lang) -> String {
    let (lo, hi) = extent(rows, view.rank_by).map_or((String::new(), String::new()), |(lo, hi)| {
        (display(view.rank_by, lo, lang), display(view.rank_by, hi, lang))
    });
    format!(
        "<span class=\"legend\"><span class=\"legend-end\">{}</span><span class=\"legend-bar\" aria-hidden=\"true\"></span><span class=\"legend-end\">{}</span></span><span class=\"legend-title\">{}</span><span class=\"note\">{}</span>",
        esc(&lo),
        esc(&hi),
        esc(metric_name(view.rank_by, lang)),
        esc(lang.explore().map_hint)
    )
}

/// `factories` copies of the estimated factory against the EU's totals, as
/// the scale panel's rows: (name, label, value, as written).
pub fn scale_rows(e: &Estimate, factories: f64, lang: Lang) -> [(&'static str, String, f64, String); 7] {
    let t = lang.explore();
    let s = explore::eu_scale(e, factories);
    let eu = format(crate::model::catalogue::EU27_DEMAND_TWH, lang, Style::Plain(0));
    let water = s.water_million_m3_per_year * 1e6;
    [
        ("accelerators", t.s_accelerators.into(), s.accelerators, format(s.accelerators, lang, Style::Plain(0))),
        ("grid_connection_gw", t.s_grid.into(), s.grid_connection_gw, unit(sig(s.grid_connection_gw, lang, 1), "GW")),
        ("energy_twh", t.s_energy.into(), s.energy_twh, unit(sig(s.energy_twh, lang, 1), "TWh")),
        ("share_of_eu", fill(t.s_share, &eu), s.share_of_eu, format(s.share_of_eu, lang, Style::Percent(1))),
        ("co2_mt_per_year", t.s_co2.into(), s.co2_mt_per_year, unit(sig(s.co2_mt_per_year, lang, 2), "Mt")),
        ("water_m3_per_year", t.s_water.into(), water, unit(format(water, lang, Style::Compact), "m³")),
        ("capex_eur", t.s_capex.into(), s.capex_eur, format(s.capex_eur, lang, Style::EuroCompact)),
    ]
}

/// The scale panel's table as HTML (`data-scale` names a row, `data-value` its plain number).
pub fn scale_table(e: &Estimate, factories: f64, lang: Lang) -> String {
    let mut out = String::from("<table class=\"kv scale-table\"><tbody>");
    for (name, label, v, shown) in scale_rows(e, factories, lang) {
        out.push_str(&format!(
            "<tr data-scale=\"{name}\" data-value=\"{}\"><th scope=\"row\">{}</th><td>{}</td></tr>",
            crate::num::plain(v),
            esc(&label),
            esc(&shown)
        ));
    }
    out.push_str("</tbody></table>");
    out
}

/// The scale panel's lead: the call's figures and how many factories of
/// this design hold its accelerators.
pub fn scale_lead(e: &Estimate, lang: Lang) -> String {
    fill_all(
        lang.explore().scale_lead,
        &[
            &explore::EU_CALL_PROPOSALS.to_string(),
            &explore::EU_CALL_SITES.to_string(),
            &explore::EU_CALL_MEMBER_STATES.to_string(),
            &format(explore::factories_for_call(e).ceil(), lang, Style::Plain(0)),
        ],
    )
}

/// What the page hands the explorer's module on each render, as a query
/// string: the figures' scenario and the explorer's view as a link writes
/// them ([`crate::url_state::to_query`], [`query`], `lang`), then `compact`,
/// `dark` and `band` switches and the current site's P10–P90 as
/// `range=NAME:P10:P90`. The page writes it with code it has
/// anyway; the module reads it with the link's own reader.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// The scenario of the figures on screen.
    pub scenario: Scenario,
    /// The explorer's view.
    pub view: View,
    /// The page's language.
    pub lang: Lang,
    /// The embedded view: map and table only.
    pub compact: bool,
    /// The dark colour scheme.
    pub dark: bool,
    /// The inputs have settled: draw the sweep's P10–P90 band for them.
    pub band: bool,
    /// P10–P90 of the current site by metric name, once the page's analysis
    /// has settled on the figures shown.
    pub ranges: Vec<(String, f64, f64)>,
}

/// Read an [`Input`] (see there) from its query string.
pub fn read_input(q: &str) -> Input {
    let parsed = crate::url_state::parse_query(q);
    let mut input = Input {
        scenario: parsed.scenario,
        view: parsed.view.apply(DEFAULT),
        lang: parsed.lang.unwrap_or(Lang::DEFAULT),
        compact: false,
        dark: false,
        band: false,
        ranges: Vec::new(),
    };
    for pair in q.trim_start_matches('?').split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let v = crate::url_state::percent_decode(v);
        match k {
            "compact" => input.compact = v == "1",
            "dark" => input.dark = v == "1",
            "band" => input.band = v == "1",
            "range" => {
                let mut parts = v.split(':');
                let (Some(m), Some(lo), Some(hi)) = (parts.next(), parts.next(), parts.next()) else { continue };
                if let (Some(lo), Some(hi)) = (crate::num::parse_f64(lo), crate::num::parse_f64(hi)) {
                    input.ranges.push((m.to_string(), lo, hi));
                }
            }
            _ => {}
        }
    }
    input
}

/// The explorer's elements, which its module fills: the head (lead and the
/// result to rank by), the map and its legend, the table; then, but in the
/// embedded view, the sweep and the EU call's scale. Static markup, set by the module's first render.
/// The head, the map with its legend and the table (the embedded view's all).
macro_rules! grid {
    () => {
        r#"<div id="explorer-head"></div><div class="explorer-grid"><figure class="map-figure"><div class="map" id="eu-map" role="group"></div><p class="note" id="eu-map-failed" role="status"></p><figcaption id="eu-legend"></figcaption></figure><div id="explorer-table"></div></div>"#
    };
}
pub const COMPACT: &str = grid!();
pub const FULL: &str = concat!(
    grid!(),
    r#"<div class="sweep"><div id="sweep-select"></div><figure class="chart" id="sweep-chart"><figcaption><strong id="sweep-title"></strong> <span id="sweep-caption"></span></figcaption><canvas id="sweep-canvas" role="img"></canvas><div class="sr-only" id="sweep-table"></div></figure></div>"#,
    r#"<div class="eu-scale" id="eu-scale"><h3 id="eu-scale-title"></h3><div class="field"><label for="eu-factories" id="eu-factories-label"></label><input id="eu-factories" type="text" inputmode="numeric" autocomplete="off" aria-describedby="eu-factories-help eu-factories-error"><p class="help" id="eu-factories-help"></p><p class="error" id="eu-factories-error" role="alert"></p></div><div id="eu-scale-table"></div><p class="note" id="eu-scale-note"></p></div>"#
);

/// The explorer's DOM, drawn by its module (`explore/`, a second wasm the page
/// loads when the explorer first opens, so that none of this is in the first
/// visit): every part is set from the builders above into the elements the
/// page's `ui::explorer` laid out.
#[cfg(target_arch = "wasm32")]
pub mod dom {
    use super::*;
    use wasm_bindgen::JsCast;
    use web_sys::Element;

    /// A sweep's P10–P90 band: (x, P10, P90).
    type Band = Vec<(f64, f64, f64)>;

    thread_local! {
        /// The last render's root and input: drawn again when the map arrives.
        static LAST: std::cell::RefCell<Option<(Element, String)>> = const { std::cell::RefCell::new(None) };
        /// The map's geometry: 0 not asked for, 1 on its way, 2 here, 3 failed.
        static MAP: std::cell::Cell<u8> = const { std::cell::Cell::new(0) };
        /// The last band drawn, with what it was drawn for (sweep, metric): kept
        /// while the inputs move, replaced when they settle.
        static BAND: std::cell::RefCell<(String, Band)> = const { std::cell::RefCell::new((String::new(), Vec::new())) };
    }

    thread_local! {
        /// What `set` last put in each element, by id: the browser's own
        /// serialisation of it differs from ours, so it is compared with this.
        static SET: std::cell::RefCell<Vec<(String, String)>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    /// Put `html` in the element `id` of `root` if it is not there already,
    /// keeping the focus on the control that had it (found again by its id,
    /// `data-pick` or `data-sort`).
    fn set(root: &Element, id: &str, html: &str) {
        let same = SET.with(|s| s.borrow().iter().any(|(k, v)| k == id && v == html));
        let Ok(Some(el)) = root.query_selector(&format!("#{id}")) else { return };
        // Drawn already (an element drawn anew by the page starts empty).
        if same && (html.is_empty() || el.first_child().is_some()) {
            return;
        }
        let doc = web_sys::window().and_then(|w| w.document());
        let focused = doc.as_ref().and_then(|d| d.active_element()).filter(|a| el.contains(Some(a)));
        let again = focused.and_then(|a| {
            ["data-pick", "data-sort"]
                .iter()
                .find_map(|k| a.get_attribute(k).map(|v| format!("[{k}=\"{v}\"]")))
                .or_else(|| Some(a.id()).filter(|i| !i.is_empty()).map(|i| format!("#{i}")))
        });
        el.set_inner_html(html);
        SET.with(|s| {
            let mut s = s.borrow_mut();
            match s.iter_mut().find(|(k, _)| k == id) {
                Some(entry) => entry.1 = html.to_string(),
                None => s.push((id.to_string(), html.to_string())),
            }
        });
        if let Some(el) = again.and_then(|sel| el.query_selector(&sel).ok().flatten()) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    }

    /// Draw the explorer in `root` for `input` (the query of an [`Input`]).
    pub fn render(root: &Element, input: &str) -> Result<(), String> {
        LAST.with(|l| *l.borrow_mut() = Some((root.clone(), input.to_string())));
        let input = read_input(input);
        let (lang, view) = (input.lang, input.view);
        // The elements to fill, laid out on the first render.
        if let Ok(Some(body)) = root.query_selector("#explorer-body") {
            if body.first_element_child().is_none() {
                body.set_inner_html(if input.compact { COMPACT } else { FULL });
                listen(&body);
            }
        }
        let design = &input.scenario;
        map(root, lang);
        let t = lang.explore();
        let rows = ranked(design, &view);
        let overridden =
            design.price_eur_per_mwh.is_some() || design.carbon_g_per_kwh.is_some() || design.pue.is_some();
        set(root, "explorer-head", &head(&view, overridden, lang));
        let range = |m: &str| {
            input
                .ranges
                .iter()
                .find(|r| r.0 == m)
                .map(|r| format!("P10–P90 {} – {}", display(m, r.1, lang), display(m, r.2, lang)))
        };
        set(root, "explorer-table", &site_table(&rows, &view, &design.country, lang, range));
        set(root, "eu-legend", &legend(&rows, &view, lang));
        if let Ok(Some(map)) = root.query_selector("#eu-map") {
            let _ = map.set_attribute("aria-label", &fill(t.map_name, metric_name(view.rank_by, lang)));
            paint(&map, &rows, &view, &design.country, lang);
        }
        if input.compact {
            return Ok(());
        }
        set(root, "sweep-select", &sweep_select(&view, lang));
        for (id, text) in [
            ("eu-scale-title", t.scale_title),
            ("eu-factories-label", t.factories),
            ("eu-factories-help", t.factories_help),
            ("eu-scale-note", t.scale_note),
        ] {
            set(root, id, &esc(text));
        }
        let (mut chart, table) = sweep_figure(design, view.sweep, view.rank_by, lang);
        let key = format!("{}|{}", sweep_name(view.sweep), view.rank_by);
        chart.band = BAND.with(|b| {
            let mut b = b.borrow_mut();
            if input.band {
                *b = (key.clone(), explore::sweep_band(design, view.sweep, view.rank_by));
            }
            if b.0 == key {
                b.1.clone()
            } else {
                Vec::new()
            }
        });
        let mut caption = fill_all(t.sweep_caption, &[metric_name(view.rank_by, lang), &sweep_label(view.sweep, lang)]);
        if !chart.band.is_empty() {
            caption.push(' ');
            caption.push_str(&fill_all(
                t.sweep_band,
                &[&explore::BAND_SAMPLES.to_string(), &explore::BAND_POINTS.to_string()],
            ));
        }
        set(root, "sweep-caption", &esc(&caption));
        set(root, "sweep-title", &esc(t.sweep_title));
        set(root, "sweep-table", &crate::ui::html::kv_table(&table, ""));
        if let Some(canvas) = root
            .query_selector("#sweep-canvas")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        {
            let _ = canvas.set_attribute("aria-label", &caption);
            let width = f64::from(canvas.client_width());
            crate::charts::canvas::draw_sweep_at(&canvas, &chart, lang, width, input.dark);
        }
        // The number of factories as typed (empty: as many as hold the call).
        let typed = root
            .query_selector("#eu-factories")
            .ok()
            .flatten()
            .and_then(|f| f.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|f| f.value())
            .unwrap_or_default();
        let factories = crate::ui::field::validate(&typed, lang, 1.0, 10_000.0, true);
        let error = factories.as_ref().err().map(|e| e.message(lang)).unwrap_or_default();
        set(root, "eu-factories-error", &esc(&error));
        if let Ok(Some(field)) = root.query_selector("#eu-factories") {
            let _ = field.set_attribute("aria-invalid", if factories.is_err() { "true" } else { "false" });
        }
        let scale = match crate::model::evaluate(design) {
            Ok(e) => {
                let n = factories.ok().flatten().map_or_else(|| explore::factories_for_call(&e).ceil(), f64::round);
                if let Ok(Some(field)) = root.query_selector("#eu-factories") {
                    let _ =
                        field.set_attribute("placeholder", &crate::num::plain(explore::factories_for_call(&e).ceil()));
                }
                format!("<p class=\"note\">{}</p>{}", esc(&scale_lead(&e, lang)), scale_table(&e, n, lang))
            }
            Err(_) => String::new(),
        };
        set(root, "eu-scale-table", &scale);
        Ok(())
    }

    /// What the module answers itself in the explorer's body: typing a number
    /// of factories draws the totals again, and Enter or Space on a country of
    /// the map (an SVG path, a button by its role) clicks it, which the page
    /// hears as a choice of site.
    fn listen(body: &Element) {
        use wasm_bindgen::closure::Closure;
        let typed = Closure::<dyn Fn()>::new(|| {
            // The band of the last settled render is kept, not computed again.
            if let Some((root, input)) = LAST.with(|l| l.borrow().clone()) {
                let _ = render(&root, &input.replace("&band=1", ""));
            }
        });
        let _ = body.add_event_listener_with_callback("input", typed.as_ref().unchecked_ref());
        typed.forget();
        let key = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(|ev: web_sys::KeyboardEvent| {
            let key = ev.key();
            if key != "Enter" && key != " " {
                return;
            }
            let country = ev
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|el| el.closest("#eu-map [data-country]").ok().flatten());
            if let Some(country) = country {
                ev.prevent_default();
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                if let Ok(click) = web_sys::Event::new_with_event_init_dict("click", &init) {
                    let _ = country.dispatch_event(&click);
                }
            }
        });
        let _ = body.add_event_listener_with_callback("keydown", key.as_ref().unchecked_ref());
        key.forget();
    }

    /// Fetch the map's geometry (`scripts/map.mjs`, in `fragments/`) the first
    /// time, put it in `#eu-map` and draw again; say so when it cannot come.
    fn map(root: &Element, lang: Lang) {
        match MAP.with(|m| m.get()) {
            0 => {
                MAP.with(|m| m.set(1));
                wasm_bindgen_futures::spawn_local(async {
                    let svg = crate::ui::sources::fetch_text("map").await;
                    let Some((root, input)) = LAST.with(|l| l.borrow().clone()) else { return };
                    match (svg, root.query_selector("#eu-map")) {
                        (Some(svg), Ok(Some(map))) => {
                            map.set_inner_html(&svg);
                            MAP.with(|m| m.set(2));
                        }
                        _ => MAP.with(|m| m.set(3)),
                    }
                    let _ = render(&root, &input);
                });
            }
            3 => {
                // Asked again at the next render (back online, the map comes).
                MAP.with(|m| m.set(0));
                set(root, "eu-map-failed", &esc(lang.explore().map_failed));
                return;
            }
            _ => {}
        }
        set(root, "eu-map-failed", "");
    }

    /// Colour and name each member state of the map by its row (the map's
    /// markup is put in by the page when its file has loaded).
    fn paint(map: &Element, rows: &[SiteRow], v: &View, here: &str, l: Lang) {
        let Ok(paths) = map.query_selector_all("[data-country]") else { return };
        let range = extent(rows, v.rank_by);
        for i in 0..paths.length() {
            let Some(path) = paths.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let Some(code) = path.get_attribute("data-country") else { continue };
            let value = rows.iter().find(|r| r.country == code).and_then(|r| r.metric(v.rank_by));
            let name = country_name(&code, l);
            // A presentation attribute, not a style: the page's CSP allows no inline style.
            let (fill, label) = match (value, range) {
                (Some(x), Some(range)) => {
                    let (r, g, b) = colour(position(x, range));
                    (format!("rgb({r},{g},{b})"), format!("{name}: {}", display(v.rank_by, x, l)))
                }
                _ => (String::new(), format!("{name}: {}", l.explore().refused)),
            };
            let value = value.map(crate::num::plain).unwrap_or_default();
            let pressed = if code == here { "true" } else { "false" };
            // Only what changed is written: each write restyles the map.
            for (k, v) in [
                ("fill", fill.as_str()),
                ("aria-label", &label),
                ("role", "button"),
                ("tabindex", "0"),
                ("data-value", &value),
                ("aria-pressed", pressed),
            ] {
                match path.get_attribute(k) {
                    Some(now) if now == v => {}
                    _ if v.is_empty() => {
                        let _ = path.remove_attribute(k);
                    }
                    _ => {
                        let _ = path.set_attribute(k, v);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_27_rows_the_headline_values_and_marks_the_site() {
        let d = Scenario::default();
        let rows = ranked(&d, &DEFAULT);
        let html = site_table(&rows, &DEFAULT, "DE", Lang::En, |_| Some("P10–P90 x – y".into()));
        assert_eq!(html.matches("<tr data-country=").count(), 27);
        assert_eq!(html.matches("aria-current=\"true\"").count(), 1);
        assert!(html.contains("<tr data-country=\"DE\" class=\"current"), "{html}");
        assert_eq!(html.matches("P10–P90 x – y").count(), 1, "the ranked result's range, on the current row only");
        let e = crate::model::evaluate(&Scenario { country: "SE".into(), ..d }).unwrap();
        let se = format!("<td data-rank-metric=\"pue\" data-value=\"{}\">", crate::num::plain(e.pue()));
        assert!(html.contains(&se), "{se}");
        assert!(html.contains("aria-sort=\"ascending\""));
        // Small countries draw a large share of their demand: flagged.
        assert!(html.contains("class=\"flagged\""));
    }

    #[test]
    fn the_scale_rows_multiply_the_factory() {
        let e = crate::model::evaluate(&Scenario::default()).unwrap();
        let rows = scale_rows(&e, 30.0, Lang::Fr);
        assert_eq!(rows[0].2, e.accelerator_count * 30.0);
        assert!((rows[2].2 - e.annual_energy.gwh() * 30.0 / 1e3).abs() < 1e-9);
        assert!(scale_lead(&e, Lang::En).contains("76 proposals"));
    }

    #[test]
    fn view_parameters_round_trip_and_default_writes_nothing() {
        assert_eq!(query(&DEFAULT), "");
        let v = View { open: true, rank_by: "pue", descending: true, sweep: SweepInput::Wacc };
        let q = query(&v);
        assert_eq!(q, "&explore=1&rank_by=-pue&sweep=wacc");
        let parsed = crate::url_state::parse_query(&q);
        assert_eq!(parsed.view.apply(DEFAULT), v);
        assert!(!parsed.has_scenario, "the view is not the scenario");
    }

    #[test]
    fn every_sweepable_input_has_a_link_name_of_its_own() {
        for i in SweepInput::ALL {
            assert_eq!(parse_sweep(sweep_name(i)), Ok(i), "{i:?}");
            if i != SweepInput::Count {
                assert!(fields::by_name(sweep_name(i)).is_some(), "{i:?} is not a field");
            }
        }
        assert_eq!(parse_sweep("nope"), Err(UNKNOWN_INPUT));
        assert_eq!(parse_rank("-tco_eur"), Err(UNKNOWN_RESULT));
        assert_eq!(parse_rank(" -co2_t_per_year"), Ok(("co2_t_per_year", true)));
    }

    #[test]
    fn ranking_follows_the_result_and_its_direction() {
        let d = Scenario::default();
        let up = ranked(&d, &View { rank_by: "pue", ..DEFAULT });
        let down = ranked(&d, &View { rank_by: "pue", descending: true, ..DEFAULT });
        assert_eq!(up.len(), 27);
        let pue = |r: &SiteRow| r.metric("pue").unwrap();
        assert!(up.windows(2).all(|w| pue(&w[0]) <= pue(&w[1])));
        assert_eq!(pue(&up[0]), pue(&down[26]));
    }

    #[test]
    fn colours_run_along_viridis_and_stay_on_it_out_of_range() {
        assert_eq!(colour(0.0), VIRIDIS[0]);
        assert_eq!(colour(1.0), VIRIDIS[8]);
        assert_eq!(colour(2.0), VIRIDIS[8]);
        assert_eq!(colour(f64::NAN), VIRIDIS[0]);
        assert_eq!(colour(0.5), VIRIDIS[4]);
        assert_eq!(position(3.0, (2.0, 4.0)), 0.5);
        assert_eq!(position(3.0, (3.0, 3.0)), 0.5);
        assert_eq!(position(106.2, (106.1, 106.2)), 0.5);
    }

    #[test]
    fn the_sweep_marks_the_design_and_the_rules_it_crosses() {
        let d = Scenario::default();
        let (c, _) = sweep_figure(&d, SweepInput::Count, "facility_power_mw", Lang::En);
        assert_eq!(c.points.len(), SWEEP_POINTS);
        let e = crate::model::evaluate(&d).unwrap();
        let (x, y) = c.current.unwrap();
        assert_eq!(x, 100_000.0);
        assert!((y - e.power.facility_peak.value()).abs() < 1e-9);
        // From one accelerator to ten million, the EED's 500 kW reporting threshold is crossed.
        assert!(c.crossings.iter().any(|(_, n)| n.contains("500")), "{:?}", c.crossings);
        // An override left to the country marks the country's figure.
        let (c, _) = sweep_figure(&d, SweepInput::Price, "cost_per_gpu_hour_eur", Lang::Fr);
        assert_eq!(c.current.unwrap().0, e.price_eur_per_mwh);
    }
}
