#!/usr/bin/env bash
# messages: rapport speaks Swedish (gettext, po/sv.po) when the locale is
# Swedish, even on a machine without the sv_SE locale, and English
# otherwise; every message has its Swedish; each mistake of tests/bad is
# said once, at its line and column (in characters), with a hint; the
# PDF is the same bytes whatever the language; a report rendered at a
# terminal says what it wrote
. "$(dirname "$0")/lib.sh"
SRC=$(ls src/*.c src/*/*.c src/*.h src/*/*.h | grep -v '^src/gen/')
SV="env LANG=sv_SE.UTF-8"

# ---- the catalogue -------------------------------------------------------
check "every message of the sources has its Swedish in po/sv.po (tests/tools/po-check)" \
    tests/tools/po-check po/sv.po $SRC
mkdir -p "$T/src"
printf '#include "../src/base/i18n.h"\nconst char *f(void);\nconst char *f(void) { return _("a message nobody has translated"); }\n' >"$T/src/new.c"
check "... a new message without its Swedish fails the check, named with its place" \
    sh -c "! tests/tools/po-check po/sv.po $(echo $SRC) '$T/src/new.c' >'$T/new.out' && grep -q 'new.c:3: untranslated message: \"a message nobody has translated\"' '$T/new.out'"
sed '0,/^#, c-format$/s//#, fuzzy, c-format/' po/sv.po >"$T/fuzzy.po"
check "... and so does a message whose Swedish is marked fuzzy" \
    sh -c "! tests/tools/po-check '$T/fuzzy.po' $(echo $SRC) >'$T/fuzzy.out' && grep -q 'fuzzy message' '$T/fuzzy.out'"
check "no message in the sources is left unmarked for translation (tests/tools/unmarked)" \
    tests/tools/unmarked $SRC
printf 'static void f(Diags *d)\n{\n    diag_error(d, "x", 1, 1,\n               "a message nobody marked");\n}\n' >"$T/src/unmarked.c"
check "... one that is, is named" \
    sh -c "! tests/tools/unmarked '$T/src/unmarked.c' >'$T/unmarked.out' && grep -q 'unmarked.c:4:' '$T/unmarked.out'"
check "the catalogue is built beside the program" test -s "$B/locale/sv/LC_MESSAGES/rapport.mo"

# ---- the language --------------------------------------------------------
# FILE|the one error, as line:col: message|its hint (part of it)
while IFS='|' read -r file msg hint; do
    case "$file" in ''|'#'*) continue ;; esac
    $SV "$BIN" --check "tests/bad/$file" >/dev/null 2>"$T/sv.err"
    # once: no other message at that place; the hint on the line after it
    check "$file in Swedish: \"$msg\", once, with the hint" \
        sh -c "grep -c '^tests/bad/$file:${msg%%: *}: ' '$T/sv.err' | grep -qx 1 && grep -A1 -F 'tests/bad/$file:$msg' '$T/sv.err' | tail -n 1 | grep '^    tips: ' | grep -qF '$hint'"
