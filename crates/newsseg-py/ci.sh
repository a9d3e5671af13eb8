#!/usr/bin/env bash
# CI of the Python package: builds the abi3 wheel with maturin in a venv under target/,
# installs it with the test extras (pinned versions) and runs the pytest suite, which compares
# the binding, datatrove and Ray Data with the release CLI (built here when missing).
# Needs ../shared (the corpus) beside the checkout. Fails on the first error.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS

python=${PYTHON:-python3}
venv=target/py-ci-venv
wheels=target/wheels
maturin_version=1.16.0   # the test extra's pins are in pyproject.toml

echo "-- venv ($("$python" --version))"
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
pip=("$venv/bin/python" -m pip install --quiet --disable-pip-version-check)
"${pip[@]}" "maturin==$maturin_version"

echo "-- maturin build --release"
rm -f "$wheels"/newsseg-*.whl
"$venv/bin/maturin" build --release --quiet -m crates/newsseg-py/Cargo.toml --out "$wheels"
wheel=$(ls "$wheels"/newsseg-*-cp39-abi3-*.whl)
echo "built $wheel"
"${pip[@]}" "$wheel[test]"
"${pip[@]}" --force-reinstall --no-deps "$wheel"   # same version number: replace the old build

[ -x target/release/newsseg ] || cargo build --release -p newsseg-cli

echo "-- pytest"
# Run from the tests folder so that `import newsseg` is the installed wheel, not the sources.
(cd crates/newsseg-py/tests && RAY_USAGE_STATS_ENABLED=0 "../../../$venv/bin/python" -m pytest -q -p no:cacheprovider .)
echo "python CI took $((SECONDS - start)) s"
