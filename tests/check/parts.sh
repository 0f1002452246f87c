#!/usr/bin/env bash
# parts: a report written in several files (<include src="del.xml"/>):
# the sample cut into parts renders as the whole; a mistake in a part is
# said at the part's own file, line and column; cycles, missing parts,
# parts outside the folder and whole reports as parts are errors; --since
# follows the parts
. "$(dirname "$0")/lib.sh"
export SOURCE_DATE_EPOCH=1700000000
S=samples/verksamhetsberattelse-2024.xml
P=$T/split
mkdir -p "$P/kap"

# part FROM TO [LINE]: lines FROM..TO of the sample as a part (and LINE
# at its end)
part() {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<part>'
    sed -n "$1,$2p" "$S"
    [ -z "${3:-}" ] || echo "$3"
    echo '</part>'
}
# The sample cut at its section boundaries, found by their ids: the
# blocks of "Förväntad utveckling" (blocks inside a section), the chapter
# "Ekonomi" (a whole section), and the chapters from "Mål och inriktning"
# on in kap/, whose part includes the last chapter from its own folder
# (a part in a part). The report keeps the rest.
at() { grep -n "^  <section id=\"$1\"" "$S" | cut -d: -f1; }
utv=$(at forvantad-utveckling) eko=$(at ekonomi) mal=$(at mal-och-inriktning) vol=$(at volymtal)
app=$(grep -n '^  <appendices' "$S" | cut -d: -f1)
check "the sample's chapters are found" test -n "$utv" -a -n "$eko" -a -n "$mal" -a -n "$vol" -a -n "$app"
{
    sed -n "1,$((utv + 1))p" "$S"                   # up to the heading of Förväntad utveckling
    echo '    <include src="utveckling.xml"/>'
    echo '  </section>'
    echo '  <include src="ekonomi.xml"/>'
    echo '  <include src="kap/verksamhet.xml"/>'
    sed -n "$app,\$p" "$S"
} >"$P/rapport.xml"
part $((utv + 2)) $((eko - 2)) >"$P/utveckling.xml"
part "$eko" $((mal - 1)) >"$P/ekonomi.xml"
part "$mal" $((vol - 1)) '  <include src="volymtal.xml"/>' >"$P/kap/verksamhet.xml"
part "$vol" $((app - 1)) >"$P/kap/volymtal.xml"
cp "$S" "$T/whole.xml"
"$BIN" -q --trace "$T/whole.trace" -o "$T/whole.pdf" "$T/whole.xml"
check "the report in four parts renders" "$BIN" -q --trace "$T/parts.trace" -o "$T/parts.pdf" "$P/rapport.xml"
check "its page dump is the whole report's" cmp "$T/whole.trace" "$T/parts.trace"
# the document ID is a hash of the files the report is made of, so it is
# all that may differ: the same length, in the same place
noid() { LC_ALL=C sed 's|/ID \[ <[0-9A-F]*> <[0-9A-F]*> \]|/ID [ <> <> ]|' "$1"; }
check "its PDF is the whole report's, byte for byte but the document ID" \
    sh -c "cmp '$T/whole.pdf' '$T/parts.pdf' >/dev/null && exit 1; noid '$T/whole.pdf' >'$T/whole.noid'; noid '$T/parts.pdf' >'$T/parts.noid'; cmp '$T/whole.noid' '$T/parts.noid'"
# every sample with each of its chapters in a part of its own (its
# sections at the top, as the samples indent them): the same pages as the
# sample rendered whole (renders.sh), the same PDF but the document ID
need_renders
for n in $SAMPLES; do
    mkdir -p "$T/each/$n"
    awk -v dir="$T/each/$n" '
        /^  <section/ { k++; f = dir "/kap" k ".xml"
                        print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<part>" > f
                        print "  <include src=\"kap" k ".xml\"/>" }
        f { print > f } !f { print }
        /^  <\/section>/ { print "</part>" > f; close(f); f = "" }' "samples/$n.xml" >"$T/each/$n/$n.xml"
    env -u SOURCE_DATE_EPOCH "$BIN" -q -o "$T/each/$n.pdf" --trace "$T/each/$n.trace" "$T/each/$n/$n.xml"
    check "$n, a part a chapter: the same pages" cmp "$R/$n.trace" "$T/each/$n.trace"
    noid "$R/$n.pdf" >"$T/each/$n.whole.noid"; noid "$T/each/$n.pdf" >"$T/each/$n.noid"
    check "$n, a part a chapter: the same PDF but the document ID" cmp "$T/each/$n.whole.noid" "$T/each/$n.noid"
