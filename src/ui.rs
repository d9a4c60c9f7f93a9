//! Components, one per file.

pub mod app;
pub mod breakdown;
pub mod fatal;
pub mod field;
pub mod figure;
pub mod figures;
pub mod inputs;
pub mod kpis;
pub mod sources;
