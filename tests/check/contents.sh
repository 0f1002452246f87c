#!/usr/bin/env bash
# contents: the table of contents, bookmarks and page labels of long
# synthetic reports (200 pages; 108 sections, three pages of contents),
# contents and outline in document order with forward references, and
# appendices with and without labels and page numbers
. "$(dirname "$0")/lib.sh"

"$B/gen" --pages 200 --kind mix >"$T/g200.xml"
check "a 200-page synthetic report renders" "$BIN" -q -o "$T/g200.pdf" --trace "$T/g200.trace" "$T/g200.xml"
toc_checks "synthetic 200 pages" "$T/g200.pdf" "$T/g200.trace"
"$B/gen" --pages 3 --kind toc >"$T/toc3.xml"
check "a report with 108 sections renders" "$BIN" -q -o "$T/toc3.pdf" --trace "$T/toc3.trace" "$T/toc3.xml"
TOC_PAGES=0
toc_checks "synthetic, long contents" "$T/toc3.pdf" "$T/toc3.trace"
check "a 200-page synthetic report is tagged as PDF/UA-1 asks" tests/ua-check "$T/g200.pdf"
check "its contents run over three pages" test "$TOC_PAGES" = 3
check "the outline opens at the top level with the appendices and every heading of the contents' levels" \
    sh -c "qpdf --json --json-key=outlines '$T/toc3.pdf' | jq -e '(.outlines | length) == 36 and ([.outlines[].kids | length] | add) == 72 and all(.outlines[]; .open == false or (.kids | length) == 0)' >/dev/null"
check "the document says its language, title and author" \
    sh -c "qpdf --qdf --object-streams=disable '$T/toc3.pdf' '$T/qdf.pdf' && grep -aq '/Lang (sv-SE)' '$T/qdf.pdf' && pdfinfo '$T/toc3.pdf' | grep -q '^Author: *Testnämnden'"
check "page labels match the printed numbers" \
    sh -c "qpdf --json --json-key=pagelabels '$T/toc3.pdf' | jq -e '.pagelabels[0].label[\"/S\"] == \"/D\" and .pagelabels[0].index == 0' >/dev/null"

# a forward <ref> names its target before the target's heading is reached:
# the contents and the outline still list the headings in document order
cat >"$T/fwdref.xml" <<'XML'
<report><meta><title>Framåt</title></meta>
<contents/>
<section><heading>Första</heading><p>Se <ref to="tredje" show="title"/> på sidan <ref to="tredje"/>.</p></section>
<section><heading>Andra</heading><p>Text.</p>
  <section><heading>Andra ett</heading><p>Se <ref to="sist"/>.</p></section></section>
<section id="tredje"><heading>Tredje</heading><p>Text.</p>
  <section id="sist"><heading>Tredje ett</heading><p>Text.</p></section></section>
<appendices><appendix><heading>Bilaga A</heading><p>Text.</p></appendix>
  <appendix><heading>Bilaga B</heading></appendix></appendices>
</report>
XML
"$BIN" -q -o "$T/fwdref.pdf" "$T/fwdref.xml"
pdftotext -raw "$(textcopy "$T/fwdref.pdf")" "$T/fwdref.txt"
pages_of "$T/fwdref.txt" "$T/fwdref.pages"
check "a forward <ref>: the contents list the headings in document order" \
    sh -c "sed -n 's/ \\. \\..*//p' '$T/fwdref.pages/2' | tr '\\n' '|' | grep -qx 'Första|Andra|Andra ett|Tredje|Tredje ett|• Bilaga A|'"
check "... and so does the outline" \
    sh -c "qpdf --json --json-key=outlines '$T/fwdref.pdf' | jq -r '.. | objects | select(has(\"title\") and has(\"destpageposfrom1\")) | .title' | tr '\\n' '|' | grep -qx 'Första|Andra|Andra ett|Tredje|Tredje ett|Bilaga A|'"
