//! How uncertain the estimate is: a seeded Monte-Carlo over the sourced input
//! ranges (P10/P50/P90) and a one-at-a-time sensitivity (tornado).

use crate::compute::{compute, Factors};
use crate::error::ModelError;
use crate::estimate::Estimate;
use crate::scenario::Resolved;
use crate::site::SiteProfile;

/// Samples in the Monte-Carlo.
pub const SAMPLES: usize = 10_000;
/// Seed of the Monte-Carlo, fixed so that results are reproducible.
pub const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64: small, fast, and good enough for input sampling.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A low / central / high range, sampled as a split (two-piece) triangular
/// distribution whose median is the central value: half the draws fall in
/// low–central, with a density rising linearly to the central value, and half in
/// central–high, with a density falling linearly from it. The central estimate
/// (every input at its central value) is then every input's median, so a
/// one-sided range (a long upper tail, as most of the sourced ranges have) widens
/// the spread on its side without moving the headline off the middle of the
/// draws. A plain triangular distribution with its mode at the central value puts
/// the median above it whenever the upper tail is the longer, and the headline at
/// the optimistic edge of its own P10–P90 (issue 16).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    /// Low end.
    pub low: f64,
    /// Central value: the median of the draws and the value of the headline.
    pub median: f64,
    /// High end.
    pub high: f64,
}

impl Range {
    /// Inverse-CDF sample for a uniform `u` in [0, 1]:
    /// `low + (median − low)·√(2u)` below one half, `high − (high − median)·√(2(1 − u))` above.
    pub fn sample(&self, u: f64) -> f64 {
        let (a, c, b) = (self.low, self.median, self.high);
        if u < 0.5 {
            a + (c - a) * (2.0 * u).sqrt()
        } else {
            b - (b - c) * (2.0 * (1.0 - u)).sqrt()
        }
    }
}

/// An uncertain input of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Electricity price.
    Price,
    /// Grid carbon intensity.
    Carbon,
    /// Accelerator-system price.
    HardwarePrice,
    /// Construction cost per MW.
    Construction,
    /// Cooling overhead.
    Cooling,
    /// Host power at load.
    HostPower,
    /// Staff, maintenance and support.
    OpexRules,
    /// Model FLOPs utilisation.
    Mfu,
    /// Goodput.
    Goodput,
    /// Embodied carbon.
    Embodied,
}

impl Input {
    /// Every uncertain input.
    pub const ALL: [Input; 10] = [
        Input::Price,
        Input::Carbon,
        Input::HardwarePrice,
        Input::Construction,
        Input::Cooling,
        Input::HostPower,
        Input::OpexRules,
        Input::Mfu,
        Input::Goodput,
        Input::Embodied,
    ];

    /// Stable id (for translations and tests).
    pub fn id(self) -> &'static str {
        match self {
            Input::Price => "price",
            Input::Carbon => "carbon",
            Input::HardwarePrice => "hardware_price",
            Input::Construction => "construction",
            Input::Cooling => "cooling",
            Input::HostPower => "host_power",
            Input::OpexRules => "opex_rules",
            Input::Mfu => "mfu",
            Input::Goodput => "goodput",
            Input::Embodied => "embodied",
        }
    }

    fn set(self, f: &mut Factors, v: f64) {
        match self {
            Input::Price => f.price = v,
            Input::Carbon => f.carbon = v,
            Input::HardwarePrice => f.hardware_price = v,
            Input::Construction => f.construction = v,
            Input::Cooling => f.cooling = v,
            Input::HostPower => f.host_power = v,
            Input::OpexRules => f.opex_rules = v,
            Input::Mfu => f.mfu = v,
            Input::Goodput => f.goodput = v,
            Input::Embodied => f.embodied = v,
        }
    }
}

