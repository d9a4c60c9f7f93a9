//! Golden scenarios: the model's outputs checked against arithmetic done by
//! hand from the catalogue rows and the formulas in `src/model/compute.rs` and
//! `src/model/site.rs`. Each expected number is derived step by step in the
//! comments; tolerances are relative (1e-8 where the arithmetic is exact, looser
//! where the climate model's normal-CDF approximation enters).
//!
//! Shared constants (compute.rs), used in every scenario below:
//! - accelerator draw share  a(u) = 122/700 + (691/700 − 122/700)·u = 0.1742857 + 0.8128571·u
//! - host draw share         h(u) = 0.30 + (HOST_FULL − 0.30)·u, with
//!   HOST_FULL = (0.76·10 200 − 8·690) / (10 200 − 8·700) = 2 232 / 4 600 = 0.4852174
//! - IT = servers × (1 + 0.02 storage) + network (model 2.1, at every load): per accelerator at
//!   400 Gb/s 3 ports × 7 000/144 W × ½ ÷ 0.86 = 84.786822 W up to 41 472 accelerators (two tiers),
//!   5 ports = 141.311370 W beyond (three tiers); at 800 Gb/s twice that, two tiers up to 10 368
//! - Model 2.1 moved the IT power (and through it energy, capex, opex, carbon); the asserted figures
//!   are 2.1's. Where a long comment below quotes an intermediate € or MWh sum that follows from the
//!   IT power by the formulas stated, the sum is the pre-2.1 one unless the line says "2.1".
//! - € = US$ / 1.0824; construction US$11.6 M per MW of IT design power × (1 + cooling premium)
//!   × (model 2.2) the country's construction factor 0.55 + 0.45 × labour cost ÷ Germany's €43.4/h
//!   (1 in Germany; Finland €43.0 → 0.9958525, France €43.7 → 1.0031106, Sweden €43.9 → 1.0051843)
//! - construction split: shell 0.20, electrical 0.45 × {N 0.8, N+1 1.0, 2N 1.4}, mechanical 0.25,
//!   other 0.10, land & soft 0.10; IT capex = systems × (1 + 0.10 network + 0.05 storage)
//! - opex: maintenance 2 % of facility capex, support 4 % of IT capex, staff 0.4 FTE/MW × €90 000
//!   × (model 2.2) labour cost ÷ Germany's (Finland 43.0/43.4, France 43.7/43.4, Sweden 43.9/43.4)
//! - embodied: count × kg × 1.15 / 1000 (hardware), 1 250 t per MW of IT design (building)
//! - training FLOP = 6·N·D; time = FLOP / (count × peak × MFU × goodput)

use gigafactory_model::catalogue::{CoolingTech, HeatRejection, Redundancy};
use gigafactory_model::estimate::{Rule, Status};
use gigafactory_model::{evaluate, Estimate, Precision, Scenario, Sizing, TrainingRun};

/// Assert `actual` is within a relative tolerance `rel` of `expected`.
#[track_caller]
fn close(what: &str, actual: f64, expected: f64, rel: f64) {
    let err = (actual - expected).abs();
    let scale = expected.abs().max(1e-300);
    assert!(
        err <= rel * scale || (expected == 0.0 && actual == 0.0),
        "{what}: got {actual}, expected {expected} (relative error {:.3e} > {rel:.0e})",
        err / scale
    );
}

/// Exact arithmetic: only the rounding of the literals below (9–11 significant
/// digits) separates model and hand.
const EXACT: f64 = 1e-8;

fn status(e: &Estimate, rule: Rule) -> Status {
    e.checks.iter().find(|c| c.rule == rule).expect("every rule is checked").status
}