done <<'EOF_SV'
three-mistakes.xml|6:5: fel: okänd status "uppfyllt"|menade du status="met" (Uppfyllt)?
text-in-section.xml|7:5: fel: text direkt i <section>: "Här skrev jag text direkt i avsnittet."|text står i ett stycke: skriv <p> före texten och </p> efter
contents-in-meta.xml|3:31: fel: <meta> får inte innehålla <contents>|flytta <contents> till efter </meta>
date-swedish.xml|3:31: fel: <date>20 feb 2025</date> är inte ett datum skrivet som 2025-02-20|skriv det år-månad-dag, med siffror: <date>2025-02-20</date>
ampersand.xml|4:54: fel: ett ensamt & i texten|skriv & som &amp; i text
fnref-empty.xml|4:93: fel: <fnref to=""> pekar inte på något|skriv id för fotnoten den upprepar
cell-status.xml|7:39: fel: okänd status "pågår"|menade du status="ongoing" (Pågår)?
lang-word.xml|2:1: fel: lang="svenska" är ingen språkkod|skriv lang="sv"
columns-in-characters.xml|4:111: fel: <ref to="saknas"> pekar inte på något: inget element har id="saknas"|ge elementet som den ska peka på ett id-attribut
section-without-heading.xml|5:5: fel: <section> behöver <heading>|ett avsnitt börjar med sin rubrik
status-misspelt.xml|5:5: fel: okänd status "Uppfylt"|menade du status="met" (Uppfyllt)?
wrong-nesting.xml|5:29: fel: <i> från rad 5 är inte stängd före </b>|skriv </i> där <i> från rad 5 slutar, före </b>
ampersand-word.xml|4:43: fel: ett & som inte inleder någon referens: "&omsorg"|skriv & som &amp; i text
br-not-closed.xml|4:53: fel: <br> från rad 4 är inte stängd före </p>|en radbrytning skrivs <br/>, med snedstrecket
cell-outside-row.xml|4:67: fel: <cell> står i en <row>, inte direkt i <table>|skriv varje rad med celler som <row>
heading-after-text.xml|4:12: fel: <section> börjar med sin <heading>, inte med <p>|flytta <heading>...</heading> till början av avsnittet
two-headings.xml|4:32: fel: en andra <heading> i samma <section>|en underrubrik inleder ett eget <section>
section-title-attribute.xml|4:30: fel: <section> behöver <heading>|skriv titeln som avsnittets rubrik, inte som title="...": <section><heading>Inledning</heading>
EOF_SV
check "number-with-space.xml in Swedish: a warning at the cell, with the hint" \
    sh -c "$SV '$BIN' --check tests/bad/number-with-space.xml 2>&1 | grep -A1 -F 'number-with-space.xml:8:34: varning: \"12 34,5\" i en talkolumn är inte ett tal' | grep -q '^    tips: skriv det som ett tal: 1 234,5'"
check "three-mistakes.xml in Swedish: its three errors, each once" \
    sh -c "$SV '$BIN' --check tests/bad/three-mistakes.xml 2>&1 | grep -c ': fel: ' | grep -qx 3"
check "figure-no-alt.xml in Swedish: a figure without alt is told so, not to give a src" \
    sh -c "$SV '$BIN' --check tests/bad/figure-no-alt.xml 2>&1 | grep -qF 'figure-no-alt.xml:5:5: fel: <figure> behöver alt=\"...\"'"
check "LANG=C gives English" \
    sh -c "LANG=C '$BIN' --check tests/bad/three-mistakes.xml 2>&1 | grep -qF 'three-mistakes.xml:6:5: error: unknown status \"uppfyllt\"'"
check "LC_ALL=C wins over a Swedish LANG (the order POSIX gives)" \
    sh -c "LC_ALL=C LANG=sv_SE.UTF-8 '$BIN' --check tests/bad/ampersand.xml 2>&1 | grep -qF 'error: a lone & in the text'"
check "the system's own words come in Swedish, in UTF-8: För stor fil" \
    sh -c "(ulimit -f 40; $SV '$BIN' -q -o '$T/stor.pdf' samples/verksamhetsplan-2019.xml 2>&1) | grep -qF 'kan inte skriva PDF:en: För stor fil'"
check "LC_MESSAGES=sv_SE.UTF-8 alone gives Swedish" \
    sh -c "LANG=C LC_MESSAGES=sv_SE.UTF-8 '$BIN' --check tests/bad/ampersand.xml 2>&1 | grep -qF 'fel: ett ensamt & i texten'"
check "Swedish without the sv_SE locale on this machine (as on a fresh Debian), or with it" \
    sh -c "$SV '$BIN' --check tests/bad/ampersand.xml 2>&1 | grep -qF 'tips: skriv & som &amp; i text'"
check "--help in Swedish" sh -c "$SV '$BIN' --help | grep -q '^användning: rapport \[val\] RAPPORT.xml|MAPP'"
check "a usage error in Swedish, exit 2" \
    sh -c "$SV '$BIN' --nej 2>'$T/u.err'; test \$? = 2 && grep -qx 'rapport: okänt val --nej' '$T/u.err' && grep -q 'rapport --help' '$T/u.err'"
check "the sanitizer build speaks Swedish too (its own catalogue)" \
    sh -c "test ! -x '$SAN/rapport' || $SV '$SAN/rapport' --check tests/bad/ampersand.xml 2>&1 | grep -qF 'fel: ett ensamt & i texten'"