done
check "... each chapter in a part" test "$(ls "$T"/each/*/kap*.xml | wc -l)" = 18

# a warning about a section of a part is said at the part: the whole
# report's line less the lines before the part's first (its line 3)
"$BIN" --check "$T/whole.xml" 2>"$T/whole.err"
"$BIN" --check "$P/rapport.xml" 2>"$T/warn.err"
line=$(sed -n "s|^$T/whole.xml:\([0-9]*\):7: warning: the section \"Kommentar\" is empty|\1|p" "$T/whole.err")
check "the whole report warns about an empty section in its last chapter" test -n "$line" -a "${line:-0}" -gt "$vol"
check "the report in parts warns about it at the part's file and line" \
    grep -q "^$P/kap/volymtal.xml:$((line - vol + 3)):7: warning: the section \"Kommentar\" is empty" "$T/warn.err"
check "... and only there" test "$(grep -c warning: "$T/warn.err")" = "$(grep -c warning: "$T/whole.err")"

# the README's example: the report, its part in a folder, its chapter
X=$T/readme
mkdir -p "$X/ekonomi"
block() { awk -v k="$1" '/^### Reports in parts/{t=1} /^## Layouts/{t=0} t && /^```xml/{n++; f=1; next} /^```/{f=0} t && f && n==k' README.md; }
block 1 >"$X/rapport.xml"; block 2 >"$X/ekonomi/resultat.xml"; block 3 >"$X/omsorg.xml"
check "the README's report in parts renders" "$BIN" -q -o "$X/rapport.pdf" "$X/rapport.xml"
nb=$'\xc2\xa0'     # a no-break space (before a unit)
check "... with the part's paragraph in the report's section, the chapter after it" \
    sh -c "pdftotext '$X/rapport.pdf' - | tr '\n' ' ' | grep -q 'Ekonomi Nämnden redovisar ett underskott på −71,1${nb}mnkr.* Vård och omsorg Se Ekonomi'"

# ---- --since follows the parts ------------------------------------------
"$BIN" -q "$P/rapport.xml"
stat -c %y "$P/rapport.pdf" >"$T/t1"
check "--since: nothing touched, nothing rendered" \
    sh -c "'$BIN' -q --since '$P/rapport.xml' && stat -c %y '$P/rapport.pdf' | cmp -s - '$T/t1'"
sleep 0.01; touch "$P/kap/volymtal.xml"
check "--since: a part of a part touched, the report is rendered again" \
    sh -c "'$BIN' -q --since '$P/rapport.xml' && ! stat -c %y '$P/rapport.pdf' | cmp -s - '$T/t1'"
# a CSV and an image that a part names, from the part's own folder
mkdir -p "$T/csv/del"
printf 'Verksamhet;Utfall\r\nA;1,5\r\nB;2,5\r\nSumma;\r\n' >"$T/csv/del/tal.csv"
"$B/mkpng" logo "$T/csv/del/bild.png"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part>\n  <table src="tal.csv"><caption>Tal</caption><columns><column/><column type="number" decimals="1"/></columns>\n    <row-role match="Summa" role="sum" sum-of="above"/></table>\n  <figure src="bild.png" alt="En bild"/>\n</part>\n' >"$T/csv/del/del.xml"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<report><meta><title>CSV</title></meta>\n<section><heading>Tal</heading><include src="del/del.xml"/></section>\n</report>\n' >"$T/csv/rapport.xml"
check "a part's table reads its CSV, and its figure its image, from the part's folder" \
    sh -c "'$BIN' -q '$T/csv/rapport.xml' && pdftotext -raw '$T/csv/rapport.pdf' - | grep -q '^Summa 4,0$'"
