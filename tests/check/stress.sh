#!/usr/bin/env bash
# stress: every sample on an A6 page, where tables and notes break
# everywhere: nothing lost, nothing outside the margins, notes on the
# pages of their marks
. "$(dirname "$0")/lib.sh"
a6_layout "$T/tiny.xml"
# the verksamhetsberättelse's widest table needs 98 mm for its figures,
# and an A6 page has 85 mm: it is set in the small size, where they fit,
# and says so (its figures were split, digit by digit)
check "verksamhetsberattelse-2024 on an A6 page: its widest table is set small, where its figures fit, and said so" \
    sh -c "'$BIN' --layout '$T/tiny.xml' --check samples/verksamhetsberattelse-2024.xml >'$T/a6.err' 2>&1;
           grep -q 'verksamhetsberattelse-2024.xml:470:7: warning: this table is set in the small size: at the normal size its figures do not fit side by side' '$T/a6.err' &&
           ! grep -q 'figures need' '$T/a6.err'"
for xml in samples/*.xml; do
    s=$(basename "$xml" .xml)
    lay=$T/tiny.xml
    check "$s on an A6 page: renders" "$BIN" -q --layout "$lay" -o "$T/$s-a6.pdf" --trace "$T/$s-a6.trace" "$xml"
    txt=$(textcopy "$T/$s-a6.pdf")
    pdftotext -raw "$txt" "$T/$s-a6.txt" 2>/dev/null
    check "$s on an A6 page: nothing lost" "$B/complete" --unordered "tests/seeds/$s.txt" "$T/$s-a6.txt"
    pdftotext -bbox "$txt" "$T/$s-a6.html" 2>/dev/null
    check "$s on an A6 page: no text outside the page's margins" awk -F'"' '
        /<page / { page++ }
        /<word / && page > 1 {
            if ($2 + 0 < 27.5 || $6 + 0 > 270.5 || $8 + 0 > 405) { print "page " page ": " $0; bad = 1 }
        }
        END { exit bad }' "$T/$s-a6.html"
    check "$s on an A6 page: every footnote on the page of its mark, clear of the text" tests/notes-check "$T/$s-a6.trace"
done
finish