check "the contents nest like the headings: a TOCI holds the TOC of the entries below it" \
    sh -c "pdfinfo -struct-text '$T/fwdref.pdf' | grep -E '^ *(TOC|TOCI|Reference)' | tr -d ' ' | tr '\\n' '|' | grep -qx 'TOC|TOCI|Reference(inline)|TOCI|Reference(inline)|TOC|TOCI|Reference(inline)|TOCI|Reference(inline)|TOC|TOCI|Reference(inline)|'"
check "an appendix printed in the report has its page number in the contents, a separate one none" \
    sh -c "grep -qx '• Bilaga A \\. \\..* 4' '$T/fwdref.pages/2' && grep -qx '• Bilaga B' '$T/fwdref.pages/2' && grep -q '^Bilaga A$' '$T/fwdref.pages/4'"
check "... and its entry is a link, like the five headings'" \
    sh -c "qpdf --json --json-key=pages --json-key=qpdf '$T/fwdref.pdf' | jq -e '.qpdf[1] as \$o | [.pages[1] | \$o[\"obj:\" + .object].value[\"/Annots\"][]] | length == 6' >/dev/null"

# an appendix's sections are not listed among the chapters: "Intervjuer"
# of "Bilaga 1 Metod" stood under the last chapter, above "Bilagor" (a
# typographer); the outline nests them under their appendix
cat >"$T/appsec.xml" <<'XML'
<report><meta><title>Bilagans avsnitt</title></meta>
<contents/>
<section><heading>Slutsatser</heading><p>Text.</p></section>
<appendices numbering="yes"><appendix><heading>Metod</heading>
  <section><heading>Intervjuer</heading><p>Text.</p></section>
  <section><heading>Dokument</heading><p>Text.</p></section></appendix></appendices>
</report>
XML
"$BIN" -q -o "$T/appsec.pdf" "$T/appsec.xml"
pdftotext -raw "$(textcopy "$T/appsec.pdf")" "$T/appsec.txt"
pages_of "$T/appsec.txt" "$T/appsec.pages"
check "an appendix's sections are not listed among the chapters in the contents; the outline nests them under it" \
    sh -c "sed -n 's/ \\. \\..*//p' '$T/appsec.pages/2' | tr '\\n' '|' | grep -qx 'Slutsatser|• Bilaga.1 Metod|' &&
           qpdf --json --json-key=outlines '$T/appsec.pdf' | jq -e '(.outlines[1].title | test(\"^Bilaga.1 Metod\$\")) and (.outlines[1].kids | map(.title)) == [\"Intervjuer\", \"Dokument\"]' >/dev/null"

# appendix labels: numbered by <appendices numbering="yes">, or given;
# the label stands in the heading, the contents, the bookmark and a
# <ref show="title">, and never breaks inside (a no-break space)
cat >"$T/labels.xml" <<'XML'
<report><meta><title>Bilagor</title></meta>
<contents/>
<section><heading>Inledning</heading><p>Se <ref to="b2" show="title"/>.</p></section>
<section><heading>Enligt <ref to="b2" show="title"/></heading><p>Text.</p></section>
<appendices numbering="yes">
  <appendix><heading>Uppföljning av lokalförsörjningsplan</heading><p>Text.</p></appendix>
  <appendix id="b2"><heading>Internkontrollrapport</heading></appendix>
  <appendix label="Bilaga 3a"><heading>Extra</heading><p>Text.</p></appendix>
</appendices>
</report>
XML
"$BIN" -q -o "$T/labels.pdf" "$T/labels.xml"
# (a no-break space written ~)
pdftotext -raw "$(textcopy "$T/labels.pdf")" - | sed 's/\xC2\xA0/~/g' >"$T/labels.txt"
check "appendix labels in the contents: numbered, given, and on a separate document too" \
    sh -c "grep -q '^• Bilaga~1 Uppföljning av lokalförsörjningsplan \\. \\. .* 4$' '$T/labels.txt' && grep -qx '• Bilaga~2 Internkontrollrapport' '$T/labels.txt' && grep -q '^• Bilaga~3a Extra \\. \\. .* 5$' '$T/labels.txt'"
