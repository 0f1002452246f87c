#!/usr/bin/env bash
# docs: the documentation says what rapport does. Every element and
# attribute of the schemas (src/parse/report.rng, layout.rng) has an
# example in the user's guide (doc/handbok.md) and a description for
# editors; the guide's reports render with --strict and its mistakes give
# the messages it quotes; the man page renders without a warning; make
# install and make uninstall leave nothing behind.
. "$(dirname "$0")/lib.sh"
G=doc/handbok.md

# ---- every element and attribute has an example in the guide --------------
# the tags written in FILE: "name attr attr ..." one a line (a tag may
# run over several lines)
tags_of() {
    perl -0777 -ne 'while (/<([a-z][a-z0-9-]*)((?:\s+[a-z:-]+="[^"]*")*)\s*\/?>/g) {
        my ($n, $a) = ($1, $2); print join(" ", $n, $a =~ /([a-z:-]+)="/g), "\n" }' "$1" | sort -u
}
# undocumented SCHEMA DOC: what SCHEMA allows that no tag of DOC shows:
# an element never written, an attribute written on none of its elements
undocumented() {
    tags_of "$2" >"$T/tags"
    tests/tools/schema-names "$1" | awk 'NR == FNR { el[$1] = 1; for (i = 2; i <= NF; i++) has[$1 " " $i] = 1; next }
        $1 == "element" && !el[$2] { print "<" $2 ">" }
        $1 == "attribute" { ok = 0; for (i = 3; i <= NF; i++) ok = ok || has[$i " " $2]
                            if (!ok) { o = $3; for (i = 4; i <= NF; i++) o = o "|" $i; print "<" o " " $2 "=\"...\">" } }' "$T/tags" -
}
for s in report layout; do
    n=$(tests/tools/schema-names src/parse/$s.rng | wc -l)
    undocumented src/parse/$s.rng "$G" >"$T/missing-$s"
    check "the guide shows each of the $n elements and attributes of $s.rng in an example" \
        sh -c "test $n -gt 40 && ! test -s '$T/missing-$s' || { echo 'no example of:'; cat '$T/missing-$s'; exit 1; }"
done
# the check finds what is missing: an element and an attribute added to
# a copy of the schema
sed -e 's|<ref name="goal-overview"/>|<ref name="goal-overview"/><element name="nytt-element"><empty/></element>|' \
    -e '0,/<attribute name="numbering">/s||<attribute name="nytt-attribut"><text/></attribute><attribute name="numbering">|' \
    src/parse/report.rng >"$T/new.rng"
undocumented "$T/new.rng" "$G" | grep -vxF -f "$T/missing-report" | LC_ALL=C sort >"$T/missing-new"
printf "%s\n" "<appendices nytt-attribut=\"...\">" "<nytt-element>" >"$T/missing-want"
check "a new element and attribute of the schema, without an example, are found" \
    diff "$T/missing-want" "$T/missing-new"

# every element and attribute has a description an editor shows on hover
# (<a:documentation> first inside it)
for s in report layout; do
    bare=$(perl -0777 -ne 's/<!--.*?-->//gs; while (/<(element|attribute)\s+name="([^"]*)"\s*(\/?)>(\s*<a:documentation>)?/g) {
        print "$1 $2\n" unless $4 && !$3 }' src/parse/$s.rng)
    check "every element and attribute of $s.rng has a description (<a:documentation>)" \
        sh -c "test -z '$bare' || { echo '$bare'; exit 1; }"
done
check "the schemas compiled into rapport leave the descriptions out" \
    sh -c "! grep -q 'a:documentation' $B/obj/gen/report_rng.c $B/obj/gen/layout_rng.c"

# ---- the guide's examples -------------------------------------------------
# Each ```xml block of the guide is tried, in a folder of its own: a
# whole report (<report> first) is rendered with --strict, beside the
# files the guide shows (```csv ekonomi.csv, ```xml del.xml: a block
# whose language is followed by a file name) and a PNG for each image it
# names; a
# part of a report is rendered the same way inside a report; a layout
# (<layout> first) follows layout.rng. A ```xml fel block is a report
# with mistakes, and the ```text block after it what
# `rapport --check rapport.xml` says about it, word for word, to a user
# whose language is Swedish (LANG=sv_SE.UTF-8).
awk -v dir="$T/guide" '
    function start(kind) { n++; d = dir "/" kind "-" n; system("mkdir -p \"" d "\""); file = d "/rapport.xml" }
    /^```/ && !inb { inb = 1; split(substr($0, 4), w, " "); lang = w[1]; extra = w[2]; first = 1; file = ""; decl = ""
                     if (extra != "" && extra != "fel") { system("mkdir -p \"" dir "/files\""); file = dir "/files/" extra; first = 0 }
                     else if (lang == "text" && said != "") { file = said "/expected"; said = "" }
                     next }
    /^```/ && inb { inb = 0; if (file != "") close(file); next }
    !inb { next }
    lang == "xml" && first && /^<\?xml/ { decl = decl $0 "\n"; next }
    lang == "xml" && first {
        first = 0
        if (extra == "fel") { start("fel"); said = d }
        else if (/^<report/) start("report")
        else if (/^<layout/) start("layout")
        else if (/^[ \t]*<meta>/) start("meta")
        else if (/^[ \t]*<contents/) start("contents")
        else start("part")
        if (decl != "") printf "%s", decl > file
    }
    file != "" { print > file }' "$G"
count() { ls -d "$T"/guide/$1-* 2>/dev/null | wc -l; }
check "the guide has whole reports ($(count report)), parts ($(count part)), layouts ($(count layout)) and mistakes ($(count fel)) as examples" \
    test "$(count report)" -ge 5 -a "$(count part)" -ge 15 -a "$(count layout)" -ge 1 -a "$(count fel)" -ge 8
# (a part in a section of a report; <meta> and <contents> where they stand)
for d in "$T"/guide/part-* "$T"/guide/meta-* "$T"/guide/contents-*; do
    mv "$d/rapport.xml" "$d/part.xml"
    case $d in
    */meta-*) { echo '<report>'; cat "$d/part.xml"; echo '</report>'; } ;;
    */contents-*) { echo '<report><meta><title>Exempel</title></meta>'; cat "$d/part.xml"; echo '</report>'; } ;;
    *) { echo '<report><meta><title>Exempel</title></meta><section><heading>Exempel</heading>'
         cat "$d/part.xml"; echo '</section></report>'; } ;;
    esac >"$d/rapport.xml"
