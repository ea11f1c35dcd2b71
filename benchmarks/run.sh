#!/usr/bin/env bash
# Builds the benchmarks, runs every JMH benchmark with the gc profiler and the start-up harness,
# and writes the tables into the generated section of benchmarks/RESULTS.md.
#
#   benchmarks/run.sh                       # the full run: about 11 minutes on 2 cores
#   QUICK=1 benchmarks/run.sh               # a quick look (-f 1 -wi 1 -w 200ms -i 2 -r 200ms, 3 start-ups)
#   benchmarks/run.sh SampledSpan Context   # only benchmarks matching these regexes (JMH arguments)
#
# Environment:
#   JMH_OPTS      JMH options replacing the defaults below (e.g. JMH_OPTS="-f 1 -wi 1 -i 2"); -prof gc
#                 and the JSON result file are always added
#   QUICK=1       the quick-look settings above (figures too noisy to quote)
#   STARTUP_RUNS  child JVMs per library for the start-up medians (default 10; 0 skips start-up)
#   RESULTS_FILE  where the tables go (default benchmarks/RESULTS.md; only its generated section changes)
#   SKIP_BUILD=1  use the benchmarks.jar already built
# Arguments are passed to JMH after the options: benchmark regexes or options JMH_OPTS does not
# already hold (JMH rejects an option given twice, so change -f/-wi/-w/-i/-r through JMH_OPTS).
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
OUT=benchmarks/target/results
RESULTS_FILE=${RESULTS_FILE:-benchmarks/RESULTS.md}

# About 76 benchmark/parameter combinations x (3 x 1 s warm-up + 5 x 1 s) in one fork each, plus
# the start-up runs, fit in about 11 minutes on 2 cores.
DEFAULT_JMH_OPTS="-f 1 -wi 3 -w 1s -i 5 -r 1s"
DEFAULT_STARTUP_RUNS=10
if [[ "${QUICK:-0}" == "1" ]]; then
  DEFAULT_JMH_OPTS="-f 1 -wi 1 -w 200ms -i 2 -r 200ms"
  DEFAULT_STARTUP_RUNS=3
fi
JMH_OPTS=${JMH_OPTS:-$DEFAULT_JMH_OPTS}
STARTUP_RUNS=${STARTUP_RUNS:-$DEFAULT_STARTUP_RUNS}

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  mvn -B -ntp -q -pl benchmarks -am package -DskipTests
fi

mkdir -p "$OUT"
rm -f "$OUT/jmh.json" "$OUT/run.log"
read -r -a jmh_opts <<< "$JMH_OPTS"
jmh=(java -jar "$JAR" "${jmh_opts[@]}" -prof gc -rf json -rff "$OUT/jmh.json" "$@")
echo "+ ${jmh[*]}"
"${jmh[@]}" 2>&1 | tee "$OUT/run.log"

startup=()
if [[ "$STARTUP_RUNS" != "0" ]]; then
  startup=(java -cp "$JAR" dev.ariadne.benchmarks.startup.StartupLauncher "$STARTUP_RUNS")
  echo "+ ${startup[*]}"
  "${startup[@]}" 2>&1 | tee -a "$OUT/run.log"
fi

java -cp "$JAR" dev.ariadne.benchmarks.ResultsWriter \
  --json "$OUT/jmh.json" --log "$OUT/run.log" --out "$RESULTS_FILE" \
  --command "benchmarks/run.sh $* (JMH: ${jmh[*]}; start-up: ${startup[*]:-none})"
