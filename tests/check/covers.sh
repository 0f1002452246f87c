#!/usr/bin/env bash
# covers: balanced title lines (no lone year), the layout's logo (in the
# band, at the foot, too large, its errors), date, Dnr, subtitle, alt text
. "$(dirname "$0")/lib.sh"
need_renders
H=$T
# the text lines of a trace's page 1 (the cover), without their positions
cover_lines() { awk '/^page 2/ { exit } $1 == "text" { $1 = $2 = $3 = ""; sub(/^ +/, ""); print }' "$1"; }
no_lone_word() { test -s "$1" && ! cover_lines "$1" | grep -E '^[^ ]{1,4}$'; }
for s in verksamhetsplan-2019 verksamhetsberattelse-2024 delarsrapport-2022-aug; do
    check "$s: no line of the cover is a lone short word (a year)" no_lone_word "$R/$s.trace"
done
vp_title() { cover_lines "$1" | grep -A1 -x 'Förvaltningens' | grep -qx 'verksamhetsplan 2019'; }
check "the verksamhetsplan's cover title breaks as Förvaltningens | verksamhetsplan 2019" vp_title "$R/verksamhetsplan-2019.trace"
C=$H/cover; mkdir -p "$C"
"$B/mkpng" logo "$C/logo.png"
cover_layout() {     # cover_layout NAME 'ATTRIBUTES': the built-in layout with <cover ATTRIBUTES/>
    sed -e "s|<cover brand=\"Linköpings kommun\"/>|<cover brand=\"Linköpings kommun\" $2/>|" \
        -e "s|\.\./fonts/|$PWD/fonts/|g" -e "s|icc=\"icc/|icc=\"$PWD/layouts/icc/|" layouts/linkoping.xml >"$C/$1.xml"
}
cover_report() {     # cover_report NAME LAYOUT: a report with subtitle, date and Dnr
    printf '<report type="verksamhetsplan" layout="%s.xml"><meta><title>Förvaltningens verksamhetsplan 2019</title><subtitle>Social- och omsorgsnämndens verksamhet</subtitle><organisation>Social- och omsorgsnämnden</organisation><date>2018-12-13</date><reference>SOCN 2018-0412</reference></meta><p>Text.</p></report>\n' "$2" >"$C/$1.xml"
}
cover_layout logo-band 'logo="logo.png" logo-alt="Logotyp: Exempelkommun" logo-width="36mm"'
cover_report r-band logo-band
check "a report whose layout has a logo renders" "$BIN" -q -o "$C/band.pdf" --trace "$C/band.trace" "$C/r-band.xml"
check "... the logo is drawn on page 1, in the band" \
    awk '/^page 2/ { exit } $1 == "image" && $3 + $5 < 109.5 { f = 1 } END { exit !f }' "$C/band.trace"
check "... the brand stands after the logo, not under it" \
    awk '/^page 2/ { exit } $1 == "image" { r = $2 + $4 } $1 == "text" && /Linköpings kommun$/ { f = $2 > r } END { exit !f }' "$C/band.trace"
# (each held together by no-break spaces, which pdftotext reads as such)
nb=$'\xc2\xa0'
check "... page 1 shows the date the Swedish way and the Dnr" \
    sh -c "pdftotext -f 1 -l 1 '$C/band.pdf' - | grep -qx '13${nb}december${nb}2018' && pdftotext -f 1 -l 1 '$C/band.pdf' - | grep -qx 'Dnr${nb}SOCN${nb}2018-0412'"
# an author who writes "Dnr" before the number (as the starter reports
# did) gets it once: the cover printed "Dnr Dnr SOCN 2018-0412"
sed 's|<reference>SOCN|<reference>DNR: Dnr SOCN|' "$C/r-band.xml" >"$C/r-dnr.xml"
check "... once, where the report writes Dnr before the number too" \
    sh -c "'$BIN' -q -o '$C/dnr.pdf' '$C/r-dnr.xml' && pdftotext -f 1 -l 1 '$C/dnr.pdf' - | grep -qx 'Dnr${nb}SOCN${nb}2018-0412'"
check "... and the subtitle" sh -c "pdftotext -f 1 -l 1 '$C/band.pdf' - | grep -qx 'Social- och omsorgsnämndens verksamhet'"
check "... the logo is a Figure with its alt text" \
    sh -c "pdfinfo -struct-text '$C/band.pdf' | sed -n 2p | grep -qxE '  Figure:?' && qpdf --qdf --object-streams=disable '$C/band.pdf' '$C/band-qdf.pdf' && grep -aq '/Alt (Logotyp: Exempelkommun)' '$C/band-qdf.pdf'"
check "... tagged as PDF/UA-1 asks" tests/ua-check "$C/band.pdf"
check "... and PDF/A-2a" tests/pdfa-check "$C/band.pdf" A
cover_layout logo-foot 'logo="logo.png" logo-alt="Logotyp" logo-position="foot-right"'
cover_report r-foot logo-foot
check "logo-position=\"foot-right\" puts the logo at the foot, on the right, opposite the Dnr" \
    sh -c "'$BIN' -q -o '$C/foot.pdf' --trace '$C/foot.trace' '$C/r-foot.xml' && awk '/^page 2/ { exit } \$1 == \"image\" && \$2 > 297 && \$3 > 700 { f = 1 } END { exit !f }' '$C/foot.trace'"
