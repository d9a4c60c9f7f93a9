//! AI Gigafactory Planner: size an EU AI gigafactory in the browser.
#![forbid(unsafe_code)]

pub mod model;
