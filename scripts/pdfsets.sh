#!/bin/sh
# Builds the real-PDF evaluation sets of docs/METRICS.md ("Real PDF extraction") from the
# `clean` dev and held-out sets: pdftotext's own order with default and wide gutters, and
# `pdftotext -raw`. Needs what scripts/pdfpages.py needs (reportlab, pdftotext, a CJK font),
# and the sets it reads (`newsseg gen --devsets target/devsets`, `sh scripts/heldout.sh`).
# usage: sh scripts/pdfsets.sh [OUT_DIR]   (default target/pdfpages)
set -eu
out=${1:-target/pdfpages}
dev=target/devsets/clean
heldout=target/heldout/clean
for src in "$dev" "$heldout"; do
  [ -d "$src" ] || { echo "error: $src is missing; build the dev and held-out sets first" >&2; exit 1; }
done
python3 scripts/pdfpages.py "$dev" "$out/clean"
python3 scripts/pdfpages.py "$heldout" "$out/heldout-clean"
python3 scripts/pdfpages.py "$dev" "$out/wide" --gutters 27 36
python3 scripts/pdfpages.py "$dev" "$out/raw" --mode raw
python3 scripts/pdfpages.py "$heldout" "$out/raw-heldout" --mode raw
echo "sets under $out: clean heldout-clean wide raw raw-heldout (score each with newsseg eval --gold DIR)"