touch -d '-1 hour' "$T/csv/rapport.xml" "$T/csv/del/del.xml" "$T/csv/del/bild.png"
for f in tal.csv bild.png; do
    touch -d '-1 hour' "$T/csv/del/tal.csv" "$T/csv/del/bild.png"
    "$BIN" -q "$T/csv/rapport.xml"; stat -c %y "$T/csv/rapport.pdf" >"$T/t2"
    sleep 0.01; touch "$T/csv/del/$f"
    check "--since: the $f of a part touched, the report is rendered again" \
        sh -c "'$BIN' -q --since '$T/csv/rapport.xml' && ! stat -c %y '$T/csv/rapport.pdf' | cmp -s - '$T/t2'"
done
printf 'Verksamhet;Utfall\r\nA;"1,5\r\n' >"$T/csv/del/tal.csv"
check "a mistake in a part's CSV is said at the CSV" \
    sh -c "'$BIN' -q '$T/csv/rapport.xml' 2>&1 | grep -q '^$T/csv/del/tal.csv:2:2: error: the quote that begins this field is never closed'"

ln "$P/ekonomi.xml" "$T/link.pdf"
check "the PDF is never written over a part (a hard link to it)" \
    sh -c "'$BIN' -q -o '$T/link.pdf' '$P/rapport.xml' 2>'$T/link.err'; test \$? = 2 && grep -q 'not a PDF' '$T/link.err' && cmp -s '$T/link.pdf' '$P/ekonomi.xml'"
check "... nor the trace" \
    sh -c "'$BIN' -q --trace '$T/link.pdf' -o '$T/x.pdf' '$P/rapport.xml' 2>'$T/link.err'; test \$? = 1 && grep -q 'cannot write the trace there: it is $P/ekonomi.xml' '$T/link.err' && test ! -e '$T/x.pdf'"

# a folder of reports: the parts lying among them are not reports
check "a folder holding a report and its parts renders the report alone" \
    sh -c "'$BIN' -q -d '$T/ut' '$P' 2>'$T/batch.err' && test \"\$(cd '$T/ut' && find . -name '*.pdf' | sort)\" = './rapport.pdf'"

# ---- mistakes in parts, said where they are -----------------------------
E=$T/err
mkdir -p "$E/del"
"$B/mkpng" logo "$E/del/bild.png"
report() {      # the report including FILES, one <include> each, in a section
    {
        echo '<?xml version="1.0" encoding="UTF-8"?>'
        echo '<report><meta><title>Delar</title></meta>'
        echo '  <section id="s"><heading>Avsnitt</heading>'
        for f in "$@"; do echo "    <include src=\"$f\"/>"; done
        echo '  </section>'
        echo '</report>'
    } >"$E/rapport.xml"
}
# expect DESCRIPTION STATUS TEXT: rendering $E/rapport.xml exits STATUS
# with TEXT in its messages (TEXT "": with none), and (unless 0) writes
# no PDF
expect() {
    rm -f "$E/rapport.pdf"
    "$BIN" -o "$E/rapport.pdf" "$E/rapport.xml" >"$T/out" 2>&1
    local rc=$?
    if [ $rc != "$2" ]; then bad "$1: exit $rc, want $2"; sed 's/^/    /' "$T/out"
    elif [ -n "$3" ] && ! grep -qF -- "$3" "$T/out"; then bad "$1: no message \"$3\""; sed 's/^/    /' "$T/out"
    elif [ -z "$3" ] && [ -s "$T/out" ]; then bad "$1: messages, none expected"; sed 's/^/    /' "$T/out"
    elif [ "$2" != 0 ] && [ -e "$E/rapport.pdf" ]; then bad "$1: a PDF was written"
    else ok; echo "ok: $1"; fi
}
cat >"$E/del/del.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<part>
  <p>Ett stycke med <stycke>fel</stycke> i sig.</p>
  <list type="punkt"><item>Ett</item></list>
