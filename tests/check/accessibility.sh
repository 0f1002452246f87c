#!/usr/bin/env bash
# accessibility: what a screen reader gets from the samples (every
# sentence of the XML in the structure tree's text: pdfinfo -struct-text),
# table headers on two levels, and tests/ua-check catching broken tagging
. "$(dirname "$0")/lib.sh"
need_renders
vb=$R/verksamhetsberattelse-2024

# a table with two header rows: each number names its column's header on
# both levels and its row's header
pg=$(trace_page_of "$vb.trace" 'Färdigställda projekt, belopp')
tests/ua-check "$vb.pdf" "${pg:-0}" >"$T/tree11"
check "multi-level table headers: a cell names its two column headers, its row header and its group (page ${pg:-none})" \
    grep -qE '^ *TD \(1\) Headers=th-[0-9]+,th-[0-9]+,th-[0-9]+,th-[0-9]+$' "$T/tree11"

# row headers beyond the first column: the delårsrapport's indicator table
# (goal | status | indicator | values, "Män" and "Kvinnor" sub rows) heads
# a value by its goal, its indicator and its sub row's label; the
# verksamhetsberättelse's starts with a status column ("Ja"), so its goal
# is the row header (each of those was a TD, and a value named only the goal)
dr=$R/delarsrapport-2022-aug
pg=$(trace_page_of "$dr.trace" 'Jämställdhetsindex')
tests/ua-check "$dr.pdf" "${pg:-0}" >"$T/indicators"
check "a sub row's label is a row header headed by its goal and its indicator (page ${pg:-none})" \
    grep -qE '^ *TH \(1\) Scope=Row ID=th-[0-9]+ Headers=th-[0-9]+,th-[0-9]+,th-[0-9]+$' "$T/indicators"
check "... and a value by its column, its goal, its indicator and its sub row" \
    grep -qE '^ *TD \(1\) Headers=th-[0-9]+,th-[0-9]+,th-[0-9]+,th-[0-9]+$' "$T/indicators"