make -s --no-print-directory install-locale DESTDIR="$T/inst" PREFIX=/usr >/dev/null 2>&1
mkdir -p "$T/inst/usr/bin" && cp "$BIN" "$T/inst/usr/bin/rapport"
check "installed, the catalogue is found beside the program (PREFIX/share/locale)" \
    sh -c "test -s '$T/inst/usr/share/locale/sv/LC_MESSAGES/rapport.mo' && RAPPORT_DATA='$PWD' $SV '$T/inst/usr/bin/rapport' --check tests/bad/ampersand.xml 2>&1 | grep -qF 'fel: ett ensamt & i texten'"

# ---- the PDF does not change with the language ----------------------------
# a real Swedish locale (decimal comma, Swedish collation), made for the
# test where this machine has none (localedef, no root needed: LOCPATH)
LOC=
mkdir -p "$T/loc"
if localedef -i sv_SE -f UTF-8 "$T/loc/sv_SE.UTF-8" >/dev/null 2>&1; then LOC=$T/loc; fi
check "with the sv_SE.UTF-8 locale installed, Swedish as well" \
    sh -c "test -n '$LOC' && LOCPATH='$LOC' LANG=sv_SE.UTF-8 '$BIN' --check tests/bad/ampersand.xml 2>&1 | grep -qF 'fel: ett ensamt & i texten'"
for s in verksamhetsberattelse-2024 delarsrapport-2022-aug; do
    LANG=C "$BIN" -q -o "$T/$s-c.pdf" "samples/$s.xml" 2>/dev/null
    $SV LC_ALL=sv_SE.UTF-8 "$BIN" -q -o "$T/$s-sv.pdf" "samples/$s.xml" 2>/dev/null
    check "$s: the same PDF bytes under LANG=C and a Swedish LANG (no such locale here)" cmp "$T/$s-c.pdf" "$T/$s-sv.pdf"
    LOCPATH=$LOC LC_ALL=sv_SE.UTF-8 "$BIN" -q -o "$T/$s-loc.pdf" "samples/$s.xml" 2>/dev/null
    check "$s: the same PDF bytes in a real sv_SE.UTF-8 locale (decimal comma)" cmp "$T/$s-c.pdf" "$T/$s-loc.pdf"
done

# ---- what was written, at a terminal ---------------------------------------
pages=$(pdfinfo "$T/verksamhetsberattelse-2024-c.pdf" | awk '/^Pages:/ { print $2 }')
script -qec "$SV '$BIN' -o '$T/tty.pdf' samples/verksamhetsberattelse-2024.xml" /dev/null >"$T/tty.out" 2>&1
check "at a terminal: \"skrev FILE, $pages sidor\"" grep -qF "skrev $T/tty.pdf, $pages sidor" "$T/tty.out"
script -qec "LANG=C '$BIN' -o '$T/tty.pdf' samples/verksamhetsberattelse-2024.xml" /dev/null >"$T/tty-en.out" 2>&1
check "... \"wrote FILE, $pages pages\" in English" grep -qF "wrote $T/tty.pdf, $pages pages" "$T/tty-en.out"
script -qec "$SV '$BIN' -q -o '$T/tty.pdf' samples/verksamhetsberattelse-2024.xml" /dev/null >"$T/tty-q.out" 2>&1
check "... nothing with -q" sh -c "! grep -q skrev '$T/tty-q.out'"
check "... nothing when the messages go to a pipe" \
    sh -c "$SV '$BIN' -o '$T/pipe.pdf' samples/verksamhetsberattelse-2024.xml 2>&1 | grep -c skrev | grep -qx 0"
# --check of a report without errors: said at a terminal (it said nothing,
# and a new user could not tell that anything was checked)
script -qec "$SV '$BIN' --check samples/verksamhetsberattelse-2024.xml" /dev/null >"$T/tty-check.out" 2>&1
check "at a terminal, --check of a report without errors says so: \"inga fel ($pages sidor)\"" \
    grep -qF "verksamhetsberattelse-2024.xml: inga fel ($pages sidor)" "$T/tty-check.out"