check "... in the appendices' headings and in a reference to one" \
    sh -c "grep -q 'Bilaga~1 Uppföljning av lokalförsörjningsplan$' '$T/labels.txt' && grep -q 'Bilaga~3a Extra$' '$T/labels.txt' && grep -qx 'Se Bilaga~2 Internkontrollrapport.' '$T/labels.txt'"
check "... in the bookmarks, with a no-break space inside the label" \
    sh -c "qpdf --json --json-key=outlines '$T/labels.pdf' | jq -r '.. | objects | select(has(\"title\")) | .title' | sed 's/\\xC2\\xA0/~/g' | tr '\\n' '|' | grep -qx 'Inledning|Enligt Bilaga~2 Internkontrollrapport|Bilaga~1 Uppföljning av lokalförsörjningsplan|Bilaga~3a Extra|'"
check "... in a heading that refers to one, and in that heading's contents entry" \
    sh -c "grep -qx 'Enligt Bilaga~2 Internkontrollrapport' '$T/labels.txt' && grep -q '^Enligt Bilaga~2 Internkontrollrapport \\. \\..* 3$' '$T/labels.txt'"

# a heading's words as printed, in the contents, the bookmarks, a <ref
# show="title"> and the document's title: figures formatted, Swedish
# quotes and dashes (they had "1877", "jan-aug" and straight quotes)
cat >"$T/printed.xml" <<'XML'
<report><meta><title>Rapport "ett" - jan-aug</title><running-title>Bilaga "två" - jan-aug</running-title></meta>
<contents/>
<section id="a"><heading>Budget <num decimals="1" unit="mnkr">1877</num> och "gröna" jan-aug<footnote>Not.</footnote></heading><p>Se <ref to="a" show="title"/>.</p></section>
</report>
XML
"$BIN" -q -o "$T/printed.pdf" --trace "$T/printed.trace" "$T/printed.xml"
pdftotext -raw "$(textcopy "$T/printed.pdf")" "$T/printed.txt"
check "a heading's figures, quotes and dashes as printed in the contents and a reference" \
    sh -c "grep -q '^Budget 1.877,0.mnkr och ”gröna” jan–aug \\. \\.' '$T/printed.txt' &&
           grep -qx 'Se Budget 1.877,0.mnkr och ”gröna” jan–aug.' '$T/printed.txt'"
check "... in the bookmarks" \
    sh -c "qpdf --json --json-key=outlines '$T/printed.pdf' | jq -r '.. | objects | select(has(\"title\")) | .title' | grep -qx 'Budget 1.877,0.mnkr och ”gröna” jan–aug'"
check "... and the document's title in its properties and running header" \
    sh -c "pdfinfo '$T/printed.pdf' | grep -q '^Title: *Rapport ”ett”.– jan–aug\$' && grep -q ' Bilaga ”två”.– jan–aug' '$T/printed.trace'"

# cross-references: the page number and the title of the target, as links
{
    echo '<report><meta><title>Hänvisningar</title></meta><contents/>'
    echo '<section><heading>Inledning</heading><p>Se sidan <ref to="mal"/> och avsnittet <ref to="mal" show="title"/>.</p>'
    for i in $(seq 1 60); do echo "<p>Stycke $i med lite text som fyller ut sidan så att målet hamnar längre fram i rapporten.</p>"; done
    echo '</section><section id="mal"><heading>Målet för hänvisningen</heading><p>Här.</p></section></report>'
} >"$T/ref.xml"
check "a report with cross-references renders" "$BIN" -q -o "$T/ref.pdf" "$T/ref.xml"
pdftotext "$(textcopy "$T/ref.pdf")" "$T/ref.txt"
pages_of "$T/ref.txt" "$T/ref.pages"
refpage=$(grep -o 'Se sidan [0-9]*' "$T/ref.txt" | awk '{print $3}')
check "a page reference names the page of its target (${refpage:-none})" \
    sh -c "test -n '$refpage' && grep -q '^Målet för hänvisningen' '$T/ref.pages/$refpage'"