pg=$(trace_page_of "$vb.trace" 'förebygger våld.')
tests/ua-check "$vb.pdf" "${pg:-0}" >"$T/status-first"
check "a table that starts with a status column: the goal after it is the row header, and heads the status (page ${pg:-none})" \
    sh -c "grep -qE '^ *TH \\(1\\) Scope=Row ID=th-[0-9]+ Headers=th-[0-9]+\$' '$T/status-first' &&
           awk '/^ *TR\$/ { n = 0; next } { n++ } n == 1 && /^ *TD \\([12]\\) Headers=th-[0-9]+,th-[0-9]+\$/ { split(\$NF, h, \",\"); want = h[2] }
                n == 2 && want && \$0 ~ (\"ID=\" want \" \") { ok = 1 } END { exit !ok }' '$T/status-first'"
# a group row's label in a table that starts with its status heads the
# rows below it (it was a TD, read "Status Mål 2024: Område A", and the
# rows never named their group; a screen-reader tester)
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><table><columns><column type="status"/><column/><column type="number" decimals="1"/></columns><row role="header"><cell>Status</cell><cell>Mål</cell><cell>2024</cell></row><row role="group"><cell colspan="3">Område A</cell></row><row><cell status="met"/><cell>Mål ett</cell><cell>8.1</cell></row></table></section></report>\n' >"$T/group-status.xml"
"$BIN" -q -o "$T/group-status.pdf" "$T/group-status.xml"
tests/ua-check "$T/group-status.pdf" 2 >"$T/group-status.tree"
check "a group row's label after a status column is a row header, and heads the rows below" \
    sh -c "id=\$(sed -n 's/^ *TH ([0-9]*) Scope=Row ID=\\(th-[0-9]*\\) Headers=th-[0-9]*\$/\\1/p' '$T/group-status.tree' | head -1);
           test -n \"\$id\" && grep -qE \"^ *TD \\([0-9]+\\) Headers=th-[0-9]+,th-[0-9]+,\$id\\\$\" '$T/group-status.tree'"
# ... and the indicator beside the goal heads the figures too, whether or
# not the goal spans rows: "17 %" was read with its year and goal, never
# with "Andel vuxna och barn som ..." that it measures
check "an indicator table's indicator is a row header and heads its figures (page ${pg:-none})" \
    sh -c "grep -qE '^ *TH \\([0-9]+\\) Scope=Row ID=th-[0-9]+ Headers=th-[0-9]+,th-[0-9]+\$' '$T/status-first' &&
           test \$(grep -cE '^ *TD \\(1\\) Headers=th-[0-9]+,th-[0-9]+,th-[0-9]+\$' '$T/status-first') -ge 3"

# a column of descriptions beside a label heads nothing: only the label
# is the row's header ("Åtgärd" | "Beskrivning" | "Ansvar" | cost)
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><table><row role="header"><cell>Åtgärd</cell><cell>Beskrivning</cell><cell>Ansvar</cell><cell>Kostnad</cell></row><row><cell>Utbildning</cell><cell>En lång beskrivning av vad som ska göras och varför</cell><cell>Eva Ek</cell><cell>1200</cell></row></table></section></report>' >"$T/desc.xml"
"$BIN" -q -o "$T/desc.pdf" "$T/desc.xml"
check "a column of descriptions is no row header: one TH a body row" \
    sh -c "tests/ua-check '$T/desc.pdf' 2 | awk '/TBody/ { b = 1 } b && /^ *TH/ { th++ } END { exit !(th == 1) }'"

# a note in a table's cell: its text stands at the page foot, outside the
# table's box (the box went down to it: a magnifier showed the whole page)
printf '<report type="rapport"><meta><title>T</title></meta><table><caption>Brukarbedömning</caption><columns><column/><column type="number" decimals="0"/></columns><row role="header"><cell>Verksamhet</cell><cell>Andel</cell></row><row><cell>Hemtjänst</cell><cell>88<footnote>Få svar.</footnote></cell></row></table></report>' >"$T/tnote.xml"
"$BIN" -q -o "$T/tnote.pdf" "$T/tnote.xml"
check "a table with a note in a cell: its /BBox holds the table, not the note at the page foot" \
    sh -c "pdfinfo -struct '$T/tnote.pdf' | awk '/BBox/ { gsub(/[][]/, \"\"); h = \$5 - \$3; n++ } END { exit !(n == 1 && h > 20 && h < 100) }'"

# in a report in English, with a layout that has no English words, the
# layout's Swedish words ("Innehåll", the status words, the legend's
# title) are Spans of /Lang sv, read as Swedish
sed -e '/<words[^>]*lang="en"/,/<\/words>/d' -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/svonly.xml"
printf '<report type="rapport" lang="en"><meta><title>Annual report</title></meta><contents/><section><heading>Goals</heading><legend/><goal status="met"><heading>Goal: Safe schools</heading><p>Assessment: <status value="met"/></p></goal></section></report>\n' >"$T/english.xml"
"$BIN" -q --layout "$T/svonly.xml" -o "$T/english.pdf" "$T/english.xml"
check "an English report's layout words are Spans of /Lang sv (Innehåll, Uppfyllt, the legend's title)" \
    sh -c "test \$(qpdf --qdf --object-streams=disable '$T/english.pdf' - | grep -ac '/Lang (sv)') -ge 4 &&
           pdfinfo -struct-text '$T/english.pdf' | grep -A1 'Span' | grep -q 'Innehåll' && tests/ua-check '$T/english.pdf' >/dev/null"
# ... and so are the cover's date written out, its Dnr and the brand, the
# goal overview's caption, headers and count, and a chart's table of
# values' caption (each was read as English)
cat >"$T/english2.xml" <<'XML'
<report type="rapport" lang="en"><meta><title>Annual report</title><date>2026-03-01</date><reference>KS 2026-12</reference></meta>
<section><heading>Summary</heading><goal-overview/></section>
<section><heading>Safety</heading><goal status="met" area="Society"><heading>Goal: Safe schools</heading><p>All schools met the aim.</p></goal>
<chart type="bar" alt="Two bars."><caption>Visits</caption><categories>2023 | 2024</categories><series name="Visits">10 12</series></chart></section></report>
XML
sed -e 's|<charts data-table="no"|<charts data-table="yes"|' "$T/svonly.xml" >"$T/datatable.xml"
"$BIN" -q --layout "$T/datatable.xml" -o "$T/english2.pdf" "$T/english2.xml"
pdfinfo -struct-text "$T/english2.pdf" >"$T/english2.struct" 2>/dev/null
nb=$'\xc2\xa0'
for w in 'Linköpings kommun' "1${nb}mars${nb}2026" "Dnr${nb}KS${nb}2026-12" 'Måluppfyllelse i sammanfattning' Nämndmål \
         Bedömning Sida '1 mål' 'Diagrammets värden'; do
    check "an English report's layout words are Spans of /Lang sv: $w" \
        sh -c "grep -A1 'Span (inline)' '$T/english2.struct' | grep -qF '\"$w\"'"
done
check "... and the report's own words are not: Annual report, Society, Visits" \
    sh -c "! grep -A1 'Span (inline)' '$T/english2.struct' | grep -qE '\"(Annual report|Society|Visits)\"' && tests/ua-check '$T/english2.pdf' >/dev/null"
# ... and with the layout's English words (<words lang="en">), an English
# report prints them, not tagged Swedish: the contents, the legend, the
# status words (of its type), the goal overview, "(cont.)", an
# appendix's label and a page reference's "p." (a typographer and a
# screen reader's tester found "Innehåll", "(forts.)", "Bilaga 1" and
# "(s. 3)" in English reports)
cat >"$T/english3.xml" <<'XML'
<report type="delarsrapport" lang="en"><meta><title>Annual report</title></meta><contents/>
<section><heading>Results</heading><p>See <ref to="b" show="both"/>.<footnote>A note.</footnote></p><legend/>
<goal status="met"><heading>Goal: Safe schools</heading><p>All schools met the aim.</p></goal><goal-overview/></section>
<section><heading>Målområde</heading><goal><heading>Goal: Open data</heading><p>Not assessed yet.</p></goal></section>
<appendices numbering="yes"><appendix id="b"><heading>Key figures</heading><p>Text.</p></appendix></appendices></report>
XML
"$BIN" -q -o "$T/english3.pdf" "$T/english3.xml"
pdftotext "$T/english3.pdf" - | tr '\n' '|' | sed 's/\xc2\xa0/ /g' >"$T/english3.txt"
for w in 'Contents|' 'Appendix 1 Key figures' '(p. 4)' '|The colours show:|' 'Goal: Safe schools – Expected to be met for the full year' \
         '|Goal attainment in summary|' 'Expected to be met for the full year: 1 (2 goals)' '|Other goals|' \
         '|Results|Safe schools|'; do
    check "an English report with the layout's English words prints: $w" grep -qF -- "$w" "$T/english3.txt"
done
check "... and no word of it is a Span of /Lang sv but the cover's brand" \
    sh -c "[ \$(qpdf --qdf --object-streams=disable '$T/english3.pdf' - | grep -ac '/Lang (sv)') = 1 ] && tests/ua-check '$T/english3.pdf' >/dev/null"

# words of another language in a heading (xml:lang) keep it where the
# heading is printed again: in its contents entry and in a reference's
# link, a Span of their language inside the Link (each was one string,
# read as Swedish)
cat >"$T/headlang.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><contents/>
<section><heading>Projektet <i xml:lang="en">Clean Indoor Air</i> i Linköping</heading><p>Se <ref to="g" show="title"/>.</p>
<goal status="met" id="g" toc="yes"><heading>Nämndmål: Mer <b xml:lang="en">open data</b></heading><p>Text.</p></goal></section></report>
XML
"$BIN" -q -o "$T/headlang.pdf" "$T/headlang.xml"
pdfinfo -struct-text "$T/headlang.pdf" >"$T/headlang.struct" 2>/dev/null
check "a heading's words of another language are a Span in its contents entry and in a reference's link" \
    sh -c "test \$(grep -A1 '^ *Span (inline)' '$T/headlang.struct' | grep -c '\"Clean Indoor Air \"') = 2 &&
           test \$(grep -A1 '^ *Span (inline)' '$T/headlang.struct' | grep -cE '\"open data ?\"') = 3 &&
           UA_TEXT=1 tests/ua-check '$T/headlang.pdf' >/dev/null"

# ---- the checker must catch broken tagging ----------------------------------
qpdf --qdf --object-streams=disable "$vb.pdf" "$T/qdf.pdf"
# a drawing outside any marked content
awk '/^%% Contents for page 3$/ { f = 1 } f && /^stream$/ { print; print "0 0 m 10 10 l S"; f = 0; next } { print }' \
    "$T/qdf.pdf" | fix-qdf >"$T/untagged.pdf"
check "the checker catches an untagged drawing" sh -c "! tests/ua-check '$T/untagged.pdf' >/dev/null"
# a sequence begun inside a text object that ends after its ET
awk '!done && held { if ($0 == "ET") { print "ET"; print "EMC"; held = 0; done = 1; next } print "EMC"; held = 0 }
     !done && $0 == "EMC" { held = 1; next } { print }' "$T/qdf.pdf" | fix-qdf >"$T/misnest.pdf"
check "the checker catches marked content not nested with a text object" sh -c "! tests/ua-check '$T/misnest.pdf' >/dev/null"
grep -av '^  /Alt ' "$T/qdf.pdf" | fix-qdf >"$T/noalt.pdf"
check "the checker catches a figure without alt text" sh -c "! tests/ua-check '$T/noalt.pdf' >/dev/null"
sed 's|/S /TH$|/S /TD|' "$T/qdf.pdf" | fix-qdf >"$T/noheaders.pdf"
check "the checker catches a table without header cells" sh -c "! tests/ua-check '$T/noheaders.pdf' >/dev/null"
sed 's|/S /H2$|/S /H4|' "$T/qdf.pdf" | fix-qdf >"$T/skip.pdf"
check "the checker catches a skipped heading level" sh -c "! tests/ua-check '$T/skip.pdf' >/dev/null"
grep -av '^  /ID ' "$T/qdf.pdf" | fix-qdf >"$T/noid.pdf"
check "the checker catches a note without an ID" sh -c "! tests/ua-check '$T/noid.pdf' >/dev/null"
awk '/\/Headers \[$/ { h = 1 } h && /^ *\(th-/ { sub(/\(th-/, "(th-x") } /^ *\]$/ { h = 0 } { print }' \
    "$T/qdf.pdf" | fix-qdf >"$T/badheaders.pdf"
check "the checker catches /Headers naming no header cell" sh -c "! tests/ua-check '$T/badheaders.pdf' >/dev/null"
sed '/^  \/IDTree <<$/,/^  >>$/d' "$T/qdf.pdf" | fix-qdf >"$T/noidtree.pdf"
check "the checker catches identifiers missing from the /IDTree" sh -c "! tests/ua-check '$T/noidtree.pdf' >/dev/null"
sed '0,/^  \/S \/TD$/s//  \/S \/P/' "$T/qdf.pdf" | fix-qdf >"$T/ptr.pdf"
check "the checker catches a row holding something other than cells" sh -c "! tests/ua-check '$T/ptr.pdf' >/dev/null"
perl -0pe 's{/BBox \[[^\]]*\]\s*}{}' "$T/qdf.pdf" | fix-qdf >"$T/nobbox.pdf"
check "the checker catches a table without a /BBox" sh -c "tests/ua-check '$T/nobbox.pdf' | grep -qF 'Table without a /BBox'"
sed 's|^  /Tabs /S$||' "$T/qdf.pdf" | fix-qdf >"$T/notabs.pdf"
check "the checker catches a page whose links are not in structure order" \
    sh -c "tests/ua-check '$T/notabs.pdf' | grep -qF '(/Tabs /S)'"
sed 's|^  /StemV [0-9]*$|  /StemV 0|' "$T/qdf.pdf" | fix-qdf >"$T/nostemv.pdf"
check "the checker catches a font descriptor without a StemV" \
    sh -c "tests/ua-check '$T/nostemv.pdf' | grep -qF 'font descriptor lacks'"
check "the unbroken file passes the same checker" tests/ua-check "$T/qdf.pdf"
# what a screen reader meets (issue 19): each rule with a file that breaks it
# (UA_TEXT=1: the rules on what poppler reads, half a minute a sample)
for s in delarsrapport-2022-aug verksamhetsberattelse-2024 verksamhetsplan-2019; do
    check "$s: what a screen reader reads: goal headings with their status, lists in cells as lists" \
        env UA_TEXT=1 tests/ua-check "$R/$s.pdf"
done
# (a footnote in a data cell, its TD turned TH: rapport puts a header
# cell's notes after the table)
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><table><row role="header"><cell>Enhet</cell><cell>Antal</cell></row><row><cell>Norr</cell><cell>12<footnote>Per den 31 augusti.</footnote></cell></row></table></section></report>' >"$T/note-td.xml"
"$BIN" -q -o "$T/note-td.pdf" "$T/note-td.xml"
qpdf --qdf --object-streams=disable "$T/note-td.pdf" - | sed 's|/S /TD$|/S /TH|' | fix-qdf >"$T/note-th.pdf"
check "the checker catches a footnote inside a header cell" \
    sh -c "tests/ua-check '$T/note-th.pdf' | grep -qF 'Note inside a header cell'"
awk '/^\/H[1-6] <<\/MCID [0-9]+>> BDC$/ { h = 1; tf = 0 } h && / Tf$/ { tf++ }
     h && tf >= 2 && $0 != "EMC" && $0 != "ET" && $0 != "BT" { next } $0 == "EMC" { h = 0 } { print }' \
    "$T/qdf.pdf" | fix-qdf >"$T/goal-silent.pdf"
check "the checker catches a goal heading without its status in words" \
    sh -c "UA_TEXT=1 tests/ua-check '$T/goal-silent.pdf' | grep -qF 'does not say the status in words'"
# ... and reads a heading's words after an inline child as the heading's
# (it gave them to the footnote mark's link, and found no status word)
cat >"$T/goal-note.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>Mål</heading>
<goal status="met"><heading>Alla barn ska ha en trygg skolgång<footnote>En not i rubriken.</footnote> i hela kommunen</heading><p>Text.</p></goal>
</section></report>
XML
check "a goal heading with a footnote mark inside says its status in words, after the mark" \
    sh -c "'$BIN' -q -o '$T/goal-note.pdf' '$T/goal-note.xml' && UA_TEXT=1 tests/ua-check '$T/goal-note.pdf'"
# ... and a status word in a Span of its own language (an English report's
# "Uppfyllt", /Lang sv) is the heading's (a false failure)
printf '<report type="rapport" lang="en"><meta><title>Annual report</title></meta><section><heading>Goals</heading><goal status="met"><heading>Goal: Safe schools</heading><p>All schools met the aim.</p></goal></section></report>\n' >"$T/goal-en.xml"
check "an English goal heading says its status in words, in a Span of /Lang sv (a layout without English words)" \
    sh -c "'$BIN' -q --layout '$T/svonly.xml' -o '$T/goal-en.pdf' '$T/goal-en.xml' && pdfinfo -struct-text '$T/goal-en.pdf' | grep -A1 'Span' | grep -q 'Uppfyllt' &&
           UA_TEXT=1 tests/ua-check '$T/goal-en.pdf'"
sed 's|/S /Reference$|/S /Link|' "$T/qdf.pdf" | fix-qdf >"$T/toci-link.pdf"
check "the checker catches a Link directly in a TOCI" \
    sh -c "tests/ua-check '$T/toci-link.pdf' | grep -qF 'a Link inside a TOCI'"
# what poppler reads of each sample's structure, once (from the text copy:
# see textcopy in lib.sh)
for s in $SAMPLES; do
    pdfinfo -struct-text "$(textcopy "$R/$s.pdf")" >"$T/$s.struct" 2>/dev/null
done
# a chart's caption is read as text before its Figure, not inside it,
# where a reader that reads the figure's /Alt would skip it
check "a chart's caption is read before its Figure, beside it" \
    sh -c "grep -A3 '^  Caption\$' '$T/delarsrapport-2022-aug.struct' | grep -q '^  Figure' &&
           ! awk '/^ *Figure/ { d = index(\$0, \"F\"); f = 1; next } f && match(\$0, /^ */) && RLENGTH < d { f = 0 }
                  f && /^ *Caption/ { bad = 1 } END { exit !bad }' '$T/delarsrapport-2022-aug.struct'"
qpdf --qdf --object-streams=disable "$R/verksamhetsplan-2019.pdf" "$T/vp-qdf.pdf"
check "the verksamhetsplan's cell list is an L of 8 items" \
    sh -c "awk '/^ *TH/ { th = 1 } /^ *TR/ { th = 0 } th && /^ *L \\(/ { l++ } th && /^ *LI / { li++ } END { exit !(l == 1 && li == 8) }' '$T/verksamhetsplan-2019.struct'"
sed 's|/S /Lbl$|/S /Span|' "$T/vp-qdf.pdf" | fix-qdf >"$T/cell-bullets.pdf"
check "the checker catches a list in a cell read as text with bullets" \
    sh -c "UA_TEXT=1 tests/ua-check '$T/cell-bullets.pdf' | grep -qF 'list in a table cell read as text'"
check "the unbroken verksamhetsplan passes the same checker" tests/ua-check "$T/vp-qdf.pdf"
check "every goal heading of the samples is read with its status word after a dash" \
    sh -c "for s in delarsrapport-2022-aug verksamhetsberattelse-2024; do n=\$(grep -c '<goal [^>]*status=' samples/\$s.xml); r=\$(grep -A1 '^ *H[1-6] ' '$T/'\$s.struct | grep -cE '– (Uppfyllt|Delvis uppfyllt|Ej uppfyllt|Kan ej bedömas|Uppfylls per helår|Uppfylls delvis per helår|Uppfylls ej per helår|Nämndmålet kan ej bedömas)\"\$'); test \$n -gt 0 && test \$n = \$r || exit 1; done"
check "the cover's title is the first heading, H1, and the contents' title a heading" \
    sh -c "grep -A1 '^ *H[1-6] ' '$T/verksamhetsberattelse-2024.struct' | grep -v '^--' | sed -n 1,4p | tr -d ' ' | tr '\\n' '|' | grep -qx 'H1(block)|\"Verksamhetsberättelse2024\"|H1(block)|\"Innehåll\"|'"
# lists in a cell: numbered, nested, with a note, an empty item
cat >"$T/celllist.xml" <<'XML'
<report><meta><title>Listor i celler</title></meta>
<section><heading>Tabell</heading>
<table><caption>Listor</caption>
<row role="header"><cell>Område</cell><cell>Punkter</cell></row>
<row><cell>Ett</cell><cell><p>Inledning.</p><list type="number"><item>Första punkten med en ganska lång text som bryts över flera rader i cellen</item><item><p>Andra</p><list><item>Inre a</item><item>Inre b<footnote>En not i en lista i en cell.</footnote></item></list></item><item><list><item>Bara inre</item></list></item><item/></list></cell></row>
</table></section></report>
XML
"$BIN" -q -o "$T/celllist.pdf" "$T/celllist.xml"
cl=$(textcopy "$T/celllist.pdf")
check "a numbered list with a nested one in a cell: L, LI, Lbl, LBody, tagged as PDF/UA-1 asks" \
    sh -c "UA_TEXT=1 tests/ua-check '$T/celllist.pdf' && test \$(pdfinfo -struct-text '$cl' | grep -c '^ *L (block)') = 3 && test \$(pdfinfo -struct-text '$cl' | grep -c '^ *Lbl (block)') = 7"
# a list says how it is labelled (/ListNumbering): a screen reader then
# announces a numbered list as numbered; in a cell too
qpdf --qdf --object-streams=disable "$T/celllist.pdf" - 2>/dev/null | grep -a '/ListNumbering' >"$T/numbering"
check "a numbered list in a cell is /ListNumbering /Decimal, its inner lists /Disc" \
    sh -c "test \$(grep -c '/ListNumbering /Decimal' '$T/numbering') = 1 && test \$(grep -c '/ListNumbering /Disc' '$T/numbering') = 2"
check "the samples' bullet lists are /Disc, their numbered lists /Decimal" \
    sh -c "qpdf --qdf --object-streams=disable '$vb.pdf' - | grep -a '/ListNumbering' | sort | uniq -c | tr -s ' ' | tr '\n' '|' | grep -qx ' 2 /ListNumbering /Decimal| 14 /ListNumbering /Disc|'"

# ---- what a screen reader reads ----------------------------------------------
# every sentence of the XML in the structure tree's text, with its word
# spaces where lines broke and between words of different looks, and no
# hyphen hyphenation added (a soft hyphen there)
for s in $SAMPLES; do
    check "$s: a screen reader gets every sentence with its spaces, no hyphenation hyphens" \
        "$B/sentences" "samples/$s.xml" "$T/$s.struct"
done
# an empty cell heads nothing: the corner over a table's row labels is a
# TD (as a TH, a screen reader read out a header with no name: the
# verksamhetsberättelse had two)
for s in $SAMPLES; do
    check "$s: no header cell (TH) is empty" \
        awk '/^ *TH/ { th = 1; next } th && /^ *\// { next } th && /^ *""$/ { bad = 1 } { th = 0 } END { exit bad }' "$T/$s.struct"
done
sed 's/ och / och/' "$T/verksamhetsplan-2019.struct" >"$T/runon.struct"
check "the sentence check notices words run together" \
    sh -c "! '$B/sentences' samples/verksamhetsplan-2019.xml '$T/runon.struct' >/dev/null"
sed 's/försörjningsstöd/försörjnings-stöd/' "$T/verksamhetsberattelse-2024.struct" >"$T/hyphen.struct"
check "the sentence check notices a hyphenation hyphen read as a hyphen" \
    sh -c "! '$B/sentences' samples/verksamhetsberattelse-2024.xml '$T/hyphen.struct' >/dev/null"
# the text layer: numbers keep their no-break spaces, a line-end hard
# hyphen stays a hyphen
check "a screen reader gets 1 877,0 with a no-break space" grep -q $'1\xc2\xa0877,0' "$T/verksamhetsberattelse-2024.struct"
# raised and lowered figures read as Unicode's superscripts and
# subscripts: "10³", "m²", "CO₂" (a screen reader said "one hundred and
# three"); a letter Unicode has no superscript of reads as itself
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><p>Upphöjt: 10<sup>3</sup> och 5 m<sup>2</sup>, utsläpp av CO<sub>2</sub> och x<sup>n</sup>, men Ettan<sup>a</sup> och text<footnote>Not.</footnote> slut.</p></section></report>\n' >"$T/scripts.xml"
"$BIN" -q -o "$T/scripts.pdf" "$T/scripts.xml"
nb=$'\xc2\xa0'
check "superscript and subscript figures read as such: 10³, m², CO₂, xⁿ (pdftotext and the structure's text)" \
    sh -c "pdftotext '$T/scripts.pdf' - | grep -qF 'Upphöjt: 10³ och 5${nb}m², utsläpp av CO₂ och xⁿ, men Ettana och text[1] slut.' &&
           pdfinfo -struct-text '$T/scripts.pdf' | grep -qF 'Upphöjt: 10³ och 5${nb}m², utsläpp av CO₂ och xⁿ, men Ettana och text'"
# ... and so does what reads the glyphs (pdftotext, copy-paste): a
# no-break space is drawn with the glyph before it, one code read as both
# (poppler drops a code read as a space alone and writes a plain space)
nb=$'\xc2\xa0'
check "pdftotext gets 1 877,0 with a no-break space" \
    sh -c "pdftotext '$(textcopy "$vb.pdf")' - | grep -q '1${nb}877,0'"
# (but one that ends a run, before a unit set apart in line with the
# others' ("80 mnkr"), which reads as a space)
for s in $SAMPLES; do
    check "$s: pdftotext reads each no-break space drawn as one" sh -c "
        drawn=\$(grep -E '^ *text ' '$R/$s.trace' | sed 's/$nb\$//' | grep -o '$nb' | wc -l)
        read=\$(pdftotext '$(textcopy "$R/$s.pdf")' - | grep -o '$nb' | wc -l)
        echo \"\$drawn drawn, \$read read\"; test \$drawn -gt 0 && test \$drawn = \$read"
done
# (where lines end in "social- och" and the like: U+2010, which poppler
# keeps; in a cell too narrow for "Hälso- och", where it must)
printf '<report type="rapport"><meta><title>T</title></meta><table><columns><column width="16mm"/><column/></columns><row role="header"><cell>Nämnd</cell><cell>Uppdrag</cell></row><row><cell>Hälso- och sjukvård</cell><cell>Text.</cell></row></table></report>\n' >"$T/hardhyph.xml"
"$BIN" -q -o "$T/hardhyph.pdf" "$T/hardhyph.xml"
pdfinfo -struct-text "$T/hardhyph.pdf" >"$T/hardhyph.struct" 2>/dev/null
check "a hard hyphen at a line end is kept: ‐ och" sh -c "cat '$T'/*.struct | grep -q \"\$(printf '\\342\\200\\220 och ')\""
# a status marker with words of the author's own beside it reads as its
# status's word (ActualText on its marked content); it was decoration,
# so "se kommentaren nedan" beside a red square lost the "Ej uppfyllt";
# a status cell of spaces prints its word (it printed a lone marker)
cat >"$T/status.xml" <<'XML'
<report type="verksamhetsberattelse"><meta><title>Status</title></meta><section><heading>Statusar</heading>
<p>Målet bedöms: <status value="not-met">se kommentaren nedan</status></p>
<p>Målet bedöms: <status value="met">Uppfyllt</status></p>
<table><columns><column/><column/></columns>
<row role="header"><cell>Aktivitet</cell><cell>Status</cell></row>
<row><cell>Ny webbplats</cell><cell status="postponed">Till 2026</cell></row>
<row><cell>Ny e-tjänst</cell><cell status="ongoing"> </cell></row>
<row><cell>Ny app</cell><cell status="done">Genomfört i maj</cell></row>
</table></section></report>
XML
"$BIN" -q -o "$T/status.pdf" --trace "$T/status.trace" "$T/status.xml"
qpdf --qdf --object-streams=disable "$T/status.pdf" "$T/status-qdf.pdf" 2>/dev/null
check "a marker beside the author's own words reads as its word: Ej uppfyllt, Uppskjutet" \
    sh -c "grep -aq 'ActualText (Ej uppfyllt: )' '$T/status-qdf.pdf' && grep -aq 'ActualText (Uppskjutet: )' '$T/status-qdf.pdf'"
check "... but not where the words say it: Uppfyllt, Genomfört i maj" \
    sh -c "[ \$(grep -ac 'ActualText' '$T/status-qdf.pdf') = 2 ]"
check "a status cell of spaces prints its status's word: Pågår" grep -q ' Pågår$' "$T/status.trace"
# ... with its space before the words that follow, as wide as the gap
# there: the structure's text ran them together ("Uppfyllt:Ja", an
# auditor), and one narrower than the gap was read as two spaces
check "... and the word is there for what reads glyphs (pdftotext, the structure's text): drawn unseen on the marker, with its space" \
    sh -c "pdftotext '$T/status.pdf' - | grep -q 'Målet bedöms: Ej uppfyllt: se kommentaren nedan' &&
           pdftotext '$T/status.pdf' - | grep -q 'Uppskjutet: Till 2026' &&
           pdfinfo -struct-text '$T/status.pdf' | grep -q '\"Ej uppfyllt: \"' &&
           pdfinfo -struct-text '$T/status.pdf' | grep -q '\"Uppskjutet: \"' &&
           [ \$(qpdf --qdf --object-streams=disable '$T/status.pdf' - 2>/dev/null | grep -ac '^3 Tr\$') = 2 ]"
# ... where the author's words say the status's word as a word, not
# inside another ("Met" is not said by "Sometimes", "Done" not by
# "Abandoned": those were read without their status; a reviewer)
cat >"$T/statusword.xml" <<'XML'
<report type="rapport" lang="en"><meta><title>T</title></meta><section><heading>H</heading>
<p>Target: <status value="met">Sometimes late</status> and <status value="met">Met in May</status>.</p>
<table><columns><column/><column type="status"/></columns><row role="header"><cell>A</cell><cell>Status</cell></row>
<row><cell>x</cell><cell status="done">Abandoned</cell></row></table></section></report>
XML
check "a status word inside another word does not say the status: Met: Sometimes late, Done: Abandoned" \
    sh -c "'$BIN' -q -o '$T/statusword.pdf' '$T/statusword.xml' && pdfinfo -struct-text '$T/statusword.pdf' | tr -s ' \\n' ' ' |
           grep -q '\"Met: \" \"Sometimes late and \" \"Met in May.\".*\"Done: \" \"Abandoned\"'"
# ... its words squeezed, not the space between them: squeezed with them
# to a tenth, pdf.js (Firefox) found no space and read
# "Uppfyllsejperhelår:" (a space narrower than a tenth of an em): of
# the spaces squeezed at least half, "Ej uppfyllt: " has two (inside it,
# and after it), "Uppskjutet: " one
check "... the space in Ej uppfyllt is drawn at least half its width (pdf.js reads a space)" \
    sh -c "qpdf --qdf --object-streams=disable '$T/status.pdf' - 2>/dev/null |
           awk '/^3 Tr\$/ { on = 1; n++; next } /^0 Tr/ { on = 0 } on && / Tz\$/ && \$1 + 0 >= 50 { wide[n]++ }
                END { exit !(n == 2 && wide[1] == 2 && wide[2] == 1) }'"
# tree_of NAME: $T/NAME.xml rendered, the structure tree of its page 2
# (the text after the cover) in $T/NAME.tree
tree_of() { "$BIN" -q -o "$T/$1.pdf" "$T/$1.xml" && tests/ua-check "$T/$1.pdf" 2 >"$T/$1.tree"; }

# a sum row under two groups sums both: it is headed by its column and
# its label, not by the last group ("Fritid, Summa" read as Fritid's sum)
cat >"$T/groups.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>Grupper</heading>
<table><columns><column/><column type="number" decimals="1"/><column type="number" decimals="1"/></columns>
<row role="header"><cell>Verksamhet</cell><cell>Budget</cell><cell>Utfall</cell></row>
<row role="group"><cell colspan="3">Kultur</cell></row>
<row><cell>Bibliotek</cell><cell>10.0</cell><cell>11.0</cell></row>
<row role="sum"><cell>Summa kultur</cell><cell>10.0</cell><cell>11.0</cell></row>
<row role="group"><cell colspan="3">Fritid</cell></row>
<row><cell>Idrott</cell><cell>7.0</cell><cell>6.0</cell></row>
<row><cell>Bad</cell><cell>5.0</cell><cell>6.0</cell></row>
<row role="group"><cell colspan="3">Övrigt</cell></row>
<row><cell>Kansli</cell><cell>1.0</cell><cell>1.0</cell></row>
<row role="sum"><cell>Summa</cell><cell>13.0</cell><cell>13.0</cell></row>
</table></section></report>
XML
tree_of groups
check "a group's own sum row is headed by its group: Summa kultur" \
    sh -c "grep -E '^ *TD ' '$T/groups.tree' | sed -n 3p | grep -qE 'Headers=th-[0-9]+,th-[0-9]+,th-[0-9]+\$'"
check "a sum row under two groups is not headed by the last: Summa" \
    sh -c "grep -E '^ *TD ' '$T/groups.tree' | tail -1 | grep -qE 'Headers=th-[0-9]+,th-[0-9]+\$'"
# a footnote marked in a heading follows the heading: inside it, a list
# of headings read "... aktiviteter 1 1 Aktiviteterna följer ..."
cat >"$T/headnote.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>Verksamhet och aktiviteter<footnote>Aktiviteterna följer verksamhetsplanen.</footnote></heading>
<p>Text om verksamheten.</p>
</section></report>
XML
tree_of headnote
check "a note marked in a heading is the heading's sibling, read after it" \
    sh -c "grep -A3 '^  H1 ' '$T/headnote.tree' | grep -q '^  Note ' && ! grep -q '^ \{3,\}Note ' '$T/headnote.tree'"
# a contents entry reads its title and its page as two words: "korthet 3",
# not "korthet3" (the dot leader between them is decoration)
check "a contents entry's title and page number read apart: \"... inriktning \" \"4\"" \
    sh -c "grep -A1 '\"Året i korthet utifrån nämndens uppdrag och inriktning \"' '$T/verksamhetsberattelse-2024.struct' | grep -qE '^ *\"[0-9]+\"\$'"
# an appendix in the contents reads as the headings' entries do:
# "Nyckeltal 2025 4", not "Nyckeltal 20254"; a page reference reads
# "sidan 3 för", not "3för", also where the line ends after the number
cat >"$T/pageref.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><contents/>
<section id="inl"><heading>Inledning</heading><p>Se sidan <ref to="inl"/> för detaljer.</p>
<table><columns><column width="21%"/><column/></columns><row role="header"><cell>Text</cell><cell>Mer</cell></row>
<row><cell>Det står på sidan <ref to="inl"/> och mer</cell><cell>x</cell></row></table></section>
<appendices><appendix><heading>Nyckeltal 2025</heading><p>Tabellen.</p></appendix></appendices></report>
XML
"$BIN" -q -o "$T/pageref.pdf" --trace "$T/pageref.trace" "$T/pageref.xml" && pdfinfo -struct-text "$T/pageref.pdf" >"$T/pageref.struct"
check "an appendix's contents entry reads its title and page apart: \"Nyckeltal 2025 \" \"4\"" \
    sh -c "grep -A1 '\"Nyckeltal 2025 \"' '$T/pageref.struct' | grep -qE '^ *\"[0-9]+\"\$'"
check "a page reference reads apart from the word after it: \"sidan 3 för\"" \
    sh -c "[ \$(grep -cE '^ *\"[0-9]+ \"\$' '$T/pageref.struct') = 2 ] &&
           awk '/text .* Det står på sidan/ { a = \$3 } /text .* och mer\$/ { b = \$3 } END { exit !(a && b > a) }' '$T/pageref.trace'"
# below a subheader row its headings stand for the header row's, and
# its label for the group above: "2,1" reads "Utfall 2024, Projekt D,
# Nämndspecifika", not "Budget 2025, Projekt D, Kommunövergripande"
cat >"$T/subhead.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>Delrubrik</heading>
<table><columns><column/><column type="number" decimals="1"/><column type="number" decimals="1"/></columns>
<row role="header"><cell>Projekt</cell><cell>Budget 2025</cell><cell>Prognos 2025</cell></row>
<row role="group"><cell colspan="3">Kommunövergripande</cell></row>
<row><cell>Projekt A</cell><cell>1,4</cell><cell>1,2</cell></row>
<row role="subheader"><cell>Nämndspecifika</cell><cell>Utfall 2024</cell><cell>Utfall 2023</cell></row>
<row><cell>Projekt D</cell><cell>2,1</cell><cell>1,9</cell></row>
</table></section></report>
XML
tree_of subhead
check "below a subheader its headings and its label head the cells" \
    sh -c "ids=\$(grep -E '^ *TH ' '$T/subhead.tree' | sed -n '6,8p' | grep -oE 'ID=th-[0-9]+' | sed 's/ID=//' | tr '\n' ' ') &&
           set -- \$ids && [ \$# = 3 ] && grep -E '^ *TD ' '$T/subhead.tree' | tail -2 | head -1 |
           grep -qE \"Headers=\$2,th-[0-9]+,\$1\\\$\" && ! grep -E '^ *TH ' '$T/subhead.tree' | sed -n '6,8p' | grep -q Headers"
# ... and where a status column comes first, the subheader's label is its
# cell in the label column: "7" read "2025, Mål två, Status", the status
# column's heading taken for the group
cat >"$T/substatus.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><table><columns><column type="status"/><column/><column type="number" decimals="0"/></columns>
<row role="header"><cell>Status</cell><cell>Mål, barn</cell><cell>2024</cell></row>
<row><cell status="met"/><cell>Mål ett</cell><cell>5</cell></row>
<row role="subheader"><cell>Status</cell><cell>Mål, vuxna</cell><cell>2025</cell></row>
<row><cell status="not-met"/><cell>Mål två</cell><cell>7</cell></row></table></section></report>
XML
# heads.py CELL...: per cell text, the texts of the TH its /Headers name,
# from pdfinfo -struct-text on stdin: "7=2025|Mål två|Mål, vuxna"
cat >"$T/heads.py" <<'PY'
import re, sys
t = sys.stdin.read()
names = dict(re.findall(r'TH <(th-\d+)>:\n(?: +/.*\n)* +"([^"]*)"', t))
got = {c: '|'.join(names.get(i, '?') for i in re.findall(r'\((th-\d+)\)', h))
       for h, c in re.findall(r'/Headers \[([^]]*)\]\n +"([^"]*)"', t)}
for want in sys.argv[1:]:
    cell, heads = want.split('=', 1)
    if got.get(cell) != heads:
        print(f'{cell}: headed by {got.get(cell)}, not {heads}')
        sys.exit(1)
PY
check "a status column first: below a subheader, 7 reads 2025, Mål två, Mål, vuxna" \
    sh -c "'$BIN' -q -o '$T/substatus.pdf' '$T/substatus.xml' && pdfinfo -struct-text '$T/substatus.pdf' |
           python3 '$T/heads.py' '7=2025|Mål två|Mål, vuxna' 'Ej uppfyllt=Status|Mål två|Mål, vuxna'"
# ... but a subheader that is only a label across the row heads as a
# group does: the header row's headings stay ("3" read "Kultur,
# Nämndspecifika" without "Utfall 2024")
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>Ett</heading><table><columns><column/><column type="number"/><column type="number"/></columns><row role="header"><cell>Verksamhet</cell><cell>Utfall 2024</cell><cell>Budget 2025</cell></row><row><cell>Skola</cell><cell>10</cell><cell>12</cell></row><row role="subheader"><cell colspan="3">Nämndspecifika</cell></row><row><cell>Kultur</cell><cell>3</cell><cell>4</cell></row></table></section></report>' >"$T/sublabel.xml"
tree_of sublabel
check "a subheader label across the row heads as a group, under the header row's headings" \
    sh -c "h=\$(grep -E '^ *TH ' '$T/sublabel.tree' | sed -n 2p | grep -oE 'ID=th-[0-9]+' | sed 's/ID=//') &&
           grep -E '^ *TD ' '$T/sublabel.tree' | tail -2 | head -1 | grep -qE \"Headers=\$h,th-[0-9]+,th-[0-9]+\\\$\""
# a goal's status left of the goal is headed by the goal too, not by
# "Status" alone (the indicators beside the goal do not head it)
cat >"$T/statusleft.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>Status</heading>
<table><columns><column type="status"/><column/><column/><column type="number" decimals="0"/></columns>
<row role="header"><cell>Status</cell><cell>Nämndmål</cell><cell>Indikator</cell><cell>2025</cell></row>
<row><cell rowspan="2" status="not-met"/><cell rowspan="2">Fler flickor på fritidsgårdarna</cell><cell>Andel flickor</cell><cell>41</cell></row>
<row><cell>Andel i ungdomsrådet</cell><cell>50</cell></row>
</table></section></report>
XML
tree_of statusleft
check "a status left of its goal is headed by the goal" \
    sh -c "goal=\$(grep -E '^ *TH .*Scope=Row' '$T/statusleft.tree' | head -1 | grep -oE 'ID=th-[0-9]+' | sed 's/ID=//') &&
           grep -E '^ *TD ' '$T/statusleft.tree' | head -1 | grep -qE \"Headers=th-[0-9]+,\$goal\\\$\""
# a link that wraps is one Link with an annotation per line, and a word
# hyphenated at the wrap reads whole: it was a Link per line, "samlings"
# in one and "databas" in the next
cat >"$T/linkwrap.xml" <<'XML'
<report type="rapport"><meta><title>Länk</title></meta>
<p>Konstsamlingen har digitaliserats och finns nu i sin helhet i den öppna databasen <link href="https://www.linkoping.se/kultur">kommunens samlingsdatabas för konst och kulturarv</link> som alla kan söka i.</p>
</report>
XML
"$BIN" -q -o "$T/linkwrap.pdf" "$T/linkwrap.xml" && pdfinfo -struct-text "$T/linkwrap.pdf" >"$T/linkwrap.struct"
check "a link over two lines is one Link, read whole" \
    sh -c "[ \$(grep -c 'Link (inline)' '$T/linkwrap.struct') = 1 ] && grep -q 'samlingsdatabas för konst och kulturarv' '$T/linkwrap.struct' &&
           [ \$(qpdf --qdf --object-streams=disable '$T/linkwrap.pdf' - 2>/dev/null | grep -ac '/Subtype /Link') = 2 ]"
# ... and two links in a cell of paragraphs and a list stay two (each
# block there is broken on its own; they were read as one, "FörstaAndra")
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>Ett</heading><table><columns><column/><column/></columns><row role="header"><cell>Post</cell><cell>Länkar</cell></row><row><cell>A</cell><cell><p><link href="https://a.example/">Första</link></p><p><link href="https://b.example/">Andra</link></p><list><item>x</item></list></cell></row></table></section></report>' >"$T/link2.xml"
"$BIN" -q -o "$T/link2.pdf" "$T/link2.xml"
check "two links in a cell of blocks are two Links" \
    sh -c "[ \$(pdfinfo -struct-text '$T/link2.pdf' | grep -c 'Link (inline)') = 2 ]"
# ... also in a row of its own (the goal's element was made after the
# status's headers were looked for)
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>Status</heading><table><columns><column type="status"/><column/><column/><column type="number" decimals="0"/></columns><row role="header"><cell>Status</cell><cell>Nämndmål</cell><cell>Indikator</cell><cell>2025</cell></row><row><cell status="met"/><cell>Mål ett</cell><cell>Andel</cell><cell>41</cell></row><row><cell rowspan="2" status="not-met"/><cell rowspan="2">Mål två</cell><cell>A</cell><cell>1</cell></row><row><cell>B</cell><cell>2</cell></row></table></section></report>' >"$T/statusrow.xml"
tree_of statusrow
check "a status left of its goal in a row of its own is headed by the goal" \
    sh -c "goal=\$(grep -E '^ *TH .*Scope=Row' '$T/statusrow.tree' | head -1 | grep -oE 'ID=th-[0-9]+' | sed 's/ID=//') &&
           grep -E '^ *TD ' '$T/statusrow.tree' | head -1 | grep -qE \"Headers=th-[0-9]+,\$goal(,|\\\$)\""
# a sub row in a table of one level ("Kvinnor" under "Antal besök på
# fritidsgårdarna"): its values are headed by the row it divides too; with
# /Scope alone, "19 950" read as "2025, Kvinnor"
cat >"$T/subrows.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>Indikatorer</heading>
<table><columns><column width="40%"/><column type="number" decimals="0"/><column type="number" decimals="0"/></columns>
<row role="header"><cell>Nämndindikator</cell><cell>2024</cell><cell>2025</cell></row>
<row><cell>Antal besök på fritidsgårdarna</cell><cell>43100</cell><cell>45007</cell></row>
<row role="sub"><cell>Kvinnor</cell><cell>18200</cell><cell>19950</cell></row>
<row role="sub"><cell>Män</cell><cell>24900</cell><cell>25057</cell></row>
</table></section></report>
XML
tree_of subrows
check "a sub row's value is headed by its column, the row it divides and its own label" \
    sh -c "grep -E '^ *TD ' '$T/subrows.tree' | tail -1 | grep -qE 'Headers=th-[0-9]+,th-[0-9]+,th-[0-9]+\$'"
# words of another language (xml:lang on <i>, <b>, <nohyphen>) are a Span
# with its /Lang, so a screen reader says them in that language (PDF/UA
# 7.2); xml:lang="sv" is the report's own; they are not hyphenated
cat >"$T/lang.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>Språk</heading>
<p>Ungdomarna dansade <i xml:lang="en">street dance</i> i <nohyphen xml:lang="en-GB">Tech Lab</nohyphen> och läste <b xml:lang="sv">svenska</b> böcker.</p>
</section></report>
XML
"$BIN" -q -o "$T/lang.pdf" "$T/lang.xml"
qpdf --qdf --object-streams=disable "$T/lang.pdf" "$T/lang-qdf.pdf" 2>/dev/null
check "words of another language are a Span with /Lang: en, en-GB (and sv none)" \
    sh -c "[ \$(grep -ac '/S /Span' '$T/lang-qdf.pdf') = 2 ] && grep -aq '/Lang (en)' '$T/lang-qdf.pdf' &&
           grep -aq '/Lang (en-GB)' '$T/lang-qdf.pdf'"
check "... and the page passes the structure checker" tests/ua-check "$T/lang.pdf"
pdfinfo -struct-text "$(textcopy "$T/lang.pdf")" >"$T/lang.struct" 2>/dev/null
check "... and reads every sentence" "$B/sentences" "$T/lang.xml" "$T/lang.struct"
# ... measured against the report's own language: Swedish words in an
# English report are a Span with /Lang sv (they were taken for the
# report's own and read in English)
printf '<report type="rapport" lang="en"><meta><title>Annual report</title></meta><p>The board, <i xml:lang="sv">kommunfullmäktige</i>, met twice, <b xml:lang="en-GB">as planned</b>.</p></report>' >"$T/lang-en.xml"
"$BIN" -q -o "$T/lang-en.pdf" "$T/lang-en.xml"
qpdf --qdf --object-streams=disable "$T/lang-en.pdf" "$T/lang-en-qdf.pdf" 2>/dev/null
check "Swedish words in an English report are a Span with /Lang sv (and en-GB none; the other: the cover's brand)" \
    sh -c "[ \$(grep -ac '/S /Span' '$T/lang-en-qdf.pdf') = 2 ] && [ \$(grep -ac '/Lang (sv)' '$T/lang-en-qdf.pdf') = 2 ]"
# a link takes the language of the words it stands in (a link inside a
# Swedish span of an English report lost it: a Link is no child of the
# Span), and a footnote mark's link, told as the layout's "Fotnot 1",
# is Swedish in an English report (of a layout with no English words);
# an English link there has none
cat >"$T/link-lang.xml" <<'XML'
<report type="rapport" lang="en"><meta><title>Annual report</title></meta><section><heading>Results</heading>
<p>The board met twelve times<footnote>Including two extra meetings.</footnote> and read <link href="https://example.org/r">the full record</link>.</p>
<p><nohyphen xml:lang="sv">Styrelsen sammanträdde, se <link href="https://example.org/p">protokollet</link> för detaljer</nohyphen>, as the minutes say.</p>
</section></report>
XML
"$BIN" -q --layout "$T/svonly.xml" -o "$T/link-lang.pdf" "$T/link-lang.xml"
qpdf --qdf --object-streams=disable "$T/link-lang.pdf" "$T/link-lang-qdf.pdf" 2>/dev/null
# the Link elements in order: "sv" for one of /Lang sv, "-" for none
link_langs() {
    awk '/^[0-9]+ 0 obj/ { o = "" } { o = o " " $0 }
         /^endobj/ && o ~ /\/S \/Link/ { printf "%s ", (o ~ /\/Lang \(sv\)/) ? "sv" : "-" }' "$1"
}
check "a link takes its words' language: the mark's Link /Lang sv, a Swedish span's sv, an English one none" \
    test "$(link_langs "$T/link-lang-qdf.pdf")" = "sv - sv "
check "... and the page passes the structure checker" tests/ua-check "$T/link-lang.pdf"
# a cell over two rows is headed by both rows' headers: its headers were
# found before the second row's were made ("Gäller båda" lacked "Söder")
cat >"$T/rowspan.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>Spann</heading>
<table><columns><column/><column type="number"/><column/></columns>
<row role="header"><cell>Enhet</cell><cell>Antal</cell><cell>Kommentar</cell></row>
<row><cell>Norr</cell><cell>12</cell><cell rowspan="2">Gäller båda</cell></row>
<row><cell>Söder</cell><cell>14</cell></row>
<row role="group"><cell colspan="3">Övrigt</cell></row>
<row><cell>Väst</cell><cell>3</cell><cell/></row>
</table></section></report>
XML
tree_of rowspan
check "a cell over two rows is headed by its column and both rows" \
    sh -c "grep -E '^ *TD ' '$T/rowspan.tree' | sed -n 2p | grep -qE 'Headers=th-[0-9]+,th-[0-9]+,th-[0-9]+\$'"
# a column without a heading is read without a name: warned, unless it
# is the first column's corner above the rows' own labels, or a heading
# over two rows names it from above
cat >"$T/unnamed.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>Namn</heading>
<table><columns><column/><column type="number"/><column type="number"/></columns>
<row role="header"><cell/><cell colspan="2">Antal</cell></row>
<row role="header"><cell/><cell>2024</cell><cell/></row>
<row><cell>Norr</cell><cell>12</cell><cell>3</cell></row>
</table>
<table><columns><column type="status"/><column/></columns>
<row role="header"><cell/><cell>Aktivitet</cell></row>
<row><cell status="done"/><cell>Ny rutin</cell></row>
</table></section></report>
XML
check "a column with no heading is warned at its cell, the corner and a column named from above are not" \
    sh -c "'$BIN' -o '$T/unnamed.pdf' '$T/unnamed.xml' 2>'$T/unnamed.err'; grep -c 'has no heading' '$T/unnamed.err' | grep -qx 1 && grep -q 'unnamed.xml:8:20: warning: column 1 has no heading' '$T/unnamed.err'"
# links in a header row and a group label repeated over the pages a
# table goes on to: the repeats (artifacts) have none, so no link
# annotation stands outside the structure (Matterhorn 28-011: a review)
python3 -c "
rows = ''.join('<row><cell>Rad %d</cell><cell>%d</cell></row>' % (i, i) for i in range(80))
print('<report type=\"rapport\"><meta><title>T</title></meta><section><heading>H</heading><table><caption>K</caption><columns><column/><column type=\"number\" decimals=\"0\"/></columns><row role=\"header\"><cell>Enhet (<link href=\"https://www.linkoping.se\">källa</link>)</cell><cell>B</cell></row><row role=\"group\"><cell colspan=\"2\">Grupp <link href=\"https://www.scb.se\">SCB</link></cell></row>' + rows + '</table></section></report>')" >"$T/replink.xml"
"$BIN" -q -o "$T/replink.pdf" "$T/replink.xml"
check "links in repeated header rows and group labels: each link once, in the structure" \
    sh -c "test \$(pdfinfo '$T/replink.pdf' | awk '/^Pages:/ { print \$2 }') -ge 3 && tests/ua-check '$T/replink.pdf' >/dev/null &&
           test \$(qpdf --json '$T/replink.pdf' | grep -c '\"/Subtype\": \"/Link\"') = 2"
# the author's soft hyphens (U+00AD, from Word) in a chart's labels and
# its alt: a label drew one with the letter before it, which pdf.js read
# as a glyph unseen and dropped ("Kosnad", "Buget"); the /Alt kept it
cat >"$T/chartshy.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading>
<chart type="bar" alt="Budget&#173;avvikelse per verksamhet."><caption>Avvikelse</caption>
<categories>Barn&#173;omsorg | Äldre&#173;omsorg</categories><axis title="Kost&#173;nad"/>
<series name="Bud&#173;get">1 2</series><series name="Ut&#173;fall">2 1</series></chart></section></report>
XML
"$BIN" -q -o "$T/chartshy.pdf" --trace "$T/chartshy.trace" "$T/chartshy.xml"
check "a chart's labels and alt leave out the author's soft hyphens: Kostnad, Budget, /Alt (Budgetavvikelse ...)" \
    sh -c "grep -q ' Kostnad\$' '$T/chartshy.trace' && grep -q ' Budget\$' '$T/chartshy.trace' && ! grep -q \$'\\xc2\\xad' '$T/chartshy.trace' &&
           qpdf --qdf --object-streams=disable '$T/chartshy.pdf' - 2>/dev/null | grep -aq '/Alt (Budgetavvikelse per verksamhet.)'"
# a footnote marked in words of another language is in that language too
# ("value-based care¹" in <i xml:lang="en">: its note was voiced as
# Swedish, an auditor)
cat >"$T/notelang.xml" <<'XML'
<report type="rapport" lang="sv"><meta><title>T</title></meta><section><heading>H</heading>
<p>Vi följer <i xml:lang="en">value-based care<footnote>A note written in English.</footnote> models</i> här.<footnote>En svensk not.</footnote></p>
</section></report>
XML
"$BIN" -q -o "$T/notelang.pdf" "$T/notelang.xml"
check "a footnote's text takes the language of the words it is marked in; another's stays the report's" \
    sh -c "qpdf --json '$T/notelang.pdf' | jq -e '[.qpdf[1][] | .value? // empty | select(type == \"object\" and .[\"/S\"] == \"/Note\")] | length == 2' >/dev/null &&
           qpdf --qdf --object-streams=disable '$T/notelang.pdf' - 2>/dev/null | grep -ac '/Lang (en)' | grep -qx 3 &&
           pdfinfo -struct-text '$T/notelang.pdf' | grep -B1 -A0 '\"A note written in English.\"' | grep -q 'Span'"
# a footnote marked inside a link to the web links to its note, parting
# the web link's words (it went to the web page, and no link led to the
# note: an auditor)
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><p>Se <link href="https://www.scb.se">SCB:s statistik<footnote>Hämtad 2025-01-10.</footnote> om befolkningen</link> här.</p></section></report>\n' >"$T/fnlink.xml"
"$BIN" -q -o "$T/fnlink.pdf" --trace "$T/fnlink.trace" "$T/fnlink.xml"
check "a footnote's mark inside a web link links to its note; the web link's words still go to the web" \
    sh -c "awk '/^ *mark 1 / { m = 1; next } m && /^ *link / { print; exit }' '$T/fnlink.trace' | grep -q -- '-> page ' &&
           test \$(grep -c -- '-> https://www.scb.se' '$T/fnlink.trace') = 2 && tests/ua-check '$T/fnlink.pdf' >/dev/null"
# ... the header's headings over several columns stay: under a header
# of two levels ("2023" over "Budget | Utfall") and a subheader "B | U",
# "5" reads 2023, B, Missbruk, Vuxna (the year was lost: an auditor)
cat >"$T/sub2.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading>
<table><columns><column/><column type="number"/><column type="number"/><column type="number"/><column type="number"/></columns>
<row role="header"><cell rowspan="2">Verksamhet</cell><cell colspan="2">2023</cell><cell colspan="2">2024</cell></row>
<row role="header"><cell>Budget</cell><cell>Utfall</cell><cell>Budget</cell><cell>Utfall</cell></row>
<row><cell>Barn</cell><cell>1</cell><cell>2</cell><cell>3</cell><cell>4</cell></row>
<row role="subheader"><cell>Vuxna</cell><cell>B</cell><cell>U</cell><cell>B</cell><cell>U</cell></row>
<row><cell>Missbruk</cell><cell>5</cell><cell>6</cell><cell>7</cell><cell>8</cell></row>
</table></section></report>
XML
tree_of sub2
check "below a subheader under a header of two levels the upper level still heads: 5 reads 2023, B, Missbruk, Vuxna" \
    awk '/^ *TR/ { td = 0 } /^ *TD .*Headers=/ && !td++ { sub(/.*Headers=/, ""); n = split($0, ids, ","); if (!first) first = ids[1]; last = $0; lastn = n }
         END { exit !(first && lastn == 4 && ("," last ",") ~ ("," first ",")) }' "$T/sub2.tree"
# text pasted from Word or the web: a line separator (U+2028) between two
# words reads as a space ("Rad ettrad två"), a zero-width space beside a
# space lets the space be read ("Ett\u200bord"), a lost character's
# U+FFFD is warned of at its place (a new user)
printf '<report type="rapport"><meta><title>T</title></meta><p>Rad ett\342\200\250rad tv\303\245. Ett\342\200\213 ord.\n Fel \357\277\275 h\303\244r.</p></report>\n' >"$T/pasted.xml"
printf '<report type="rapport"><meta><title>T</title></meta><p>Ett\342\200\213 ord \342\200\213\342\200\213 \360\237\230\200.</p></report>\n' >"$T/pasted2.xml"
"$BIN" -o "$T/pasted.pdf" "$T/pasted.xml" 2>"$T/pasted.err"
check "pasted text: U+2028 reads as a space, a zero-width space beside a space is dropped, U+FFFD is said at its place" \
    sh -c "pdftotext -f 2 -l 2 '$(textcopy "$T/pasted.pdf")' - | tr '\n' ' ' | grep -q 'Rad ett rad två. Ett ord. Fel' &&
           grep -q 'pasted.xml:2:6: warning: .* (U+FFFD) stands where a character was lost' '$T/pasted.err'"
check "... and a character after dropped zero-width spaces is said at its own column" \
    sh -c "'$BIN' --check '$T/pasted2.xml' 2>&1 | grep -q 'pasted2.xml:1:68: error: the font .* has no glyph for'"
finish
