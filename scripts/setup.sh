#!/usr/bin/env bash
# Install everything the build and the tests need, idempotently: quick when all
# is already there. Works offline except for the package registries
# (crates.io, npm, Debian). Never downloads prebuilt tool binaries.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
need_root() { if [ "$(id -u)" -ne 0 ]; then echo "sudo"; fi; }

# 1. Rust: the wasm target and the lint/format components.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for c in clippy rustfmt; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done

# 2. Trunk 0.21 (0.22 needs a newer rustc). Built from crates.io: ~10 min once.
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21 from crates.io (first time only, ~10 min)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked trunk --version '~0.21'
fi

# 3. wasm-bindgen-cli at exactly the version in Cargo.lock (and in Trunk.toml).
wb_lock=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
wb_trunk=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)
if [ "$wb_lock" != "$wb_trunk" ]; then
  echo "Trunk.toml pins wasm_bindgen = \"$wb_trunk\" but Cargo.lock has $wb_lock: update Trunk.toml." >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wb_lock\$"; then
  say "installing wasm-bindgen-cli $wb_lock (first time only, ~5 min)"
  # Not --locked: the registry lacks one of its pinned dependencies.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "$wb_lock"
fi

# 4. Node.js and npm (Debian's), then the npm packages: wasm-opt (binaryen 132),
#    terser (minifies the JS glue), playwright-core (drives the system Chromium), axe-core,
#    world-atlas (the map's geometry, scripts/map.mjs).
if ! command -v npm >/dev/null; then
  say "installing Node.js and npm (Debian)"
  $(need_root) apt-get update -qq
  $(need_root) apt-get install -y --no-install-recommends nodejs npm
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/terser ] || [ ! -d node_modules/world-atlas ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi
if ! node_modules/.bin/wasm-opt --version | grep -q 'version 132'; then
  echo "node_modules/.bin/wasm-opt is not binaryen 132" >&2
  exit 1
fi

# 5. Chromium and its driver (Debian's), for wasm-bindgen-test and Playwright.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Chromium and chromedriver (Debian)"
  $(need_root) apt-get update -qq
  $(need_root) apt-get install -y --no-install-recommends chromium chromium-driver
fi

# 6. Crates for offline Trunk builds.
cargo fetch --quiet
