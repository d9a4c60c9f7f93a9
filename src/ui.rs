//! Components, one per file.

pub mod app;
pub mod fatal;
pub mod field;
pub mod inputs;
pub mod kpis;
pub mod power_chart;