check "a title reference prints the target's title" grep -q 'avsnittet Målet för hänvisningen' "$T/ref.txt"
check "references are links" sh -c "test \$(qpdf --json --json-key=pages --json-key=qpdf '$T/ref.pdf' | jq '.qpdf[1] as \$o | [.pages[2].object] | map(\$o[\"obj:\" + .].value[\"/Annots\"] | length) | add') -ge 2"
# ... in another font than the body's: a heading in a face that has a
# glyph the body face lacks still renders (its title for the bookmarks
# was measured in the body's face and failed the report, "no glyph")
sed -e 's|<font family="sans"|<font family="dv" regular="../fonts/DejaVuSans.ttf" bold="../fonts/DejaVuSans-Bold.ttf"/>\n  <font family="sans"|' \
    -e '/<fallback-font/d' -e 's|<style name="h1" *family="sans"|<style name="h1" family="dv"|' \
    -e "s|\.\./fonts/|$PWD/fonts/|g" -e "s|\"icc/|\"$PWD/layouts/icc/|" layouts/linkoping.xml >"$T/dvh1.xml"
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>Mål ⇒ resultat</heading><p>Text.</p></section></report>' >"$T/arrow.xml"
check "a heading set in a face of its own renders with a glyph the body's face lacks" \
    sh -c "grep -q 'family=\"dv\"' '$T/dvh1.xml' && '$BIN' -q --layout '$T/dvh1.xml' -o '$T/arrow.pdf' '$T/arrow.xml' &&
           qpdf --json --json-key=outlines '$T/arrow.pdf' | jq -r '.. | objects | select(has(\"title\")) | .title' | grep -qx 'Mål ⇒ resultat'"
# a reference with its title and page is one link: one Link element,
# one annotation over "Målet (s. 14)" (they were three, title, page
# number and bracket, three stops for a reader who tabs)
{
    echo '<report><meta><title>Båda</title></meta><section><heading>Inledning</heading><p>Läs mer i <ref to="mal" show="both"/> om det.</p>'
    for i in $(seq 1 400); do echo "<p>Stycke $i med lite text som fyller ut sidan.</p>"; done
    echo '</section><section id="mal"><heading>Målet</heading><p>Här.</p></section></report>'
} >"$T/both.xml"
"$BIN" -q -o "$T/both.pdf" --trace "$T/both.trace" "$T/both.xml"
check "a reference with title and page is one link over all of it" \
    sh -c "pdfinfo -struct-text '$T/both.pdf' | grep -A1 '^ *Link' | grep -q '\"Målet (s..14) *\"' &&
           awk '/Läs mer i/ { on = 1 } on && \$1 == \"link\" { n++; x = \$2; w = \$4 } on && \$1 == \"text\" && /\) *\$/ { e = \$2 }
                /^  box 3/ { exit } END { exit !(n == 1 && e && x + w > e + 2) }' '$T/both.trace'"
