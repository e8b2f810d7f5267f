#!/bin/bash
# One line of `dossier eval seed` scores per project-written record (eval/records) and the seed:
# actor recall, actor precision, actor type accuracy, relation recall, event recall, claim recall, violations.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "record actor-R actor-P type-acc rel-R event-R claim-R violations"
for gold in eval/records/*.gold.json ../shared/seeds/*.gold.json; do
  out=$(npx tsx src/cli/main.ts eval seed --gold "$gold" 2>&1)
  echo "$(basename "$gold" .gold.json) $(echo "$out" | awk '/^(actor|relation|event|claim)/{printf "%s ", ($NF ~ /^\(/ ? $(NF-1) : $NF)} /^must-not/{print $NF}')"
done
