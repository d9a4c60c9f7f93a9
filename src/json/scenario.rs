//! The model's inputs as JSON, in the layout serde's derives wrote (fields in
//! declaration order; `sizing` as `{"mode": …, "value": …}`; ids as lowercase
//! strings; no override as `null`).
//!
//! Reading follows what serde read: a missing field takes its default, an
//! unknown one is ignored, `sizing`'s `value` may come before its `mode`, ids
//! match exactly (case counts), an override may be `null`, and a wrong type is
//! an error naming the field ("training.mfu: expected a number, got null").
//! Not carried over: serde also read a struct from an array of its fields in
//! order and an id from `{"id": null}`, forms no release ever wrote.

use super::{describe, expected, number, required, string, FromJson, Json, ToJson};
use crate::model::catalogue::{CoolingTech, HeatRejection, Redundancy};
use crate::model::{Precision, Scenario, Sizing, TrainingRun};

/// The `mode` of a sizing, as stored (and as its URL parameter is named).
fn sizing_mode(s: Sizing) -> &'static str {
    match s {
        Sizing::Count(_) => "count",
        Sizing::PowerMw(_) => "power_mw",
        Sizing::ComputePflops(_) => "compute_pflops",
        Sizing::CapexEur(_) => "capex_eur",
    }
}

/// The id of a precision, as stored.
fn precision_id(p: Precision) -> &'static str {
    match p {
        Precision::Bf16 => "bf16",
        Precision::Fp8 => "fp8",
    }
}

/// The one of `all` whose id is exactly the string `v`.
fn pick<T: Copy>(v: &Json, path: &str, all: &[T], id: fn(T) -> &'static str) -> Result<T, String> {
    let s = v.as_str().ok_or_else(|| expected(path, "a string", v))?;
    all.iter().copied().find(|&x| id(x) == s).ok_or_else(|| {
        let ids: Vec<&str> = all.iter().map(|&x| id(x)).collect();
        format!("{path}: unknown value {}, expected one of {}", describe(v), ids.join(", "))
    })
}

/// Read the member `key` of `obj` with `f` if present, into `slot`.
fn set<T>(
    obj: &Json,
    key: &str,
    prefix: &str,
    slot: &mut T,
    f: impl FnOnce(&Json, &str) -> Result<T, String>,
) -> Result<(), String> {
    if let Some(v) = obj.get(key) {
        *slot = f(v, &format!("{prefix}{key}"))?;
    }
    Ok(())
}

fn optional_number(v: &Json, path: &str) -> Result<Option<f64>, String> {
    match v {
        Json::Null => Ok(None),
        v => number(v, path).map(Some),
    }
}

impl ToJson for CoolingTech {
    fn to_json(&self) -> Json {
        self.id().into()
    }
}

impl ToJson for HeatRejection {
    fn to_json(&self) -> Json {
        self.id().into()
    }
}

impl ToJson for Redundancy {
    fn to_json(&self) -> Json {
        self.id().into()
    }
}

impl ToJson for Precision {
    fn to_json(&self) -> Json {
        precision_id(*self).into()
    }
}

impl ToJson for Sizing {
    fn to_json(&self) -> Json {
        let (Sizing::Count(x) | Sizing::PowerMw(x) | Sizing::ComputePflops(x) | Sizing::CapexEur(x)) = *self;
        Json::obj(vec![("mode", sizing_mode(*self).into()), ("value", x.into())])
    }
}

fn sizing_from_json(v: &Json, path: &str) -> Result<Sizing, String> {
    if !v.is_object() {
        return Err(expected(path, "an object {\"mode\": …, \"value\": …}", v));
    }
    const MODES: [Sizing; 4] =
        [Sizing::Count(0.0), Sizing::PowerMw(0.0), Sizing::ComputePflops(0.0), Sizing::CapexEur(0.0)];
    let mode = pick(required(v, "mode", path)?, &format!("{path}.mode"), &MODES, sizing_mode)?;
    let x = number(required(v, "value", path)?, &format!("{path}.value"))?;
    Ok(match mode {
        Sizing::Count(_) => Sizing::Count(x),
        Sizing::PowerMw(_) => Sizing::PowerMw(x),
        Sizing::ComputePflops(_) => Sizing::ComputePflops(x),
        Sizing::CapexEur(_) => Sizing::CapexEur(x),
    })
}

