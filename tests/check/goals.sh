#!/usr/bin/env bash
# goals: the goal overview (its counts and page numbers), status markers
# and legends (in the layout's or the report's own words), a goal's
# short description
. "$(dirname "$0")/lib.sh"
need_renders
vb=$R/verksamhetsberattelse-2024
sed '0,/^    marker 0 #2E8540/s//    marker 0 #C8102E/' "$vb.trace" >"$T/wrong.trace"
check "the marker check notices a wrong colour" sh -c "! tests/markers-check '$T/wrong.trace' '$vb.pdf' '$B/pixel' 2>/dev/null >/dev/null"
x=samples/verksamhetsberattelse-2024.xml
pdftotext -layout "$(textcopy "$vb.pdf")" "$T/vb-layout.txt"
want="Uppfyllt: $(grep -o '<goal[^>]*status="met"' $x | wc -l),   Delvis uppfyllt: $(grep -o '<goal[^>]*status="partly-met"' $x | wc -l),   Ej uppfyllt: $(grep -o '<goal[^>]*status="not-met"' $x | wc -l) ($(grep -c '<goal ' $x) mål)"
check "the goal overview counts the goals of the report ($want)" grep -qF "$want" "$T/vb-layout.txt"
# the overview's rows: goal, page (as printed); each goal's name on that
# page of the trace
awk '/Nämndmål +Bedömning +Sida/ { f = 1; next } f && /\(.* mål\)/ { exit } f && / [0-9]+$/' "$T/vb-layout.txt" |
    sed 's/^ *//; s/   .*  *\([0-9]*\)$/\t\1/' >"$T/overview.tsv"
ovbad=""
while IFS=$'\t' read -r goal page; do
    trace_text "$vb.trace" "$page" | squeeze | grep -qF "$(printf '%s' "$goal" | squeeze)" || ovbad="$ovbad [$goal -> $page]"
done <"$T/overview.tsv"
check "the goal overview's $(wc -l <"$T/overview.tsv") page numbers are the goals' pages" \
    sh -c "test $(wc -l <"$T/overview.tsv") = $(grep -c '<goal ' $x) && test -z '$ovbad'"
[ -n "$ovbad" ] && echo "    wrong:$ovbad"
sed -e 's|shape="triangle" word="Delvis uppfyllt"|shape="circle" word="Delvis uppfyllt"|' -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/sameshape.xml"
check "a layout giving two goal statuses one shape is warned about" \
    sh -c "'$BIN' --check --layout '$T/sameshape.xml' samples/delarsrapport-2022-aug.xml 2>&1 | grep -q 'the same shape'"

# a legend in the report's own words: the statuses given keep their
# marker and take the words; the others keep the layout's, in its order;
# own words that do not say the status are read after its word (drawn
# unseen on the marker: a shape alone read as nothing)
cat >"$T/legend.xml" <<'XML'
<report type="delarsrapport"><meta><title>Teckenförklaring</title></meta>
<section><heading>Mål</heading>
<legend>
  <item status="not-met">Visar att nämndmålet inte uppfylls per helår</item>
  <item status="met">Visar att nämndmålet uppfylls per helår</item>
</legend>
</section></report>
XML
"$BIN" -q -o "$T/legend.pdf" --trace "$T/legend.trace" "$T/legend.xml"
check "a legend in the report's own words, in the layout's order of statuses" \
    sh -c "pdftotext -raw -f 2 -l 2 '$T/legend.pdf' - | sed -n '/^Färgsättningen indikerar:$/,/^Nämndmålet kan ej bedömas$/p' | tr -s ' ' | tr '\\n' '|' | grep -qx 'Färgsättningen indikerar:|Visar att nämndmålet uppfylls per helår|Uppfylls delvis per helår|Uppfylls ej per helår: Visar att nämndmålet inte uppfylls per helår|Nämndmålet kan ej bedömas|'"
check "... each with its marker" sh -c "test \$(grep -c '^ *marker' '$T/legend.trace') = 4"

# a goal's short description: under its name, where the name's text
# begins (after the marker), kept with it
cat >"$T/goaldesc.xml" <<'XML'
<report><meta><title>Mål</title></meta>
<section><heading>Uppföljning av mål</heading>
<goal status="partly-met">
  <heading>Nämndmål: Goda arbetsplatser</heading>
  <description>Nämnden ska vara en attraktiv arbetsgivare.</description>
  <p>Sjukfrånvaron har ökat.</p>
</goal>
<goal><heading>Nämndmål: Utan status</heading><description>Kort beskrivning.</description></goal>
</section></report>
XML
"$BIN" -q -o "$T/goaldesc.pdf" --trace "$T/goaldesc.trace" "$T/goaldesc.xml"
check "a goal's description stands under its name, before its text" \
    sh -c "pdftotext -raw -f 2 -l 2 '$T/goaldesc.pdf' - | tr '\\n' '|' | grep -q '|Nämndmål: Goda arbetsplatser – Delvis uppfyllt|Nämnden ska vara en attraktiv arbetsgivare.|Sjukfrånvaron har ökat.|Nämndmål: Utan status|Kort beskrivning.|'"