// ---------------------------------------------------------------------------
// 1. The default: 100 000 B200 in Germany (Frankfurt), DLC, dry coolers, N+1,
//    80 % load, climate PUE, 10-year horizon, 5-year IT life, 20-year facility,
//    WACC 7 %, Llama 3.1 405B training run.
// ---------------------------------------------------------------------------
#[test]
fn golden_default_100k_b200_dlc_germany() {
    let e = evaluate(&Scenario::default()).expect("the default evaluates");

    // Sizing: 100 000 / 8 per HGX = 12 500 systems. DLC allows 250 kW a rack,
    // floor(250 / 14.3) = 17, capped at 4 servers a rack: 3 125 racks of 4 × 14.3 = 57.2 kW,
    // floor area 3 125 × 3 m² = 9 375 m².
    assert_eq!(e.accelerator_count, 100_000.0);
    assert_eq!(e.systems, 12_500.0);
    assert_eq!(e.racks, 3_125.0);
    close("rack_kw", e.rack_kw, 57.2, EXACT);
    close("floor", e.floor_area_m2, 9_375.0, EXACT);

    // IT design power. B200: TDP 1 000 W; host share 14 300 / 8 − 1 000 = 787.5 W.
    //   accelerators 1 000 W × 100 000 = 100 MW; hosts 787.5 W × 100 000 = 78.75 MW
    //   servers 178.75 MW; storage 2 % = 3.575; network (2.1) 100 000 > 41 472 → three tiers:
    //   141.311370 W × 100 000 = 14.131137 MW (5 % of servers, 8.9375, before)
    //   IT design = 178.75 × 1.02 + 14.131137 = 196.456137 MW (191.2625 before)
    close("accelerators", e.power.accelerators.value(), 100.0, EXACT);
    close("hosts", e.power.hosts.value(), 78.75, EXACT);
    close("network", e.power.network.value(), 14.1311369509, EXACT);
    close("storage", e.power.storage.value(), 3.575, EXACT);
    close("it_design", e.power.it_design.value(), 196.456136951, EXACT);

    // Average IT power at u = 0.8:
    //   a(0.8) = 0.1742857 + 0.8128571 × 0.8 = 0.8245714 → 824.5714 W
    //   h(0.8) = 0.30 + 0.1852174 × 0.8 = 0.4481739 → 787.5 × 0.4481739 = 352.9370 W
    //   per accelerator 1 177.5084 W × 100 000 = 117.75084 MW × 1.02 = 120.105857 MW
    //   + network 14.131137 at every load = 134.236992 MW (125.993397 before 2.1)
    close("it_average", e.power.it_average.value(), 134.23699223, 1e-9);

    // Climate PUE (site.rs), done by hand for July in Frankfurt (20.0 °C mean):
    //   heat ratio = 1 + losses 0.04 + DLC fans/pumps 0.03 = 1.07
    //   chiller-free PUE floor = 1 + 0.04 + misc 0.01 + 0.03 + 1.07 × dry-cooler fans 0.02 = 1.1014
    //   liquid loop (80 %): supply 40 °C − 6 K dry-cooler approach − 2 K HX = 32 °C threshold
    //     z = (32 − 20)/4.5 = 2.667, chiller hours 1 − Φ(2.667) = 0.00383,
    //     hot-hour mean 20 + 4.5·φ(z)/0.00383 = 33.39 °C; COP 0.5·(35 + 273.15)/(33.39 + 11 − 35)
    //     = 16.4 → clamped to 12; chillers 0.8 × 0.00383 / 12 = 0.000255
    //   air loop (20 %): supply 18 °C → threshold 10 °C, z = −2.222, hours 1 − Φ(−2.222) = 0.98687,
    //     hot mean 20 + 4.5·φ(−2.222)/0.98687 = 20.154 °C; COP = 0.5 × 286.15 / (20.154 + 11 − 13)
    //     = 7.881; chillers 0.2 × 0.98687 / 7.881 = 0.025044
    //   July PUE = 1.1014 + 1.07 × (0.000255 + 0.025044) = 1.12847
    // The other months the same way (Jan…Dec):
    //   1.10195 1.10221 1.10518 1.11079 1.11914 1.12471 1.12847 1.12760 1.12008 1.10995 1.10433 1.10225
    // Those are the PUEs at full load. Fixed overheads (model 2.1): the power chain's no-load
    //   losses, 40 % of its 4 %, and misc 1 % are drawn at every load: 0.026 × 196.456137
    //   = 5.107860 MW, adding 5.107860 × (1/134.236992 − 1/196.456137) = 0.0120511 to each month.
    // Hour-weighted annual PUE = Σ PUE_m · hours_m / 8 760 = 1.113208 + 0.0120511 = 1.125259.
    let hand_monthly = [
        1.101_952, 1.102_214, 1.105_178, 1.110_791, 1.119_142, 1.124_706, 1.128_470, 1.127_605, 1.120_081, 1.110_948,
        1.104_326, 1.102_252,
    ];
    close("fixed overhead", e.power.fixed_overhead.value(), 5.107_859_561, 1e-9);
    for (m, (&model, &hand)) in e.pue_monthly.iter().zip(hand_monthly.iter()).enumerate() {
        close(&format!("PUE month {m}"), model, hand + 0.012_051_058, 2e-6);
        assert!(model >= 1.1014 + 0.012_051 - 1e-12, "month {m} is below the chiller-free floor");
    }
    let worst = e.pue_monthly.iter().copied().fold(0.0, f64::max);
    assert_eq!(worst, e.pue_monthly[6], "July is Frankfurt's hottest month");
    close("annual PUE", e.pue(), 1.12525947014, 2e-6);

    // Design day (model v2): Frankfurt has no ASHRAE table in the sources, so its design dry-bulb
    // is derived: July mean 20.0 + 10.3889 K (Lisbon's 0.4 % value 33.8889 °C over its August
    // mean 23.5) = 30.3889 °C. The 40 °C liquid loop stays chiller-free (30.39 < 32 °C); the
    // 18 °C air loop needs chillers all day: COP 0.5 × 286.15 / (30.3889 + 6 + 5 − 13) = 5.039824,
    // 0.2 / 5.039824 = 0.0396839. Design PUE = 1 + 0.04 + 0.01 + 0.03 + 1.07 × (0.02 + 0.0396839)
    // = 1.1438617 (the worst month, July, gave 1.128470).
    // Facility peak = 191.2625 × 1.1438617 = 218.7779 MW (215.834 on the monthly mean, +1.4 %);
    // grid connection = the non-redundant peak, no margin = 218.7779 MW. N+1 installs UPS for IT
    // 191.2625 × 1.25 = 239.078125 MW and generators for the facility 218.7779 × 1.25 = 273.4723 MW.
    // Losses 4 % = 7.6505; misc 1 % = 1.912625; cooling = 218.7779 − 191.2625 − 7.6505 − 1.9126 = 17.9522 MW.
    close("pue_design", e.pue_design, 1.143_861_7, 1e-7);
    close("facility_peak", e.power.facility_peak.value(), 224.718670691, 1e-7);
    close("monthly-mean peak", e.power.facility_peak_monthly_mean.value(), 221.694835721, 2e-6);
    close("grid", e.power.grid_connection.value(), 224.718670691, 1e-7);
    close("ups", e.power.ups_capacity.value(), 245.570171189, EXACT);
    close("generators", e.power.generator_capacity.value(), 280.898338363, 1e-7);
    close("losses", e.power.losses.value(), 7.85824547804, EXACT);
    close("misc", e.power.misc.value(), 1.96456136951, EXACT);
    close("cooling", e.power.cooling.value(), 18.4397268923, 1e-6);
    close("design dry-bulb", e.cooling.design_dry_bulb_c, 20.0 + (93.0 - 32.0) / 1.8 - 23.5, EXACT);
    assert!(e.cooling.design_is_estimate);

    // Energy: IT 125.993397 MW × 8 760 h = 1 103 702.16 MWh; facility × 1.113208 = 1 228 650.5 MWh.
    close("it_energy", e.it_energy.value(), 1175916.05194, 1e-8);
    close("annual_energy", e.annual_energy.value(), 1323210.67353, 2e-6);

    // Heat: design 196.456137 × 1.07 = 210.208067 MWth; dry coolers use no water.
    close("heat_design", e.cooling.heat_design.value(), 210.208066537, EXACT);
    assert_eq!(e.cooling.water.value(), 0.0);

    // Capex. B200 system price per accelerator US$35 000 + US$6 250 host share = US$41 250.
    //   systems = 41 250 × 100 000 / 1.0824 = €3 810 975 609.76; network 10 % = 381 097 560.98;
    //   storage 5 % = 190 548 780.49; IT capex = 1.15 × systems = €4 382 621 951.22
    //   construction = 11.6e6 × 191.2625 × 1.085 / 1.0824 = €2 223 974 339.43
    //   shell 0.20 → 444 794 867.89; electrical 0.45 → 1 000 788 452.74; mechanical 0.25 → 555 993 584.86;
    //   other 0.10 → 222 397 433.94; land & soft 0.10 → 222 397 433.94; facility = 1.10 × construction
    //   = €2 446 371 773.37; total = €6 828 993 724.59
    close("capex systems", e.capex.systems.value(), 3_810_975_609.76, EXACT);
    close("capex network", e.capex.network.value(), 381_097_560.98, EXACT);
    close("capex storage", e.capex.storage.value(), 190_548_780.49, EXACT);
    close("capex shell", e.capex.shell.value(), 456873048.718, EXACT);
    close("capex electrical", e.capex.electrical.value(), 1027964359.62, EXACT);
    close("capex mechanical", e.capex.mechanical.value(), 571091310.898, EXACT);
    close("capex other", e.capex.other.value(), 228436524.359, EXACT);
    close("capex land", e.capex.land_soft.value(), 228436524.359, EXACT);
    close("capex IT", e.capex.it().value(), 4_382_621_951.22, EXACT);
    close("capex facility", e.capex.facility().value(), 2512801767.95, EXACT);
    close("capex total", e.capex.total().value(), 6895423719.17, EXACT);

    // Opex. Germany band IG €133.8/MWh: electricity 1 228 650.5 × 133.8 = €164 393 440;
    //   maintenance 0.02 × 2 446 371 773.37 = 48 927 435.47; support 0.04 × 4 382 621 951.22
    //   = 175 304 878.05; staff 0.4 × 191.2625 × 90 000 = 6 885 450; total €395 511 204.
    close("electricity", e.opex.electricity.value(), 177045588.118, 2e-6);
    close("maintenance", e.opex.maintenance.value(), 50256035.359, EXACT);
    close("support", e.opex.support.value(), 175_304_878.05, EXACT);
    close("staff", e.opex.staff.value(), 7072420.93023, EXACT);
    assert_eq!(e.opex.heat_revenue.value(), 0.0);
    close("opex", e.opex.total().value(), 409678922.456, 1e-6);

    // Ownership. CRF(7 %, 5 y) = 0.07 / (1 − 1.07⁻⁵) = 0.07 / (1 − 0.712986) = 0.2438907;
    //   CRF(7 %, 20 y) = 0.07 / (1 − 1.07⁻²⁰) = 0.07 / (1 − 0.258419) = 0.0943929.
    //   annualised = 4 382 621 951.22 × 0.2438907 + 2 446 371 773.37 × 0.0943929 = €1 299 800 900
    //   TCO (model v2: present value at the 7 % WACC over 10 years):
    //     IT bought at year 0 (4 382 621 951.22) and again at year 5: × 1.07⁻⁵ = 0.7129862 → 3 124 748 881.12;
    //     facility at year 0 (2 446 371 773.37), 20-year life: half of it is left at year 10, a
    //     straight-line residual of 1 223 185 886.69 received then: × 1.07⁻¹⁰ = 0.5083493 → −621 805 679.65;
    //     opex at each year's end: 395 511 204 × (1 − 1.07⁻¹⁰)/0.07 = × 7.0235815 → 2 777 905 191.65;
    //     TCO = 4 382 621 951.22 + 3 124 748 881.12 + 2 446 371 773.37 − 621 805 679.65 + 2 777 905 191.65
    //         = €12 109 842 118 (it was the plain sum €15 166 727 716 before v2).
    //   Undiscounted, the same flows: 2 × 4 382 621 951.22 + 2 446 371 773.37 − 1 223 185 886.69
    //     + 10 × 395 511 204 = €13 943 541 829.
    //   € per GPU-hour = (1 299 800 900 + 395 511 204) / (100 000 × 8 760) = €1.93529; per used hour
    //     (÷ 0.8 utilisation) €2.41911.
    //   € per PFLOP-year = 1 695 312 104 / 225 000 = €7 534.72
    close("annualised capex", e.annualised_capex.value(), 1306071421.85, EXACT);
    close("tco", e.tco.value(), 12258895417.8, 1e-7);
    close("tco undiscounted", e.tco_undiscounted.value(), 14118434011.0, 1e-7);
    close("residual", e.residual_value.value(), 1256400883.98, EXACT);
    close("cost per gpu hour", e.cost_per_gpu_hour.value(), 1.9586191145, 1e-6);
    close("cost per used gpu hour", e.cost_per_used_gpu_hour.value(), 1.958_619_114_5 / 0.8, 1e-6);
    close("cost per pflop year", e.cost_per_pflop_year.value(), 7625.55708579, 1e-6);
    close("peak pflops", e.peak_pflops_bf16, 100_000.0 * 2_250.0 / 1_000.0, EXACT);

    // Carbon. Germany 329.6 g/kWh: 1 228 650.5 MWh × 0.3296 t/MWh = 404 963.2 t location-based.
    //   Market-based (model v2, GHG Protocol): no PPAs, so all of it at Germany's AIB 2025 residual
    //   mix, 701.47 g/kWh: 1 228 650.5 × 0.70147 = 861 861.5 t (it was = location before v2).
    //   embodied hardware 100 000 × 1 000 kg × 1.15 / 1 000 = 115 000 t; building 191.2625 × 1 250
    //   = 239 078.125 t; per year 115 000/5 + 239 078.125/20 = 34 953.906 t.
    close("co2 location", e.carbon.location_per_year.value(), 436130.237995, 2e-6);
    close("co2 market", e.carbon.market_per_year.value(), 928192.59116, 2e-6);
    close("residual mix used", e.residual_g_per_kwh, 701.47, EXACT);
    close("embodied hw", e.carbon.embodied_hardware.value(), 115_000.0, EXACT);
    close("embodied building", e.carbon.embodied_building.value(), 245570.171189, EXACT);
    close("embodied per year", e.carbon.embodied_per_year.value(), 35278.5085594, EXACT);

    // Context: 1.22865 TWh of Germany's 517.24 TWh = 0.2375 %.
    close("share of country", e.context.share_of_country, 0.00255821412406, 2e-6);

    // Training (model v2): 6 × 405e9 × 15.6e12 = 3.7908e25 FLOP. The scenario's MFU is at its
    //   default (0.40), so the B200's catalogue MFU applies: Blackwell 0.35 (estimate). 100 000
    //   accelerators are beyond the largest published run (16 384): log2(100 000 / 16 384) = 2.609640
    //   doublings at 41/43 each → scale efficiency (41/43)^2.609640 = 0.8831219, extrapolated.
    //   Rate 100 000 × 2 250e12 × 0.35 × 0.90 × 0.8831219 = 6.259126e19 FLOP/s → 605 644 s
    //   = 168.2343 h = 7.009764 days (5.41667 before v2); 16.823435 M GPU-hours.
    //   At full load: accelerator 1 000 W × 691/700 = 987.143 W; host 787.5 × 0.4852174 = 382.109 W;
    //   (987.143 + 382.109) × 100 000 × 1.07 = 146.50992 MW; × 168.2343 h × PUE 1.113208 = 27 438.35 MWh;
    //   CO2 location-based × 0.3296 = 9 043.68 t, market-based × 0.70147 = 19 247.18 t;
    //   cost 16.823435 M h × €1.935288 = €32 558 191.
    close("train flop", e.training.flop, 3.7908e25, EXACT);
    close("train mfu", e.training.mfu, 0.35, EXACT);
    assert!(e.training.mfu_is_catalogue_default && e.training.extrapolated);
    close("scale efficiency", e.training.scale_efficiency, 0.883_121_857, 1e-8);
    close("train days", e.training.days.value(), 7.009_764_440, 1e-8);
    close("train gpu hours", e.training.accelerator_hours, 16_823_434.657, 1e-8);
    close("train energy", e.training.energy.value(), 29114.4761788, 2e-6);
    close("train co2", e.training.co2.value(), 20422.9316052, 2e-6);
    close("train co2 location", e.training.co2_location.value(), 9596.13134854, 2e-6);
    close("train cost", e.training.cost.value(), 32950700.6899, 1e-6);

    // Rules: IT 191 MW ≥ 0.5 MW → EED reporting applies; Germany: PUE 1.113 ≤ 1.2 passes EnEfG,
    // no heat reuse (ERF 0 < 20 %) and no PPAs (0 < 100 %) fail.
    assert_eq!(status(&e, Rule::EedReporting), Status::Applies);
    assert_eq!(status(&e, Rule::EnefgPue), Status::Pass);
    assert_eq!(status(&e, Rule::EnefgErf), Status::Fail);
    assert_eq!(status(&e, Rule::EnefgRenewable), Status::Fail);
}

