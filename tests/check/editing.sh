#!/usr/bin/env bash
# editing: what a user writing a report meets: rapport --new (a starter
# of each report type) and rapport --watch (a new PDF at each save)
. "$(dirname "$0")/lib.sh"
need_renders

# ---- --new: a starter of every report type the schema knows --------------------
N=$T/new
mkdir -p "$N"
types=$(sed -n '/<define name="report.type">/,/<\/define>/s|.*<value>\([a-z]*\)</value>.*|\1|p' src/parse/report.rng)
check "the schema names the five report types" test "$(echo $types)" = "verksamhetsberattelse delarsrapport verksamhetsplan internbudget rapport"
for t in $types; do
    "$BIN" --new "$t" >"$N/$t.xml" 2>"$N/$t.new-err"
    "$BIN" --strict "$N/$t.xml" 2>"$N/$t.err"
    rc=$?
    check "--new $t renders with --strict: exit 0, nothing on stderr" \
        sh -c "cat '$N/$t.new-err' '$N/$t.err'; test $rc = 0 && test ! -s '$N/$t.new-err' && test ! -s '$N/$t.err' && test -s '$N/$t.pdf'"
    check "--new $t has the legend, a Summa row with a sum to fill, a goal with a status, a footnote, comments" \
        sh -c "grep -q '<legend' '$N/$t.xml' && grep -q '<row role=\"sum\" sum-of=\"above\">.*<cell/>' '$N/$t.xml' &&
               grep -q '<goal [^>]*status=\"[a-z-]*\"' '$N/$t.xml' && grep -q '<footnote>' '$N/$t.xml' &&
               test \$(grep -c '<!--' '$N/$t.xml') -ge 5 && grep -q '<report type=\"$t\"' '$N/$t.xml'"
    href=$(sed -n 's|^<?xml-model href="\([^"]*\)" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>$|\1|p' "$N/$t.xml")
    check "--new $t names the schema for XML editors ($href), and the report is valid by it" \
        sh -c "test -f '$href' && xmllint --noout --relaxng '$href' '$N/$t.xml'"
done
# the sum rapport fills in: the Summa row of the rapport starter
nb=$'\xc2\xa0'     # a no-break space (between digit groups)
check "the empty sum cells are filled in (1 590 and 1 600 in the rapport starter)" \
    sh -c "pdftotext -layout '$N/rapport.pdf' - | grep -E 'Summa +1${nb}590 +1${nb}600'"
check "the Swedish spelling is the same type" \
    sh -c "'$BIN' --new 'Delårsrapport' | cmp -s - '$N/delarsrapport.xml' && '$BIN' --new verksamhetsberättelse | cmp -s - '$N/verksamhetsberattelse.xml'"
"$BIN" --new delarsraport >/dev/null 2>"$N/typo.err"; rc=$?
check "a misspelt type: exit 2, did you mean, and the types" \
    sh -c "cat '$N/typo.err'; test $rc = 2 && grep -q 'did you mean delarsrapport' '$N/typo.err' && grep -q 'verksamhetsberattelse, delarsrapport, verksamhetsplan, internbudget, rapport' '$N/typo.err'"
"$BIN" --new protokoll >"$N/unknown.out" 2>"$N/unknown.err"; rc=$?
check "an unknown type: exit 2 with the list of types, nothing on stdout" \
    sh -c "cat '$N/unknown.err'; test $rc = 2 && test ! -s '$N/unknown.out' && grep -q 'no report type \"protokoll\"' '$N/unknown.err' && grep -q 'internbudget, rapport' '$N/unknown.err'"
check "-o writes the starter to a file (the same, but for the file named in its comment)" \
    sh -c "'$BIN' --new rapport -o '$N/egen.xml' && sed 's|$N/egen.xml|rapport.xml|' '$N/egen.xml' | cmp -s - '$N/rapport.xml'"
