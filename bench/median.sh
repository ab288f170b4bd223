#!/usr/bin/env bash
# Median over compare rounds: bench/median.sh bench/results/compare-round*
# For each test and peer: median req/s, median server CPU, req/s per server CPU (req/s / CPU
# share), and both as ratios to netty-raw.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: bench/median.sh RESULT_DIR..." >&2; exit 2; }
for d in "$@"; do cat "$d/summary.txt"; done | awk '
  $3 ~ /^[0-9.]+$/ { k = $2 " " $1; n[k]++; rps[k, n[k]] = $3; cpu[k, n[k]] = $5 + 0; keys[k] = 1 }
  function median(arr, k, c,   i, j, t, v) {
    for (i = 1; i <= c; i++) v[i] = arr[k, i]
    for (i = 1; i <= c; i++) for (j = i + 1; j <= c; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return (c % 2) ? v[(c + 1) / 2] : (v[c / 2] + v[c / 2 + 1]) / 2
  }
  END {
    for (k in keys) { split(k, p, " "); r[k] = median(rps, k, n[k]); c[k] = median(cpu, k, n[k]); pc[k] = r[k] / (c[k] / 100) }
    printf "%-10s %-12s %7s %12s %8s %14s %10s %12s\n", "TEST", "PEER", "ROUNDS", "REQ/S(med)", "SRV-CPU", "REQ/S/CPU", "vs raw", "vs raw/CPU"
    for (k in keys) {
      split(k, p, " "); base = p[1] " netty-raw"
      printf "%-10s %-12s %7d %12.0f %7.0f%% %14.0f %9.2fx %11.2fx\n", p[1], p[2], n[k], r[k], c[k], pc[k], (base in r) ? r[k] / r[base] : 0, (base in pc) ? pc[k] / pc[base] : 0
    }
  }' | (read -r header; echo "$header"; sort -k1,1 -k4,4nr)