// ---------------------------------------------------------------------------
// 2. 16 384 H100 (Llama 3.1's cluster size), air cooled in Finland (Helsinki),
//    evaporative towers, 2N, 90 % load, PUE override 1.25.
// ---------------------------------------------------------------------------
fn h100_finland() -> Scenario {
    Scenario {
        sizing: Sizing::Count(16_384.0),
        accelerator: "h100".into(),
        country: "FI".into(),
        cooling: CoolingTech::Air,
        heat_rejection: HeatRejection::Tower,
        redundancy: Redundancy::TwoN,
        utilization: 0.9,
        pue: Some(1.25),
        ..Scenario::default()
    }
}

#[test]
fn golden_16k_h100_air_finland_pue_override() {
    let e = evaluate(&h100_finland()).expect("evaluates");

    // 16 384 / 8 = 2 048 DGX H100 of 10.2 kW. Air cooling allows 40 kW a rack:
    // floor(40 / 10.2) = 3 servers (30.6 kW); ceil(2 048 / 3) = 683 racks; 2 049 m².
    assert_eq!(e.systems, 2_048.0);
    assert_eq!(e.racks, 683.0);
    close("rack_kw", e.rack_kw, 30.6, EXACT);
    close("floor", e.floor_area_m2, 2_049.0, EXACT);

    // IT design. H100 TDP 700 W; host 10 200/8 − 700 = 575 W.
    //   accelerators 700 × 16 384 = 11.4688 MW; hosts 575 × 16 384 = 9.4208 MW; servers 20.8896 MW
    //   IT design (2.1) = 20.8896 × 1.02 + network 16 384 × 84.786822 W (two tiers) = 1.389147
    //   = 22.696539 MW (22.351872 before)
    close("accelerators", e.power.accelerators.value(), 11.4688, EXACT);
    close("hosts", e.power.hosts.value(), 9.4208, EXACT);
    close("it_design", e.power.it_design.value(), 22.6965392868, EXACT);

    // Average at u = 0.9: a = 0.1742857 + 0.8128571 × 0.9 = 0.9058571 → 634.10 W;
    //   h = 0.30 + 0.1852174 × 0.9 = 0.4666957 → 575 × 0.4666957 = 268.35 W;
    //   902.45 W × 16 384 = 14.785741 MW × 1.02 + 1.389147 = 16.470603 MW (2.1)
    close("it_average", e.power.it_average.value(), 16.4706029028, EXACT);

    // PUE override 1.25 in every month. Facility peak 22.351872 × 1.25 = 27.93984 MW = the grid
    //   connection (non-redundant; it was × 2 for 2N = 55.88 MW before model v2); 2N installs UPS
    //   22.351872 × 2 = 44.703744 MW and generators 27.93984 × 2 = 55.87968 MW;
    //   2N losses 5.5 % = 1.229353; misc 1 % = 0.223519;
    //   cooling = 22.351872 × (0.25 − 0.055 − 0.01) = 4.135096 MW.
    assert!(e.pue_monthly.iter().all(|&p| p == 1.25));
    close("pue", e.pue(), 1.25, EXACT);
    close("facility_peak", e.power.facility_peak.value(), 28.3706741085, EXACT);
    close("grid", e.power.grid_connection.value(), 28.3706741085, EXACT);
    close("ups", e.power.ups_capacity.value(), 45.3930785736, EXACT);
    close("generators", e.power.generator_capacity.value(), 56.7413482171, EXACT);
    close("losses", e.power.losses.value(), 1.24830966078, EXACT);
    close("cooling", e.power.cooling.value(), 4.19885976806, EXACT);

    // Energy: 15.820743 × 8 760 = 138 589.706 MWh IT; × 1.25 = 173 237.132 MWh.
    close("it_energy", e.it_energy.value(), 144282.481429, EXACT);
    close("annual_energy", e.annual_energy.value(), 180353.101786, EXACT);
    for (m, em) in e.energy_monthly.iter().enumerate() {
        let hours = [744.0, 672.0, 744.0, 720.0, 744.0, 720.0, 744.0, 744.0, 720.0, 744.0, 720.0, 744.0][m];
        close("monthly energy", em.value(), 16.470_602_902_8 * hours * 1.25, 1e-9);
    }

    // Heat and water. Heat ratio = 1 + 2N losses 0.055 + air fans 0.08 = 1.135:
    //   heat design 22.351872 × 1.135 = 25.369375 MWth; heat per year 138 589.706 × 1.135 = 157 299.316 MWh.
    //   A tower evaporates 3.6/2.45 = 1.469388 L per kWh fully evaporated, × 4/3 blow-down, × the
    //   month's latent share (model 2.1, site::tower_latent_share). January in Helsinki, −3.9 °C at
    //   70 % RH: e_s = 0.61094·exp(17.625·(−3.9)/239.14) = 0.458318 kPa, W_in = 0.622 × 0.7 × 0.458318
    //   / (101.325 − 0.320822) = 0.0019757; wet-bulb −5.99 °C, so the cold water sits at the 18 − 2 = 16 °C
    //   setpoint and the air leaves saturated at 16 + 5.5/2 = 18.75 °C: e_s 2.158873 kPa, W 0.0135411;
    //   latent 2 450 × (0.0135411 − 0.0019757) = 28.3353 kJ/kg, sensible 1.006 × 22.65 = 22.7859:
    //   share 0.554277 → 1.469388 × 0.554277 × 4/3 = 1.085930 m³/MWh of heat (the flat 85 % gave
    //   1.665306). The same for each month, Jan…Dec (m³/MWh):
    //   1.08593 1.07393 1.12677 1.21954 1.36961 1.54369 1.73429 1.65578 1.41114 1.27654 1.17631 1.11548
    //   Heat per month = 15.820743 MW × hours × 1.135; Σ heat × rate = 207 241.57 m³/yr (261 951.5 before);
    //   WUE = 207 241.57 / 138 589.706 = 1.495361 L/kWh (January 1.2325, July 1.9684).
    close("heat_design", e.cooling.heat_design.value(), 25.7605720905, EXACT);
    close("heat_annual", e.cooling.heat_annual.value(), 163760.616422, EXACT);
    let rates = [
        1.085_930, 1.073_929, 1.126_771, 1.219_539, 1.369_613, 1.543_690, 1.734_289, 1.655_779, 1.411_137, 1.276_540,
        1.176_315, 1.115_479,
    ];
    let hours = [744.0, 672.0, 744.0, 720.0, 744.0, 720.0, 744.0, 744.0, 720.0, 744.0, 720.0, 744.0];
    for m in 0..12 {
        let heat = 16.470_602_902_8 * hours[m] * 1.135;
        close("water month", e.cooling.water_monthly[m].value(), heat * rates[m], 2e-6);
        close("wue month", e.cooling.wue_monthly[m], 1.135 * rates[m], 2e-6);
    }
    let sum: f64 = e.cooling.water_monthly.iter().map(|w| w.value()).sum();
    close("water = Σ months", e.cooling.water.value(), sum, 1e-12);
    close("water", e.cooling.water.value(), 215754.324498, 1e-8);
    close("wue", e.kpis.wue, 1.495_360_506, 1e-8);

    // Capex. H100 US$27 500 + 6 250 = US$33 750 × 16 384 = US$552.96 M / 1.0824 = €510 864 745.01;
    //   IT capex × 1.15 = €587 494 456.76.
    //   Construction (air: no premium) 11.6e6 × 22.351872 / 1.0824 = €239 543 343.68;
    //   electrical with 2N: 0.45 × 1.4 = 0.63 → €150 912 306.52;
    //   facility = (0.20 + 0.63 + 0.25 + 0.10 + 0.10) × 239 543 343.68 = 1.28 × … = €306 615 479.91;
    //   total €894 109 936.67.
    //   Model 2.2: Finland's construction factor 0.55 + 0.45 × 43.0/43.4 = 0.9958525 (2.1's electrical
    //   €153 239 383.88 and facility €311 343 510.10 × it): electrical €152 603 828.83, facility
    //   €310 052 223.65; IT €587 494 456.76 unchanged; total €897 546 680.41.
    close("systems", e.capex.systems.value(), 510_864_745.01, EXACT);
    close("electrical", e.capex.electrical.value(), 152_603_828.829, EXACT);
    close("facility capex", e.capex.facility().value(), 310_052_223.652, EXACT);
    close("capex", e.capex.total().value(), 897_546_680.414, EXACT);
    close("construction price", e.construction_usd_per_mw, 11.6e6 * (0.55 + 0.45 * 43.0 / 43.4), EXACT);
    assert!(e.local_cost_is_estimate, "Finland's labour cost is estimated, and no Finnish city is in the index");

    // Opex. Finland €46.3/MWh: 173 237.132 × 46.3 = €8 020 879.22; maintenance 0.02 × 306 615 479.91
    //   = 6 132 309.60; support 0.04 × 587 494 456.76 = 23 499 778.27; staff 0.4 × 22.351872 × 90 000
    //   = 804 667.39; total €38 457 634.48.
    //   Model 2.2: staff 0.4 × 22.696539 × €90 000 × 43.0/43.4 (€89 170.51 an FTE) = €809 544.77 (2.1:
    //   €817 075.41); maintenance 0.02 × 310 052 223.65 = €6 201 044.47 (2.1: 6 226 870.20);
    //   opex 38 894 072.50 − 25 825.73 − 7 530.65 = €38 860 716.12.
    close("electricity", e.opex.electricity.value(), 8350348.61269, EXACT);
    close("staff", e.opex.staff.value(), 809_544.765_345, EXACT);
    close("staff per FTE", e.staff_eur_per_fte, 90_000.0 * 43.0 / 43.4, EXACT);
    close("opex", e.opex.total().value(), 38_860_716.121_6, EXACT);
    // Annualised: 587 494 456.76 × 0.2438907 + 306 615 479.91 × 0.0943929 = €172 226 763.27;
    //   TCO at 7 % over 10 years: IT 587 494 456.76 + 587 494 456.76 × 1.07⁻⁵ (418 875 428.19) + facility
    //   306 615 479.91 − its half left at year 10, 153 307 739.96 × 1.07⁻¹⁰ (77 933 881.08) + opex
    //   38 457 634.48 × 7.0235815 (270 110 331.61) = €1 505 161 815.39 (the plain sum before v2:
    //   €1 866 180 738.20); undiscounted 2 × 587 494 456.76 + 306 615 479.91 − 153 307 739.96
    //   + 10 × 38 457 634.48 = €1 712 872 998.24;
    //   € per GPU-hour = (172 226 763.27 + 38 457 634.48) / (16 384 × 8 760) = €1.467940.
    //   Model 2.2 (IT €587 494 456.76, facility €310 052 223.65, opex €38 860 716.12): annualised
    //   587 494 456.76 × 0.2438907 + 310 052 223.65 × 0.0943929 = €172 551 167.56; TCO 587 494 456.76
    //   × 1.7129862 + 310 052 223.65 × (1 − 0.5 × 1.07⁻¹⁰) + 38 860 716.12 × 7.0235815 = €1 510 556 102.82;
    //   undiscounted 2 × 587 494 456.76 + 0.5 × 310 052 223.65 + 10 × 38 860 716.12 = €1 718 622 186.57;
    //   € per GPU-hour (172 551 167.56 + 38 860 716.12) / 143 523 840 = €1.473009.
    close("annualised", e.annualised_capex.value(), 172_551_167.564, EXACT);
    close("tco", e.tco.value(), 1_510_556_102.82, EXACT);
    close("tco undiscounted", e.tco_undiscounted.value(), 1_718_622_186.57, EXACT);
    close("cost per gpu hour", e.cost_per_gpu_hour.value(), 1.473_008_830_35, EXACT);

    // CO2: Finland 57.5 g/kWh × 173 237.132 MWh / 1 000 = 9 961.14 t location-based; market-based at
    //   Finland's AIB 2025 residual mix 352.45 g/kWh (its renewables' certificates are sold, so the
    //   untracked rest is far dirtier than the grid): 173 237.132 × 0.35245 = 61 057.43 t.
    close("co2 location", e.carbon.location_per_year.value(), 10370.3033527, EXACT);
    close("co2", e.carbon.market_per_year.value(), 63565.4507244, EXACT);

    // Training (default Llama 3.1 405B): 3.7908e25 / (16 384 × 989e12 × 0.40 × 0.90 = 5.833359e18)
    //   = 6.498485e6 s = 1 805.135 h = 75.214 days; GPU-hours 1 805.135 × 16 384 = 29.575 M.
    //   Full-load IT: (691 + 575 × 0.4852174 = 279.0) W = 970.0 W × 16 384 × 1.07 = 17.004954 MW;
    //   energy 17.004954 × 1 805.135 × 1.25 = 38 370.29 MWh; CO2 location × 0.0575 = 2 206.29 t,
    //   market × 0.35245 = 13 523.61 t;
    //   cost 29.575 M × €1.467940 = €43 414 810.
    close("train days", e.training.days.value(), 75.213_950_131, EXACT);
    close("train gpu hours", e.training.accelerator_hours, 29_575_328.615, EXACT);
    close("train energy", e.training.energy.value(), 39711.785307, EXACT);
    close("train co2", e.training.co2.value(), 13996.4187314, EXACT);
    close("train co2 location", e.training.co2_location.value(), 2283.42765515, EXACT);
    // Model 2.2: 29 575 328.615 GPU-hours × €1.473009 = €43 564 720.21.
    close("train cost", e.training.cost.value(), 43_564_720.210, EXACT);

    // Not in Germany: the EnEfG checks do not apply; 22 MW IT must report under the EED.
    assert_eq!(status(&e, Rule::EedReporting), Status::Applies);
    assert_eq!(status(&e, Rule::EnefgPue), Status::NotApplicable);
}

