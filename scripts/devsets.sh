#!/bin/sh
# Regenerates the fixed dev sets under target/devsets/{clean,scrambled,wrapped}.
set -eu
cd "$(dirname "$0")/.."
cargo run --quiet -p newsseg-cli -- gen --articles ../shared/corpus/rmrb-dev.jsonl --devsets target/devsets "$@"