check "... aligned with the name's text, after the marker or without one" \
    sh -c "awk '/ text .* Nämndmål: Goda/{a=\$2} / text .* Nämnden ska/{b=\$2} / text .* Nämndmål: Utan/{c=\$2} / text .* Kort beskrivning/{d=\$2} END{exit !(a != \"\" && a == b && c == d && a > c)}' '$T/goaldesc.trace'"
check "... and read as a paragraph (ua-check)" tests/ua-check "$T/goaldesc.pdf"
# a goal heading with a footnote: its status in words comes before the
# mark, so the heading reads whole ("... – Delvis uppfyllt", then [1])
cat >"$T/goalnote.xml" <<'XML'
<report type="rapport"><meta><title>Mål</title></meta><section><heading>Mål</heading>
<goal status="partly-met"><heading>Nämndmål: Fler flickor ska besöka fritidsgårdarna<footnote>Antaget 2024.</footnote></heading><p>Text.</p></goal>
</section></report>
XML
"$BIN" -q -o "$T/goalnote.pdf" "$T/goalnote.xml"
printf '<report type="rapport"><meta><title>Mål</title></meta><section><heading>Mål</heading><goal status="partly-met"><heading>Fler besökare<footnote>A</footnote><footnote>B</footnote></heading><p>Text.</p></goal></section></report>' >"$T/goalnotes.xml"
"$BIN" -q -o "$T/goalnotes.pdf" "$T/goalnotes.xml"
check "... two marks as well" sh -c "UA_TEXT=1 tests/ua-check '$T/goalnotes.pdf' >/dev/null"
check "a goal heading's footnote mark follows its status in words" \
    sh -c "UA_TEXT=1 tests/ua-check '$T/goalnote.pdf' >/dev/null && pdfinfo -struct-text '$T/goalnote.pdf' | grep -q 'Delvis uppfyllt\"\$'"
# the words after a status marker hang: a goal heading's second line, and
# a status cell's, stand under its first word, not under the marker
cat >"$T/hang.xml" <<'XML'
<report type="delarsrapport"><meta><title>T</title></meta><section><heading>Målområde Medborgare</heading>
<goal status="partly-met"><heading>Nämndmål: Alla elever når kunskapskraven och är behöriga till gymnasieskolan</heading>
<table><columns><column type="status"/><column/><column type="number" decimals="1" unit="%"/><column type="number" decimals="1" unit="%"/><column type="number" decimals="1" unit="%"/><column type="number" decimals="1" unit="%"/><column/></columns>
<row role="header"><cell>Mål uppnått</cell><cell>Nämndindikator</cell><cell>2023</cell><cell>2024</cell><cell>2025</cell><cell>Målvärde 2025</cell><cell>Önskad riktning</cell></row>
<row><cell status="partly-met"/><cell>Andel elever i årskurs 9 som är behöriga till yrkesprogram</cell><cell>83.2</cell><cell>84.1</cell><cell>85.6</cell><cell>88.0</cell><cell>Öka</cell></row>
</table></goal></section></report>
XML
"$BIN" -q -o "$T/hang.pdf" --trace "$T/hang.trace" "$T/hang.xml"
check "words after a status marker hang under the first: a goal heading and a cell" \
    sh -c "awk '\$1 == \"marker\" { k++; n = 0; next }
                k && \$1 == \"text\" && (n == 0 || (n == 1 && \$3 != y[k])) { x[k, n] = \$2; y[k] = \$3; n++ }
                END { exit !(k == 2 && x[1, 0] == x[1, 1] && x[2, 0] == x[2, 1]) }' '$T/hang.trace'"
# ... only where set from the left in a cell or a heading: a centred
# status keeps its marker beside its word, a paragraph that begins with
# a marker does not hang
cat >"$T/nohang.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>Ett</heading>
<table><columns><column type="status" width="30%" align="center"/><column/></columns>
<row role="header"><cell>Status</cell><cell>Mål</cell></row><row><cell status="met"/><cell>Alla elever</cell></row></table>
<p><status value="met">Uppfyllt.</status> Målet nåddes genom ett långt och ihärdigt arbete under hela året, med många insatser från förvaltningens medarbetare och från föreningslivet i kommunen, som här beskrivs i flera meningar för att texten ska räcka till flera rader.</p>
</section></report>
XML
"$BIN" -q -o "$T/nohang.pdf" --trace "$T/nohang.trace" "$T/nohang.xml"
check "a centred status keeps its marker beside its word; a paragraph does not hang" \
    sh -c "awk '\$1 == \"marker\" { k++; mx[k] = \$4; n = 0; next } k && \$1 == \"text\" && n < 2 { tx[k, n++] = \$2 }
                END { exit !(k == 2 && tx[1, 0] - mx[1] < 15 && tx[2, 1] == mx[2]) }' '$T/nohang.trace'"