// ---------------------------------------------------------------------------
// 3. GB200 NVL72 sized by a 50 MW power budget, France (Paris), DLC, N+1,
//    PUE override 1.15, price override €80/MWh, a 70B × 15T FP8 training run,
//    6-year horizon.
// ---------------------------------------------------------------------------
#[test]
fn golden_gb200_nvl72_sized_by_50_mw() {
    let s = Scenario {
        sizing: Sizing::PowerMw(50.0),
        accelerator: "gb200".into(),
        country: "FR".into(),
        pue: Some(1.15),
        price_eur_per_mwh: Some(80.0),
        years: 6.0,
        training: TrainingRun { params_b: 70.0, tokens_t: 15.0, precision: Precision::Fp8, mfu: 0.30, goodput: 0.95 },
        ..Scenario::default()
    };
    let e = evaluate(&s).expect("evaluates");

    // One NVL72 rack (model 2.1): 132 kW nameplate × 1.02 (storage) = 134.64 kW, plus the network at
    //   every load: 72 GPUs at 400 Gb/s on 288-port switches (144 × 800G split) stay two-tier up to
    //   288²/2 = 41 472 GPUs: 3 ports × 7 000/144 W × 400/800 ÷ 0.86 back-end share = 84.786822 W a
    //   GPU, 6.104651 kW a rack (5 % of servers gave 6.6 kW). IT 140.744651 kW × PUE 1.15 = 161.856349 kW
    //   at the facility. 50 000 / 161.856349 = 308.92 → 308 racks = 22 176 GPUs (307 before 2.1).
    // Facility peak 308 × 161.856349 kW = 49.851755 MW (≤ 50, and 50 − 49.85 < 0.162 MW).
    assert_eq!(e.systems, 308.0);
    assert_eq!(e.racks, 308.0);
    assert_eq!(e.accelerator_count, 22_176.0);
    close("rack_kw", e.rack_kw, 132.0, EXACT);
    close("facility_peak", e.power.facility_peak.value(), 49.851_755_442, 1e-9);
    assert!(e.power.facility_peak.value() <= 50.0);
    assert!(50.0 - e.power.facility_peak.value() < 0.161_857);

    // IT design: TDP 1 200 W × 22 176 = 26.6112 MW; host 132 000/72 − 1 200 = 633.333 W × 22 176
    //   = 14.0448 MW; (26.6112 + 14.0448) × 1.02 = 41.46912 MW + network 22 176 × 84.786822 W
    //   = 1.880233 MW → 43.349353 MW. The budget is the grid connection, the non-redundant peak:
    //   49.851755 MW; N+1 generators 49.851755 × 1.25 = 62.314694 MW.
    close("network", e.power.network.value(), 1.880_232_558, 1e-9);
    close("it_design", e.power.it_design.value(), 43.349_352_558, 1e-9);
    close("grid", e.power.grid_connection.value(), 49.851_755_442, 1e-9);
    close("generators", e.power.generator_capacity.value(), 62.314_694_302, 1e-9);
    // Average at 0.8: 1 200 × 0.8245714 = 989.486 W + 633.333 × 0.4481739 = 283.843 W
    //   = 1 273.329 W × 22 176 × 1.02 = 28.802095 MW + network 1.880233 (at every load)
    //   = 30.682328 MW; energy × 8 760 × 1.15 = 309 093.77 MWh.
    close("it_average", e.power.it_average.value(), 30.682_327_696, 1e-9);
    close("annual_energy", e.annual_energy.value(), 309_093.769_205, 1e-9);

    // Capex: US$3.1 M a rack × 308 / 1.0824 = €882 113 821.14; IT × 1.15 = €1 014 430 894.31;
    //   construction 11.6e6 × 43.349353 × 1.085 / 1.0824 = €504 060 376.29, facility × 1.1
    //   = €554 466 413.92; total €1 568 897 308.23.
    //   Model 2.2: France's labour cost €43.7/h gives 0.55 + 0.45 × 43.7/43.4 = 1.0031106: construction
    //   €505 628 306.03, facility €556 191 136.64, total €1 570 622 030.95. Sizing by power is unmoved.
    close("systems", e.capex.systems.value(), 882_113_821.138, 1e-9);
    close("capex", e.capex.total().value(), 1_570_622_030.95, 1e-9);

    // Opex: 309 093.77 × €80 = 24 727 501.54; maintenance 2 % × 554 466 413.92 = 11 089 328.28;
    //   support 4 % × 1 014 430 894.31 = 40 577 235.77; staff 0.4 × 43.349353 × 90 000 = 1 560 576.69;
    //   total €77 954 642.28.
    //   Model 2.2: maintenance 2 % × 556 191 136.64 = 11 123 822.73; staff × 43.7/43.4 = 1 571 364.09;
    //   total €77 999 924.13.
    close("electricity", e.opex.electricity.value(), 24_727_501.536, 1e-9);
    close("opex", e.opex.total().value(), 77_999_924.130, 1e-9);
    // TCO over 6 years: IT bought at 0 and 5; at year 6 the second purchase has 4 of its 5 years
    //   left (residual 0.8 × 1 014 430 894.31 = 811 544 715.45) and the facility 14 of 20
    //   (0.7 × 554 466 413.92 = 388 126 489.74). At 7 %: 1 014 430 894.31 × (1 + 1.07⁻⁵ = 1.7129862)
    //   + 554 466 413.92 − (811 544 715.45 + 388 126 489.74) × 1.07⁻⁶ (0.6663422) + 77 954 642.28
    //   × (1 − 1.07⁻⁶)/0.07 (4.7665397) = €1 864 354 831.28. The year-5 purchase is mostly left at
    //   year 6, and its residual is discounted, so the present value exceeds the plain sum:
    //   2 × 1 014 430 894.31 + 554 466 413.92 − 1 199 671 205.19 + 6 × 77 954 642.28 = €1 851 384 851.02.
    //   Model 2.2, the same with facility €556 191 136.64 and opex €77 999 924.13: residual 811 544 715.45
    //   + 0.7 × 556 191 136.64 = €1 200 878 511.09; TCO €1 865 490 912.84; undiscounted €1 852 173 958.94.
    close("tco", e.tco.value(), 1_865_490_912.84, 1e-9);
    close("tco undiscounted", e.tco_undiscounted.value(), 1_852_173_958.94, 1e-9);
    close("residual", e.residual_value.value(), 1_200_878_511.09, 1e-9);
    // € per GPU-hour: (1 014 430 894.31 × 0.2438907 + 554 466 413.92 × 0.0943929 = 299 747 962.31
    //   + 77 954 642.28) / (22 176 × 8 760) = €1.944297.
    //   Model 2.2: (1 014 430 894.31 × 0.2438907 + 556 191 136.64 × 0.0943929 + 77 999 924.13)
    //   / 194 261 760 = €1.945368.
    close("cost per gpu hour", e.cost_per_gpu_hour.value(), 1.945_368_394, 1e-9);

    // CO2: France 41.4 g/kWh (Ember, lifecycle) × 309 093.77 MWh = 12 796.48 t location-based;
    //   market-based at France's residual mix 17.11 g/kWh (AIB, direct CO2 only) = 5 288.59 t.
    close("co2 location", e.carbon.location_per_year.value(), 12_796.482_045, 1e-9);
    close("co2", e.carbon.market_per_year.value(), 5_288.594_391, 1e-9);

    // Training in FP8 (model v2): 6 × 70e9 × 15e12 = 6.3e24 FLOP. The MFU 0.30 (not the default)
    //   overrides the catalogue's and is on BF16 peak; FP8 runs 1.3× faster end to end (not the
    //   2× peak ratio). 22 176 > 16 384: log2(22 176 / 16 384) = 0.436704 doublings →
    //   (41/43)^0.436704 = 0.9794151. Rate 22 176 × 2 500e12 × 0.30 × 1.3 × 0.95 × 0.9794151
    //   = 2.011739e19 FLOP/s → 313 157 s = 86.98810 h = 3.624504 days; GPU-hours 1 929 048.0.
    //   Full-load IT (1 184.571 + 307.304) W × 22 176 × 1.02 + network 1.880233 = 35.624683 MW
    //   × 86.98810 h × 1.15 = 3 563.87 MWh.
    close("train flop", e.training.flop, 6.3e24, EXACT);
    close("fp8 speed-up", e.training.precision_speedup, 1.3, EXACT);
    close("train days", e.training.days.value(), 3.624_503_940, 1e-8);
    close("train gpu hours", e.training.accelerator_hours, 1_929_047.985, 1e-8);
    close("train energy", e.training.energy.value(), 3_563.868_178, 1e-7);
}

