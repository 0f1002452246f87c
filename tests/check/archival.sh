#!/usr/bin/env bash
# archival: the same report gives the same bytes (another time, folder,
# time zone, locale), SOURCE_DATE_EPOCH, the PDF/A levels, --no-tags
. "$(dirname "$0")/lib.sh"
need_renders
# the renders are a second or more old; rendered again elsewhere, later
mkdir -p "$T/elsewhere"
sleep 1
for s in $SAMPLES; do
    check "$s: rendered again elsewhere, later, in another time zone: the same bytes" \
        sh -c "cd '$T/elsewhere' && TZ=America/New_York LC_ALL=C '$PWD/$BIN' -q -o $s.pdf '$PWD/samples/$s.xml' && cmp -s $s.pdf '$R/$s.pdf'"
done
check "the same report gives the same bytes" sh -c "'$BIN' -q -o '$T/a.pdf' samples/delarsrapport-2022-aug.xml && sleep 1 && '$BIN' -q -o '$T/b.pdf' samples/delarsrapport-2022-aug.xml && cmp -s '$T/a.pdf' '$T/b.pdf'"
# the document ID: its first half the report's, the same however it is
# made; its second the file's, other for another file (an archive told
# the PDF made with a new layout, or at another PDF/A level, from the old
# by nothing: one ID for the three); the same for the same bytes
sed 's/"#005596"/"#004488"/' layouts/linkoping.xml | sed 's|"\.\./fonts/|"'"$PWD"'/fonts/|g; s|"icc/|"'"$PWD"'/layouts/icc/|' >"$T/blue.xml"
"$BIN" -q --layout "$T/blue.xml" -o "$T/id-blue.pdf" samples/delarsrapport-2022-aug.xml
"$BIN" -q --pdfa=2b -o "$T/id-2b.pdf" samples/delarsrapport-2022-aug.xml
check "the document ID: the report's first half, the file's second (same bytes, same ID; another layout or level, another)" \
    sh -c "id_a=\$(qpdf --show-object=trailer '$T/a.pdf' | grep -o '/ID.*'); echo \"\$id_a\"; set -- \$(qpdf --show-object=trailer '$T/a.pdf' | grep -o '<[0-9a-f]*>');
           a1=\$1 a2=\$2; set -- \$(qpdf --show-object=trailer '$T/b.pdf' | grep -o '<[0-9a-f]*>'); test \"\$1 \$2\" = \"\$a1 \$a2\" &&
           for f in id-blue id-2b; do set -- \$(qpdf --show-object=trailer '$T/'\$f.pdf | grep -o '<[0-9a-f]*>'); echo \"\$f: \$1 \$2\";
           test \"\$1\" = \"\$a1\" && test \"\$2\" != \"\$a2\" || exit 1; done && ! cmp -s '$T/id-blue.pdf' '$T/a.pdf'"
check "SOURCE_DATE_EPOCH sets the document's date" \
    sh -c "SOURCE_DATE_EPOCH=1700000000 '$BIN' -q -o '$T/sde.pdf' samples/verksamhetsplan-2019.xml && pdfinfo '$T/sde.pdf' | grep -q 'CreationDate: *Tue Nov 14 22:13:20 2023 UTC'"
check "--pdfa=2u writes conformance U" sh -c "'$BIN' -q --pdfa=2u -o '$T/u.pdf' samples/verksamhetsplan-2019.xml && tests/pdfa-check '$T/u.pdf' U"
check "--pdfa=off writes a plain PDF" sh -c "'$BIN' -q --pdfa=off -o '$T/off.pdf' samples/verksamhetsplan-2019.xml && pdfinfo '$T/off.pdf' | grep -q 'Metadata Stream: *no'"
check "--pdfa=2b writes conformance B" sh -c "'$BIN' -q --pdfa=2b -o '$T/b.pdf' samples/verksamhetsplan-2019.xml && tests/pdfa-check '$T/b.pdf' B"
check "--no-tags writes an untagged PDF/A-2u" sh -c "'$BIN' -q --no-tags -o '$T/nt.pdf' samples/verksamhetsplan-2019.xml && pdfinfo '$T/nt.pdf' | grep -q 'Tagged: *no' && tests/pdfa-check '$T/nt.pdf' U"
# the XMP as archive tools read it: pdfa-check refuses a metadata stream
# whose /Length is a reference (qpdf's QDF form writes it so), and an
# extension schema sharing its rdf:Description with the properties
qpdf --qdf --object-streams=disable "$R/verksamhetsplan-2019.pdf" "$T/xmp-ref.pdf" 2>/dev/null
check "pdfa-check refuses XMP whose /Length is a reference" \
    sh -c "tests/pdfa-check '$T/xmp-ref.pdf' A | grep -qF 'XMP metadata stream' && ! tests/pdfa-check '$T/xmp-ref.pdf' A >/dev/null"
perl -0pe 's{(xmlns:pdfuaid="[^"]*")>(.*?)  </rdf:Description>\n  <rdf:Description rdf:about=""\n(\s*xmlns:pdfaExtension="[^"]*"\n\s*xmlns:pdfaSchema="[^"]*"\n\s*xmlns:pdfaProperty="[^"]*")>}{$1\n$3>$2}s' \
    "$T/xmp-ref.pdf" >"$T/xmp-shared.qdf" && fix-qdf "$T/xmp-shared.qdf" >"$T/xmp-shared.pdf" 2>/dev/null
awk '/^  \/Dest / && !done { print "  /Type /Outlines"; done = 1 } { print }' "$T/xmp-ref.pdf" | fix-qdf >"$T/outline-type.qdf" &&
    qpdf "$T/outline-type.qdf" "$T/outline-type.pdf"