# a goal's verdict (its last paragraph, of one line) never stands alone at
# the top of a page, parted from its goal (a typographer's report: the
# heading and text ended one page, "Nämndmålet bedöms: ● Uppfyllt" began
# the next)
{
    printf '<report type="delarsrapport"><meta><title>T</title></meta><section><heading>Repro</heading><p>Rad'
    for k in $(seq 1 40); do printf '<br/>rad %d' "$k"; done
    printf '</p><goal status="met"><heading>Nämndmål: Minskad klimatpåverkan från byggande</heading>'
    printf '<p>Klimatdeklarationer granskas i alla ärenden som omfattas av kravet.</p>'
    printf '<p>Nämndmålet bedöms: <status value="met"/></p></goal></section></report>\n'
} >"$T/verdict.xml"
"$BIN" -q -o "$T/verdict.pdf" --trace "$T/verdict.trace" "$T/verdict.xml"
check "a goal's verdict line is kept on the page of the line above it" \
    awk '/^page /{ p = $2 } / Klimatdeklarationer granskas/{ a = p } / Nämndmålet bedöms:/{ b = p }
         END { exit !(a != "" && a == b) }' "$T/verdict.trace"
# a goal's name that fits its line keeps it, the status going down
# whole ("... hållbart arbetsliv – / En bedömning har inte kunnat
# göras"), not a word of the name beside it ("... hållbart / arbetsliv
# – En bedömning ...")
cat >"$T/gstatus.xml" <<'XML'
<report type="verksamhetsplan"><meta><title>T</title></meta>
<section><heading>Målområde</heading>
<goal status="not-assessed"><heading>Nämndmål: Medarbetarna upplever ett hållbart arbetsliv</heading><p>Text.</p></goal>
<goal status="partly-met"><heading>Nämndmål: Äldre personer med hemtjänst ska uppleva trygghet och kontinuitet</heading><p>Text.</p></goal>
<goal status="partly-met"><heading>Nämndmål: Alla elever når kunskapskraven och är behöriga till gymnasieskolan och vidare ab</heading><p>Text.</p></goal>
</section></report>
XML
"$BIN" -q -o "$T/gstatus.pdf" --trace "$T/gstatus.trace" "$T/gstatus.xml"
check "a goal's name on its line, its status on the next, a short one too" \
    sh -c "grep -q ' Nämndmål: Medarbetarna upplever ett hållbart arbetsliv *\$' '$T/gstatus.trace' &&
           grep -q ' En bedömning har inte kunnat göras\$' '$T/gstatus.trace' &&
           grep -q ' Nämndmål: Äldre personer med hemtjänst ska uppleva trygghet och kontinuitet *\$' '$T/gstatus.trace' &&
           grep -q ' Delvis uppfyllt\$' '$T/gstatus.trace' &&
           grep -q ' Nämndmål: Alla elever når kunskapskraven och är behöriga till gymnasieskolan och vidare ab *\$' '$T/gstatus.trace' &&
           grep -q ' – Delvis uppfyllt\$' '$T/gstatus.trace'"
# a goal's name and description are its heading: they do not end a page
# with the goal's text on the next (40 lines put them at the page foot)
for n in 36 37 38 39 40 41; do
    { printf '<report type="delarsrapport"><meta><title>T</title></meta><section><heading>Målområde</heading><p>'
      k=0; while [ $k -lt $n ]; do printf 'Rad %d med utfyllnadstext.<br/>' $k; k=$((k + 1)); done
      printf 'Slut.</p><goal status="partly-met"><heading>Nämndmål: Skillnaderna i kunskapsresultat mellan skolorna ska minska</heading>'
      printf '<description>Elevernas socioekonomiska bakgrund ska ha mindre betydelse för deras resultat.</description>'
      printf '<p>Förvaltningens analys visar att arbetet med tidiga insatser, systematiskt kvalitetsarbete och kollegialt lärande ger resultat i flera skolor. Samtidigt har personalomsättningen gjort det svårt att hålla arbetet igång överallt.</p></goal></section></report>\n'
    } >"$T/gfoot$n.xml"
    "$BIN" -q -o "$T/gfoot$n.pdf" --trace "$T/gfoot$n.trace" "$T/gfoot$n.xml"
done
check "a goal's description keeps with the goal's text: no page ends with it (36 to 41 lines above)" \
    sh -c "for n in 36 37 38 39 40 41; do awk '/^page / { p++ } / Elevernas socioekonomiska/ { d = p } / Förvaltningens analys/ { t = p } END { exit !(d && d == t) }' '$T'/gfoot\$n.trace || exit 1; done"

# a goal's name of one long word that fits its line is not said to be
# split (a break tried and left set it off)
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>Mål</heading><goal status="partly-met"><heading>eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee</heading><p>Text.</p></goal></section></report>\n' >"$T/gword.xml"
check "a goal's long word that fits its line: no warning that it is split" \
    sh -c "'$BIN' --check '$T/gword.xml' 2>&1 | grep -q 'wider than the line' && exit 1 || exit 0"

finish