// ---------------------------------------------------------------------------
// 4. Heat reuse and renewables: 20 000 MI355X in Sweden (Stockholm), immersion,
//    no redundancy, 70 % load, PUE override 1.08, 60 % of heat exported at
//    €25/MWh, 80 % renewable PPAs, €60/MWh, 12-year horizon, 4-year IT life,
//    25-year facility life, WACC 5 %.
// ---------------------------------------------------------------------------
#[test]
fn golden_mi355x_sweden_heat_reuse_and_renewables() {
    let s = Scenario {
        sizing: Sizing::Count(20_000.0),
        accelerator: "mi355x".into(),
        country: "SE".into(),
        cooling: CoolingTech::Immersion,
        heat_rejection: HeatRejection::Dry,
        redundancy: Redundancy::N,
        utilization: 0.7,
        price_eur_per_mwh: Some(60.0),
        pue: Some(1.08),
        years: 12.0,
        it_life_years: 4.0,
        facility_life_years: 25.0,
        wacc: 0.05,
        renewable_share: 0.8,
        heat_reuse: 0.6,
        heat_price_eur_per_mwh: 25.0,
        ..Scenario::default()
    };
    let e = evaluate(&s).expect("evaluates");

    // 2 500 servers of 17.5 kW; immersion allows 250 kW but a rack holds at most 4: 625 racks of 70 kW.
    assert_eq!(e.systems, 2_500.0);
    assert_eq!(e.racks, 625.0);
    close("rack_kw", e.rack_kw, 70.0, EXACT);

    // IT design: 1 400 W × 20 000 = 28 MW; host 17 500/8 − 1 400 = 787.5 W × 20 000 = 15.75 MW;
    //   43.75 × 1.02 + network 20 000 × 84.786822 W = 1.695736 → 46.320736 MW (2.1; 46.8125 before).
    //   Facility 46.320736 × 1.08 = 50.026395 MW = grid; N: UPS = IT,
    //   generators = facility.
    close("it_design", e.power.it_design.value(), 46.3207364341, EXACT);
    close("facility_peak", e.power.facility_peak.value(), 50.0263953488, EXACT);
    close("grid", e.power.grid_connection.value(), 50.0263953488, EXACT);
    close("ups", e.power.ups_capacity.value(), 46.3207364341, EXACT);
    close("generators", e.power.generator_capacity.value(), 50.0263953488, EXACT);
    // Average at 0.7: a = 0.1742857 + 0.8128571 × 0.7 = 0.7432857 → 1 040.6 W;
    //   h = 0.30 + 0.1852174 × 0.7 = 0.4296522 → 338.351 W; 1 378.951 W × 20 000 × 1.02 + 1.695736
    //   = 29.826339 MW (2.1).
    //   IT energy 258 503.687 MWh; facility × 1.08 = 279 183.981 MWh.
    close("it_average", e.power.it_average.value(), 29.826338608, EXACT);
    close("annual_energy", e.annual_energy.value(), 282181.024303, EXACT);

    // Heat: ratio 1 + N losses 0.035 + immersion pumps 0.02 = 1.055; heat per year
    //   258 503.687 × 1.055 = 272 721.389 MWh; exported 60 % = 163 632.834 MWh.
    //   Heat pumps at COP 4.3 deliver 163 632.834 × 4.3/3.3 = 213 218.541 MWh using
    //   163 632.834 / 3.3 = 49 585.707 MWh; homes = 213 218.541 / (100 000/6 900) = 14 712.08.
    //   ERF = 163 632.834 / 279 183.981 = 0.6 × 1.055 / 1.08 = 0.586111; REF = 0.8.
    close("heat annual", e.cooling.heat_annual.value(), 275649.056148, EXACT);
    close("exported", e.heat.exported.value(), 165389.433689, EXACT);
    close("delivered", e.heat.delivered.value(), 215507.443897, EXACT);
    close("heat pump", e.heat.heat_pump_energy.value(), 50118.0102087, EXACT);
    close("homes", e.heat.homes_heated, 14870.0136289, EXACT);
    close("erf", e.kpis.erf, 0.6 * 1.055 / 1.08, EXACT);
    close("ref", e.kpis.ref_, 0.8, EXACT);

    // Capex: (US$25 000 + 6 250) × 20 000 / 1.0824 = €577 420 546.93; IT €664 033 628.97;
    //   construction 11.6e6 × 46.8125 × 1.085 / 1.0824 = €544 329 383.78; with N the electrical
    //   share is 0.45 × 0.8 = 0.36: facility (0.2 + 0.36 + 0.25 + 0.1 + 0.1) = 1.01 × … = €549 772 677.61.
    //   Model 2.2: Sweden's labour cost €43.9/h (an estimate) gives 0.55 + 0.45 × 43.9/43.4 = 1.0051843:
    //   electrical 2.1's €193 900 040.61 × it = €194 905 282.75; facility €546 817 598.83; IT
    //   €664 033 628.97; total €1 210 851 227.81.
    close("electrical", e.capex.electrical.value(), 194_905_282.753, EXACT);
    close("capex", e.capex.total().value(), 1_210_851_227.81, EXACT);

    // Opex: electricity 279 183.981 × 60 = 16 751 038.89; maintenance 10 995 453.55; support
    //   26 561 345.16; staff 0.4 × 46.8125 × 90 000 = 1 685 250; heat sales −163 632.834 × 25
    //   = −4 090 820.84; total €51 902 266.76.
    //   Model 2.2: maintenance 0.02 × 546 817 598.83 = 10 936 351.98 (2.1: 10 879 955.20); staff
    //   0.4 × 46.320736 × 90 000 × 43.9/43.4 = 1 686 757.88 (2.1: 1 667 546.51); opex €51 980 580.63.
    close("heat revenue", e.opex.heat_revenue.value(), -4134735.84221, EXACT);
    close("opex", e.opex.total().value(), 51_980_580.628_6, EXACT);
    // CRF(5 %, 4 y) = 0.05 / (1 − 1.05⁻⁴) = 0.2820118; CRF(5 %, 25 y) = 0.0709525;
    //   annualised 664 033 628.97 × 0.2820118 + 549 772 677.61 × 0.0709525 = €226 273 063.05.
    //   12 years / 4-year life = exactly 3 IT purchases (years 0, 4, 8), none left at year 12; the
    //   facility has 13 of its 25 years left: residual 13/25 × 549 772 677.61 = 285 881 792.36.
    //   At 5 %: 664 033 628.97 × (1 + 1.05⁻⁴ + 1.05⁻⁸) = 664 033 628.97 + 546 302 109.90
    //   + 449 444 097.80; + 549 772 677.61 − 285 881 792.36 × 1.05⁻¹² (159 189 679.16)
    //   + 51 902 266.76 × (1 − 1.05⁻¹²)/0.05 (× 8.8632516: 460 022 850.80) = €2 510 385 685.92.
    //   Undiscounted: 3 × 664 033 628.97 + 549 772 677.61 − 285 881 792.36 + 12 × 51 902 266.76
    //   = €2 878 818 973.29 (the plain sum before v2, without residual value: €3 164 700 765.66).
    //   Model 2.2 (facility €546 817 598.83, opex €51 980 580.63): annualised 664 033 628.97 × 0.2820118
    //   + 546 817 598.83 × 0.0709525 = €226 063 392.95; TCO 664 033 628.97 × (1 + 1.05⁻⁴ + 1.05⁻⁸)
    //   + 546 817 598.83 × (1 − 13/25 × 1.05⁻¹²) + 51 980 580.63 × 8.8632516 = €2 508 980 381.85;
    //   undiscounted 3 × 664 033 628.97 + 12/25 × 546 817 598.83 + 12 × 51 980 580.63 = €2 878 340 301.90.
    close("annualised", e.annualised_capex.value(), 226_063_392.949, EXACT);
    close("tco", e.tco.value(), 2_508_980_381.85, EXACT);
    close("tco undiscounted", e.tco_undiscounted.value(), 2_878_340_301.90, EXACT);

    // Carbon: Sweden 35.3 g/kWh × 279 183.981 = 9 855.19 t location-based; the 20 % not covered by
    //   PPAs at Sweden's AIB 2025 residual mix 208.56 g/kWh → 279 183.981 × 0.2 × 0.20856
    //   = 11 645.32 t market-based (before v2: 20 % of the location-based, 1 971.04 t). Embodied: 20 000 × 1 000 × 1.15 / 1 000 = 23 000 t;
    //   building 46.8125 × 1 250 = 58 515.625 t; per year 23 000/4 + 58 515.625/25 = 8 090.625 t.
    close("co2 location", e.carbon.location_per_year.value(), 9960.99015789, EXACT);
    close("co2 market", e.carbon.market_per_year.value(), 11770.3348857, EXACT);
    close("embodied per year", e.carbon.embodied_per_year.value(), 8066.03682171, EXACT);

    // Training (default 405B, BF16 2 500 TFLOP/s; model v2): the default MFU stands for AMD's
    //   catalogue MFU 0.20 (estimate); 20 000 > 16 384: (41/43)^log2(20 000 / 16 384 = 1.2207)
    //   = 0.9863903. 3.7908e25 / (20 000 × 2.5e15 × 0.20 × 0.90 × 0.9863903 = 8.877513e18)
    //   = 4 270 115 s = 1 186.143 h = 49.42263 days (24.375 before v2, at MFU 0.40); energy
    //   23 851.67 MWh × 1 186.143 / 585 = 48 361.52 MWh; CO2 market-based × 0.20856 × 0.2
    //   = 2 017.26 t, location-based × 0.0353 = 1 707.16 t.
    close("train days", e.training.days.value(), 49.422_628_037, 1e-8);
    close("train energy", e.training.energy.value(), 48273.9332386, 1e-6);
    close("train co2", e.training.co2.value(), 2013.60230325, 1e-6);
    close("train co2 location", e.training.co2_location.value(), 1704.06984332, 1e-6);

    assert_eq!(status(&e, Rule::EnefgErf), Status::NotApplicable, "Sweden is not bound by the German EnEfG");
}

