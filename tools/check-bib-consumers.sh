#!/usr/bin/env bash
# Feed every .bib under a folder to the reference readers others wrote: pandoc, bibtex, biber.
# Needs Debian's pandoc, texlive-binaries, texlive-base, biber. Prints one line per problem.
set -u
dir=${1:-out}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
while IFS= read -r -d '' f; do
  cp "$f" "$tmp/in.bib"
  if ! pandoc -f bibtex -t csljson "$tmp/in.bib" >/dev/null 2>"$tmp/pandoc.err" || [ -s "$tmp/pandoc.err" ]; then
    echo "pandoc: $f: $(head -c 300 "$tmp/pandoc.err")"; status=1
  fi
  printf '\\citation{*}\n\\bibstyle{plain}\n\\bibdata{in}\n' > "$tmp/in.aux"
  (cd "$tmp" && bibtex -terse in >"$tmp/bibtex.log" 2>&1)
  # @patent is biblatex's type: plain.bst falls back to misc with a warning, which is expected.
  # "need author or key" is a card that printed no authors (nothing to invent).
  # "empty year"/"no year" warnings are expected where the source prints no year (we never guess)
  if grep -E "error message|Warning--" "$tmp/bibtex.log" | grep -vE "empty year|no year|but no year|isn't style-file defined|need author or key" | grep -q .; then
    echo "bibtex: $f: $(grep -E "error message|Warning--" "$tmp/bibtex.log" | grep -vE "empty year|no year" | head -3 | tr '\n' ' ')"; status=1
  fi
  # biber's tool mode lacks biblatex's driver sourcemap, which maps archiveprefix to
  # eprinttype (biblatex.def), so that warning says nothing about a real document.
  # An edited book stays @book with an editor (classic BibTeX's form, which plain.bst and
  # reference managers expect); biblatex's data model wants @collection there and says so.
  (cd "$tmp" && biber --tool --validate-datamodel --dieondatamodel --output-file=/dev/null in.bib >"$tmp/biber.log" 2>&1)
  if grep -E "ERROR -|WARN -" "$tmp/biber.log" | grep -vE "one of 'date, year' must be defined|Field 'archiveprefix' invalid|Missing mandatory field 'author'" | grep -q .; then
    echo "biber: $f: $(grep -E "ERROR|WARN" "$tmp/biber.log" | grep -v "'date, year'" | head -3 | tr '\n' ' ')"; status=1
  fi
done < <(find "$dir" -name '*.bib' -size +0 -print0 | sort -z)
exit $status
