#!/usr/bin/env bash
# typography: Swedish quotes, en dashes and minus signs for the straight
# characters written (<typography> in the layout); codes, dates and years
# stay as written
. "$(dirname "$0")/lib.sh"
need_renders
for s in $SAMPLES; do
    # a line never ends with an opening bracket, though a report have a
    # space after "(" (UAX #14; the plan's "erhåller arbete ( socialpsykiatri)"
    # broke after its "(")
    check "$s: no line ends with ( or [" sh -c "! grep -E '^ +text [0-9.]+ [0-9.]+ .*[([]\$' '$R/$s.trace'"
    pdftotext "$(textcopy "$R/$s.pdf")" "$T/$s.txt" 2>/dev/null
    check "$s: no straight quote is printed" sh -c "! grep -n \"[\\\"']\" '$T/$s.txt'"
done
check "the samples' straight quotes print as ” and ’" sh -c "grep -q '”gröna” resultat' '$T/verksamhetsplan-2019.txt' &&
    grep -q 'två ’våldsbud’ på' '$T/verksamhetsberattelse-2024.txt'"
check "a spaced hyphen prints as a spaced en dash, bound to the word before" \
    grep -q $'Privata utförare\xc2\xa0– Barn och Unga$' "$R/verksamhetsberattelse-2024.trace"
check "a range prints with an en dash: 2018–2022" grep -qF 'Antal vårddyg SiS år 2018–2022' "$R/delarsrapport-2022-aug.trace"
check "... and 16–20 år" grep -qF 'åldersgruppen 16–20'$'\xc2\xa0''år' "$R/delarsrapport-2022-aug.trace"
check "a minus in running text is U+2212: minus −71,1 mnkr" \
    grep -qF 'blev minus −71,1'$'\xc2\xa0''mnkr' "$R/verksamhetsberattelse-2024.trace"
check "a date and a diarienummer stay as written, a decision's body kept with its date" grep -qF 'KS'$'\xc2\xa0''2024-04-06 §106 (dnr'$'\xc2\xa0''2024-421)' "$R/verksamhetsberattelse-2024.trace"
check "a year ht -18 stays as written" grep -qF 'påbörjas ht -18 och' "$R/verksamhetsplan-2019.trace"
nb=$'\xc2\xa0'
check "a year Aug -22 stays as written, and is no digit group of the 100% after it" \
    sh -c "grep -q ' Aug -22\$' '$R/delarsrapport-2022-aug.trace' && ! grep -qF 'Aug -22${nb}100%' '$R/delarsrapport-2022-aug.trace'"
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><p>Kostnaden blev 50-100 000 kr för hela året.</p></section></report>' >"$T/range.xml"
check "a range with a hyphen keeps its digit groups: 50-100 000 kr" \
    sh -c "'$BIN' -q --trace '$T/range.trace' -o '$T/range.pdf' '$T/range.xml' && grep -qF '50-100${nb}000${nb}kr' '$T/range.trace'"
check "a day stays with its month: 1 feb 2025, 15 augusti" \
    sh -c "grep -qF ' 1${nb}feb${nb}2025' '$R/verksamhetsberattelse-2024.trace' &&
           grep -qF 'startade 15${nb}augusti' '$R/delarsrapport-2022-aug.trace' && ! grep -q 'från 1\$' '$R/verksamhetsberattelse-2024.trace'"
cat >"$T/typo.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<report type="rapport">
  <meta><title>Typografi</title><organisation>Testnämnden</organisation></meta>
  <section>
    <heading>Citat "i rubriken" - och tankstreck</heading>
    <p><b>"Viktigt</b>" sa hon om Linköping's 'våldsbud'.</p>
    <p>Privata utförare - Barn och Unga, åren 2018-2022, kl. 08.00-17.00, 1-3 st, resultatet minus -71,1 mnkr, -5 % och (-12).</p>
    <p>Beslut i KS 2024-03-01 (dnr 2024-421), SON 2023-0123, tel. 013-20 60 00, ht -18.</p>
  </section>
</report>
XML
cp "$T/typo.xml" "$T/typo-before.xml"
check "a report with straight quotes and hyphens renders" "$BIN" -q -o "$T/typo.pdf" --trace "$T/typo.trace" "$T/typo.xml"
check "the report itself is not changed" cmp "$T/typo.xml" "$T/typo-before.xml"
for want in '”Viktigt' '” sa hon om Linköping’s ’våldsbud’.' 'Citat ”i rubriken”'$'\xc2\xa0''– och tankstreck' \
            'Privata utförare'$'\xc2\xa0''– Barn' '2018–2022, kl.'$'\xc2\xa0''08.00–17.00, 1–3'$'\xc2\xa0''st' \
            '−71,1'$'\xc2\xa0''mnkr, −5'$'\xc2\xa0''% och (−12).' \
            'KS'$'\xc2\xa0''2024-03-01 (dnr'$'\xc2\xa0''2024-421), SON 2023-0123, tel. 013-20' 'ht -18.'; do
    check "it prints $want" grep -qF -- "$want" "$T/typo.trace"
