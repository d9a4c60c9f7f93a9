//! The sourced catalogues: ids unique and stable, values physically plausible,
//! every row cited, lookups as the URL interface documents them.

use gigafactory_model::catalogue::{
    accelerator, country, CoolingTech, HeatRejection, Redundancy, SystemForm, ACCELERATORS, COUNTRIES, EU27_DEMAND_TWH,
    EU27_HOUSEHOLD_KWH,
};
use gigafactory_model::source::{self, SourceId};
use std::collections::HashSet;

fn assert_unique<'a>(what: &str, ids: impl IntoIterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for id in ids {
        assert!(seen.insert(id), "duplicate {what} {id:?}");
    }
}

/// `true` where the cited id is one of the sources the panel lists.
fn is_cited(id: SourceId) -> bool {
    source::by_id(id.as_str()).is_some_and(|s| s.cite() == id)
}

// ---------------------------------------------------------------------------
// Accelerators
// ---------------------------------------------------------------------------

#[test]
fn accelerator_ids_are_unique_lowercase_and_url_safe() {
    assert_unique("accelerator id", ACCELERATORS.iter().map(|a| a.id));
    for a in ACCELERATORS {
        assert!(!a.id.is_empty());
        assert!(
            a.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()),
            "{:?} is not a lowercase URL-safe id",
            a.id
        );
        assert!(!a.name.trim().is_empty() && !a.vendor.trim().is_empty(), "{} lacks a name or vendor", a.id);
    }
}

#[test]
fn the_documented_accelerator_ids_exist() {
    // DESIGN.md's URL table: `accelerator` takes these ids (more are welcome).
    for id in ["h100", "h200", "b200", "b300", "gb200", "gb300", "mi300x", "mi325x", "mi355x", "gaudi3"] {
        assert!(accelerator(id).is_some(), "{id} is missing from the catalogue");
    }
}

#[test]
fn accelerator_values_are_physically_plausible() {
    for a in ACCELERATORS {
        let id = a.id;
        assert!((300.0..=2_000.0).contains(&a.tdp_w), "{id}: TDP {} W", a.tdp_w);
        assert!(a.bf16_tflops > 100.0 && a.bf16_tflops < 10_000.0, "{id}: BF16 {} TFLOP/s", a.bf16_tflops);
        assert!(a.bf16_tflops <= a.fp8_tflops, "{id}: BF16 {} > FP8 {}", a.bf16_tflops, a.fp8_tflops);
        // FP8 is at most twice BF16 (datasheets round: H100 989 vs 1 979).
        assert!(a.fp8_tflops <= 2.0 * a.bf16_tflops * 1.001, "{id}: FP8 more than twice BF16");
        assert!((16.0..=1_024.0).contains(&a.memory_gb), "{id}: {} GB", a.memory_gb);
        match a.form {
            SystemForm::Server => assert_eq!(a.per_system, 8, "{id}: servers hold 8 accelerators"),
            SystemForm::Rack => assert_eq!(a.per_system, 72, "{id}: NVL72 racks hold 72"),
        }
        // The system draws at least its accelerators' TDP, and not absurdly more.
        let accelerators_kw = f64::from(a.per_system) * a.tdp_w / 1_000.0;
        assert!(
            a.system_kw >= accelerators_kw,
            "{id}: system {} kW < {} kW of accelerators",
            a.system_kw,
            accelerators_kw
        );
        assert!(
            a.system_kw <= 2.5 * accelerators_kw,
            "{id}: system {} kW vs {} kW of accelerators",
            a.system_kw,
            accelerators_kw
        );
        assert!(a.host_w() > 0.0 && a.host_w() < a.tdp_w, "{id}: host share {} W", a.host_w());
        // Prices positive, ordered and the central price inside its range.
        let (lo, hi) = a.price_range_usd;
        assert!(lo > 0.0 && lo <= a.price_usd && a.price_usd <= hi, "{id}: {lo} ≤ {} ≤ {hi}", a.price_usd);
        assert!((5_000.0..=150_000.0).contains(&a.price_usd), "{id}: US${} per accelerator", a.price_usd);
        assert!((100.0..=5_000.0).contains(&a.embodied_kg), "{id}: {} kg embodied", a.embodied_kg);
    }
}

#[test]
fn every_accelerator_cites_listed_sources() {
    for a in ACCELERATORS {
        for s in [a.spec_source, a.power_source, a.price_source, a.mfu_source] {
            assert!(is_cited(s), "{} cites {s}, which the sources panel does not list", a.id);
        }
    }
}