# <ref show="title"> to a table, chart or figure prints its caption (it
# printed the caption and every cell run together), its link is said as
# the caption; to something without a title it is an error at its
# place; a page reference to a list finds its page (it printed "?")
cat >"$T/reftab.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta>
<p>Se <ref to="t" show="title"/> och <ref to="t" show="both"/> samt <ref to="d" show="title"/>, listan på sidan <ref to="l"/>.</p>
<table id="t"><caption>Resultat 2024</caption><columns><column/><column type="number" decimals="1"/></columns>
<row role="header"><cell>Verksamhet</cell><cell>Bokslut</cell></row><row><cell>Vuxna</cell><cell>1877.0</cell></row></table>
<chart type="bar" alt="Två staplar." id="d"><caption>Besök per år</caption><categories>2023 | 2024</categories><series name="Besök">10 12</series></chart>
<list id="l"><item>Punkt ett</item></list>
</report>
XML
"$BIN" -q -o "$T/reftab.pdf" "$T/reftab.xml"
check "<ref show=\"title\"> to a table or chart prints its caption; a page reference to a list its page" \
    sh -c "pdftotext '$T/reftab.pdf' - | sed 's/\xC2\xA0/~/g' | tr '\n' ' ' | grep -qF 'Se Resultat 2024 och Resultat 2024 (s.~2) samt Besök per år, listan på sidan 2.'"
check "... and the link is said as the caption" \
    sh -c "qpdf --json '$T/reftab.pdf' | jq -r '.. | objects | .[\"/Contents\"]? // empty' | grep -c '^u:\\(Resultat 2024\\|Besök per år\\)\$' | grep -qx 3"
sed -e 's|<caption>Resultat 2024</caption>||' -e 's|show="title"/>, listan|show="title"/>, <ref to="l" show="title"/>|' "$T/reftab.xml" >"$T/refnone.xml"
"$BIN" -q -o "$T/refnone.pdf" "$T/refnone.xml" 2>"$T/refnone.err"
rc=$?
check "a title reference to a table without caption or to a list is an error at its place, with a hint" \
    sh -c "test $rc = 1 && test ! -e '$T/refnone.pdf' &&
           grep -qF 'refnone.xml:2:7: error: <ref to=\"t\" show=\"title\"> prints a title, but the <table> \"t\" has none' '$T/refnone.err' &&
           grep -qF 'hint: give the <table> a <caption>' '$T/refnone.err' &&
           grep -qF 'show=\"title\"> prints a title, but the <list> \"l\" has none' '$T/refnone.err'"
# levels below the third step further in: a fourth-level entry looked
# like its third-level parent (same indent), hiding what is under what
cat >"$T/deep.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><contents levels="4"/>
<section><heading>Ett</heading><section><heading>Två</heading><section><heading>Tre</heading>
<section><heading>Fyra</heading><p>Text.</p></section></section></section></section></report>
XML
"$BIN" -q -o "$T/deep.pdf" --trace "$T/deep.trace" "$T/deep.xml"
x3=$(awk '/^page 2$/{f=1} /^page 3$/{f=0} f && $4 == "Tre" { print $2; exit }' "$T/deep.trace")
x4=$(awk '/^page 2$/{f=1} /^page 3$/{f=0} f && $4 == "Fyra" { print $2; exit }' "$T/deep.trace")
check "a fourth level entry of the contents stands further in than the third (${x3:-none} < ${x4:-none})" \
    sh -c "[ -n '$x3' ] && [ -n '$x4' ] && awk 'BEGIN { exit !($x3 < $x4) }'"
# a long entry wraps as its heading does: no hyphen, lines of even length
# ("innehålls-/förteckningen" and a lone "alls" before)
cat >"$T/longtoc.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><contents levels="3"/>
<section><heading>Första nivån</heading><section><heading>Andra nivån</heading>
<section><heading>Tredje nivån med en mycket lång rubrik som inte får plats på en rad i innehållsförteckningen alls</heading><p>Text.</p></section></section></section></report>
XML
"$BIN" -q -o "$T/longtoc.pdf" --trace "$T/longtoc.trace" "$T/longtoc.xml"
check "a long contents entry is not hyphenated and leaves no word alone" \
    sh -c "awk '/^page 2\$/{f=1} /^page 3\$/{f=0} f' '$T/longtoc.trace' >'$T/longtoc.p2' &&
           grep -q 'innehållsförteckningen' '$T/longtoc.p2' && ! grep -qE '[a-zåäö]-\$' '$T/longtoc.p2' &&
           ! grep -qE '^ *text [0-9.]+ [0-9.]+ alls\$' '$T/longtoc.p2'"