/// The multiplier range of each uncertain input for this scenario (median 1,
/// the central estimate; see [`Range`]), with its basis:
/// - price: band IG × 0.8 (national IG/ID ratios spread ±25 %) up to the band-ID price;
///   an override ±20 %;
/// - carbon: ±10 % (Ember year-to-year swings 2023–2025);
/// - hardware: the catalogue's price range;
/// - construction: Cushman & Wakefield's US$9.3–15.0 M/MW around 11.7;
/// - cooling overhead: 0.7–1.5 (estimate, the PUE decomposition's spread);
/// - host power: ±15 % (DGX typical 6.5–8.5 kW);
/// - opex rules: 0.75–1.25 (FTE 0.3–0.5 per MW, maintenance 1–3 %, support 3–5 %);
/// - MFU: Llama 3's 38–43 % around 40 % (×0.95–1.075), widened to ×0.8–1.1;
/// - goodput: 0.80–0.95 around 0.90;
/// - embodied: 0.8–1.5 (building 1,000–1,500 t/MW around 1,250; hardware estimates).
pub fn ranges(r: &Resolved<'_>) -> [(Input, Range); 10] {
    let a = r.accelerator;
    let c = r.country;
    let price = if r.scenario.price_eur_per_mwh.is_some() {
        Range { low: 0.8, median: 1.0, high: 1.2 }
    } else {
        Range { low: 0.8, median: 1.0, high: (c.price_band_id_eur_per_mwh / c.price_eur_per_mwh).max(1.0) }
    };
    let tri = |low: f64, high: f64| Range { low, median: 1.0, high };
    [
        (Input::Price, price),
        (Input::Carbon, tri(0.9, 1.1)),
        (Input::HardwarePrice, tri(a.price_range_usd.0 / a.price_usd, a.price_range_usd.1 / a.price_usd)),
        (Input::Construction, tri(9.3 / 11.7, 15.0 / 11.7)),
        (Input::Cooling, tri(0.7, 1.5)),
        (Input::HostPower, tri(0.85, 1.15)),
        (Input::OpexRules, tri(0.75, 1.25)),
        (Input::Mfu, tri(0.8, 1.1)),
        (Input::Goodput, tri(0.80 / 0.90, 0.95 / 0.90)),
        (Input::Embodied, tri(0.8, 1.5)),
    ]
}

/// An output tracked by the Monte-Carlo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Peak facility power, MW.
    FacilityPower,
    /// Annual PUE.
    Pue,
    /// Annual energy, GWh.
    AnnualEnergy,
    /// Capex, €.
    Capex,
    /// Opex per year, €.
    Opex,
    /// TCO, €.
    Tco,
    /// Cost per accelerator-hour, €.
    CostPerGpuHour,
    /// CO2 per year, t.
    Co2,
    /// Water per year, m³.
    Water,
    /// Training days.
    TrainDays,
    /// Training cost, €.
    TrainCost,
}

impl Output {
    /// Every tracked output.
    pub const ALL: [Output; 11] = [
        Output::FacilityPower,
        Output::Pue,
        Output::AnnualEnergy,
        Output::Capex,
        Output::Opex,
        Output::Tco,
        Output::CostPerGpuHour,
        Output::Co2,
        Output::Water,
        Output::TrainDays,
        Output::TrainCost,
    ];

    /// The public metric name of this output.
    pub fn metric(self) -> &'static str {
        match self {
            Output::FacilityPower => "facility_power_mw",
            Output::Pue => "pue",
            Output::AnnualEnergy => "annual_energy_gwh",
            Output::Capex => "capex_eur",
            Output::Opex => "opex_eur_per_year",
            Output::Tco => "tco_eur",
            Output::CostPerGpuHour => "cost_per_gpu_hour_eur",
            Output::Co2 => "co2_t_per_year",
            Output::Water => "water_m3_per_year",
            Output::TrainDays => "train_days",
            Output::TrainCost => "train_cost_eur",
        }
    }

    /// Read this output from an estimate.
    pub fn of(self, e: &Estimate) -> f64 {
        match self {
            Output::FacilityPower => e.power.facility_peak.value(),
            Output::Pue => e.kpis.pue,
            Output::AnnualEnergy => e.annual_energy.gwh(),
            Output::Capex => e.capex.total().value(),
            Output::Opex => e.opex.total().value(),
            Output::Tco => e.tco.value(),
            Output::CostPerGpuHour => e.cost_per_gpu_hour.value(),
            Output::Co2 => e.carbon.market_per_year.value(),
            Output::Water => e.cooling.water.value(),
            Output::TrainDays => e.training.days.value(),
            Output::TrainCost => e.training.cost.value(),
        }
    }
}

/// P10 / P50 / P90 of one output.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Percentiles {
    /// Which output.
    pub output: Output,
    /// 10th percentile.
    pub p10: f64,
    /// Median.
    pub p50: f64,
    /// 90th percentile.
    pub p90: f64,
}

/// Result of the Monte-Carlo.
#[derive(Debug, Clone, PartialEq)]
pub struct MonteCarlo {
    /// Percentiles of every tracked output.
    pub percentiles: Vec<Percentiles>,
    /// TCO histogram: (bin lower edge, count), 24 equal bins from min to max.
    pub tco_histogram: Vec<(f64, u32)>,
    /// Samples drawn.
    pub samples: usize,
}