#[test]
fn accelerator_lookup_is_case_insensitive() {
    let h100 = accelerator("H100").expect("H100 is in the catalogue");
    assert_eq!(h100.id, "h100");
    assert_eq!(h100.tdp_w, 700.0);
    assert_eq!(accelerator(" gb200 ").map(|a| a.id), Some("gb200"));
    assert_eq!(accelerator("Mi355X").map(|a| a.id), Some("mi355x"));
    assert!(accelerator("h1000").is_none());
    assert!(accelerator("").is_none());
    for a in ACCELERATORS {
        assert_eq!(accelerator(a.id).map(|x| x.id), Some(a.id));
        assert_eq!(accelerator(&a.id.to_uppercase()).map(|x| x.id), Some(a.id));
    }
}

// ---------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------

#[test]
fn the_27_member_states_are_there_once_each() {
    const EU27: [&str; 27] = [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
        "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ];
    assert_eq!(COUNTRIES.len(), 27);
    assert_unique("country code", COUNTRIES.iter().map(|c| c.code));
    let codes: HashSet<&str> = COUNTRIES.iter().map(|c| c.code).collect();
    assert_eq!(codes, EU27.into_iter().collect::<HashSet<_>>());
    for c in COUNTRIES {
        assert!(c.code.len() == 2 && c.code.chars().all(|ch| ch.is_ascii_uppercase()), "{:?}", c.code);
        assert!(!c.name.trim().is_empty() && !c.name_fr.trim().is_empty() && !c.city.trim().is_empty(), "{}", c.code);
    }
    assert_unique("country name", COUNTRIES.iter().map(|c| c.name));
}

#[test]
fn country_values_are_physically_plausible() {
    for c in COUNTRIES {
        let code = c.code;
        for (m, t) in c.monthly_temp_c.iter().enumerate() {
            assert!((-20.0..=35.0).contains(t), "{code} month {m}: {t} °C");
        }
        // Northern hemisphere: July warmer than January.
        assert!(c.monthly_temp_c[6] > c.monthly_temp_c[0], "{code}: July not warmer than January");
        assert!((0.0..=1_000.0).contains(&c.carbon_g_per_kwh), "{code}: {} g/kWh", c.carbon_g_per_kwh);
        assert!((20.0..=400.0).contains(&c.price_eur_per_mwh), "{code}: €{}/MWh", c.price_eur_per_mwh);
        // Band ID (2–20 GWh) is the top of the range: smaller buyers pay more than band IG.
        assert!(
            c.price_band_id_eur_per_mwh >= c.price_eur_per_mwh && c.price_band_id_eur_per_mwh <= 400.0,
            "{code}: band ID €{} vs band IG €{}",
            c.price_band_id_eur_per_mwh,
            c.price_eur_per_mwh
        );
        assert!(matches!(c.carbon_year, 2024 | 2025), "{code}: carbon year {}", c.carbon_year);
        // AIB 2025 residual mixes run from France's 17 to Germany's 701 g/kWh; only the two
        // full-disclosure countries borrow the grid intensity (flagged).
        assert!((10.0..=800.0).contains(&c.residual_g_per_kwh), "{code}: residual {} g/kWh", c.residual_g_per_kwh);
        assert_eq!(c.residual_is_estimate, matches!(code, "AT" | "NL"), "{code}: residual flag");
        if c.residual_is_estimate {
            assert_eq!(c.residual_g_per_kwh, c.carbon_g_per_kwh, "{code}: the grid intensity stands in");
        }
        assert!((1.0..=1_000.0).contains(&c.demand_twh), "{code}: {} TWh", c.demand_twh);
        assert!((1_000.0..=15_000.0).contains(&c.household_kwh), "{code}: {} kWh per dwelling", c.household_kwh);
        for s in c.sources() {
            assert!(is_cited(s), "{code} cites {s}, which the sources panel does not list");
        }
    }
}

#[test]
fn labour_costs_are_plausible_and_price_construction_and_staff() {
    use gigafactory_model::catalogue::{CONSTRUCTION_LABOUR_SHARE, LABOUR_REFERENCE_EUR_PER_HOUR};
    for c in COUNTRIES {
        // Eurostat 2024: Bulgaria €10.6 to Luxembourg €55.2 an hour.
        assert!((10.0..=56.0).contains(&c.labour_eur_per_hour), "{}: €{}/h", c.code, c.labour_eur_per_hour);
        assert_eq!(c.labour_is_estimate, matches!(c.code, "SE" | "FI" | "SI" | "EE"), "{}: labour flag", c.code);
        assert_eq!(c.construction_is_estimate(), c.code != "DE", "{}: only Frankfurt is in the index", c.code);
        let f = c.construction_factor();
        assert!(f > 1.0 - CONSTRUCTION_LABOUR_SHARE && f < 1.2, "{}: construction × {f}", c.code);
        for s in c.cost_sources() {
            assert!(is_cited(s), "{} cites {s}, which the sources panel does not list", c.code);
        }
    }
    let de = country("DE").expect("Germany");
    assert_eq!(de.labour_eur_per_hour, LABOUR_REFERENCE_EUR_PER_HOUR, "the reference is Germany's");
    assert_eq!(de.construction_factor(), 1.0);
    let (gr, lu) = (country("GR").expect("Greece"), country("LU").expect("Luxembourg"));
    assert!(gr.construction_factor() < 0.75 && lu.construction_factor() > 1.1);
}

#[test]
fn eu_totals_agree_with_the_countries() {
    // Ember's EU-27 demand is the sum of the member states' (2 769.63 TWh in 2025).
    let sum: f64 = COUNTRIES.iter().map(|c| c.demand_twh).sum();
    assert!((sum - EU27_DEMAND_TWH).abs() < 0.01 * EU27_DEMAND_TWH, "Σ {sum} TWh vs EU-27 {EU27_DEMAND_TWH} TWh");
    assert!((2_000.0..=6_000.0).contains(&EU27_HOUSEHOLD_KWH));
}

#[test]
fn country_lookup_accepts_eurostat_codes_and_any_case() {
    assert_eq!(country("el").map(|c| c.name), Some("Greece"), "Eurostat's EL is Greece");
    assert_eq!(country("EL").map(|c| c.code), Some("GR"));
    assert_eq!(country("GR").map(|c| c.name), Some("Greece"));
    assert_eq!(country("de").map(|c| c.name), Some("Germany"));
    assert_eq!(country(" fr ").map(|c| c.city), Some("Paris"));
    for missing in ["US", "UK", "GB", "NO", "CH", "", "E", "DEU"] {
        assert!(country(missing).is_none(), "{missing} is not an EU member state");
    }
    for c in COUNTRIES {
        assert_eq!(country(&c.code.to_lowercase()).map(|x| x.code), Some(c.code));
    }
}

// ---------------------------------------------------------------------------
// Cooling, heat rejection, redundancy
// ---------------------------------------------------------------------------

#[test]
fn cooling_parameters_are_plausible_and_ids_round_trip() {
    assert_unique("cooling id", CoolingTech::ALL.iter().map(|c| c.id()));
    for c in CoolingTech::ALL {
        let p = c.params();
        assert!((0.0..=1.0).contains(&p.liquid_share), "{}", c.id());
        assert!((15.0..=50.0).contains(&p.liquid_supply_c) && (15.0..=30.0).contains(&p.air_supply_c), "{}", c.id());
        assert!((0.0..=0.2).contains(&p.fan_pump_share), "{}", c.id());
        assert!((20.0..=300.0).contains(&p.max_rack_kw), "{}", c.id());
        assert!((0.0..=0.3).contains(&p.capex_premium), "{}", c.id());
        // Delivered heat is exported × COP/(COP − 1): a COP of 1 or less would divide by zero.
        assert!(p.heat_pump_cop > 1.5 && p.heat_pump_cop < 10.0, "{}: COP {}", c.id(), p.heat_pump_cop);
        assert!(is_cited(p.source), "{}: {}", c.id(), p.source);
        assert_eq!(CoolingTech::from_id(c.id()), Some(c));
        assert_eq!(CoolingTech::from_id(&c.id().to_uppercase()), Some(c));
    }
    // Liquid cooling carries more heat in liquid, and allows denser racks, than air.
    let (air, dlc) = (CoolingTech::Air.params(), CoolingTech::Dlc.params());
    assert!(dlc.liquid_share > air.liquid_share && dlc.max_rack_kw > air.max_rack_kw);
    // Every NVL72 rack fits DLC and immersion.
    for a in ACCELERATORS.iter().filter(|a| a.form == SystemForm::Rack) {
        assert!(
            a.system_kw <= dlc.max_rack_kw && a.system_kw <= CoolingTech::Immersion.params().max_rack_kw,
            "{}",
            a.id
        );
    }
    // Every 8-way server fits at least one per rack with any cooling.
    for a in ACCELERATORS.iter().filter(|a| a.form == SystemForm::Server) {
        assert!(CoolingTech::ALL.iter().all(|c| c.params().max_rack_kw >= a.system_kw), "{}", a.id);
    }
    assert!(CoolingTech::from_id("water").is_none());
}

#[test]
fn heat_rejection_and_redundancy_are_plausible_and_ids_round_trip() {
    assert_unique("heat rejection id", HeatRejection::ALL.iter().map(|h| h.id()));
    for h in HeatRejection::ALL {
        let p = h.params();
        assert!((1.0..=12.0).contains(&p.approach_k), "{}", h.id());
        assert!((0.0..=0.05).contains(&p.fan_share), "{}", h.id());
        assert!(is_cited(p.source), "{}: {}", h.id(), p.source);
        assert_eq!(HeatRejection::from_id(h.id()), Some(h));
    }
    assert_unique("redundancy id", Redundancy::ALL.iter().map(|r| r.id()));
    let mut previous: Option<Redundancy> = None;
    for r in Redundancy::ALL {
        assert!((1.0..=2.0).contains(&r.capacity_factor()), "{}", r.id());
        assert!((0.02..=0.08).contains(&r.loss_share()), "{}", r.id());
        if let Some(p) = previous {
            assert!(r.capacity_factor() > p.capacity_factor() && r.loss_share() >= p.loss_share());
        }
        previous = Some(r);
        assert_eq!(Redundancy::from_id(r.id()), Some(r));
        assert_eq!(Redundancy::from_id(&r.id().to_uppercase()), Some(r));
    }
}

// ---------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------

#[test]
fn every_source_has_an_id_a_title_and_a_url() {
    assert!(source::ALL.len() >= 20);
    assert_unique("source id", source::ALL.iter().map(|s| s.id));
    assert_unique("source title", source::ALL.iter().map(|s| s.title));
    for s in source::ALL {
        assert!(
            !s.id.is_empty() && s.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{:?}",
            s.id
        );
        assert!(!s.title.trim().is_empty(), "{}: empty title", s.id);
        assert!(!s.publisher.trim().is_empty(), "{}: empty publisher", s.id);
        assert!((1990..=2030).contains(&s.year), "{}: year {}", s.id, s.year);
        assert!(!s.url.trim().is_empty() && !s.url.contains(char::is_whitespace), "{}: URL {:?}", s.id, s.url);
        // A web address, or a path inside this repository (the measurement, the README).
        let web = s.url.starts_with("https://") || s.url.starts_with("http://");
        let local = !s.url.contains("://") && !s.url.starts_with('/');
        assert!(web || local, "{}: URL {:?}", s.id, s.url);
    }
}

#[test]
fn sources_are_found_by_id() {
    for s in source::ALL {
        assert_eq!(source::by_id(s.id), Some(s), "{}", s.id);
        assert_eq!(s.cite(), SourceId(s.id));
        assert_eq!(s.cite().source(), Some(s));
        assert_eq!(s.cite().to_string(), s.id);
    }
    assert_eq!(source::by_id("nvidia-hopper").map(|s| s.url), Some(source::NVIDIA_HOPPER.url));
    for missing in ["", "NVIDIA-HOPPER", "nvidia hopper", "no-such-source"] {
        assert!(source::by_id(missing).is_none(), "{missing:?}");
        assert!(SourceId(missing).source().is_none(), "{missing:?}");
    }
    // The catalogues' ids name the constants written next to each figure.
    let h100 = gigafactory_model::catalogue::accelerator("h100").expect("H100");
    assert_eq!(h100.spec_source.source(), Some(&source::NVIDIA_HOPPER));
    let pt = gigafactory_model::catalogue::country("PT").expect("Portugal");
    assert_eq!(pt.design().source.source(), Some(&source::ASHRAE_DESIGN_LISBON));
}

#[test]
fn repository_sources_point_at_files_that_exist() {
    // Paths are from the repository's root, the model crate's parent.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let measurement = source::H200_MEASUREMENT.url;
    assert!(root.join(measurement).is_file(), "{measurement} is cited but missing");
    // Every source that is a path of this repository (not a web address) names a file that exists.
    for s in source::ALL.iter().filter(|s| !s.url.contains("://")) {
        let path = s.url.split('#').next().unwrap_or_default();
        assert!(root.join(path).is_file(), "{}: {} is cited but missing", s.id, s.url);
    }
}

#[test]
fn every_site_has_a_plausible_design_condition() {
    for c in gigafactory_model::catalogue::COUNTRIES {
        let d = c.design();
        let warmest = c.monthly_temp_c.iter().copied().fold(f64::MIN, f64::max);
        assert!(d.dry_bulb_c > warmest + 5.0 && d.dry_bulb_c < 45.0, "{}: {}", c.code, d.dry_bulb_c);
        assert!(d.wet_bulb_c < d.dry_bulb_c && d.wet_bulb_c > 10.0, "{}: {}", c.code, d.wet_bulb_c);
        assert_eq!(d.is_estimate, c.code != "PT", "only Lisbon's is read from a table");
        assert!(is_cited(d.source), "{}: {}", c.code, d.source);
    }
}
