#!/usr/bin/env bash
# Seed each target's corpus with the fixtures of its kind (and the others, which make good
# mutation material), then split them into smaller pieces so libFuzzer's max_len covers them.
set -euo pipefail
cd "$(dirname "$0")"
for t in text markdown jekyll listing; do
  mkdir -p "corpus/$t"
  for f in ../fixtures/*/*; do
    b=$(basename "$f")
    cp "$f" "corpus/$t/$b"
    split -b 4000 -d "$f" "corpus/$t/$b.part"
  done
done