// ---------------------------------------------------------------------------
// Sanity against a public figure: Meta's Llama 3.1 405B used 30.84 M H100-hours
// (model card) on 16 384 H100, i.e. ≈ 78 days. 6·N·D = 6 × 405e9 × 15.6e12
// = 3.79e25 FLOP; at 989 TFLOP/s dense BF16 × 40 % MFU × 90 % goodput one GPU does
// 3.5604e14 FLOP/s → 1.0647e11 GPU-seconds = 29.58 M GPU-hours (−4 %), 75 days.
// ---------------------------------------------------------------------------
#[test]
fn llama_31_405b_on_16k_h100_matches_metas_gpu_hours() {
    let e = evaluate(&h100_finland()).expect("evaluates");
    let reported = 30.84e6;
    let hours = e.training.accelerator_hours;
    assert!(
        (hours - reported).abs() <= 0.10 * reported,
        "model says {:.2} M H100-hours, Meta reported 30.84 M",
        hours / 1e6
    );
    let days = e.training.days.value();
    assert!((70.0..=80.0).contains(&days), "model says {days:.1} days, Meta's run took about 78 days");
    // The GPU-hours do not depend on the site or the cooling, only on the chip and the run.
    let elsewhere =
        evaluate(&Scenario { sizing: Sizing::Count(16_384.0), accelerator: "h100".into(), ..Scenario::default() })
            .expect("evaluates");
    close("gpu hours anywhere", elsewhere.training.accelerator_hours, hours, EXACT);
}

// ---------------------------------------------------------------------------
// Finance (model v2): TCO is a present value at the WACC, so the WACC moves it;
// at a WACC of 0 it is the undiscounted sum.
// ---------------------------------------------------------------------------
#[test]
fn a_higher_wacc_changes_the_tco_and_zero_gives_the_plain_sum() {
    let base = evaluate(&Scenario::default()).expect("evaluates");
    let dear = evaluate(&Scenario { wacc: 0.10, ..Scenario::default() }).expect("evaluates");
    let free = evaluate(&Scenario { wacc: 0.0, ..Scenario::default() }).expect("evaluates");
    // At 10 %: 4 382 621 951.22 × (1 + 1.1⁻⁵ = 1.6209213) + 2 446 371 773.37 − 1 223 185 886.69 × 1.1⁻¹⁰
    //   (0.3855433) + 395 511 204 × 6.1445671 = 7 103 885 371.64 + 2 446 371 773.37 − 471 591 110.34
    //   + 2 430 245 134.04 = €11 508 911 168.7 (€12 109 842 118 at 7 %).
    close("tco at 10 %", dear.tco.value(), 11649589840.8, 1e-7);
    assert!(dear.tco.value() < base.tco.value(), "later costs weigh less at a higher WACC");
    close("tco at 0 %", free.tco.value(), base.tco_undiscounted.value(), EXACT);
    close(
        "undiscounted does not depend on the WACC",
        dear.tco_undiscounted.value(),
        base.tco_undiscounted.value(),
        EXACT,
    );
}