</part>
EOF
report del/del.xml
expect "an unknown element in a part: at the part's line and column" 1 "$E/del/del.xml:3:21: error: unknown element <stycke>"
expect "a schema error in a part: at the part's line and column" 1 "$E/del/del.xml:4:3: error: type=\"punkt\" is not a value <list> takes"
cat >"$E/del/del.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<part>
  <table>
    <row><cell>A</cell><cell>4.0</cell></row>
    <row><cell>B</cell><cell>5.0</cell></row>
    <row role="sum" sum-of="above"><cell>Summa</cell><cell>10.0</cell></row>
  </table>
</part>
EOF
expect "a sum in a part's table that does not add up: at the part" 0 "$E/del/del.xml:6:54: warning: Summa 10,0 but the rows above add up to 9,0"
cat >"$E/del/del.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<part>
  <p>Se noten<fnref to="saknas"/> och <ref to="mal"/>.</p>
</part>
EOF
expect "a footnote mark in a part that points to nothing: at the part" 1 "$E/del/del.xml:3:14: error: <fnref to=\"saknas\"> points to nothing"
cat >"$E/del/del.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<part>
  <p>Se <ref to="S"/>.</p>
</part>
EOF
expect "a reference in a part to an id of the report, its capitals wrong: the id, and in which file" 1 \
    "hint: did you mean to=\"s\"? The <section> at $E/rapport.xml, line 3 has it"
# a part named without its folder, or with Windows' \ (a new user)
cat >"$E/del/del.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<part><p>Delen.</p></part>
EOF
report del.xml
expect "a part named without the folder it is in: the path meant" 1 \
    "hint: did you mean \"del/del.xml\"? A file of that name is in that folder"
report 'del\del.xml'
expect "a part named with \\ between its folders: the path with /" 1 \
    "hint: write \"del/del.xml\": folders are parted with / in a report, not with \\"
report del/Del.xml
expect "a part's name in other capitals: said so" 1 "hint: did you mean \"del/del.xml\"? (a file name's capitals count)"
report del/dell.xml
expect "a part's name a letter off: no word of capitals" 1 "hint: did you mean \"del/del.xml\"?"
report del/del.xml
cat >"$E/del/del.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<part>
  <figure src="bild.png" alt="En bild bredvid delen"/>
  <figure src="saknas.png" alt="En bild som inte finns"/>
</part>
EOF
expect "a missing image of a part: at the part, its name relative to the part's folder" 1 "$E/del/del.xml:4:3: error: the image \"saknas.png\" cannot be used"
check "... and the image beside the part is found there" sh -c "! grep -q 'bild.png' '$T/out'"
cat >"$E/del/del.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<part>
  <p>Tecken som inget typsnitt har: 漢字.</p>
</part>
EOF
expect "a character no font has, found when measuring: at the part" 1 "$E/del/del.xml:3:37: error: the font"
# ids, footnotes and references across parts
cat >"$E/del/a.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<part>
  <p id="dubbel">Först<footnote id="not">Noten står i del a.</footnote>.</p>
</part>
EOF
cat >"$E/del/b.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<part>
  <section><heading>Del b</heading>
    <p id="dubbel">Samma id igen, och noten från a<fnref to="not"/>.</p>
  </section>
</part>
EOF
report del/a.xml del/b.xml
expect "an id in two parts: an error at the second ..." 1 "$E/del/b.xml:4:5: error: the id \"dubbel\" is used twice: also in $E/del/a.xml, line 3"
expect "... and at the first" 1 "$E/del/a.xml:3:3: error: the id \"dubbel\" is used twice: also in $E/del/b.xml, line 4"
report del/a.xml del/a.xml
expect "a part with an id included twice: said once, that it is included twice" 1 \
    "$E/del/a.xml:3:3: error: the id \"dubbel\" is used twice: $E/del/a.xml is included twice, and its ids with it"
