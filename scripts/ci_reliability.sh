#!/usr/bin/env bash
# Measurement, not a test: run .ci/run N times in a row on fresh clones of this checkout's HEAD, with
# BURNERS CPU-bound processes running beside it the whole time, and print one line per run (exit code,
# minutes, pytest's closing line). Usage: bash scripts/ci_reliability.sh [N=5] [BURNERS=2]
set -uo pipefail
runs="${1:-5}"
burners="${2:-2}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq "$burners"); do
  python3 -c 'while True: pass' &
  pids+=("$!")
done
echo "commit $(git -C "$repo" rev-parse --short HEAD); $runs runs; $burners CPU burners; $(nproc) cores"
passed=0
for run in $(seq "$runs"); do
  git clone -q "$repo" "$work/run$run"
  start=$(date +%s)
  (cd "$work/run$run" && CI=true bash .ci/run >"$work/run$run.log" 2>&1)
  status=$?
  minutes=$(( ($(date +%s) - start + 30) / 60 ))
  summary="$(grep -E '(passed|failed)' "$work/run$run.log" | grep -E ' in [0-9.]+s' | tail -2 | tr '\n' ' ')"
  echo "run $run: exit $status, ${minutes} min, $summary"
  [ "$status" -eq 0 ] && passed=$((passed + 1))
  [ "$status" -ne 0 ] && cp "$work/run$run.log" "/tmp/ci_reliability_run$run.log" && echo "  log kept: /tmp/ci_reliability_run$run.log"
  rm -rf "$work/run$run"
done
echo "$passed of $runs runs passed"
