//! Print the estimate of a scenario given as JSON on stdin (or the default).
//! `cargo run --example scenario < scenario.json`
use gigafactory_planner::model::{analyse, Scenario};
use std::io::Read;

fn main() {
    let mut input = String::new();
    let _ = std::io::stdin().read_to_string(&mut input);
    let scenario: Scenario = if input.trim().is_empty() {
        Scenario::default()
    } else {
        let value = serde_json::from_str::<serde_json::Value>(&input).map_err(|e| e.to_string());
        match value.and_then(|v| gigafactory_planner::storage::from_json(&v, "")) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("invalid scenario JSON: {e}");
                std::process::exit(2);
            }
        }
    };
    match analyse(&scenario) {
        Ok(a) => {
            for (name, value) in a.estimate.metrics() {
                let p = a.monte_carlo.percentiles.iter().find(|p| p.output.metric() == name);
                match p {
                    Some(p) => println!("{name:24} {value:>16.4}   P10 {:>14.4}  P90 {:>14.4}", p.p10, p.p90),
                    None => println!("{name:24} {value:>16.4}"),
                }
            }
            println!("monthly PUE {:?}", a.estimate.pue_monthly.map(|p| (p * 1000.0).round() / 1000.0));
            println!("{:#?}", a.estimate.power);
            println!("{:#?}", a.estimate.capex);
            println!("{:#?}", a.estimate.opex);
            println!("{:#?}", a.estimate.context);
            println!("checks {:?}", a.estimate.checks);
            println!(
                "tornado TCO {:?}",
                a.tornado_tco.iter().take(4).map(|s| (s.input.id(), s.width())).collect::<Vec<_>>()
            );
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
