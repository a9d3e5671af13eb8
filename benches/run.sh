#!/usr/bin/env bash
# Reproduces the numbers of docs/PERFORMANCE.md:
#   1. criterion benches of Segmenter::segment (default, per detector, cohesion units) and
#      of raw jieba-rs on the same pages;
#   2. end-to-end `newsseg batch` throughput on a JSONL file of at least SIZE_MB megabytes
#      (built under target/bench/ by repeating dumps generated from ../shared), with 1 and
#      2 threads: wall and CPU seconds, MB/s by each, and peak RSS from GNU time. The load
#      average is printed before each run: on a shared machine, MB/s per CPU-second is the
#      steadier figure.
# Usage: benches/run.sh [SIZE_MB]      (default 1100; SKIP_CRITERION=1 skips part 1)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-1100}
if [ ! -x /usr/bin/time ]; then
    echo "GNU time is needed: apt-get install time" >&2
    exit 2
fi

cargo build --release -p newsseg-cli -p newsseg-benches --bins
mkdir -p target/bench
data=target/bench/pages-${size_mb}mb.jsonl
[ -s "$data" ] || target/release/newsseg-bench-data "$data" "$size_mb"

if [ -z "${SKIP_CRITERION:-}" ]; then
    cargo bench -p newsseg-benches --bench segment 2>&1 | tee target/bench/criterion.txt
    echo
    echo "criterion (median throughput):"
    awk '/^segment\//{name=$1} /thrpt:/{print "  " name, $(NF-3), $(NF-2)}' target/bench/criterion.txt
    echo
fi

bytes=$(stat -c %s "$data")
echo "newsseg batch on $data ($bytes bytes), $(nproc) cores, $(date -u +%F)"
echo "| threads | wall s | MB/s (wall) | CPU s (user+sys) | MB/s per CPU-s | CPU use | peak RSS MB |"
echo "|---|---|---|---|---|---|---|"
for threads in 1 2; do
    echo "load before $threads-thread run: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    log=target/bench/time-$threads.txt
    /usr/bin/time -v -o "$log" \
        target/release/newsseg batch --quiet --threads "$threads" "$data" >/dev/null
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$log")
    rss_kb=$(awk -F': ' '/Maximum resident set size/{print $2}' "$log")
    cpu=$(awk -F': ' '/(User|System) time \(seconds\)/{s+=$2} END{print s}' "$log")
    use=$(awk -F': ' '/Percent of CPU this job got/{print $2}' "$log")
    awk -v t="$threads" -v w="$wall" -v b="$bytes" -v r="$rss_kb" -v c="$cpu" -v u="$use" \
        'BEGIN{printf "| %d | %.1f | %.1f | %.1f | %.1f | %s | %.0f |\n", t, w, b/1e6/w, c, b/1e6/c, u, r/1024}'
done