check "pdfa-check refuses an outline item typed like the root" \
    sh -c "tests/pdfa-check '$T/outline-type.pdf' A | grep -qF 'outline item has /Type'"
check "pdfa-check refuses an extension schema sharing the document's rdf:Description" \
    sh -c "pdfinfo -meta '$T/xmp-shared.pdf' | xmllint --noout - && tests/pdfa-check '$T/xmp-shared.pdf' A | grep -qF 'shares an rdf:Description'"
# titles, bookmarks and the information dictionary: PDFDocEncoding where
# it will do, UTF-16 where not (Greek, a dash, a sign), as viewers read them
sed -e 's|<title>\([^<]*\)</title>|<title>\1 – Ω ≥ 5</title>|' -e '0,/<heading>/s|<heading>\([^<]*\)</heading>|<heading>\1 Ω ≥ ő</heading>|' \
    samples/verksamhetsplan-2019.xml >"$T/greek.xml"
check "a title and a bookmark outside PDFDocEncoding read back whole" \
    sh -c "'$BIN' -q -o '$T/greek.pdf' '$T/greek.xml' && pdfinfo '$T/greek.pdf' | grep -q 'Title: *Förvaltningens verksamhetsplan 2019 – Ω ≥ 5\$' &&
           mutool show '$T/greek.pdf' outline | grep -q '\"Social- och omsorgsförvaltningen Ω ≥ ő\"' &&
           mutool show '$T/greek.pdf' outline | grep -q '\"Inledning\"' && tests/pdfa-check '$T/greek.pdf' A >/dev/null"
# a link's address is 7-bit ASCII, as the PDF's URI wants it: å and spaces escaped
printf '<report type="rapport"><meta><title>Länk</title></meta><section><heading>Länk</heading><p>Se <link href="https://sv.wikipedia.org/wiki/Linköping kommun">här</link>.</p></section></report>' >"$T/uri.xml"
check "a link's address with å and a space is written %-escaped (7-bit ASCII)" \
    sh -c "'$BIN' -q -o '$T/uri.pdf' '$T/uri.xml' && qpdf --qdf --object-streams=disable '$T/uri.pdf' - | grep -aq '/URI (https://sv.wikipedia.org/wiki/Link%C3%B6ping%20kommun)'"
printf '<report type="rapport"><meta><title>Länk</title></meta><section><heading>Länk</heading><p>Se <link href=" https://www.linkoping.se/ ">här</link>.</p></section></report>' >"$T/uri2.xml"
check "spaces around a link's address are no part of it" \
    sh -c "'$BIN' -q -o '$T/uri2.pdf' '$T/uri2.xml' && qpdf --qdf --object-streams=disable '$T/uri2.pdf' - | grep -aq '/URI (https://www.linkoping.se/)'"
# size: what the file spends its bytes on (the budget leaves room for a
# few words more, not for a stream written twice or object streams lost;
# 105 000 until the glyphs that draw a no-break space with its neighbour,
# 0.7 KB, which pdftotext reads as U+00A0)
check "the verksamhetsberättelse is at most 106 000 bytes" sh -c "[ \$(stat -c %s '$R/verksamhetsberattelse-2024.pdf') -le 106000 ]"
qpdf --qdf --object-streams=disable "$R/delarsrapport-2022-aug.pdf" "$T/dr.qdf" 2>/dev/null
check "places and lengths in the pages are written to a hundredth of a point" \
    sh -c "grep -aoE '^[-0-9. ]+ (re|m|l|c|cm|w\$|Td)' '$T/dr.qdf' >'$T/places' && [ \$(wc -l <'$T/places') -ge 1000 ] &&
           ! grep -qE '[0-9]\.[0-9]{3}' '$T/places'"
check "every goal marker of one shape and size is drawn with the same path" \
    sh -c "[ \$(grep -aE ' c\$' '$T/dr.qdf' | sort -u | wc -l) -le 40 ] && [ \$(grep -aE ' c\$' '$T/dr.qdf' | wc -l) -ge 300 ]"
check "a stream's length is in its own dictionary" \
    sh -c "! grep -aE '^[0-9]+ 0 obj' -A1 '$R/verksamhetsberattelse-2024.pdf' | grep -a 'FlateDecode' | grep -aq '/Length [0-9]* 0 R/Filter'"
# the colour profile in the tree is the one tests/tools/srgb-icc makes
# from sRGB's defining numbers (layouts/icc/LICENSE)
check "layouts/icc/sRGB.icc is what tests/tools/srgb-icc makes" sh -c "tests/tools/srgb-icc | cmp -s - layouts/icc/sRGB.icc"
# a link's address without its scheme: a host gets https://, a mail
# address mailto:, a file's name beside the PDF stays as written (it was
# made https://bilaga-2.pdf)
printf '<report type="rapport"><meta><title>T</title></meta><p><link href="www.linkoping.se">a</link> <link href="bilaga-2.pdf">b</link> <link href="kontakt@linkoping.se">c</link></p></report>\n' >"$T/hrefs.xml"
check "links without a scheme: https://www.linkoping.se, bilaga-2.pdf as written, mailto:kontakt@linkoping.se" \
    sh -c "'$BIN' -q -o '$T/hrefs.pdf' '$T/hrefs.xml' 2>/dev/null; qpdf --qdf --object-streams=disable '$T/hrefs.pdf' - |
           grep -a -o '/URI ([^)]*)' | tr '\n' ' ' | grep -qx '/URI (https://www.linkoping.se) /URI (bilaga-2.pdf) /URI (mailto:kontakt@linkoping.se) '"

finish
