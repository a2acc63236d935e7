#!/usr/bin/env bash
# 5-fold cross-validation of the attribution tagger on PolNeAR train: for each fold K, train
# the tagger on the other four fifths (`train_tagger` with RIFT_FOLD=K/5) and score extraction
# on fold K (`polnear` with the same RIFT_FOLD and RIFT_TAGGER); prints the summed true
# positives and F1 of content exact / overlap / content+source.
#   scripts/tagger-cv.sh [NAME] [EPOCHS] [BITS] [PAIR_BITS]
# Run from the repository root; ../shared/data/polnear must exist. Two folds run at a time.
set -euo pipefail
name=${1:-cv}; epochs=${2:-6}; bits=${3:-17}; pair_bits=${4:-14}
target=${CARGO_TARGET_DIR:-target}
cargo build --release -q -p rift-extract --example train_tagger --example polnear
bin=$target/release/examples
train=../shared/data/polnear/train
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for k in 0 1 2 3 4; do
  (
    RIFT_FOLD=$k/5 "$bin/train_tagger" "$train" "$out/$k.bin" "$epochs" "$bits" "$pair_bits" 2>/dev/null
    RIFT_FOLD=$k/5 RIFT_TAGGER="$out/$k.bin" "$bin/polnear" "$train" | grep '^tp' > "$out/$k.tp"
  ) &
  if [ "$k" = 1 ] || [ "$k" = 3 ]; then wait; fi
done
wait
cat "$out"/[0-4].tp | awk -v name="$name" '
  { for (i = 2; i <= NF; i += 2) { s[i] += $(i + 1); n[i] = $i } }
  END {
    gold = s[12]; pred = s[10]
    printf "%s 5-fold: predicted %d gold %d;", name, pred, gold
    for (i = 2; i <= 6; i += 2) printf " %s TP %d F1 %.4f;", n[i], s[i], 2 * s[i] / (gold + pred)
    printf "\n"
  }'