sed -i 's/id="dubbel"//' "$E/del/b.xml"
report del/a.xml del/b.xml
sed -i 's|</section>|<p>Se <ref to="not"/>.</p></section>|' "$E/rapport.xml"
expect "a footnote repeated and referred to across parts renders" 0 ""
check "... the mark of the note of part a is repeated in part b" \
    sh -c "pdftotext '$E/rapport.pdf' - | tr -d '\n' | grep -qF 'noten från a[1]'"
# a goal's place: a part included in a goal holds no section
cat >"$E/del/mal.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<part>
  <p>Målets text.</p>
  <section><heading>Inte här</heading><p>Text.</p></section>
</part>
EOF
{
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<report><meta><title>Delar</title></meta>'
    echo '  <section><heading>Mål</heading>'
    echo '    <goal status="met"><heading>Nämndmål</heading><include src="del/mal.xml"/></goal>'
    echo '  </section>'
    echo '  <include src="del/mal2.xml"/>'
    echo '</report>'
} >"$E/rapport.xml"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part>\n  <goal><heading>Mål utan avsnitt</heading></goal>\n</part>\n' >"$E/del/mal2.xml"
expect "a section in a part included in a goal: at the part" 1 "$E/del/mal.xml:4:3: error: a <goal> holds no <section>, but $E/rapport.xml includes this part in a goal (line 4)"
expect "a goal in a part included at the top: at the part" 1 "$E/del/mal2.xml:3:3: error: a <goal> stands in a <section>, but $E/rapport.xml includes this part outside one (line 6)"

# ---- parts that cannot be used ------------------------------------------
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part>\n  <include src="b.xml"/>\n</part>\n' >"$E/del/a.xml"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part>\n  <p>b</p>\n  <include src="a.xml"/>\n</part>\n' >"$E/del/b.xml"
report del/a.xml
expect "a cycle: an error at the <include> that closes it, naming the chain" 1 \
    "$E/del/b.xml:4:3: error: the parts include each other: $E/del/a.xml includes $E/del/b.xml, which includes $E/del/a.xml again"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part>\n  <p>a</p>\n  <include src="a.xml"/>\n</part>\n' >"$E/del/a.xml"
expect "a part that includes itself" 1 "$E/del/a.xml:4:3: error: $E/del/a.xml includes itself"
report rapport.xml
expect "a report that includes itself" 1 "$E/rapport.xml:4:5: error: $E/rapport.xml includes itself"
report del/finns-inte.xml
expect "a missing part: at the <include>" 1 "$E/rapport.xml:4:5: error: the part \"del/finns-inte.xml\" cannot be used: No such file or directory"
check "... and its section, left with only its heading, is not called empty as well" sh -c "! grep -q 'is empty' '$T/out'"
expect "... with a hint" 1 "hint: the path is relative to the folder of $E/rapport.xml"
mkdir -p "$T/utanfor"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part>\n  <p>Utanför.</p>\n</part>\n' >"$T/utanfor/del.xml"
report ../utanfor/del.xml
expect "a part outside the report's folder" 1 "$E/rapport.xml:4:5: error: the part \"../utanfor/del.xml\" cannot be used: it lies outside the report's folder"
check "... which --allow-paths allows" "$BIN" -q --allow-paths -o "$E/rapport.pdf" "$E/rapport.xml"
cp samples/verksamhetsplan-2019.xml "$E/del/hel.xml"
report del/hel.xml
expect "a whole report as a part" 1 "$E/rapport.xml:4:5: error: \"del/hel.xml\" is a whole report, not a part"
mkdir -p "$E/del/mapp.xml"
report del/mapp.xml
expect "a folder as a part" 1 "$E/rapport.xml:4:5: error: the part \"del/mapp.xml\" cannot be read: it is a folder, not a file"
mkfifo "$E/del/fifo.xml"
report del/fifo.xml
expect "a FIFO as a part: refused, never waited on" 1 "$E/rapport.xml:4:5: error: the part \"del/fifo.xml\" cannot be read: it is a pipe (FIFO), not a file"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part><p>Igen.</p></part>\n' >"$E/del/igen.xml"
report $(for i in $(seq 1 501); do echo del/igen.xml; done)
expect "a part included 501 times: more parts than rapport reads" 1 "$E/rapport.xml:504:5: error: the report includes more than 500 parts"
# includes that fail count too (RP_MAX_PARTS): a whole report included
# over and over is read within the memory of one report, not once per
# include (it was 17 GB and 97 s)
{ printf '<?xml version="1.0" encoding="UTF-8"?>\n<report><meta><title>Stor</title></meta><section><heading>S</heading>\n'
  for i in $(seq 1 3000); do printf '<p>Ett stycke text som fyller filen, rad %d av tretusen.</p>\n' "$i"; done
  printf '</section></report>\n'; } >"$E/del/stor.xml"