echo 'min text' >"$N/finns.xml"
"$BIN" --new rapport -o "$N/finns.xml" 2>"$N/exists.err"; rc=$?
check "-o onto an existing file is refused with a hint, the file kept" \
    sh -c "cat '$N/exists.err'; test $rc = 2 && grep -q 'already exists' '$N/exists.err' && grep -q 'hint:' '$N/exists.err' && grep -qx 'min text' '$N/finns.xml'"
check "--new takes no report besides" exit_is 2 "$BIN" --new rapport samples/verksamhetsplan-2019.xml
check "--help lists --new, --watch and --json" sh -c "'$BIN' --help | grep -q -- '--new TYPE' && '$BIN' --help | grep -q -- '--watch' && '$BIN' --help | grep -q -- '--json'"

check "--new with -o twice, or -o not a .xml, is a usage error (2)" \
    sh -c "cd '$T' && '$PWD/$BIN' --new rapport -o a.xml -o b.xml 2>/dev/null; test \$? = 2 && '$PWD/$BIN' --new rapport -o x.txt 2>/dev/null; test \$? = 2 && test ! -e a.xml -a ! -e x.txt"
check "--watch on a report that is not there stops at once (exit 2), not waits" \
    sh -c "timeout 10 '$BIN' --watch '$T/rapprot.xml' 2>/dev/null; test \$? = 2"

