#!/usr/bin/env bash
# samples: the three reports in samples/, end to end: the PDF's structure
# and fonts, cover, contents and footers, every line of the seeds in the
# text, margins, footnotes, overlaps, PDF/A, PDF/UA, status markers, sum
# rows, and the page dumps against tests/golden/
. "$(dirname "$0")/lib.sh"
need_renders

# every page after the cover ends with its number: the last part of its
# footer (the rightmost deco on the lowest line) in the trace
footer_numbers() {
    awk 'function flush() { if (p >= 2 && got != p) printf " %d(%s)", p, got }
        /^page / { flush(); p++; y = -1; x = -1; got = ""; next }
        /^  deco / { dy = $3 + 0; dx = $2 + 0
                     if (dy > y || (dy == y && dx > x)) { y = dy; x = dx; s = $0; sub(/^  deco [^ ]+ [^ ]+ /, "", s); sub(/ w=[^ ]*$/, "", s); got = s } }
        END { flush() }' "$1"
}

for s in $SAMPLES; do
    pdf=$R/$s.pdf tr=$R/$s.trace xml=samples/$s.xml
    [ -s "$pdf" ] || { bad "$s: not rendered (see $W/renders.log)"; continue; }
    txt=$(textcopy "$pdf")
    check "$s: qpdf --check" qpdf --check "$pdf"
    pdffonts "$pdf" >"$T/$s.fonts" 2>"$T/$s.fonts.err"
    check "$s: pdffonts prints no warning" test ! -s "$T/$s.fonts.err"
    check "$s: every font embedded, subset, with a ToUnicode map" \
        awk 'NR>2 { n++; if ($(NF-4)!="yes" || $(NF-3)!="yes" || $(NF-2)!="yes") bad=1 } END { exit (bad || n==0) }' "$T/$s.fonts"
    pdftotext -layout "$pdf" "$T/$s.layout" 2>"$T/$s.text.err"
    check "$s: pdftotext prints no warning" test ! -s "$T/$s.text.err"
    pdftotext -layout "$txt" "$T/$s.layout-copy" 2>/dev/null
    check "$s: pdftotext reads the copy without the colour profile as the PDF (lib.sh: textcopy)" \
        cmp "$T/$s.layout" "$T/$s.layout-copy"
    pages=$(npages "$pdf")
    check "$s: has a cover, contents and body ($pages pages)" test "$pages" -ge 8
    pdftotext "$txt" "$T/$s.txt" 2>/dev/null
    pages_of "$T/$s.txt" "$T/$s.pages"
    title=$(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$xml" | head -1)
    # (its words, whatever spaces hold them together: "31 augusti" keeps a no-break space)
    check "$s: the cover shows the title" \
        sh -c "sed 's/\xc2\xa0//g' '$T/$s.pages/1' | tr -d ' \n' | grep -qF \"\$(printf '%s' '$title' | tr -d ' ')\""
    check "$s: page 2 is the contents" grep -q '^Innehåll' "$T/$s.pages/2"
    badnum=$(footer_numbers "$tr")
    check "$s: every page's footer shows its number" test -z "$badnum"
    [ -n "$badnum" ] && echo "    pages with a wrong footer number:$badnum"
    pdftotext -raw "$txt" "$T/$s.raw" 2>/dev/null
    check "$s: every line and table row of the seed is in the PDF" "$B/complete" "tests/seeds/$s.txt" "$T/$s.raw"
    toc_checks "$s" "$pdf" "$tr"
    check "$s: no text outside the margins" margins_ok "$pdf" 2
    check "$s: every footnote on the page of its mark, in order, clear of the text" tests/notes-check "$tr"
    check "$s: no two words overlap" tests/overlap-check "$txt"
    check "$s: PDF/A-2a parts that can be checked here" tests/pdfa-check "$pdf" A
    check "$s: tagged for screen readers as PDF/UA-1 asks (tests/ua-check)" tests/ua-check "$pdf"
    check "$s: every status marker shows its colour, and stays visible in grey" \
        tests/markers-check "$tr" "$pdf" "$B/pixel"
    # sum rows: rapport checks each against the rows above it
    nsums=$(grep -c 'sum-of=' "$xml")
    "$BIN" --check "$xml" 2>"$T/$s.sums"
    check "$s: its $nsums sum rows add up (rapport --check warns of none)" \
        sh -c "! grep 'add up to' '$T/$s.sums'"
    if [ "$nsums" -gt 0 ]; then
        # the first number of every sum row with a 9 put in front
        sed '/sum-of=/s|</cell><cell>|</cell><cell>9|' "$xml" >"$T/$s-sums.xml"
        "$BIN" --check "$T/$s-sums.xml" 2>"$T/$s-sums.err"
        check "$s: ... and each of them is checked: with a number changed in each, $nsums warnings" \
            test "$(grep -c 'but the rows above add up to' "$T/$s-sums.err")" = "$nsums"
    fi
    tests/page-summary "$txt" >"$T/$s.summary"
    check "$s: pages as in tests/golden/$s.txt (make golden after a deliberate change)" \
        diff -u "tests/golden/$s.txt" "$T/$s.summary"
    # the exact page dump: every text, rule, link and tag the PDF gets
    check "$s: every drawing call as in tests/golden/$s.trace (make golden after a deliberate change)" \
        diff -u "tests/golden/$s.trace" "$tr"
    if [ -x "$SAN/rapport" ]; then
        check "$s: renders cleanly under AddressSanitizer and UBSan" \
            env ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 "$SAN/rapport" -o "$T/$s-san.pdf" "$xml"
        check "$s: the sanitizer build draws the same PDF" cmp -s "$pdf" "$T/$s-san.pdf"
    fi
done

# the completeness check can fail: a sample missing one paragraph
sed '0,/<p>Socialtjänstens verksamheter är direkt påverkade/{/<p>Socialtjänstens verksamheter är direkt påverkade/d}' \
    samples/verksamhetsberattelse-2024.xml >"$T/short.xml"
"$BIN" -q -o "$T/short.pdf" "$T/short.xml" && pdftotext -raw "$(textcopy "$T/short.pdf")" "$T/short.txt"
check "completeness check catches a missing paragraph" \
    sh -c "! '$B/complete' tests/seeds/verksamhetsberattelse-2024.txt '$T/short.txt'"
# a heading with nothing under it ends its section: the delårsrapport's
# empty "Exploatering" closes its page under Ekonomi, and is not carried to
# the next page above "Uppföljning av nämndens verksamhet" (it was)
# (below what stood before it on its page, not at the top of the next)
check "an empty section's heading stays with its section, not with the next heading" \
    sh -c "awk '/^page/ { p = \$2 } / text [0-9.]+ [0-9.]+ Exploatering\$/ && p > 2 { e = p; ey = \$3 }
               / text [0-9.]+ [0-9.]+ Uppföljning av nämndens verksamhet\$/ && p > 2 && !u { u = p }
               END { exit !(e && u && e <= u && ey > 150) }' '$R/delarsrapport-2022-aug.trace'"
finish
