//! How long the model takes: one central estimate (run on every keystroke) and
//! one full analysis (10 000-sample Monte-Carlo and two tornados).
//!
//! `cargo bench --bench model`; sample counts are kept small so it finishes in
//! well under a minute.

use criterion::{criterion_group, criterion_main, Criterion};
use gigafactory_model::{analyse, evaluate, Scenario};
use std::hint::black_box;
use std::time::Duration;

fn model(c: &mut Criterion) {
    let scenario = Scenario::default();

    let mut group = c.benchmark_group("model");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3)).sample_size(50);
    group.bench_function("evaluate default", |b| {
        b.iter(|| evaluate(black_box(&scenario)).expect("the default evaluates"))
    });
    group.finish();

    let mut group = c.benchmark_group("model");
    group.warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(5)).sample_size(10);
    group.bench_function("analyse default (10k Monte-Carlo + tornados)", |b| {
        b.iter(|| analyse(black_box(&scenario)).expect("the default analyses"))
    });
    group.finish();
}

criterion_group!(benches, model);
criterion_main!(benches);