# ---- --watch: three saves, one broken -----------------------------------------
WD=$T/watch
mkdir -p "$WD"
cp samples/verksamhetsplan-2019.xml "$WD/r.xml"
# the sample's pages (the edits below do not change how many)
NP=$(pdfinfo "$R/verksamhetsplan-2019.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
# lines_at_least N: wait (5 s at most) until --watch has printed N lines
lines_at_least() {
    for _ in $(seq 1 100); do [ "$(wc -l <"$WD/out")" -ge "$1" ] && return 0; sleep 0.05; done
    return 1
}
# save FILE: as editors do: a new file renamed over the old one
save() { cat >"$1.tmp-save" && mv "$1.tmp-save" "$1"; }
# (with job control, so that the job does not ignore SIGINT as background
# jobs of a script do)
set -m
"$BIN" -q --watch "$WD/r.xml" >"$WD/out" 2>"$WD/err" &
pid=$!
set +m
lines_at_least 1
cp "$WD/r.pdf" "$WD/first.pdf" 2>/dev/null
sed 's|<heading>Inledning</heading>|<heading>Inledning i år</heading>|' "$WD/r.xml" | save "$WD/r.xml"
lines_at_least 2
cp "$WD/r.pdf" "$WD/good.pdf" 2>/dev/null
# the second save writes the file in place (as some editors do), with a mistake
sed 's|<heading>Uppdrag</heading>|<heading>Uppdrag</heading><paragraf/>|' "$WD/r.xml" >"$WD/broken" && cat "$WD/broken" >"$WD/r.xml"
lines_at_least 3
cp "$WD/r.pdf" "$WD/after-broken.pdf" 2>/dev/null
# the third mends it and adds an image: the image joins the watch
"$B/mkpng" alpha "$WD/bild.png"
sed -e 's|<paragraf/>||' -e 's|<heading>Uppdrag</heading>|<heading>Uppdrag</heading><figure src="bild.png" alt="En bild"/>|' \
    "$WD/r.xml" | save "$WD/r.xml"
lines_at_least 4
"$B/mkpng" interlaced "$WD/bild2.png" && mv "$WD/bild2.png" "$WD/bild.png"
lines_at_least 5
# a part in a folder of its own joins the watch too, and an error in it is told
mkdir -p "$WD/kap"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part><p>Första delen.</p></part>\n' >"$WD/kap/del.xml"
sed 's|<heading>Uppdrag</heading>|<heading>Uppdrag</heading><include src="kap/del.xml"/>|' "$WD/r.xml" | save "$WD/r.xml"
lines_at_least 6
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part><p>Andra delen.</p><paragraf/></part>\n' | save "$WD/kap/del.xml"
lines_at_least 7
printf '<?xml version="1.0" encoding="UTF-8"?>\n<part><p>Tredje delen.</p></part>\n' | save "$WD/kap/del.xml"
lines_at_least 8
kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null
rc=$?
say "--watch printed:"; cat "$WD/out"; cat "$WD/err"
check "--watch renders at once, then after each of three saves: four lines" \
    sh -c "cat '$WD/out'; test \$(grep -Ec 'r\.pdf: [0-9]+ pages' '$WD/out') -ge 3 && test \$(wc -l <'$WD/out') -ge 4"
check "each line has the time and the pages, or the errors" \
    sh -c "sed -n 1p '$WD/out' | grep -Eq '^[0-9]{2}:[0-9]{2}:[0-9]{2} .*r\.pdf: $NP pages(, 2 warnings)? \(' &&
           sed -n 3p '$WD/out' | grep -Eq '^[0-9]{2}:[0-9]{2}:[0-9]{2} .*r\.xml: 1 error(, 2 warnings)?; .*r\.pdf is the last good one, unchanged'"
check "the first save made a new PDF" sh -c "! cmp -s '$WD/first.pdf' '$WD/good.pdf'"
check "after the broken save the PDF is still the last good one (the same bytes)" cmp "$WD/good.pdf" "$WD/after-broken.pdf"
check "the error was printed with its line and column" grep -q 'r\.xml:[0-9]*:[0-9]*: error: unknown element <paragraf>' "$WD/err"
check "the mended report is rendered again, with its image" sh -c "sed -n 4p '$WD/out' | grep -q 'r\.pdf: $NP pages'"
check "saving the image alone renders again (a new image joins the watch)" sh -c "sed -n 5p '$WD/out' | grep -q 'r\.pdf: $NP pages'"
check "a part the report starts to include is watched: its saves render again, its error told" \
    sh -c "sed -n 6p '$WD/out' | grep -q 'r\.pdf: $NP pages' && sed -n 7p '$WD/out' | grep -q 'r\.xml: 1 error' &&
           sed -n 8p '$WD/out' | grep -q 'r\.pdf: $NP pages' && grep -q 'kap/del\.xml:2:26: error: unknown element <paragraf>' '$WD/err' &&
           pdftotext '$WD/r.pdf' - | grep -q 'Tredje delen'"
check "Ctrl-C stopped it (ended by SIGINT: $rc), and left no temporary file" \
    sh -c "ls '$WD'; test $rc = 130 && ! ls '$WD' | grep -q 'rapport-'"
# Ctrl-C while a render writes the PDF: the temporary file removed, the
# PDF before it kept (fsync made slow, so the signal finds the file)
cp "$WD/r.pdf" "$WD/before.pdf"
set -m
LD_PRELOAD=$PWD/$B/slow-fsync.so "$BIN" -q --watch "$WD/r.xml" >/dev/null 2>&1 &
pid=$!
set +m
for _ in $(seq 1 100); do ls "$WD" | grep -q 'r\.pdf\.rapport-' && seen=yes && break; sleep 0.05; done
kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null
rc=$?
check "Ctrl-C while writing: the temporary file (seen: ${seen:-no}) removed, the PDF before kept" \
    sh -c "ls '$WD'; test '${seen:-no}' = yes && test $rc = 130 && ! ls '$WD' | grep -q 'rapport-' && cmp -s '$WD/r.pdf' '$WD/before.pdf'"
check "--watch takes one report" exit_is 2 "$BIN" --watch samples/verksamhetsplan-2019.xml samples/delarsrapport-2022-aug.xml
# the starter's comment names the file it was written to, and stays a
# comment whatever the name ("--" may not stand in one)
"$BIN" --new delarsrapport -o "$T/min-rapport.xml" 2>/dev/null
check "--new -o: the comment says how to render that file" grep -qF "rapport $T/min-rapport.xml" "$T/min-rapport.xml"
"$BIN" --new rapport -o "$T/a--b.xml" 2>/dev/null
check "--new -o a--b.xml: still well-formed, and it renders" \
    sh -c "xmllint --noout '$T/a--b.xml' && '$BIN' -q --strict --check '$T/a--b.xml'"

finish
