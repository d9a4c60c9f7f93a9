//! Entry point: mounts the app. Everything else lives in the library so tests can import it.
fn main() {
    gigafactory_planner::start();
}