report $(for i in $(seq 1 400); do echo del/stor.xml; done)
/usr/bin/time -f '%M' -o "$T/stor.kb" "$BIN" -q --check "$E/rapport.xml" >"$T/out" 2>&1
kb=$(tail -1 "$T/stor.kb")
check "400 includes of a 200 KB report: refused, in less than 200 MB ($kb KB)" \
    sh -c "grep -q 'is a whole report, not a part' '$T/out' && test '$kb' -lt 204800"
# a part included twice says its mistakes once
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part><p>Se <fnref to="ingenstans"/>.</p><bogus/></part>\n' >"$E/del/fel2.xml"
report del/fel2.xml del/fel2.xml
expect "a part with mistakes included twice ..." 1 "fel2.xml:2:13: error: <fnref to=\"ingenstans\"> points to nothing"
check "... says each mistake once" sh -c "test \$(grep -c 'points to nothing' '$T/out') = 1 && test \$(grep -c 'bogus' '$T/out') = 1"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part>\n  <heading>Rubrik</heading>\n  <p>Text.</p>\n</part>\n' >"$E/del/rubrik.xml"
report del/rubrik.xml
expect "a <heading> straight in a <part>: said so, with the <section> to write" 1 \
    "$E/del/rubrik.xml:3:3: error: a <heading> stands in a <section>, not straight in <part>"
chmod 000 "$E/del/b.xml"
report del/b.xml
if [ "$(id -u)" != 0 ]; then
    expect "an unreadable part" 1 "$E/rapport.xml:4:5: error: the part \"del/b.xml\" cannot be read: Permission denied"
fi
chmod 644 "$E/del/b.xml"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part>\n  <p>Inte stängt\n</part>\n' >"$E/del/trasig.xml"
report del/trasig.xml
expect "a part that is not well-formed: at its own line" 1 "$E/del/trasig.xml:4:1: error: <p> from line 3 is not closed before </part>"
check "a part rendered as a report: an error that says what it is" \
    sh -c "'$BIN' -o '$T/del.pdf' '$E/del/a.xml' 2>'$T/out'; test \$? = 1 && grep -q '$E/del/a.xml:2:1: error: this file is a part of a report (<part>), not a report' '$T/out' && test ! -e '$T/del.pdf'"
# elements nested as deep as rapport reads in one file, and deeper with
# the report's elements around the <include>
{ echo '<?xml version="1.0" encoding="UTF-8"?>'; echo '<part>'
  for i in $(seq 198); do echo '<landscape>'; done; echo '<p>Djupt.</p>'
  for i in $(seq 198); do echo '</landscape>'; done; echo '</part>'; } >"$E/del/djup.xml"
report del/djup.xml
expect "a part nested too deep where it is included: at the first element too deep" 1 \
    "$E/del/djup.xml:200:1: error: <landscape> is nested more than 200 elements deep, counting those around the <include> of this part"
# parts in parts, deeper than rapport reads them
for i in $(seq 1 12); do
    printf '<?xml version="1.0" encoding="UTF-8"?>\n<part>\n  <p>Del %d.</p>\n  <include src="d%d.xml"/>\n</part>\n' "$i" $((i + 1)) >"$E/del/d$i.xml"
done
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part><p>Sist.</p></part>\n' >"$E/del/d13.xml"
report del/d1.xml
expect "parts included deeper than the bound: an error at the <include> too deep" 1 "$E/del/d8.xml:4:3: error: parts are included 9 deep here"
finish
