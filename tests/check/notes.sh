#!/usr/bin/env bash
# notes: footnotes on the page of their mark, clear of the text: a note on
# every sentence of 50 pages, a note two pages long, numbering per
# chapter, marks as links to their notes, notes in headings and cells
. "$(dirname "$0")/lib.sh"
need_renders
# a footnote on every sentence of 50 pages: nothing lost, nothing overlapping
"$B/gen" --pages 50 --kind notes >"$T/notes.xml"
check "50 pages with a footnote on every sentence render" "$BIN" -q -o "$T/notes.pdf" --trace "$T/notes.trace" "$T/notes.xml"
check "their notes stand on the pages of their marks, clear of the text" tests/notes-check "$T/notes.trace"
nnotes=$(grep -o '<footnote>' "$T/notes.xml" | wc -l)
# with a thousand notes and more, every number keeps half an em of its
# size (3.4 pt of 8.5) before its text, and all the texts start in line
# (note 1000 ran into its text: "1000Källa"; note 100 had 3 pt, note 99 7)
pdftotext -bbox "$(textcopy "$T/notes.pdf")" "$T/notes-bbox.html"
check "$nnotes notes: a number of four digits stands clear of its text, the texts in line" \
    sh -c "test $nnotes -ge 1000 && awk -F'\"' '
        /<page / { nn = 0; nk = 0 }
        /<word / { w = \$0; sub(/.*\">/, \"\", w); sub(/<.*/, \"\", w)
                   if (w ~ /^[0-9]+\$/) { nn++; ny[nn] = \$4; nx[nn] = \$6 }
                   if (w == \"Källa\") { nk++; ky[nk] = \$4; kx[nk] = \$2 } }
        /<\/page>/ { for (i = 1; i <= nk; i++) {       # each note text and the number beside it
                        for (j = 1; j <= nn; j++)
                            if (ny[j] - ky[i] < 2 && ky[i] - ny[j] < 2 && nx[j] <= kx[i]) {
                                n++; if (kx[i] - nx[j] < 3.4) bad++; xs[kx[i]] = 1 } } }
        END { for (x in xs) k++; exit !(n >= $nnotes && !bad && k == 1) }' '$T/notes-bbox.html'"
pdftotext -raw "$(textcopy "$T/notes.pdf")" "$T/notes.txt"
check "all $nnotes note texts are printed once, in order" \
    sh -c "cat '$T/notes.txt' | grep -o 'uttag [0-9]*\.' | awk '{ if (\$2 + 0 != NR) bad = 1 } END { exit bad || NR != $nnotes }'"
# a note two pages long continues on the next pages, nothing lost
{
    echo '<report><meta><title>Lång fotnot</title></meta><section><heading>Text</heading>'
    for i in 1 2 3; do echo "<p>Inledande stycke $i som står före den långa noten och fyller en del av sidan med text.</p>"; done
    echo '<p>Här står märket<footnote>'
    for i in $(seq 1 110); do echo "Notens mening nummer $i, som är en av många i en mycket lång källhänvisning."; done
    echo '</footnote> och texten fortsätter.</p>'
    for i in $(seq 1 40); do echo "<p>Stycke $i efter noten, med vanlig brödtext som ska hamna på sidorna efter.</p>"; done
    echo '</section></report>'
} >"$T/longnote.xml"
check "a two-page footnote renders" "$BIN" -q -o "$T/longnote.pdf" --trace "$T/longnote.trace" "$T/longnote.xml"
check "it starts on its mark's page and overlaps nothing" tests/notes-check "$T/longnote.trace"
pdftotext -raw "$(textcopy "$T/longnote.pdf")" "$T/longnote.txt"
check "every sentence of it is printed once, in order" \
    sh -c "cat '$T/longnote.txt' | tr '\n' ' ' | grep -o 'Notens mening nummer [0-9]*' | awk '{ if (\$4 + 0 != NR) bad = 1 } END { exit bad || NR != 110 }'"
check "it runs over more than one page" sh -c "test \$(grep -c '^  note 1 ' '$T/longnote.trace') -gt 60 && test \$(awk '/^page /{p=\$2} /^  note 1 /{print p}' '$T/longnote.trace' | sort -u | wc -l) -ge 2"
check "all text after the note is there" \
    sh -c "grep -o 'Stycke [0-9]* efter noten' '$T/longnote.txt' | sort -u | wc -l | grep -qx 40"
# a note of eight lines split over two pages keeps two lines at least on
# each: its mark moved down a page a line at a time, one line stood
# alone at the foot, or went over alone (a typographer)
for k in $(seq 12 40); do
    {
        echo '<report type="rapport"><meta><title>N</title></meta>'
        for i in $(seq 1 "$k"); do echo "<p>Rad $i.</p>"; done
        echo '<p>Märket<footnote>'
        for i in $(seq 1 8); do echo "Notens rad $i med så mycket text att den fyller en hel rad i en fotnot, nästan hela bredden ut i marginalen."; done
        echo '</footnote> och mer.</p>'
        for i in $(seq 1 30); do echo "<p>Efter $i.</p>"; done
        echo '</report>'
    } >"$T/split$k.xml"
    "$BIN" -q -o "$T/split$k.pdf" --trace "$T/split$k.trace" "$T/split$k.xml"
    awk -v k="$k" '/^page /{p=$2} /^  note 1 /{c[p]++} END{for (q in c) printf "%s:%d ", q, c[q]; print k}' "$T/split$k.trace"
done >"$T/splits"
check "a note split over two pages keeps two lines at least on each (29 places of its mark)" \
    sh -c "cat '$T/splits'; grep -q ' ' '$T/splits' && ! grep -qE '(^| )[0-9]+:1 ' '$T/splits' &&
           test \$(grep -cE '[0-9]+:[0-9]+ [0-9]+:[0-9]+ ' '$T/splits') -ge 2"

# footnote numbers may restart in each chapter
sed -e 's|numbering="document"|numbering="chapter"|' -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/chapter.xml"
chapter_notes() {
    "$BIN" -q --layout "$T/chapter.xml" -o "$T/chap.pdf" samples/verksamhetsberattelse-2024.xml &&
        pdftotext -raw "$(textcopy "$T/chap.pdf")" - | grep -q '^1 Källa qliksense, aktualiseringar'
}
check "with numbering per chapter, the last chapter's notes start at 1" chapter_notes

# every footnote mark is a link to where its note starts (Contents "Fotnot N")
vbt=$R/verksamhetsberattelse-2024
qpdf --json --json-key=pages --json-key=qpdf "$vbt.pdf" | jq -r '.qpdf[1] as $o
    | (.pages | map({ key: .object, value: .pageposfrom1 }) | from_entries) as $pn
    | .pages[] | ($o["obj:" + .object].value["/Annots"] // [])[] | $o["obj:" + .].value
    | select((.["/Contents"] // "") | test("^u:Fotnot [0-9]+$"))
    | (.["/Dest"] | if type == "string" then $o["obj:" + .].value else . end) as $d
    | "\(.["/Contents"] | ltrimstr("u:Fotnot "))\t\($pn[$d[0]])"' | sort -u >"$T/notelinks"
awk '/^page /{ p = $2 } /^  note [0-9]+ .*start$/{ print $2 "\t" p }' "$vbt.trace" | sort -u >"$T/notestarts"
check "every footnote mark links to its note's page ($(wc -l <"$T/notestarts") notes)" \
    sh -c "test -s '$T/notestarts' && cmp -s '$T/notelinks' '$T/notestarts'"

# footnotes in a heading and in table cells: the note stands beside the
# mark in the data cell, never loose in a row; the note of a header
# cell's mark (a column's or a row's) follows the table, read once; the
# note of a heading's mark follows the heading (inside it, a list of
# headings read the note as part of the heading)
cat >"$T/fncell.xml" <<'XML'
<report><meta><title>Not i tabell</title></meta>
<section><heading>Rubrik<footnote>Not i rubrik</footnote></heading>
<p>Text.</p>
<table><columns><column/><column type="number"/></columns>
<row role="header"><cell>Post</cell><cell>Belopp<footnote>Not i huvud</footnote></cell></row>
<row><cell>Hyror<footnote>Not i cell</footnote></cell><cell>12</cell></row>
</table></section></report>
XML
"$BIN" -q -o "$T/fncell.pdf" "$T/fncell.xml"
check "notes in a heading and in table cells stand where they are read (ua-check)" tests/ua-check "$T/fncell.pdf"
check "... the heading's right after it, the header cells' two right after the table" \
    sh -c "tests/ua-check '$T/fncell.pdf' 2 | awk '/^  H1/ { hd = 1; next } hd && /^  Note/ { h++ } /^  [A-Z]/ && !/^  Note/ { hd = 0 }
                                                 /^    Note/ { in_h++ } /^  Table/ { t = 1 } t && /^  Note/ { a++ }
                                                 END { exit !(h == 1 && in_h == 0 && a == 2) }'"
# ... and after the table's own <note>, which belongs to the table: the
# footnote of a header cell was read between the table and its note
cat >"$T/fnnote.xml" <<'XML'
<report><meta><title>Not i tabell</title></meta>
<section><heading>Rubrik</heading><p>Text.</p>
<table><columns><column/><column type="number"/></columns>
<row role="header"><cell>Post</cell><cell>Belopp<footnote>Not i huvud</footnote></cell></row>
<row><cell>Hyror</cell><cell>12</cell></row>
<note>Källa: ekonomisystemet.</note>
</table>
<p>Mer text.</p></section></report>
XML
"$BIN" -q -o "$T/fnnote.pdf" "$T/fnnote.xml"
check "a header cell's footnote is read after the table's own note" \
    sh -c "tests/ua-check '$T/fnnote.pdf' 2 | awk '/^  [A-Z]/ { o = o \" \" \$1 } END { exit !(o ~ /Table P Note P\$/) }'"
# ... also when that note holds a link (the Link, not its P, was taken
# for the table's last note: the footnote went to the end of the report)
sed 's|<note>Källa: ekonomisystemet.</note>|<note>Källa: <link href="https://www.linkoping.se">kommunen</link>.</note>|' \
    "$T/fnnote.xml" >"$T/fnnotelink.xml"
"$BIN" -q -o "$T/fnnotelink.pdf" "$T/fnnotelink.xml"
check "... also when the table's note holds a link" \
    sh -c "grep -q '<link' '$T/fnnotelink.xml' &&
           tests/ua-check '$T/fnnotelink.pdf' 2 | awk '/^  [A-Z]/ { o = o \" \" \$1 } END { exit !(o ~ /Table P Note P\$/) }'"
# a paragraph that goes on over the page its footnote's mark is on: the
# note (drawn at that page's foot) is read after the whole paragraph,
# not between its pages ("... med energi" Note "effektiviseringen ...")
{
    echo '<report><meta><title>Sidbrytning</title></meta><section><heading>Rubrik</heading><p>'
    for k in $(seq 1 3); do printf 'Nämnden har under året arbetat vidare med uppföljningen av verksamheten. '; done
    printf 'Antalet aktualiseringar<footnote>Orosanmälningar och ansökningar.</footnote> ökade. '
    for k in $(seq 1 150); do printf 'Arbetet med energieffektiviseringen fortsätter i förvaltningen. '; done
    echo 'Sista meningen.</p><p>Nästa stycke.</p></section></report>'
} >"$T/fnpage.xml"
"$BIN" -q -o "$T/fnpage.pdf" "$T/fnpage.xml" && pdfinfo -struct-text "$T/fnpage.pdf" >"$T/fnpage.struct"
check "a footnote of a paragraph over two pages is read after the paragraph" \
    sh -c "[ \$(pdfinfo '$T/fnpage.pdf' | awk '/^Pages:/ { print \$2 }') -ge 3 ] &&
           awk '/Sista meningen/ { s = NR } / Note / { n = NR } /Nästa stycke/ { x = NR } END { exit !(s && n > s && x > n) }' '$T/fnpage.struct'"
# two marks side by side are told apart by a raised comma: "¹,²" (it
# printed "¹²", which reads as twelve), in text and after a figure
printf '<report type="rapport"><meta><title>T</title></meta><p>Antalet ökade<footnote>Ett.</footnote><footnote>Två.</footnote> under året.</p><table><columns><column/><column type="number"/></columns><row role="header"><cell>Post</cell><cell>Belopp</cell></row><row><cell>B</cell><cell>80<footnote>Tre.</footnote><footnote>Fyra.</footnote></cell></row></table></report>' >"$T/marks2.xml"
"$BIN" -q -o "$T/marks2.pdf" --trace "$T/marks2.trace" "$T/marks2.xml"
check "two footnote marks side by side have a comma between them, outside the second's link (\"link 2\", not \"link comma 2\")" \
    sh -c "pdftotext '$T/marks2.pdf' - | grep -q 'ökade\\[1\\],\\[2\\] under' && pdftotext '$T/marks2.pdf' - | grep -q '^80\\[3\\],\\[4\\]\$' &&
           [ \$(pdfinfo -struct-text '$T/marks2.pdf' | grep -c '^ *\",\"\$') = 2 ] && ! pdfinfo -struct-text '$T/marks2.pdf' | grep -q ',\\['"
# a status cell with no words but a footnote keeps its footnote (the
# mark and the note were dropped)
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>Ett</heading><table><columns><column/><column type="status"/></columns><row role="header"><cell>Mål</cell><cell>Status</cell></row><row><cell>A</cell><cell status="met"><footnote>Bedömt i augusti.</footnote></cell></row></table></section></report>' >"$T/statusnote.xml"
check "a status cell's footnote is printed with its mark" \
    sh -c "'$BIN' -q -o '$T/statusnote.pdf' --trace '$T/statusnote.trace' '$T/statusnote.xml' &&
           grep -q '^ *mark 1 ' '$T/statusnote.trace' && grep -q ' Bedömt i augusti\.\$' '$T/statusnote.trace'"
# ... also with spaces between them (an indented file): "[1],[2]"
printf '<report type="rapport"><meta><title>T</title></meta><p>Text<footnote>a</footnote>\n      <footnote>b</footnote> mer.</p><table><columns><column/><column type="status"/></columns><row role="header"><cell>Mål</cell><cell>Status</cell></row><row><cell>Mål 1</cell><cell status="partly-met"><footnote>c</footnote>\n      <footnote>d</footnote></cell></row></table></report>' >"$T/marksws.xml"
check "two marks with spaces between them have their comma" \
    sh -c "'$BIN' -q -o '$T/marksws.pdf' '$T/marksws.xml' && pdftotext '$T/marksws.pdf' - | grep -q 'Text\\[1\\],\\[2\\] mer' &&
           pdftotext '$T/marksws.pdf' - | grep -q 'uppfyllt\\[3\\],\\[4\\]'"
finish