cover_layout logo-missing 'logo="saknas.png" logo-alt="Logotyp"'
cover_report r-missing logo-missing
line=$(grep -n '<cover ' "$C/logo-missing.xml" | cut -d: -f1)
check "a logo that is not there is an error at <cover>'s line and column, with a hint, and no PDF" \
    sh -c "! '$BIN' -q -o '$C/missing.pdf' '$C/r-missing.xml' 2>'$C/missing.err' && grep -qF 'logo-missing.xml:$line:3: error: the logo \"saknas.png\" cannot be used' '$C/missing.err' && grep -q 'hint: paths are relative to the layout' '$C/missing.err' && ! test -e '$C/missing.pdf'"
cp README.md "$C/readme.png"
cover_layout logo-notimage 'logo="readme.png" logo-alt="Logotyp"'
cover_report r-notimage logo-notimage
check "a logo that is not a PNG or JPEG is an error at <cover>" \
    sh -c "'$BIN' -q --check '$C/r-notimage.xml' 2>&1 | grep -qF 'logo-notimage.xml:$line:3: error: the logo \"readme.png\" cannot be used: it is neither a PNG nor a JPEG image'"
cover_layout logo-noalt 'logo="logo.png"'
cover_report r-noalt logo-noalt
check "a logo without logo-alt is an error" \
    sh -c "'$BIN' -q --check '$C/r-noalt.xml' 2>&1 | grep -qF 'logo-noalt.xml:$line:3: error: the logo needs logo-alt'"
cover_layout logo-pos 'logo="logo.png" logo-alt="Logotyp" logo-position="mitten"'
cover_report r-pos logo-pos
check "an unknown logo-position is an error that names the known ones" \
    sh -c "'$BIN' -q --check '$C/r-pos.xml' 2>&1 | grep -A1 'error: logo-position=\"mitten\" is not known' | grep -q 'band-right'"
sed -e "s|<cover brand=\"Linköpings kommun\"/>|<cover brand=\"Linköpings kommun\"><image src=\"logo.png\"/></cover>|" \
    -e "s|\.\./fonts/|$PWD/fonts/|g" -e "s|icc=\"icc/|icc=\"$PWD/layouts/icc/|" layouts/linkoping.xml >"$C/logo-element.xml"
cover_report r-element logo-element
check "an element inside <cover> is an error, not dropped unseen" \
    sh -c "'$BIN' -q --check '$C/r-element.xml' 2>&1 | grep -q 'error: <cover> holds no elements, not <image>'"
cover_layout logo-wide 'logo="logo.png" logo-alt="Logotyp" logo-width="100mm"'
cover_report r-wide logo-wide
check "a logo too large for the band is scaled down, with a warning at <cover>" \
    sh -c "'$BIN' -o '$C/wide.pdf' --trace '$C/wide.trace' '$C/r-wide.xml' 2>&1 | grep -qF 'logo-wide.xml:$line:3: warning: the logo is too large' && awk '\$1 == \"image\" && \$3 >= 0 && \$3 + \$5 <= 109.5 { f = 1 } END { exit !f }' '$C/wide.trace'"

# the cover's title is read in phrases: no line of it ends in a small
# word ("Delårsrapport per / den 31 augusti 2025" was set)
printf '<report type="delarsrapport"><meta><title>Delårsrapport per den 31 augusti 2025 med prognos för helår</title><organisation>Utbildningsnämnden</organisation></meta></report>\n' >"$C/per.xml"
"$BIN" -q -o "$C/per.pdf" --trace "$C/per.trace" "$C/per.xml"
check "the cover's title breaks before a small word, not after it (Delårsrapport / per den 31 augusti 2025)" \
    sh -c "awk '/^page 2/ { exit } /^ *text / { sub(/^ *text [0-9.]+ [0-9.]+ /, \"\"); print }' '$C/per.trace' | grep -qx 'per den 31.*augusti.*2025'"

# ... nor in a compound's part written out for the next: its hyphen,
# large at a line's end, reads as a hyphenation's ("för arbetsmarknads-
# / och välfärdsnämnden" read "arbetsmarknadsoch"; a typographer)
printf '<report type="internbudget"><meta><title>Nämndplan 2026 med mål och indikatorer för arbetsmarknads- och välfärdsnämnden</title><organisation>Arbetsmarknads- och välfärdsnämnden</organisation></meta></report>\n' >"$C/susp.xml"
"$BIN" -q -o "$C/susp.pdf" --trace "$C/susp.trace" "$C/susp.xml"
check "the cover's title does not end a line in a part written out for the next (arbetsmarknads- och together)" \
    sh -c "awk '/^page 2/ { exit } /^ *text / { sub(/^ *text [0-9.]+ [0-9.]+ /, \"\"); print }' '$C/susp.trace' | tee /dev/stderr | grep -q 'arbetsmarknads- och' &&
           ! awk '/^page 2/ { exit } /^ *text / { print }' '$C/susp.trace' | grep -q -- '-\$'"

finish