# a first entry that wraps keeps its lines together: the gap under the
# title was put before its last line, a blank line inside the entry
printf '<report type="rapport"><meta><title>T</title></meta><contents/><section><heading>Uppföljning av nämndens verksamhet och ekonomi med en mycket lång rubrik på nivå ett som bryts</heading><p>Text.</p></section><section><heading>Ekonomi</heading><p>Text.</p></section></report>' >"$T/tocwrap.xml"
"$BIN" -q -o "$T/tocwrap.pdf" --trace "$T/tocwrap.trace" "$T/tocwrap.xml"
check "a first contents entry that wraps keeps its lines a line apart" \
    awk '/^page 2/ { p = 1 } p && / Innehåll$/ { n = 0; next } p && $1 == "text" && n < 2 && $4 != "." { y[++n] = $3 }
         END { exit !(n == 2 && y[2] - y[1] < 15 && y[2] > y[1]) }' "$T/tocwrap.trace"
# a title that ends near the page numbers leaves room for a leader of
# three dots at least: one or two alone read as a full stop
{
    echo '<report><meta><title>Punkter</title></meta><contents/>'
    w="Aktivitetsplan"
    for i in $(seq 1 45); do w="$w ord$i"; echo "<section><heading>$w</heading><p>Text.</p></section>"; done
    echo '</report>'
} >"$T/dots.xml"
"$BIN" -q -o "$T/dots.pdf" --trace "$T/dots.trace" "$T/dots.xml"
check "every contents entry's leader has three dots at least (45 titles, a word longer each)" \
    sh -c "test \$(grep -c '^ *text [0-9.]* [0-9.]*  \\. \\.' '$T/dots.trace') = 45 &&
           ! grep -E '^ *text [0-9.]* [0-9.]*  \\.( \\.)?\$' '$T/dots.trace'"
# a heading's own line break is its page's: its contents entry and a
# reference to it run on ("Ekonomisk sammanfattning / och analys av
# året" kept the break in the contents); a word the author broke with a
# hyphen is whole again, "IT-", "e-" and "social- och" keep theirs
printf '<report type="rapport"><meta><title>T</title></meta><contents/><section id="e"><heading>Ekonomisk sammanfattning<br/>och analys av året</heading><p>Text.</p></section><section><heading>Två <br/> rader</heading><p>Se <ref to="e" show="title"/>.</p></section><section><heading>Verksamhets-<br/>berättelse, social-<br/>och omsorg, IT-<br/>strategi, e-<br/>tjänster, skolå-<br/>ret</heading><p>Text.</p></section></report>' >"$T/tocbr.xml"
"$BIN" -q -o "$T/tocbr.pdf" --trace "$T/tocbr.trace" "$T/tocbr.xml"
check "a heading's line break: the heading keeps it, its contents entry and a reference's title run on" \
    sh -c "awk '/^page 2\$/{f=1} /^page 3\$/{f=0} f' '$T/tocbr.trace' >'$T/tocbr.p2' &&
           grep -qE '^ *text [0-9.]+ [0-9.]+ Ekonomisk sammanfattning och analys av året\$' '$T/tocbr.p2' &&
           grep -qE '^ *text [0-9.]+ [0-9.]+ Två rader\$' '$T/tocbr.p2' &&
           grep -qE '^ *text [0-9.]+ [0-9.]+ Verksamhetsberättelse, social- och omsorg, IT-strategi, e-tjänster, skolåret\$' '$T/tocbr.p2' &&
           grep -qE '^ *text [0-9.]+ [0-9.]+ och analys av året\$' '$T/tocbr.trace' &&
           pdftotext '$T/tocbr.pdf' - | grep -q '^Se Ekonomisk sammanfattning och analys av året\.\$'"
finish