impl MonteCarlo {
    /// Percentiles of an output.
    pub fn get(&self, output: Output) -> Option<&Percentiles> {
        self.percentiles.iter().find(|p| p.output == output)
    }
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let pos = q * (sorted.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

/// Run the seeded Monte-Carlo with `samples` draws.
pub fn monte_carlo(
    r: &Resolved<'_>,
    site: &SiteProfile,
    systems: f64,
    samples: usize,
    seed: u64,
) -> Result<MonteCarlo, ModelError> {
    let ranges = ranges(r);
    let mut rng = Rng::new(seed);
    let mut values: Vec<Vec<f64>> = Output::ALL.iter().map(|_| Vec::with_capacity(samples)).collect();
    for _ in 0..samples {
        let mut f = Factors::ONE;
        for (input, range) in &ranges {
            input.set(&mut f, range.sample(rng.uniform()));
        }
        let e = compute(r, site, &f, systems)?;
        for (o, v) in Output::ALL.iter().zip(values.iter_mut()) {
            v.push(o.of(&e));
        }
    }
    let mut percentiles = Vec::with_capacity(Output::ALL.len());
    let mut tco_histogram = Vec::new();
    for (o, v) in Output::ALL.iter().zip(values.iter_mut()) {
        super::sort::sort_f64(v);
        percentiles.push(Percentiles {
            output: *o,
            p10: percentile(v, 0.1),
            p50: percentile(v, 0.5),
            p90: percentile(v, 0.9),
        });
        if *o == Output::Tco && !v.is_empty() {
            tco_histogram = histogram(v, 24);
        }
    }
    Ok(MonteCarlo { percentiles, tco_histogram, samples })
}

fn histogram(sorted: &[f64], bins: usize) -> Vec<(f64, u32)> {
    let (min, max) = (sorted[0], sorted[sorted.len() - 1]);
    let width = (max - min) / bins as f64;
    let mut out: Vec<(f64, u32)> = (0..bins).map(|i| (min + width * i as f64, 0)).collect();
    for &x in sorted {
        let i = if width > 0.0 { (((x - min) / width) as usize).min(bins - 1) } else { 0 };
        out[i].1 += 1;
    }
    out
}

/// One bar of the tornado: an output at an input's low and high end.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Swing {
    /// The input moved.
    pub input: Input,
    /// The output with the input at its low end.
    pub at_low: f64,
    /// The output with the input at its high end.
    pub at_high: f64,
}

impl Swing {
    /// Width of the bar.
    pub fn width(&self) -> f64 {
        (self.at_high - self.at_low).abs()
    }
}

/// One-at-a-time sensitivity of `output`: each input at its low and high end,
/// the others central; widest swing first.
pub fn tornado(r: &Resolved<'_>, site: &SiteProfile, systems: f64, output: Output) -> Result<Vec<Swing>, ModelError> {
    let mut swings = Vec::with_capacity(Input::ALL.len());
    for (input, range) in ranges(r) {
        let mut lo = Factors::ONE;
        input.set(&mut lo, range.low);
        let mut hi = Factors::ONE;
        input.set(&mut hi, range.high);
        swings.push(Swing {
            input,
            at_low: output.of(&compute(r, site, &lo, systems)?),
            at_high: output.of(&compute(r, site, &hi, systems)?),
        });
    }
    super::sort::insertion_sort_by(&mut swings, |a, b| b.width() < a.width());
    Ok(swings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_triangular_sample_stays_in_range_hits_ends_and_has_its_median_at_the_centre() {
        let r = Range { low: 0.5, median: 1.0, high: 2.0 };
        assert!((r.sample(0.0) - 0.5).abs() < 1e-12);
        assert!((r.sample(0.5) - 1.0).abs() < 1e-12);
        assert!((r.sample(1.0) - 2.0).abs() < 1e-12);
        let mut rng = Rng::new(1);
        let mut below = 0;
        for _ in 0..10_000 {
            let x = r.sample(rng.uniform());
            assert!((0.5..=2.0).contains(&x));
            below += usize::from(x < 1.0);
        }
        // Half the draws below the centre (a plain triangular with mode 1 puts a third there).
        assert!((4_800..=5_200).contains(&below), "{below} of 10,000 below the centre");
        // A one-sided range: the central value is its end, and half the draws sit on it.
        let one_sided = Range { low: 0.8, median: 1.0, high: 1.0 };
        assert_eq!(one_sided.sample(0.75), 1.0);
    }

    #[test]
    fn rng_is_reproducible() {
        let a: Vec<u64> = (0..5).scan(Rng::new(7), |r, _| Some(r.next_u64())).collect();
        let b: Vec<u64> = (0..5).scan(Rng::new(7), |r, _| Some(r.next_u64())).collect();
        assert_eq!(a, b);
    }
}
