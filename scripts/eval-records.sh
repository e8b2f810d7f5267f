#!/bin/bash
# `dossier eval seed` on every project-written record of a folder (default eval/records; eval/holdout
# for the held-out ones) and on the seed: one line per record, then the figures summed over the folder.
# Columns: actor recall, actor precision, actor type accuracy, relation recall, relation precision (links between
# gold actors that read a gold relation or event), event recall, claim recall, violations.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-eval/records}
counts=$(mktemp)
echo "record actor-R actor-P type-acc rel-R rel-P event-R claim-R violations"
for gold in "$dir"/*.gold.json ../shared/seeds/*.gold.json; do
  # One retry: on a loaded machine a run has been seen to end without its figures; a second failure stops the script.
  for attempt in 1 2; do
    out=$(npx tsx src/cli/main.ts eval seed --gold "$gold" 2>&1) && grep -q '^actor recall' <<< "$out" && break
    echo "eval seed failed on $gold (attempt $attempt):" >&2
    tail -5 <<< "$out" >&2
    [ "$attempt" = 2 ] && exit 1
  done
  echo "$(basename "$gold" .gold.json) $(echo "$out" | awk '/^(actor|relation|event|claim)/{printf "%s ", ($NF ~ /^\(/ ? $(NF-1) : $NF)} /^must-not/{print $NF}')"
  # Counts of the folder's records (not the seed) for the summed line.
  case "$gold" in "$dir"/*) echo "$out" | sed -n 's/^\(actor recall\|actor precision\|actor type accuracy\|relation recall\|relation precision\|event recall\|claim recall (speaker)\) .*(\([0-9]*\)\/\([0-9]*\)).*/\2 \3/p; s/^must-not violations *\([0-9]*\)$/\1 0/p' >> "$counts" ;; esac
done
awk 'BEGIN{ORS=""; print "summed"} {i=(NR-1)%8; h[i]+=$1; t[i]+=$2} END{for(i=0;i<7;i++) printf " %.3f", (t[i] ? h[i]/t[i] : 1); print " " h[7] "\n"}' "$counts"
rm -f "$counts"
