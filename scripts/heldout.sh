#!/bin/sh
# Writes held-out sets under target/heldout/{clean,scrambled,wrapped,columns,interleaved,crossed,justified}: the dev sets'
# presets, 100 dumps each, with seeds no dev set uses. Report these next to the dev sets;
# do not tune on them (see docs/METRICS.md, "Held-out sets").
set -eu
cd "$(dirname "$0")/.."
for spec in clean:9101 scrambled:9202 wrapped:9303 columns:9404 interleaved:9505 crossed:9606 justified:9707; do
  preset=${spec%%:*}
  seed=${spec##*:}
  rm -rf "target/heldout/$preset"
  cargo run --quiet --release -p newsseg-cli -- gen --articles ../shared/corpus/rmrb-dev.jsonl \
    --out "target/heldout/$preset" --preset "$preset" --seed "$seed" --count 100
done