done
for d in "$T"/guide/report-* "$T"/guide/part-* "$T"/guide/meta-* "$T"/guide/contents-*; do
    [ -d "$T/guide/files" ] && cp "$T"/guide/files/* "$d/"
    for png in $(grep -o 'src="[^"]*\.png"' "$d/rapport.xml" | sed 's/src="\(.*\)"/\1/'); do "$B/mkpng" alpha "$d/$png"; done
    src=$d/part.xml; [ -f "$src" ] || src=$d/rapport.xml
    check "the guide's $(basename "$d") renders with --strict: $(grep -m1 -v '^<?xml' "$src" | sed 's/^ *//' | cut -c1-50)" \
        "$BIN" --strict -o "$d/rapport.pdf" "$d/rapport.xml"
done
# the running example of section 2: five pages, the sum filled in
full=$(grep -l '<reference>KFN 2025-0042</reference>' "$T"/guide/report-*/rapport.xml | head -1)
check "the guide's running example makes 5 pages with its sum filled in (132,4)" \
    sh -c "test -n '$full' && pdfinfo '${full%.xml}.pdf' | grep -q '^Pages: *5\$' && pdftotext '${full%.xml}.pdf' - | grep -q '132,4'"
for d in "$T"/guide/layout-*; do
    check "the guide's layout $(basename "$d") follows layout.rng" xmllint --noout --relaxng src/parse/layout.rng "$d/rapport.xml"