// ---------------------------------------------------------------------------
// Design day (model v2): a hot site's peak, sized on its design condition,
// exceeds its monthly-mean peak. Athens, air cooling, dry coolers, N+1: design
// dry-bulb 29.3 + 10.3889 = 39.6889 °C (estimate); the 18 °C loop runs on chillers
// at COP 0.5 × 286.15 / (39.6889 + 6 + 5 − 13) = 3.796212; heat ratio 1 + 0.04 + 0.08 = 1.12;
// design PUE = 1 + 0.04 + 0.01 + 0.08 + 1.12 × (0.02 + 0.2634205) = 1.447431.
// ---------------------------------------------------------------------------
#[test]
fn a_hot_sites_design_day_peak_exceeds_its_monthly_mean_peak() {
    let s =
        Scenario { country: "GR".into(), cooling: CoolingTech::Air, accelerator: "h100".into(), ..Scenario::default() };
    let e = evaluate(&s).expect("evaluates");
    close("design pue", e.pue_design, 1.447_431, 1e-6);
    assert!(
        e.power.facility_peak.value() > 1.02 * e.power.facility_peak_monthly_mean.value(),
        "design day {} MW vs monthly mean {} MW",
        e.power.facility_peak.value(),
        e.power.facility_peak_monthly_mean.value()
    );
    assert_eq!(e.power.grid_connection, e.power.facility_peak);
    // The whole heat load is on chillers on the design day.
    close("chillers", e.cooling.chiller_capacity.value(), e.cooling.heat_design.value(), EXACT);
}

// ---------------------------------------------------------------------------
// Training respects hardware and scale (model v2): FP8 is 1.3× BF16 end to end,
// not 2×; the Llama 3 run (16 384 H100) is not extrapolated while 100 000 MI300X
// are, at AMD's catalogue MFU 0.20 × (41/43)^log2(100 000 / 16 384) = 0.8831219:
// 3.7908e25 / (100 000 × 1 307e12 × 0.20 × 0.90 × 0.8831219) = 1 824 580 s = 21.118 days
// (9.0 days before v2).
// ---------------------------------------------------------------------------
#[test]
fn training_respects_precision_family_and_scale() {
    let h100 = evaluate(&h100_finland()).expect("evaluates");
    assert!(!h100.training.extrapolated && h100.training.scale_efficiency == 1.0);
    let mut fp8 = h100_finland();
    fp8.training.precision = Precision::Fp8;
    let fp8 = evaluate(&fp8).expect("evaluates");
    close("fp8 is 1.3x", h100.training.days.value() / fp8.training.days.value(), 1.3, 1e-12);
    let amd = Scenario { accelerator: "mi300x".into(), ..Scenario::default() };
    let amd = evaluate(&amd).expect("evaluates");
    assert!(amd.training.extrapolated && amd.training.mfu_is_catalogue_default);
    close("mi300x days", amd.training.days.value(), 21.118, 1e-4);
    // An MFU other than the default overrides the catalogue's.
    let mut own = Scenario { accelerator: "mi300x".into(), ..Scenario::default() };
    own.training.mfu = 0.3;
    let own = evaluate(&own).expect("evaluates");
    assert!(!own.training.mfu_is_catalogue_default);
    close("override", own.training.mfu, 0.3, EXACT);
}

// ---------------------------------------------------------------------------
// EU rules dated by the opening year (model v2). The default (Frankfurt, 219 MW
// connection) opening in 2026 faces a 10 % ERF target, in 2027 15 %, from 2028 20 %;
// one opened in 2025 is an existing data centre (no ERF target, PUE ≤ 1.3 by 2030).
// Without a heat offtaker the status says why; EED Art. 26(6) applies above 1 MW.
// ---------------------------------------------------------------------------
#[test]
fn eu_rules_follow_the_opening_year_and_the_connection() {
    use gigafactory_model::estimate::ErfDuty;
    for (year, target) in [(2025.0, 0.0), (2026.0, 0.10), (2027.0, 0.15), (2028.0, 0.20), (2040.0, 0.20)] {
        let e = evaluate(&Scenario { opening_year: year, ..Scenario::default() }).expect("evaluates");
        close("erf target", e.rules.erf_target, target, EXACT);
        let duty = if year < 2026.0 { ErfDuty::OpenedBefore2026 } else { ErfDuty::NoOfftaker };
        assert_eq!(e.rules.erf_duty, duty, "{year}");
        close("pue limit", e.rules.pue_limit, if year < 2026.0 { 1.3 } else { 1.2 }, EXACT);
        // 219 MW > 1 MW and no heat exported: the EED cost-benefit analysis is due.
        assert_eq!(e.rules.eed_heat_cba.status, Status::Applies);
    }
    // 15 % of heat exported in 2027: ERF = 0.15 × 1.07 / 1.113208 = 0.144 < 15 % fails; 2026 passes.
    let reuse = |year| evaluate(&Scenario { opening_year: year, heat_reuse: 0.15, ..Scenario::default() }).unwrap();
    assert_eq!(status(&reuse(2026.0), Rule::EnefgErf), Status::Pass);
    assert_eq!(status(&reuse(2027.0), Rule::EnefgErf), Status::Fail);
    assert_eq!(reuse(2027.0).rules.erf_duty, ErfDuty::Target);
    assert_eq!(reuse(2027.0).rules.eed_heat_cba.status, Status::Pass);
    // The 300 kW test uses the connection power: 200 H100 (25 DGX) draw 25 × 10.2 × 1.07 = 0.273 MW
    // of IT in Germany but 0.273 × 1.375 (design-day PUE, air) = 0.375 MW from the grid, so EnEfG applies.
    let small = Scenario {
        sizing: Sizing::Count(200.0),
        accelerator: "h100".into(),
        cooling: CoolingTech::Air,
        ..Scenario::default()
    };
    let e = evaluate(&small).unwrap();
    assert!(e.power.it_design.value() < 0.3 && e.rules.connection_mw >= 0.3, "{:?}", e.rules);
    assert_ne!(status(&e, Rule::EnefgPue), Status::NotApplicable);
    assert_eq!(e.rules.eed_heat_cba.status, Status::NotApplicable, "below 1 MW");
}

// ---------------------------------------------------------------------------
// Published facilities and training runs (model v2, `checks::checks()`): every
// case's model figure lies within its stated band.
// ---------------------------------------------------------------------------
#[test]
fn every_published_check_lies_within_its_band() {
    let all = gigafactory_model::checks::checks();
    assert!(all.len() >= 6);
    for c in &all {
        let e = evaluate(&c.scenario).expect("a check's scenario evaluates");
        let model = c.model_value(&e);
        println!("{}: model {model:.4} vs published {} ({:+.1} %)", c.id, c.published, 100.0 * c.difference(model));
        assert!(c.within(model), "{}: model {model} vs published {} (band {:?})", c.id, c.published, c.band);
        assert!(gigafactory_model::source::ALL.contains(&c.source), "{} cites a listed source", c.id);
    }
}

#[test]
fn fixed_overheads_raise_the_pue_at_low_load() {
    // 100 000 B200, Frankfurt DLC: at 20 % utilisation the average IT is 0.3370 × 1 787.5 W per
    // accelerator × 1.02 + the network, against 196.46 MW design; the 5.11 MW of no-load losses,
    // lighting and security weigh more per IT MWh, so the annual PUE rises from 1.125 (80 %) to ≈ 1.155.
    let low = evaluate(&Scenario { utilization: 0.2, ..Scenario::default() }).unwrap();
    let high = evaluate(&Scenario::default()).unwrap();
    let full = evaluate(&Scenario { utilization: 1.0, ..Scenario::default() }).unwrap();
    assert!(low.pue() > high.pue() + 0.02 && high.pue() > full.pue(), "{} {} {}", low.pue(), high.pue(), full.pue());
    let part =
        low.power.fixed_overhead.value() * (1.0 / low.power.it_average.value() - 1.0 / low.power.it_design.value());
    close("low-load PUE", low.pue(), 1.113_208 + part, 2e-6);
    // The design-day peak is at design load, the same at any utilisation.
    close("peak", low.power.facility_peak.value(), high.power.facility_peak.value(), 1e-12);
}

#[test]
fn implausible_pairings_are_refused_with_a_reason() {
    use gigafactory_model::error::Implausibility;
    use gigafactory_model::ModelError;
    let with = |accelerator: &str, cooling| {
        evaluate(&Scenario { accelerator: accelerator.into(), cooling, ..Scenario::default() })
    };
    // NVL72 racks (132 kW) on air: still "cooling too weak" (the rack power says it first).
    assert!(matches!(with("gb200", CoolingTech::Air), Err(ModelError::CoolingTooWeak { .. })));
    // NVL72 in immersion: 250 kW a tank would hold its power, but the rack is built for cold plates.
    let e = with("gb300", CoolingTech::Immersion).unwrap_err();
    assert_eq!(
        e,
        ModelError::ImplausiblePairing {
            system: "NVIDIA GB300 NVL72 (rack)",
            cooling: "immersion",
            why: Implausibility::RackScaleImmersion
        }
    );
    assert!(e.to_string().contains("immersion"), "{e}");
    // The MI355X platform is the liquid-cooled one: refused on air and rear doors, not on DLC.
    for cooling in [CoolingTech::Air, CoolingTech::Rdhx] {
        assert!(matches!(
            with("mi355x", cooling),
            Err(ModelError::ImplausiblePairing { why: Implausibility::LiquidOnly, .. })
        ));
    }
    assert!(with("mi355x", CoolingTech::Dlc).is_ok() && with("mi350x", CoolingTech::Air).is_ok());
}

