#!/usr/bin/env bash
# editing: what a user writing a report meets: rapport --new (a starter
# of each report type)
. "$(dirname "$0")/lib.sh"

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
    href=$(sed -n 's|^<?xml-model href="\([^"]*\)" schematypens="http://relaxng.org/ns/structure/1.0"?>$|\1|p' "$N/$t.xml")
    check "--new $t names the schema for XML editors ($href), and the report is valid by it" \
        sh -c "test -f '$href' && xmllint --noout --relaxng '$href' '$N/$t.xml'"
done
# the sum rapport fills in: the Summa row of the rapport starter
check "the empty sum cells are filled in (1 590 and 1 600 in the rapport starter)" \
    sh -c "pdftotext -layout '$N/rapport.pdf' - | grep -E 'Summa +1 590 +1 600'"
check "the Swedish spelling is the same type" \
    sh -c "'$BIN' --new 'Delårsrapport' | cmp -s - '$N/delarsrapport.xml' && '$BIN' --new verksamhetsberättelse | cmp -s - '$N/verksamhetsberattelse.xml'"
"$BIN" --new delarsraport >/dev/null 2>"$N/typo.err"; rc=$?
check "a misspelt type: exit 2, did you mean, and the types" \
    sh -c "cat '$N/typo.err'; test $rc = 2 && grep -q 'did you mean delarsrapport' '$N/typo.err' && grep -q 'verksamhetsberattelse, delarsrapport, verksamhetsplan, internbudget, rapport' '$N/typo.err'"
"$BIN" --new protokoll >"$N/unknown.out" 2>"$N/unknown.err"; rc=$?
check "an unknown type: exit 2 with the list of types, nothing on stdout" \
    sh -c "cat '$N/unknown.err'; test $rc = 2 && test ! -s '$N/unknown.out' && grep -q 'no report type \"protokoll\"' '$N/unknown.err' && grep -q 'internbudget, rapport' '$N/unknown.err'"
check "-o writes the starter to a file" sh -c "'$BIN' --new rapport -o '$N/egen.xml' && cmp -s '$N/egen.xml' '$N/rapport.xml'"
echo 'min text' >"$N/finns.xml"
"$BIN" --new rapport -o "$N/finns.xml" 2>"$N/exists.err"; rc=$?
check "-o onto an existing file is refused with a hint, the file kept" \
    sh -c "cat '$N/exists.err'; test $rc = 2 && grep -q 'already exists' '$N/exists.err' && grep -q 'hint:' '$N/exists.err' && grep -qx 'min text' '$N/finns.xml'"
check "--new takes no report besides" exit_is 2 "$BIN" --new rapport samples/verksamhetsplan-2019.xml
check "--help lists --new and --json" sh -c "'$BIN' --help | grep -q -- '--new TYPE' && '$BIN' --help | grep -q -- '--json'"

finish