check "... and not to a pipe" sh -c "! $SV '$BIN' --check samples/verksamhetsberattelse-2024.xml 2>&1 | grep -q 'inga fel'"
# --since with the PDF up to date: said at a terminal (it said nothing)
script -qec "$SV '$BIN' --since -o '$T/tty.pdf' samples/verksamhetsberattelse-2024.xml" /dev/null >"$T/tty-since.out" 2>&1
check "at a terminal, --since with the PDF up to date says so" grep -qF "$T/tty.pdf är aktuell" "$T/tty-since.out"
# a Swedish message sends the reader to the handbook, never to README.md
# (the developers' page, in English): "README.md listar alla element"
check "no Swedish message points to README.md" \
    sh -c "! awk '/^msgstr/ { s = 1 } /^msgid/ { s = 0 } s' po/sv.po | grep -q README"

# a number with decimals in a Swedish message has a decimal comma
# ("kontrasten 1.2:1" was printed)
sed -e 's|name="body"      family="sans" size="11" leading="14.5" after="7" color="#1A1A1A"|name="body"      family="sans" size="11" leading="14.5" after="7" color="#EEEEEE"|' \
    -e "s|\.\./fonts/|$PWD/fonts/|g" -e "s|\"icc/|\"$PWD/layouts/icc/|" layouts/linkoping.xml >"$T/pale.xml"
check "a Swedish message writes its decimals with a comma (kontrasten 1,2:1), an English one with a point" \
    sh -c "$SV '$BIN' --check --layout '$T/pale.xml' samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'kontrasten 1,2:1 mot vitt papper' &&
           LANG=C '$BIN' --check --layout '$T/pale.xml' samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'contrast of 1.2:1 on white'"

# a message quoting a title cut short cuts it between characters ("…aaå"
# left half an "å", a byte that is no UTF-8)
t=$(printf 'a%.0s' $(seq 1 158))
printf '<report type="rapport"><meta><title>T</title></meta><p>Se <ref to="b" show="page"/>.</p><appendices><appendix id="b"><heading>%såäö</heading></appendix></appendices></report>\n' "$t" >"$T/longtitle.xml"
check "a title cut short in a message is cut between characters (valid UTF-8)" \
    sh -c "'$BIN' --check '$T/longtitle.xml' 2>&1 | grep -q 'hint: write show' && '$BIN' --check '$T/longtitle.xml' 2>&1 | iconv -f UTF-8 -t UTF-8 >/dev/null"

# a section whose text is in an element misspelt is not also said to be
# empty ("the section is empty" beside "unknown element <stycke>" sent
# a new user looking for what was missing); one with a heading alone is
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>A</heading><stycke>Text.</stycke></section><section><heading>B</heading></section></report>\n' >"$T/misspelt.xml"
check "a section holding a misspelt element is not said to be empty; a section of a heading alone is" \
    sh -c "'$BIN' --check '$T/misspelt.xml' 2>&1 | tee /dev/stderr | grep -q 'unknown element <stycke>' &&
           test \$('$BIN' --check '$T/misspelt.xml' 2>&1 | grep -c 'is empty') = 1 &&
           '$BIN' --check '$T/misspelt.xml' 2>&1 | grep -q 'the section \"B\" is empty'"

# a reference to an id no element has: an id near it is suggested only
# where it is likely meant: not "s1" for "s9" (one edit of two letters),
# not a section's id for an <fnref>, which points to footnotes (a review)
printf '<report type="rapport"><meta><title>T</title></meta><section id="s1"><heading>A</heading><p>Se <ref to="s9"/> och<fnref to="s2"/>.</p></section></report>\n' >"$T/nearid.xml"
check "no id suggested for a reference of two letters one edit away, nor a section's for an <fnref>" \
    sh -c "'$BIN' --check '$T/nearid.xml' 2>&1 | tee /dev/stderr | grep -c 'give the target an id attribute' | grep -qx 2"
# ... and thousands of references to ids no element has, in a report of
# thousands of ids, are said in linear time (each looked at every id: 8 s
# for 5 000 of each, 40 s for 10 000)
python3 -c "
print('<report type=\"rapport\"><meta><title>T</title></meta>')
for i in range(20000): print('<section id=\"avsnitt-%d\"><heading>A</heading><p>Se <ref to=\"avsnit-%d\"/>.</p></section>' % (i, i))
print('</report>')" >"$T/manyrefs.xml"
check "20 000 references to ids no element has, among 20 000 ids: said within 10 seconds" \
    sh -c "timeout 10 '$BIN' --check '$T/manyrefs.xml' >/dev/null 2>&1; test \$? = 1"

finish