impl FromJson for Sizing {
    fn from_json(v: &Json) -> Result<Self, String> {
        sizing_from_json(v, "sizing")
    }
}

impl ToJson for TrainingRun {
    fn to_json(&self) -> Json {
        Json::obj(vec![
            ("params_b", self.params_b.into()),
            ("tokens_t", self.tokens_t.into()),
            ("precision", self.precision.to_json()),
            ("mfu", self.mfu.into()),
            ("goodput", self.goodput.into()),
        ])
    }
}

fn training_from_json(v: &Json, path: &str) -> Result<TrainingRun, String> {
    if !v.is_object() {
        return Err(expected(path, "an object", v));
    }
    let p = format!("{path}.");
    let mut t = TrainingRun::default();
    set(v, "params_b", &p, &mut t.params_b, number)?;
    set(v, "tokens_t", &p, &mut t.tokens_t, number)?;
    set(v, "precision", &p, &mut t.precision, |v, path| {
        pick(v, path, &[Precision::Bf16, Precision::Fp8], precision_id)
    })?;
    set(v, "mfu", &p, &mut t.mfu, number)?;
    set(v, "goodput", &p, &mut t.goodput, number)?;
    Ok(t)
}

impl FromJson for TrainingRun {
    fn from_json(v: &Json) -> Result<Self, String> {
        training_from_json(v, "training")
    }
}

impl ToJson for Scenario {
    fn to_json(&self) -> Json {
        Json::obj(vec![
            ("sizing", self.sizing.to_json()),
            ("accelerator", self.accelerator.as_str().into()),
            ("country", self.country.as_str().into()),
            ("cooling", self.cooling.to_json()),
            ("heat_rejection", self.heat_rejection.to_json()),
            ("redundancy", self.redundancy.to_json()),
            ("utilization", self.utilization.into()),
            ("price_eur_per_mwh", self.price_eur_per_mwh.into()),
            ("carbon_g_per_kwh", self.carbon_g_per_kwh.into()),
            ("pue", self.pue.into()),
            ("years", self.years.into()),
            ("it_life_years", self.it_life_years.into()),
            ("facility_life_years", self.facility_life_years.into()),
            ("wacc", self.wacc.into()),
            ("renewable_share", self.renewable_share.into()),
            ("heat_reuse", self.heat_reuse.into()),
            ("heat_price_eur_per_mwh", self.heat_price_eur_per_mwh.into()),
            ("training", self.training.to_json()),
        ])
    }
}

/// A scenario at `path` ("" at the top): fields absent from the object keep
/// the default scenario's values.
pub fn scenario_from_json(v: &Json, path: &str) -> Result<Scenario, String> {
    if !v.is_object() {
        let what = if path.is_empty() { "scenario".to_string() } else { path.to_string() };
        return Err(expected(&what, "an object", v));
    }
    let p = if path.is_empty() { String::new() } else { format!("{path}.") };
    let mut s = Scenario::default();
    set(v, "sizing", &p, &mut s.sizing, sizing_from_json)?;
    set(v, "accelerator", &p, &mut s.accelerator, string)?;
    set(v, "country", &p, &mut s.country, string)?;
    set(v, "cooling", &p, &mut s.cooling, |v, path| pick(v, path, &CoolingTech::ALL, CoolingTech::id))?;
    set(v, "heat_rejection", &p, &mut s.heat_rejection, |v, path| {
        pick(v, path, &HeatRejection::ALL, HeatRejection::id)
    })?;
    set(v, "redundancy", &p, &mut s.redundancy, |v, path| pick(v, path, &Redundancy::ALL, Redundancy::id))?;
    set(v, "utilization", &p, &mut s.utilization, number)?;
    set(v, "price_eur_per_mwh", &p, &mut s.price_eur_per_mwh, optional_number)?;
    set(v, "carbon_g_per_kwh", &p, &mut s.carbon_g_per_kwh, optional_number)?;
    set(v, "pue", &p, &mut s.pue, optional_number)?;
    set(v, "years", &p, &mut s.years, number)?;
    set(v, "it_life_years", &p, &mut s.it_life_years, number)?;
    set(v, "facility_life_years", &p, &mut s.facility_life_years, number)?;
    set(v, "wacc", &p, &mut s.wacc, number)?;
    set(v, "renewable_share", &p, &mut s.renewable_share, number)?;
    set(v, "heat_reuse", &p, &mut s.heat_reuse, number)?;
    set(v, "heat_price_eur_per_mwh", &p, &mut s.heat_price_eur_per_mwh, number)?;
    set(v, "training", &p, &mut s.training, training_from_json)?;
    Ok(s)
}

