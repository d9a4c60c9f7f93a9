# AI Gigafactory Planner. `make serve` and `make test` set up everything first.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Size guard of a first visit (html + js + wasm + css), gzip -9, bytes: raised
# from 250,000 so the code can be ordinary Rust (aim: below the best peer's
# 288 KB). Size is deterministic, so the test command checks it.
SIZE_BUDGET := 320000

.PHONY: setup serve build build-probes test lint test-native test-web test-e2e size size-check bench clean

setup:
	@scripts/setup.sh

## Serve the release build on http://127.0.0.1:8080, rebuilding on change.
serve: setup
	trunk serve --release

build: setup
	trunk build --release

## The release build with the test and bench hooks (cargo feature `probes`), in dist-probes/.
build-probes: setup
	trunk build --release --features probes --dist dist-probes

## Every test: formatting, lints (host and wasm), native, browser (wasm-bindgen-test), size budget, end-to-end.
test: setup lint test-native test-web build size-check build-probes test-e2e
	@echo "all test tiers passed"

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	CLIPPY_CONF_DIR=lints/wasm cargo clippy --lib --bins --test web --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --workspace

test-web:
	cargo test --target wasm32-unknown-unknown --test web

test-e2e:
	npm run e2e

size:
	@node scripts/size.mjs

size-check:
	@node scripts/size.mjs --budget $(SIZE_BUDGET)

## Measure size, load time, input-to-paint latency, in-browser Monte-Carlo, memory and the native model; print a table.
bench: build build-probes
	node scripts/bench.mjs

clean:
	rm -rf dist dist-probes target/wasm-opt
