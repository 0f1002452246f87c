#!/usr/bin/env bash
# renders: the three samples, rendered once with their page traces, for
# the sections that check them (make check runs this first): $R/NAME.pdf,
# $R/NAME.trace and the copy poppler's text tools read ($R/NAME.text.pdf).
. "$(dirname "$0")/lib.sh"
rm -rf "$R"; mkdir -p "$R"
for s in $SAMPLES; do
    check "$s: renders" "$BIN" -o "$R/$s.pdf" --trace "$R/$s.trace" "samples/$s.xml"
    [ -s "$R/$s.pdf" ] && textcopy "$R/$s.pdf" >/dev/null
done
[ "$fail" = 0 ] && touch "$R/.done"
finish