// ---------------------------------------------------------------------------
// Local costs (model 2.2): the default factory with 2N redundancy in Greece
// (Athens), against the same in Germany. Construction is Frankfurt's price with
// its labour share (45 %) at Greece's labour cost; staff at Greece's labour cost.
// ---------------------------------------------------------------------------
#[test]
fn construction_and_staff_follow_the_countrys_labour_cost() {
    let greece = Scenario { country: "GR".into(), redundancy: Redundancy::TwoN, ..Scenario::default() };
    let e = evaluate(&greece).expect("evaluates");
    let de = evaluate(&Scenario { country: "DE".into(), ..greece.clone() }).expect("evaluates");

    // Labour cost: Greece €16.7/h, Germany €43.4/h (Eurostat 2024): ratio 0.3847926.
    //   Construction factor 0.55 + 0.45 × 0.3847926 = 0.7231567: US$11.6 M × 0.7231567
    //   = US$8 388 617.51 per MW of IT.
    close("construction price", e.construction_usd_per_mw, 8_388_617.511_5, EXACT);
    close("construction price DE", de.construction_usd_per_mw, 11.6e6, EXACT);
    assert!(e.local_cost_is_estimate && !de.local_cost_is_estimate);

    // IT design as the default, 196.456137 MW (climate does not move it).
    //   Construction 8 388 617.51 × 196.456137 × 1.085 (DLC) / 1.0824 = €1 651 953 990.10;
    //   2N electrical 0.45 × 1.4 = 0.63 → €1 040 731 013.76; facility × 1.28 = €2 114 501 107.32
    //   (Frankfurt prices: €2 923 987 511.80, 27.7 % more). IT capex does not move.
    close("it_design", e.power.it_design.value(), 196.456_136_951, EXACT);
    close("electrical", e.capex.electrical.value(), 1_040_731_013.76, EXACT);
    close("facility", e.capex.facility().value(), 2_114_501_107.32, EXACT);
    close("facility DE", de.capex.facility().value(), 2_923_987_511.80, EXACT);
    close("IT capex", e.capex.it().value(), de.capex.it().value(), EXACT);

    // Staff: 0.4 FTE/MW × 196.456137 MW × €90 000 × 0.3847926 (€34 631.34 an FTE) = €2 721 415.43.
    close("staff per FTE", e.staff_eur_per_fte, 34_631.336_41, EXACT);
    close("staff", e.opex.staff.value(), 2_721_415.427, EXACT);
    close("maintenance", e.opex.maintenance.value(), 0.02 * 2_114_501_107.32, EXACT);
}

// ---------------------------------------------------------------------------
// Model 2.3 (issue 16, item 6): the optional grid-decarbonisation path.
// ---------------------------------------------------------------------------
#[test]
fn the_decarbonisation_path_averages_a_falling_grid_over_the_horizon() {
    use gigafactory_model::compute::decarbonisation_factor;
    // Intensity of year t = today's × (2050 − t) ÷ 25, 0 from 2050; average over [a, a + years]:
    //   2028, 10 years: ((2050 − 2028)² − (2050 − 2038)²) ÷ 50 ÷ 10 = (484 − 144) ÷ 500 = 0.68;
    //   2025, 25 years: (625 − 0) ÷ 50 ÷ 25 = 0.5 (the line's mean);
    //   2040, 20 years: (100 − 0) ÷ 50 ÷ 20 = 0.1 (zero for the last 10 years).
    close("2028 + 10", decarbonisation_factor(2028.0, 10.0), 0.68, EXACT);
    close("2025 + 25", decarbonisation_factor(2025.0, 25.0), 0.5, EXACT);
    close("2040 + 20", decarbonisation_factor(2040.0, 20.0), 0.1, EXACT);

    // Off by default: the frozen figures are the yearly ones, factor 1, and the saved
    // scenario does not mention the path.
    let off = evaluate(&Scenario::default()).expect("the default evaluates");
    assert_eq!(off.carbon.decarbonisation_factor, 1.0);
    assert_eq!(off.carbon.location_per_year, off.carbon.location_per_year_frozen);
    assert_eq!(off.carbon.market_per_year, off.carbon.market_per_year_frozen);

    // On, the default (opening 2028, 10 years): location 436 130.24 t × 0.68 = 296 568.56 t,
    //   market 928 192.59 t × 0.68 = 631 170.96 t; frozen figures unchanged; nothing else moves.
    let on = evaluate(&Scenario { decarbonise: true, ..Scenario::default() }).expect("evaluates");
    close("path factor", on.carbon.decarbonisation_factor, 0.68, EXACT);
    close("co2 location, path", on.carbon.location_per_year.value(), 436130.237995 * 0.68, 2e-6);
    close("co2 market, path", on.carbon.market_per_year.value(), 928192.59116 * 0.68, 2e-6);
    assert_eq!(on.carbon.location_per_year_frozen, off.carbon.location_per_year);
    assert_eq!(on.carbon.market_per_year_frozen, off.carbon.market_per_year);
    assert_eq!(on.tco, off.tco);
    assert_eq!(on.training.co2, off.training.co2);
}

// ---------------------------------------------------------------------------
// Model 2.3 (issue 16, item 8): an air-side economiser for air cooling.
// ---------------------------------------------------------------------------
#[test]
fn an_air_side_economiser_cools_on_outside_air_below_25_c_and_needs_air_cooling() {
    let helsinki = |heat_rejection| Scenario {
        sizing: Sizing::Count(100_000.0),
        accelerator: "h100".into(),
        country: "FI".into(),
        cooling: CoolingTech::Air,
        heat_rejection,
        ..Scenario::default()
    };
    let dry = evaluate(&helsinki(HeatRejection::Dry)).expect("air + dry coolers evaluates");
    let eco = evaluate(&helsinki(HeatRejection::Economiser)).expect("air + economiser evaluates");

    // Outside air alone below 27 °C supply − 2 K = 25 °C. July in Helsinki, 17.8 °C mean, σ 4.5 K:
    //   free share Φ((25 − 17.8) / 4.5) = Φ(1.6) = 0.945201; dry coolers on an 18 °C water loop need
    //   air below 18 − 6 − 2 = 10 °C: Φ((10 − 17.8) / 4.5) = Φ(−1.7333) = 0.041518.
    close("july free, economiser", eco.cooling.free_cooling_monthly[6], 0.945_200_7, 1e-6);
    close("july free, dry", dry.cooling.free_cooling_monthly[6], 0.041_518_2, 1e-5);
    // January (−3.9 °C) is chiller-free: PUE at full load = 1 + 0.04 losses + 0.01 misc + 0.08 fans
    //   + heat ratio 1.12 × 0.01 relief fans = 1.1412, plus the fixed overheads at part load
    //   (fixed × (1/average IT − 1/design IT), as every month).
    let part_load =
        eco.power.fixed_overhead.value() * (1.0 / eco.power.it_average.value() - 1.0 / eco.power.it_design.value());
    close("january pue, economiser", eco.pue_monthly[0], 1.1412 + part_load, 1e-9);
    // Dry coolers in January: fans 1.12 × 0.02 instead of × 0.01 → +0.0112, and a few chiller hours.
    assert!(dry.pue_monthly[0] > eco.pue_monthly[0] + 0.0112 - 1e-9);
    // The year: PUE 1.2031 → 1.1545, energy 1 046.4 → 1 004.2 GWh (−4.0 %), both without water;
    //   the design day (30 °C-class dry-bulb, above 25 °C) still runs on the trim chillers, sized alike.
    close("pue dry", dry.kpis.pue, 1.203_059, 1e-5);
    close("pue economiser", eco.kpis.pue, 1.154_493, 1e-5);
    close("energy ratio", eco.annual_energy.value() / dry.annual_energy.value(), 1_004_165.063 / 1_046_407.045, 1e-6);
    assert_eq!(eco.cooling.water.value(), 0.0);
    assert_eq!(eco.cooling.chiller_capacity, dry.cooling.chiller_capacity);
    assert!(eco.pue_design <= dry.pue_design);

    // Only with air cooling: a liquid-cooled or rear-door hall has no air path for outside air.
    use gigafactory_model::error::Implausibility;
    use gigafactory_model::ModelError;
    for cooling in [CoolingTech::Rdhx, CoolingTech::Dlc, CoolingTech::Immersion] {
        let s = Scenario { cooling, heat_rejection: HeatRejection::Economiser, ..Scenario::default() };
        match evaluate(&s) {
            Err(ModelError::ImplausiblePairing { why: Implausibility::EconomiserNeedsAir, .. }) => {}
            other => panic!("{cooling:?} + economiser: {other:?}"),
        }
    }
    assert_eq!(HeatRejection::from_id("economiser"), Some(HeatRejection::Economiser));
    assert_eq!(HeatRejection::Economiser.id(), "economiser");
}
