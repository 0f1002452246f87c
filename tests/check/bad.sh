#!/usr/bin/env bash
# bad: the bad-input corpus (tests/bad, tests/bad/EXPECT): each file's exit
# status and first message with file:line:col, no PDF left behind, nothing
# for the sanitizers to find
. "$(dirname "$0")/lib.sh"
while IFS='|' read -r file want text; do
    case "$file" in ''|'#'*) continue ;; esac
    src=tests/bad/$file
    cp "$src" "$T/$file"
    out=$T/${file%.xml}.pdf
    # a hang is a failure, not a stuck test run
    timeout 20 "$BIN" -o "$out" "$T/$file" >/dev/null 2>"$T/err"
    rc=$?
    expect=${text//FILE/$T/$file}
    if [ $rc != "$want" ]; then bad "$file: exit $rc, want $want"; sed 's/^/    /' "$T/err";
    elif ! grep -qF -- "$expect" "$T/err"; then bad "$file: no message \"$expect\""; sed 's/^/    /' "$T/err";
    elif [ "$want" != 0 ] && { [ -e "$out" ] || ls "$T" | grep -q "${file%.xml}.pdf."; }; then bad "$file: a PDF was left behind";
    elif [ "$want" = 0 ] && [ ! -s "$out" ]; then bad "$file: no PDF written";
    else ok; fi
    if [ -x "$SAN/rapport" ]; then
        check "$file: no sanitizer finding" sh -c "ASAN_OPTIONS=detect_leaks=1 timeout 60 '$SAN/rapport' -q --check '$T/$file' >'$T/san.err' 2>&1; test \$? != 124 && ! grep -q 'Sanitizer' '$T/san.err'"
    fi
done <tests/bad/EXPECT
check "--strict makes a sum that does not add up an error" exit_is 1 "$BIN" --strict --check tests/bad/sum-off.xml
check "a figure written the English way in a summed row is said once" \
    sh -c "'$BIN' --check tests/bad/sum-english-number.xml 2>&1 | grep -c ':11:[0-9]*: ' | grep -qx 1"
# ... but still warned of where the sum does not look at it (a sum of "-")
printf '<report type="rapport"><meta><title>T</title></meta><table><columns><column/><column type="number" decimals="1"/></columns><row><cell>A</cell><cell>1,877.0</cell></row><row><cell>B</cell><cell>5,0</cell></row><row role="sum" sum-of="above"><cell>Summa</cell><cell>-</cell></row></table></report>\n' >"$T/engdash.xml"
check "... and warned of where its sum is not checked (a sum of -)" \
    sh -c "'$BIN' --check '$T/engdash.xml' 2>&1 | grep -q 'warning: \"1,877.0\" looks like a number written the English way'"
# ... and a later one outside the summed rows is still warned of; with
# --strict the cell is said once too (the warning was an error then)
check "an English figure outside the summed rows is warned of after one in them; --strict says a cell once" \
    sh -c "cp tests/bad/sum-english-number.xml '$T/eng3.xml' &&
           sed -i 's|<row role=\"sum\" sum-of=\"above\"><cell>Summa</cell><cell/></row>|&<row><cell>C</cell><cell>2,500.5</cell></row>|' '$T/eng3.xml' &&
           '$BIN' --check '$T/eng3.xml' 2>&1 | grep -q ':12:[0-9]*: warning: \"2,500.5\" looks like a number written the English way' &&
           test \$('$BIN' --strict --check tests/bad/sum-english-number.xml 2>&1 | grep -c ':11:[0-9]*: error') = 1"
# a status written as its word ("Pågår", "Delvis uppfyllt") in an item,
# a paragraph or a cell is said once, as what it is: the schema refused
# the value first, said as "<item> may not hold <status>" (a tester)
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><list><item><status value="Pågår"/> Sjukfrånvaron har ökat.</item></list><p>Bedömt: <status value="Delvis uppfyllt"/></p></section></report>\n' >"$T/statusword.xml"
check "a status written as its word is said once, with the name to write" \
    sh -c "'$BIN' --check '$T/statusword.xml' 2>'$T/statusword.err'; test \$(grep -c ': error: ' '$T/statusword.err') = 2 &&
           grep -A1 'error: unknown status \"Pågår\"' '$T/statusword.err' | grep -q 'did you mean status=\"ongoing\"' &&
           grep -A1 'error: unknown status \"Delvis uppfyllt\"' '$T/statusword.err' | grep -q 'did you mean status=\"partly-met\"' &&
           ! grep -q 'may not hold' '$T/statusword.err'"
# a date in the Swedish short form ("25-02-20", ÅÅ-MM-DD) is said once,
# read year first: it got two errors, the first suggesting 2020-02-25
printf '<report type="rapport"><meta><title>T</title><date>25-02-20</date></meta><section><heading>H</heading><p>x</p></section></report>\n' >"$T/shortdate.xml"
check "a date written 25-02-20 is said once, with <date>2025-02-20</date> to write" \
    sh -c "'$BIN' --check '$T/shortdate.xml' 2>'$T/shortdate.err'; test \$(grep -c ': error: ' '$T/shortdate.err') = 1 &&
           grep -q 'hint: write it year-month-day, with digits: <date>2025-02-20</date>' '$T/shortdate.err'"
# an element in a common wrong place is told where it stands (the hint
# was "this element is not allowed at this place" for all: a tester)
misplaced() {   # BODY WANT: the hint for BODY in a section contains WANT
    printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading>%s</section></report>\n' "$1" >"$T/misplaced.xml"
    "$BIN" --check "$T/misplaced.xml" 2>&1 | grep -A1 'is not allowed here' | grep -qF "hint: $2"
}
check "a paragraph inside a paragraph: end the first with </p>" \
    misplaced '<p>Text <p>inre</p> mer</p>' 'a paragraph cannot stand inside a paragraph: end the first with </p>'
check "an item outside a list: it stands in a list" misplaced '<item>x</item>' 'an <item> stands in a list: <list><item>'
check "<contents/> inside a section: it stands in <report> after <meta>" \
    misplaced '<contents/>' '<contents/> stands in <report> itself, after <meta>'
check "a list inside a paragraph: end the paragraph first" \
    misplaced '<p>Text <list><item>a</item></list></p>' 'a list stands between paragraphs: end the paragraph with </p> before <list>'
# <tilte>, two letters swapped, is a misspelt <title>
printf '<report type="rapport"><meta><tilte>T</tilte></meta><p>x</p></report>\n' >"$T/tilte.xml"
check "<tilte> in <meta> is taken for <title>" sh -c "'$BIN' --check '$T/tilte.xml' 2>&1 | grep -qF '<meta> has <tilte> where it needs <title>'"
# <name> in <meta> is no misspelt <date> (one letter off a four-letter word)
printf '<report type="rapport"><meta><title>T</title><name>Anna</name></meta><p>x</p></report>\n' >"$T/metaname.xml"
check "<name> in <meta> is not taken for <date>" sh -c "! '$BIN' --check '$T/metaname.xml' 2>&1 | grep -q 'did you mean <date>'"
check "a misspelt <title> is said once, as what it is" \
    sh -c "'$BIN' --check tests/bad/meta-swedish-names.xml 2>&1 | grep -c ': error: ' | grep -qx 1"
check "<datum> in <meta>: did you mean <date>?" \
    sh -c "sed 's|<titel>|<title>|; s|</titel>|</title>|' tests/bad/meta-swedish-names.xml >'$T/datum.xml' &&
           '$BIN' --check '$T/datum.xml' 2>&1 | grep -qF 'hint: did you mean <date>? The elements'"
check "<bold> in text: did you mean <b>?; an unknown element in text gets the inline elements" \
    sh -c "'$BIN' --check tests/bad/inline-bold.xml 2>&1 | grep -qF 'hint: did you mean <b>?' &&
           sed 's|bold>|fxq>|g' tests/bad/inline-bold.xml >'$T/fxq.xml' && '$BIN' --check '$T/fxq.xml' 2>&1 | grep -qF 'hint: in text: <b>bold</b>'"
printf '<report type="rapport"><meta><title>T</title></meta><section><heading></heading></section><section><heading>B</heading><p>x</p></section></report>\n' >"$T/emptyhead.xml"
check "an empty heading is said once, not as the section \"\" being empty too" \
    sh -c "'$BIN' --check '$T/emptyhead.xml' 2>&1 | grep -q '<heading> is empty' && ! '$BIN' --check '$T/emptyhead.xml' 2>&1 | grep -q 'section \"\"'"
check "a table with a caption and no rows yet prints its caption and \"Uppgifter saknas.\"" \
    sh -c "'$BIN' -q -o '$T/empty-table.pdf' tests/bad/empty-table.xml && pdftotext -raw '$T/empty-table.pdf' - | grep -A1 'Resultat 2025, belopp i mnkr$' | grep -qx 'Uppgifter saknas.'"
check "... and --strict makes it an error" exit_is 1 "$BIN" --strict --check tests/bad/empty-table.xml
check "a UTF-8 file declared ISO-8859-1 prints its letters, not LÃ¤s" \
    sh -c "'$BIN' -q -o '$T/u8.pdf' tests/bad/utf8-declared-latin1.xml 2>/dev/null && pdftotext '$T/u8.pdf' - | grep -qx 'Läs åäö ÅÄÖ.'"
sed '1s/ISO-8859-1/Latin-1/' tests/bad/utf8-declared-latin1.xml >"$T/u8-latin-1.xml"
check "... and so does one declared Latin-1 (a name iconv does not know), with the warning" \
    sh -c "'$BIN' -o '$T/u8b.pdf' '$T/u8-latin-1.xml' 2>'$T/u8b.err' && grep -q 'says it is in Latin-1' '$T/u8b.err' &&
           pdftotext '$T/u8b.pdf' - | grep -qx 'Läs åäö ÅÄÖ.'"
{ printf '\357\273\277'; cat tests/bad/utf8-declared-latin1.xml; } >"$T/u8-bom.xml"
check "... and so does one saved as UTF-8 with a byte order mark (Notepad) under ISO-8859-1, with the warning" \
    sh -c "'$BIN' -o '$T/u8c.pdf' '$T/u8-bom.xml' 2>'$T/u8c.err' && grep -q 'says it is in ISO-8859-1' '$T/u8c.err' &&
           pdftotext '$T/u8c.pdf' - | grep -qx 'Läs åäö ÅÄÖ.'"
iconv -f UTF-8 -t ISO-8859-1 tests/bad/utf8-declared-latin1.xml >"$T/latin1.xml"
check "... and a file really in ISO-8859-1 is read as it says, without a warning" \
    sh -c "'$BIN' -o '$T/l1.pdf' '$T/latin1.xml' 2>'$T/l1.err' && ! grep -q warning '$T/l1.err' && pdftotext '$T/l1.pdf' - | grep -qx 'Läs åäö ÅÄÖ.'"
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><table><row><cell rowspan="-1">a</cell></row></table></section></report>\n' >"$T/span.xml"
check "rowspan=\"-1\" is said once, not twice" \
    sh -c "'$BIN' --check '$T/span.xml' 2>&1 | grep -c ': error: ' | grep -qx 1"
check "<status value=\"\"/> is said once, at the status" \
    sh -c "'$BIN' --check tests/bad/status-empty-value.xml 2>&1 | grep -c ': error: ' | grep -qx 1"
printf '<?xml version="1.0" encoding="UTF-16"?>\n<report type="rapport"><meta><title>Kovač</title></meta><section><heading>Kovač</heading><p>Kovač</p></section></report>\n' |
    iconv -f UTF-8 -t UTF-16 >"$T/utf16.xml"
check "a UTF-16 file keeps its č (its 0x0D bytes are no line ends)" \
    sh -c "'$BIN' -q -o '$T/utf16.pdf' '$T/utf16.xml' && pdftotext '$T/utf16.pdf' - | grep -qx 'Kovač'"
# encodings past UTF-8, UTF-16 and Latin-1 are read through glibc's iconv
# (libxml2 is linked without ICU: src/cli/noicu.c)
printf '<?xml version="1.0" encoding="windows-1250"?>\n<report type="rapport"><meta><title>Kovač</title></meta><section><heading>Kovač</heading><p>Kovač Łódź</p></section></report>\n' |
    iconv -f UTF-8 -t windows-1250 >"$T/cp1250.xml"
check "a file in windows-1250 (read through iconv) keeps its č and Ł" \
    sh -c "'$BIN' -q -o '$T/cp1250.pdf' '$T/cp1250.xml' && pdftotext '$T/cp1250.pdf' - | grep -qx 'Kovač Łódź'"
# names of encodings iconv knows otherwise (ICU knew these): read
for e in Latin-1:ISO-8859-1 MacRoman:MACINTOSH x-mac-roman:MACINTOSH IBM-850:IBM850 Windows1252:CP1252 \
         ISO_8859-01:ISO-8859-1 csISOLatin9:ISO-8859-15; do
    printf '<?xml version="1.0" encoding="%s"?>\n<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><p>Läs åäö ÅÄÖ é.</p></section></report>\n' "${e%%:*}" |
        iconv -f UTF-8 -t "${e##*:}" >"$T/enc-${e%%:*}.xml"
    check "a file declared ${e%%:*} (iconv's ${e##*:}) keeps its letters, without a word" \
        sh -c "'$BIN' -o '$T/enc.pdf' '$T/enc-${e%%:*}.xml' 2>'$T/enc.err' && [ ! -s '$T/enc.err' ] && pdftotext '$T/enc.pdf' - | grep -qx 'Läs åäö ÅÄÖ é.'"
done
printf '<?xml version="1.0" encoding="us_ascii"?>\n<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><p>Plain text.</p></section></report>\n' >"$T/enc-ascii.xml"
check "a file declared us_ascii (iconv's US-ASCII) is read, without a word" \
    sh -c "'$BIN' -o '$T/enc.pdf' '$T/enc-ascii.xml' 2>'$T/enc.err' && [ ! -s '$T/enc.err' ] && pdftotext '$T/enc.pdf' - | grep -qx 'Plain text.'"
# a column in a one-byte file counts its bytes (in MacRoman å is 0x8C,
# which UTF-8 would take for the middle of a letter): <foo/> at 2:105
printf '<?xml version="1.0" encoding="MacRoman"?>\n<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><p>åäöÅÄÖåäö §§ – x</p><foo/></section></report>\n' |
    iconv -f UTF-8 -t MACINTOSH >"$T/col-mac.xml"
check "an error in a MacRoman file is placed at its column, its letters counted as characters" \
    sh -c "'$BIN' --check '$T/col-mac.xml' 2>&1 | grep -q 'col-mac.xml:2:105: error: unknown element <foo>'"
printf '<?xml version="1.0" encoding="SCSU"?>\n<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><p>x</p></section></report>\n' >"$T/scsu.xml"
check "an encoding iconv does not have (SCSU) is refused at its name, with the hint to save as UTF-8, and no PDF" \
    sh -c "! '$BIN' -o '$T/scsu.pdf' '$T/scsu.xml' 2>'$T/scsu.err' && [ ! -e '$T/scsu.pdf' ] &&
           grep -qF 'scsu.xml:1:36: error: the file names an encoding rapport does not read (SCSU)' '$T/scsu.err' &&
           grep -q 'UTF-8' '$T/scsu.err'"
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><table><row><cell colspan="2 ">a</cell></row><row><cell>b</cell><cell>c</cell></row></table></section></report>\n' >"$T/span2.xml"
check "colspan=\"2 \" (white space the schema allows) spans two columns" "$BIN" --check "$T/span2.xml"
check "a report without <meta> is told so once, not also as \"<section> is not allowed here\"" \
    sh -c "'$BIN' --check tests/bad/no-meta.xml 2>&1 | grep -c ': error: ' | grep -qx 1"
check "a misspelt end tag points to the open element (</sectio>: did you mean </section>?)" \
    sh -c "'$BIN' --check tests/bad/misspelt-end-tag.xml 2>&1 | grep -qF 'did you mean </section>? The <section> of line 3 is open here'"
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><table><columns><column/><column type="number" decimals="6"/></columns><row><cell>a</cell><cell>0.000001</cell></row><row><cell>b</cell><cell>0.000001</cell></row><row role="sum" sum-of="above"><cell>S</cell><cell>0.000001</cell></row></table></section></report>\n' >"$T/sum6.xml"
check "a sum at six decimals within rounding is not warned about (0,000001 twice, 0,000001)" \
    sh -c "! '$BIN' --check '$T/sum6.xml' 2>&1 | grep -q 'add up'"
# shares and rates do not add up: a sum row leaves a column of them alone
# (its sum cell was filled with "100,0 %", a typed share was warned about)
cat >"$T/shares.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading>
<table><columns><column/><column type="number" decimals="1"/><column type="number" decimals="1" unit="%"/><column type="number" decimals="1"/></columns>
<row role="header"><cell>Verksamhet</cell><cell>Kostnad</cell><cell>Andel</cell><cell>Täckning</cell></row>
<row><cell>Kultur</cell><cell>10.0</cell><cell>40.0</cell><cell>45 %</cell></row>
<row><cell>Fritid</cell><cell>15.0</cell><cell>60.0</cell><cell>55 %</cell></row>
<row role="sum" sum-of="above"><cell>Summa</cell><cell>27.0</cell><cell>50.0</cell><cell>48 %</cell></row>
</table>
<table><columns><column/><column type="number" decimals="1" unit="%"/></columns>
<row role="header"><cell>Verksamhet</cell><cell>Andel</cell></row>
<row><cell>Kultur</cell><cell>40.0</cell></row>
<row><cell>Fritid</cell><cell>60.0</cell></row>
<row role="sum" sum-of="above"><cell>Summa</cell><cell/></row>
</table></section></report>
XML
"$BIN" -o "$T/shares.pdf" --trace "$T/shares.trace" "$T/shares.xml" 2>"$T/shares.err"
check "a sum row checks amounts (Summa 27,0 but 25,0) but not shares: one warning" \
    sh -c "grep -q 'Summa 27,0 but the rows above add up to 25,0' '$T/shares.err' && [ \$(grep -c 'add up' '$T/shares.err') = 1 ]"
check "... and fills no share: no 100,0 % in the sum row" sh -c "! grep -q '100,0' '$T/shares.trace'"
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><table><columns><column/><column type="number" decimals="0" unit="ton/år"/></columns><row><cell>a</cell><cell>10</cell></row><row><cell>b</cell><cell>20</cell></row><row role="sum" sum-of="above"><cell>S</cell><cell>40</cell></row></table></section></report>\n' >"$T/peryear.xml"
check "... but an amount a year adds up: ton/år is checked (S 40 but 30)" \
    sh -c "'$BIN' --check '$T/peryear.xml' 2>&1 | grep -q 'S 40 but the rows above add up to 30'"
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><p>x</p>\n<table><caption>C</caption></tabel></section></report>\n' >"$T/tabel.xml"
check "</tabel> is pointed to </table>" sh -c "'$BIN' --check '$T/tabel.xml' 2>&1 | grep -qF 'did you mean </table>?'"
check "three mistakes are reported at once" \
    sh -c "'$BIN' --check tests/bad/three-mistakes.xml 2>&1 | grep -c ': error: ' | grep -qx 3"
check "a date the schema refuses is said once, not again for its year (02025-02-20)" \
    sh -c "test \$('$BIN' --check tests/bad/date-year-leading-zero.xml 2>&1 | grep -c 'error:') = 1"

finish