done
pdfinfo -struct-text "$(textcopy "$T/typo.pdf")" >"$T/typo.struct" 2>/dev/null
check "a screen reader gets every sentence of it" "$B/sentences" "$T/typo.xml" "$T/typo.struct"
sed -e 's|<typography quotes="swedish" dashes="on"/>|<typography quotes="off" dashes="off"/>|' \
    -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/typo-off.xml"
check "with <typography quotes=\"off\" dashes=\"off\"/> it renders" \
    "$BIN" -q --layout "$T/typo-off.xml" -o "$T/typo-off.pdf" --trace "$T/typo-off.trace" "$T/typo.xml"
for want in '"Viktigt' "\" sa hon om Linköping's 'våldsbud'." 'Citat "i rubriken" - och' 'Privata utförare - Barn' \
            '2018-2022, kl.'$'\xc2\xa0''08.00-17.00, 1-3' '-71,1'; do
    check "... it prints $want as written" grep -qF -- "$want" "$T/typo-off.trace"
done
check "... and no ” ’ – −" sh -c "! grep -nE '^ *text .*(”|’|–|−)' '$T/typo-off.trace'"
sed -e 's|<typography quotes="swedish" dashes="on"/>|<typography quotes="off"/>|' \
    -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/typo-quotes-off.xml"
"$BIN" -q --layout "$T/typo-quotes-off.xml" -o "$T/typo-q.pdf" --trace "$T/typo-q.trace" "$T/typo.xml"
check "quotes=\"off\" alone keeps the quotes straight and the dashes" \
    sh -c "grep -qF '\"Viktigt' '$T/typo-q.trace' && grep -qF '2018–2022' '$T/typo-q.trace'"
sed -e 's|<typography quotes="swedish" dashes="on"/>|<typography quotes="english" dashes="yes" hyphens="on"/>|' \
    layouts/linkoping.xml >"$T/typo-bad.xml"
"$BIN" --check --layout "$T/typo-bad.xml" "$T/typo.xml" 2>"$T/typo-bad.err"
check "a layout with a wrong typography value is refused" test $? = 1
tl=$(grep -n '<typography' layouts/linkoping.xml | cut -d: -f1)   # the line of <typography>
for want in ":$tl:3: error: quotes=\"english\" must be swedish or off" ":$tl:3: error: dashes=\"yes\" must be on or off" \
            ":$tl:3: error: <typography> has no attribute \"hyphens\""; do
    check "the layout error $want" grep -qF -- "typo-bad.xml$want" "$T/typo-bad.err"
done
# a month and its year stay on one line in running text: a list item left
# "2025." alone ("Ecos den 30 september / 2025."); in a table's cell they
# may part, where the column needs it (tests/unit/bind.c)
printf '<report type="rapport"><meta><title>T</title></meta><list type="number"><item><b>Registrerade objekt.</b> Uppgifterna har hämtats ur ärendehanteringssystemet Ecos den 30 september 2025.</item></list></report>' >"$T/monthyear.xml"
"$BIN" -q -o "$T/monthyear.pdf" --trace "$T/monthyear.trace" "$T/monthyear.xml"
check "a month and its year stay on one line: 30 september 2025." grep -q ' 30.september.2025\.$' "$T/monthyear.trace"
# a heading's line does not end in a small word: "Tillsynsfrekvens per /
# riskklass", "analys av / ekonomi", "mål med / nämndmål" broke so
cat >"$T/weak.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta>
<section><heading>Samlad bedömning och analys av ekonomi, verksamhet och personal</heading><p>Text.</p></section>
<section><heading>Kommunövergripande mål med nämndmål och nämndindikatorer</heading><p>Text.</p></section>
<appendices numbering="yes"><appendix><heading>Tillsynsfrekvens per riskklass och verksamhetskategori</heading><p>Text.</p></appendix></appendices>
</report>
XML
"$BIN" -q -o "$T/weak.pdf" --trace "$T/weak.trace" "$T/weak.xml"
check "a heading's line does not end in a small word (per, av, med, och)" \
    sh -c "[ \$(awk '/^ *tag /{ h = \$3 ~ /^H[1-6]\$/ } h && /^ *text /' '$T/weak.trace' | wc -l) -ge 6 ] &&
           ! awk '/^ *tag /{ h = \$3 ~ /^H[1-6]\$/ } h && /^ *text /' '$T/weak.trace' | grep -qE ' (per|av|med|och)\$'"
check "... and reads with its space where it breaks before one: analys av ekonomi" \
    sh -c "pdfinfo -struct-text '$T/weak.pdf' | grep -q 'analys av ekonomi'"