impl FromJson for Scenario {
    fn from_json(v: &Json) -> Result<Self, String> {
        scenario_from_json(v, "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{from_str, parse, to_string};

    #[test]
    fn the_default_scenario_is_written_as_serde_wrote_it() {
        assert_eq!(
            to_string(&Scenario::default()),
            concat!(
                r#"{"sizing":{"mode":"count","value":100000.0},"accelerator":"b200","country":"DE","cooling":"dlc","#,
                r#""heat_rejection":"dry","redundancy":"n+1","utilization":0.8,"price_eur_per_mwh":null,"#,
                r#""carbon_g_per_kwh":null,"pue":null,"years":10.0,"it_life_years":5.0,"facility_life_years":20.0,"#,
                r#""wacc":0.07,"renewable_share":0.0,"heat_reuse":0.0,"heat_price_eur_per_mwh":10.0,"#,
                r#""training":{"params_b":405.0,"tokens_t":15.6,"precision":"bf16","mfu":0.4,"goodput":0.9}}"#
            )
        );
    }

    #[test]
    fn errors_name_the_field() {
        let e = |text: &str| from_str::<Scenario>(text).unwrap_err();
        assert_eq!(e(r#"{"years":"ten"}"#), "years: expected a number, got the string \"ten\"");
        assert_eq!(e(r#"{"training":{"mfu":null}}"#), "training.mfu: expected a number, got null");
        assert_eq!(e(r#"{"sizing":{"value":5}}"#), "sizing: missing field \"mode\"");
        assert_eq!(e(r#"{"sizing":{"mode":"count"}}"#), "sizing: missing field \"value\"");
        assert_eq!(
            e(r#"{"cooling":"water"}"#),
            "cooling: unknown value the string \"water\", expected one of air, rdhx, dlc, immersion"
        );
        assert_eq!(e(r#"{"accelerator":5}"#), "accelerator: expected a string, got 5");
        assert_eq!(e("[1]"), "scenario: expected an object, got an array");
        assert!(e("{").contains("line 1"));
    }

    #[test]
    fn ids_match_exactly_and_overrides_may_be_null() {
        assert!(from_str::<Scenario>(r#"{"cooling":"DLC"}"#).is_err());
        assert!(from_str::<Scenario>(r#"{"redundancy":"N+1"}"#).is_err());
        assert!(from_str::<Scenario>(r#"{"sizing":{"mode":"Count","value":1}}"#).is_err());
        let s: Scenario = from_str(r#"{"pue":null,"price_eur_per_mwh":80,"unknown":[1,{}],"training":{}}"#).unwrap();
        assert_eq!(s.pue, None);
        assert_eq!(s.price_eur_per_mwh, Some(80.0));
        assert_eq!(s.training, TrainingRun::default());
        assert!(from_str::<Scenario>(r#"{"training":null}"#).is_err());
        assert!(from_str::<Scenario>(r#"{"sizing":null}"#).is_err());
        assert!(from_str::<Scenario>(r#"{"accelerator":null}"#).is_err());
        // The last of repeated fields counts, as serde_json's maps kept it.
        let s: Scenario = from_str(r#"{"years":"bad","years":12}"#).unwrap();
        assert_eq!(s.years, 12.0);
        let v = parse(r#"{"sizing":{"value":1e3,"mode":"capex_eur","extra":true}}"#).unwrap();
        assert_eq!(Scenario::from_json(&v).unwrap().sizing, Sizing::CapexEur(1000.0));
    }
}