done
for d in "$T"/guide/fel-*; do
    (cd "$d" && env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=sv_SE.UTF-8 "$OLDPWD/$BIN" --check rapport.xml >out 2>&1
     echo "exit $?" >>out)
    check "the guide's mistake $(basename "$d") gives the output the guide quotes" \
        sh -c "test -s '$d/expected' && diff '$d/expected' '$d/out'"
done

# ---- the man page -----------------------------------------------------------
check "man -l renders doc/rapport.1 without a warning" \
    sh -c "MANWIDTH=80 man -l --warnings doc/rapport.1 2>&1 >'$T/man.txt' | tee /dev/stderr | grep -q . && exit 1; grep -q 'RAPPORT_DATA' '$T/man.txt'"
check "groff -man -ww finds nothing to say about doc/rapport.1" \
    sh -c "test -z \"\$(groff -man -ww -z doc/rapport.1 2>&1)\""
# every option --help lists is in the man page
for o in $("$BIN" --help | grep -o '^ *-[-a-z]*' | tr -d ' '); do
    grep -qF -- "$(printf '%s' "$o" | sed 's/-/\\-/g')" doc/rapport.1 || echo "$o"
done >"$T/man-missing"
check "the man page names every option of rapport --help" \
    sh -c "test \$(\"$BIN\" --help | grep -c '^ *-') -gt 10 && ! test -s '$T/man-missing' || cat '$T/man-missing'"

# ---- make install, make uninstall -------------------------------------------
inst() { MAKEFLAGS= MAKELEVEL= make -s --no-print-directory "$@" PREFIX="$T/x" >"$T/make.out" 2>&1 || cat "$T/make.out"; }
inst install
check "make install puts rapport, its schemas, its man page and the guide below PREFIX" \
    test -x "$T/x/bin/rapport" -a -s "$T/x/share/rapport/schema/report.rng" -a -s "$T/x/share/rapport/schema/layout.rng" \
         -a -s "$T/x/share/man/man1/rapport.1" -a -s "$T/x/share/doc/rapport/handbok.md"
check "the installed rapport finds its layout and renders a sample" \
    env -u RAPPORT_DATA "$T/x/bin/rapport" -q -o "$T/installed.pdf" samples/verksamhetsplan-2019.xml
check "the installed report.rng (with its descriptions) validates the samples (xmllint)" \
    xmllint --noout --relaxng "$T/x/share/rapport/schema/report.rng" samples/*.xml
check "the installed layout.rng validates the layouts (xmllint)" \
    xmllint --noout --relaxng "$T/x/share/rapport/schema/layout.rng" layouts/*.xml
check "man renders the installed page" sh -c "MANWIDTH=80 man -l '$T/x/share/man/man1/rapport.1' | grep -q SYNOPSIS"
inst uninstall
check "make uninstall leaves no file of what make install put there" \
    sh -c "test -d '$T/x' && test -z \"\$(find '$T/x' -mindepth 1 ! -type d)\" || find '$T/x' -mindepth 1 ! -type d"
check "... nor a folder of rapport's own" sh -c "test ! -e '$T/x/share/rapport' && test ! -e '$T/x/share/doc/rapport'"
mkdir -p "$T/y/bin" "$T/y/share/man/man1"
MAKEFLAGS= MAKELEVEL= make -s --no-print-directory install PREFIX="$T/y" >/dev/null 2>&1
MAKEFLAGS= MAKELEVEL= make -s --no-print-directory uninstall PREFIX="$T/y" >/dev/null 2>&1
check "... and keeps the system's folders it did not make (an empty PREFIX/bin)" \
    test -d "$T/y/bin" -a -d "$T/y/share/man/man1"
# a file of one's own among rapport's is kept, with its folders
inst install
echo '<layout name="egen"/>' >"$T/x/share/rapport/layouts/egen.xml"
inst uninstall
check "make uninstall keeps a layout of one's own put beside rapport's" \
    sh -c "test \"\$(cd '$T/x' && find . -type f)\" = ./share/rapport/layouts/egen.xml && test ! -e '$T/x/bin/rapport'"
finish