# a list in a list item follows its text as the items do each other, and
# the next item follows it so (they were a paragraph's space apart, 4 pt
# more); its bullets are dashes, as a second level's are
cat >"$T/nested.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading>
<list><item>förtätning i befintliga villaområden;</item>
<item><p>kollektivtrafikförsörjning till nya bostadsområden, med</p>
<list><item>önskemål om spårväg eller snabbusslinjer,</item><item>oro för ökad biltrafik;</item></list></item>
<item>klimatanpassning och skyfallshantering.</item></list></section></report>
XML
"$BIN" -q -o "$T/nested.pdf" --trace "$T/nested.trace" "$T/nested.xml"
check "a nested list is set as tight as its items, with dashes for bullets" \
    awk '$1 == "text" && ($4 == "•" || $4 == "–") { y[++n] = $3; b[n] = $4 }
         END { if (n != 5) exit 1; for (k = 2; k <= n; k++) if (y[k] - y[k - 1] != y[2] - y[1]) exit 1;
               exit !(b[3] == "–" && b[4] == "–" && b[5] == "•") }' "$T/nested.trace"
# a heading takes a line more rather than end one in a small word ("...
# gymnasieskola och / gymnasiesärskoleutbildning ..."), and no line ends
# in a compound's part written out for the next ("kultur- / och
# fritidsnämndens" read as "kulturoch"): in a heading never, in running
# text where it leaves no hole (a typographer)
cat >"$T/joins.xml" <<'XML'
<report type="internbudget"><meta><title>T</title></meta>
<section><heading>Anpassad gymnasieskola och gymnasiesärskoleutbildning under övergångsperioden</heading>
<p>Kultur- och fritidsnämnden ansvarar för kommunens kultur- och fritidsverksamhet, bibliotek, kulturskola, fritidsgårdar och idrottsanläggningar samt för stöd till föreningslivet. Nämnden ska verka för att alla linköpingsbor, oavsett ålder, bakgrund och funktionsförmåga, ska ha tillgång till ett rikt kultur- och fritidsutbud.</p></section>
<appendices><appendix label="Bilaga 1"><heading>Taxor och avgifter för kultur- och fritidsnämndens verksamheter 2026</heading><p>Taxorna gäller från den 1 januari 2026.</p></appendix></appendices>
</report>
XML
"$BIN" -q -o "$T/joins.pdf" --trace "$T/joins.trace" "$T/joins.xml"
check "a heading's line ends in no small word: Anpassad gymnasieskola / och gymnasiesärskoleutbildning / ..." \
    sh -c "grep -q ' Anpassad gymnasieskola\$' '$T/joins.trace' && ! grep -q ' gymnasieskola och\$' '$T/joins.trace'"
check "no line ends in a compound's part written out for the next: kultur- och, in text and in a heading" \
    sh -c "! grep -qE ' kultur-\$' '$T/joins.trace' && grep -q 'kultur- och fritidsnämndens verksamheter 2026\$' '$T/joins.trace'"
# nor in a table's cell, where a line more is all it saves: "studie- /
# och yrkesvägledning" read "studieoch" (a typographer)
cat >"$T/joins-cell.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta>
<table><columns><column width="22%"/><column type="number" decimals="0"/><column type="number" decimals="0"/>
<column type="number" decimals="0"/><column type="number" decimals="0"/><column type="number" decimals="0"/><column type="number" decimals="0"/></columns>
<row role="header"><cell>Verksamhet</cell><cell>Budget 2025</cell><cell>Prognos 2025</cell><cell>Utfall 2025</cell><cell>Avvikelse</cell><cell>Budget 2026</cell><cell>Förändring</cell></row>
<row><cell>Elevhälsa och studie- och yrkesvägledning i gymnasieskolan</cell><cell>41250</cell><cell>41392</cell><cell>34482</cell><cell>-142</cell><cell>41400</cell><cell>150</cell></row>
</table></report>
XML
"$BIN" -q -o "$T/joins-cell.pdf" --trace "$T/joins-cell.trace" "$T/joins-cell.xml"
check "no line of a cell ends in a compound's part written out for the next: studie- och" \
    sh -c "grep -q ' studie- och' '$T/joins-cell.trace' && ! grep -qE ' studie-\$' '$T/joins-cell.trace'"
# a number with a slash is not broken at it: "förordningen 2016/" over
# "679 artikel 28" in a narrow cell (a typographer), nor "2024/25"
cat >"$T/slash.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>Test</heading>
<table><columns><column width="30mm"/><column/></columns>
<row role="header"><cell>Regelverk</cell><cell>Kommentar</cell></row>
<row><cell>Dataskyddsförordningen 2016/679 artikel 28</cell><cell>Förordningens nummer.</cell></row>
<row><cell>Skolplanen för läsåret 2024/25 och senare</cell><cell>Läsåret.</cell></row>
</table></section></report>
XML
"$BIN" -q -o "$T/slash.pdf" --trace "$T/slash.trace" "$T/slash.xml"
check "a number with a slash stays whole: 2016/679, 2024/25" \
    sh -c "grep -q ' 2016/679' '$T/slash.trace' && grep -q ' 2024/25' '$T/slash.trace' && ! grep -qE ' 20(16|24)/\$' '$T/slash.trace'"
finish
