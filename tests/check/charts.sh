#!/usr/bin/env bash
# charts: a sample's chart (caption, axis, ticks, months, legend), odd
# charts, series apart in grey-scale print, every category labelled in
# full, pies and donuts, value and direct labels, the legend rule, 200
# charts, long names, charts' values as tables, the largest values on an
# A6 page
. "$(dirname "$0")/lib.sh"
need_renders
d=$R/delarsrapport-2022-aug
cp=$(trace_page_of "$d.trace" 'Antal vårddyg SiS år 2018–2022')
pdftotext -layout -f "${cp:-1}" -l "${cp:-1}" "$(textcopy "$d.pdf")" "$T/chart.txt" 2>/dev/null
check "a sample chart has its caption, axis title and ticks (page ${cp:-none})" \
    sh -c "grep -q 'vårddygn' '$T/chart.txt' && grep -qE '^ *500' '$T/chart.txt' && grep -qE '^ *0 *$' '$T/chart.txt'"
check "its months run along the axis" grep -qE 'jan +feb +mar +apr +maj +jun +jul +aug +sep +okt +nov +dec' "$T/chart.txt"
check "its legend names the series" grep -qE '2018 +2019 +2020 +2021 +2022' "$T/chart.txt"
# what a screen reader's structure tree gives of a chart: its labels one
# after another with word spaces (they ran together: "0255075")
pdfinfo -struct-text "$(textcopy "$d.pdf")" >"$T/chart.struct" 2>/dev/null
check "a chart's labels read with spaces between them in the structure tree" \
    grep -qF '"0 25 50 75 100 125 Taxor och avgifter Bidrag Försäljning av verksamhet Hyror' "$T/chart.struct"
check "odd charts render (out of range, one point, zeros, negatives, 60 categories, long names, stacked)" \
    "$BIN" -o "$T/edge.pdf" tests/charts-edge.xml
check "a value outside a given axis is warned about, how many, the farthest, and what to write" \
    sh -c "'$BIN' --check tests/charts-edge.xml 2>&1 | grep -A1 -e '1 value lies below the axis. min 0 (the lowest, −40)' \
             -e '1 value lies above the axis. max 100 (the highest, 250)' | grep -c -e 'hint: write min=\"-40\" or less' -e 'hint: write max=\"250\" or more' | grep -qx 2"
check "their labels do not overlap" tests/overlap-check "$(textcopy "$T/edge.pdf")"
check "a single point is shown against zero" sh -c "pdftotext -layout '$(textcopy "$T/edge.pdf")' - | sed -n '/En punkt/,/Ensam/p' | grep -qE '^ *0 *'"
# room above the highest bar: values ending on a whole step (2 500 on steps
# of 500) do not reach the frame's top; a max the report gives is kept
room() {   # room NAME MAX-ATTRIBUTE: the chart's axis labels, one per line
    local f=$T/room-$1; shift
    printf '<report type="rapport"><meta><title>Rum</title></meta><section><heading>Rum</heading>
<chart type="bar" alt="Tre staplar"><caption>Staplar</caption><categories>a | b | c</categories><axis title="st"%s/>
<series name="S">2500 2480 1000</series></chart></section></report>\n' "$1" >"$f.xml"
    "$BIN" -q -o "$f.pdf" "$f.xml" && pdftotext -layout "$(textcopy "$f.pdf")" - | sed 's/\xc2\xa0//g' |
        grep -oE '^ *[0-9][0-9 ]*$' | tr -d ' '
}
top=$(room auto '' | sort -n | tail -1)
check "a bar of 2 500 gets an axis above 2 500 (its top: ${top:-none})" test "${top:-0}" -gt 2500
top=$(room given ' max="2500"' | sort -n | tail -1)
check "... and with max=\"2500\" the axis ends at 2 500 (${top:-none})" test "${top:-0}" = 2500
# a series written the Swedish way: decimal commas and minus signs
printf '<report type="rapport"><meta><title>S</title></meta><section><heading>S</heading>
<chart type="line" alt="Tre värden"><caption>K</caption><categories>a | b | c | d</categories>
<series name="S">41,2 −3,9 12.5 -</series></chart></section></report>\n' >"$T/sv-series.xml"
check "a series of 41,2 −3,9 12.5 - is read without a word" sh -c "'$BIN' --strict --check '$T/sv-series.xml' 2>&1 | grep -c . | grep -qx 0"
# charts in black and white (issue 22): every two series of a chart print
# apart, by grey or pattern, in their legend swatches (pdftoppm -gray)
for s in delarsrapport-2022-aug verksamhetsberattelse-2024; do
    check "$s: every chart's series differ in grey-scale print" \
        tests/swatch-check "$R/$s.trace" "$R/$s.pdf" "$B/swatches"
done
"$BIN" -q -o "$T/pie.pdf" --trace "$T/pie.trace" tests/charts-pie.xml
check "pies, donuts, hatched bars: every series and slice differs in grey-scale print" \
    tests/swatch-check "$T/pie.trace" "$T/pie.pdf" "$B/swatches"
old_palette() { sed -e 's|chart="[^"]*"|chart="#005596 #C8102E #2E8540"|' -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml; }
old_palette >"$T/greypal.xml"
check "a palette whose neighbours print as one grey is warned about, naming both colours" \
    sh -c "'$BIN' --check --layout '$T/greypal.xml' samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'greypal.xml:[0-9]*:[0-9]*: warning: chart colours 1 and 2 (#005596 and #C8102E) print as greys'"
check "the layout's own palette is not warned about" \
    sh -c "! '$BIN' --check samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'chart colours'"
check "five lines of one chart have five dashes" \
    awk '/ text .*Antal vårddyg SiS/ { at = 1 } /^  box / { at = at == 1 ? 2 : 0 }
         at == 2 && $1 == "path" && $2 > 2 { d[$5 ~ /^[0-9]/ ? "solid" : $5]++ }
         END { exit length(d) != 5 }' "$R/delarsrapport-2022-aug.trace"

# every category of every chart is labelled, in full (issue 22): its name
# is in the page text (wrapped labels joined), and no label is shortened
chart_categories() {
    tr '\n' ' ' <"$1" | grep -o '<categories>[^<]*</categories>' | sed 's|</*categories>||g' | tr '|' '\n' |
        sed 's/^ *//; s/ *$//' | grep -v '^$'
}
labels_whole() {
    local xml=$1 pdf=$2 trace=$3 miss=0
    pdftotext -raw "$(textcopy "$pdf")" - | tr '\n' ' ' | tr -s ' ' >"$T/labels.txt"
    while IFS= read -r c; do
        grep -qF -- "$c" "$T/labels.txt" || { echo "not on any page: $c"; miss=1; }
    done < <(chart_categories "$xml")
    awk '/^  box /{ fig = 0 } / tag [0-9]+ Figure/{ fig = 1 } fig && $1 == "text" && /…$/ { print "shortened: " $0; bad = 1 } END { exit bad }' "$trace" || miss=1
    return $miss
}
for s in delarsrapport-2022-aug verksamhetsberattelse-2024; do
    check "$s: every chart category ($(chart_categories samples/$s.xml | wc -l)) is labelled in full" \
        labels_whole "samples/$s.xml" "$R/$s.pdf" "$R/$s.trace"
done
check "charts-pie.xml: every category and slice is labelled in full" labels_whole tests/charts-pie.xml "$T/pie.pdf" "$T/pie.trace"
check "its labels do not overlap" tests/overlap-check "$T/pie.pdf"

# the pie of six slices, one of them 2 %: every share printed, the thin
# ones led out by a leader line, a legend of its slices
pdftotext -raw -f 2 -l 2 "$T/pie.pdf" "$T/pie.txt"
check "the pie prints each slice's share (41 27 16 9 5 2 %)" \
    sh -c "for p in 41 27 16 9 5 2; do grep -q \"^\$p.%\$\" '$T/pie.txt' || exit 1; done"
check "its thin slices have leader lines" \
    sh -c "sed -n '/^page 2/,/^page 3/p' '$T/pie.trace' | grep -c '^    path 3 #555555' | awk '{ exit \$1 < 2 }'"
check "its legend names the six slices" \
    sh -c "grep -q 'Funktionsnedsättning Äldreomsorg Barn och unga Vuxna Socialpsykiatri Nämndgemensamt' '$T/pie.txt'"
sed -e 's|data-table="no"|data-table="yes"|' -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/piedt.xml"
"$BIN" -q --layout "$T/piedt.xml" -o "$T/piedt.pdf" tests/charts-pie.xml
check "a pie's values and shares are a tagged table for screen readers (ua-check)" tests/ua-check "$T/piedt.pdf"
check "... whose rows give each slice's amount and share" \
    sh -c "pdftotext -raw '$T/piedt.pdf' - | grep -qx 'Nämndgemensamt 60 2.%'"

# the same on an A6 page: pies smaller, labels beside bars on more lines,
# still whole and apart
sed -e 's|<page width="210mm" height="297mm" top="27mm" bottom="25mm" left="25mm" right="22mm"|<page width="105mm" height="148mm" top="14mm" bottom="14mm" left="10mm" right="10mm"|' \
    -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/pie-a6.xml"
"$BIN" -q --layout "$T/pie-a6.xml" -o "$T/pie-a6.pdf" --trace "$T/pie-a6.trace" tests/charts-pie.xml
check "charts-pie.xml on an A6 page: no two labels overlap" tests/overlap-check "$T/pie-a6.pdf"
check "... every category in its text, nothing shortened" labels_whole tests/charts-pie.xml "$T/pie-a6.pdf" "$T/pie-a6.trace"

# value labels when asked (value-labels="yes"): every bar's value at its
# end, a stack's total, none on bars too narrow for them (a warning)
cat >"$T/values.xml" <<'XML'
<report><meta><title>Värden</title></meta>
<chart type="bar" alt="x" value-labels="yes"><categories>Taxor | Bidrag | Hyror</categories><series name="2021">12.1 98.5 18.3</series><series name="2022">11.8 96.2 18.9</series></chart>
<chart type="horizontal-bar" alt="x" value-labels="yes"><categories>Insatser | Barn och unga</categories><series name="2023">913 -532</series><series name="2024">876 492</series></chart>
<chart type="stacked-bar" alt="x" value-labels="yes"><categories>2022 | 2023</categories><series name="Kostnader">100 120</series><series name="Intäkter">-40 -50</series></chart>
<chart type="bar" alt="x" value-labels="yes"><categories>jan | feb | mar</categories><series name="Resultat">-12.5 30 -71.1</series></chart>
</report>
XML
"$BIN" -q -o "$T/values.pdf" "$T/values.xml"
pdftotext -raw "$T/values.pdf" "$T/values.txt"
check "value labels: each bar's value, each stack's total, printed apart" \
    sh -c "for v in 12,1 98,5 18,3 11,8 96,2 18,9 913 −532 876 492 60 70 −12,5 30,0 −71,1; do grep -qw -- \"\$v\" '$T/values.txt' || { echo \"no \$v\"; exit 1; }; done; tests/overlap-check '$T/values.pdf'"
printf '<report><meta><title>Smala</title></meta><chart type="bar" alt="x" value-labels="yes"><categories>%s</categories><series name="a">%s</series><series name="b">%s</series></chart></report>\n' \
    "$(seq -s ' | ' 1 40)" "1000000 $(seq -s ' ' 2 40)" "$(seq -s ' ' 1 40)" >"$T/narrow.xml"
check "bars too narrow for their values get none, with a warning at the chart" \
    sh -c "'$BIN' --check '$T/narrow.xml' 2>&1 | grep -q 'narrow.xml:1:[0-9]*: warning: the bars are too narrow for their values'"

# lines named at their ends when the layout asks (direct-labels="yes"):
# every series' name right of its plot, no legend, nothing overlapping
sed -e 's|direct-labels="no"|direct-labels="yes"|' -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/direct.xml"
"$BIN" -q --layout "$T/direct.xml" -o "$T/direct.pdf" --trace "$T/direct.trace" samples/delarsrapport-2022-aug.xml
check "direct labels: the five years of the SiS chart named right of its plot, in no legend" \
    awk '/ text .*Antal vårddyg SiS/ { at = 1 } /^  box / { at = at == 1 ? 2 : 0 }
         at == 2 && $1 == "rule" && $4 > 100 { right = $2 + $4 }
         at == 2 && $1 == "text" && $4 ~ /^20(18|19|20|21|22)$/ { n++; if ($2 < right) bad = 1 }
         END { exit bad || n != 5 }' "$T/direct.trace"
check "... and nothing overlaps" tests/overlap-check "$T/direct.pdf"

# one legend rule for every chart type: more than one series, or asked for
cat >"$T/legendrule.xml" <<'XML'
<report><meta><title>Teckenförklaring</title></meta>
<chart type="line" alt="x"><categories>a | b</categories><series name="Linjeserie">1 2</series></chart>
<chart type="bar" alt="x"><categories>a | b</categories><series name="Stapelserie">1 2</series></chart>
<chart type="pie" alt="x"><categories>Ensam skiva</categories><series name="Tårtserie">1</series></chart>
<chart type="donut" alt="x"><categories>Skiva A | Skiva B</categories><series name="Ringserie">1 2</series></chart>
<chart type="line" alt="x" legend="yes"><categories>a | b</categories><series name="Efterfrågad">1 2</series></chart>
<chart type="bar" alt="x" legend="no"><categories>a | b</categories><series name="Bortvald1">1 2</series><series name="Bortvald2">2 1</series></chart>
</report>
XML
"$BIN" -q -o "$T/legendrule.pdf" "$T/legendrule.xml"
check "one series (a pie: one slice) has no legend in any chart type, two have; legend=\"yes|no\" decides otherwise" \
    sh -c "t=\$(pdftotext -raw '$T/legendrule.pdf' -); for w in Linjeserie Stapelserie Tårtserie Ringserie 'Ensam skiva' Bortvald1; do echo \"\$t\" | grep -q \"\$w\" && exit 1; done; echo \"\$t\" | grep -q Efterfrågad && echo \"\$t\" | grep -q 'Skiva A Skiva B'"
"$B/gen" --pages 200 --kind charts >"$T/charts200.xml"
check "200 charts render" "$BIN" -q -o "$T/charts200.pdf" "$T/charts200.xml"
# (the lines moved together in the page's content: a layout may no
# longer set them so close)
qpdf --qdf --object-streams=disable "$R/verksamhetsplan-2019.pdf" "$T/squeezed-qdf.pdf"
sed 's/^0 -14\.5 Td\[/0 -3 Td[/' "$T/squeezed-qdf.pdf" | fix-qdf >"$T/squeezed.pdf"
check "the overlap check notices lines set on top of each other" sh -c "! tests/overlap-check '$(textcopy "$T/squeezed.pdf")' >/dev/null"

# charts with long names: every series named in the legend (on more
# rows), every category labelled (on as many lines as it needs, beside a
# horizontal bar too), nothing outside the text column
cat >"$T/longnames.xml" <<'XML'
<report><meta><title>Långa namn</title></meta>
<section><heading>Diagram</heading>
<chart type="horizontal-bar" alt="Kostnad per verksamhetsområde.">
  <categories>Verksamhetsområde funktionsnedsättning inklusive personlig assistans enligt LSS och SFB | Barn och unga | Vuxna</categories>
  <series name="Budget för verksamhetsområdet helåret 2024">10 20 30</series>
  <series name="Utfall för verksamhetsområdet januari till augusti 2024">12 18 25</series>
  <series name="Prognos för verksamhetsområdet helåret 2024 enligt delårsrapporten">11 19 31</series>
</chart>
<chart type="bar" alt="Intäkter per slag.">
  <categories>Försäljning | Taxor och avgifter | Bidrag | Hyror och arrenden i kommunens lokaler | Övriga intäkter</categories>
  <series name="2021">5 10 40 3 2</series>
  <series name="2022">6 11 42 3 1</series>
</chart>
</section></report>
XML
"$BIN" -q -o "$T/longnames.pdf" "$T/longnames.xml"
pdftotext -raw "$(textcopy "$T/longnames.pdf")" "$T/longnames.txt"
check "a legend too long for one row names every series" \
    sh -c "grep -q 'Budget för verksamhetsområdet helåret 2024' '$T/longnames.txt' && grep -q 'Utfall för verksamhetsområdet januari till augusti 2024' '$T/longnames.txt' && grep -q 'Prognos för verksamhetsområdet helåret 2024 enligt delårsrapporten' '$T/longnames.txt'"
check "every category of a bar chart is labelled, a long one on two lines" \
    sh -c "for w in Försäljning 'Taxor och avgifter' Bidrag 'Hyror och arrenden' 'kommunens lokaler' 'Övriga intäkter'; do grep -q \"\$w\" '$T/longnames.txt' || exit 1; done"
check "a label too long beside a horizontal bar is wrapped, whole, inside the margins" \
    sh -c "tr '\\n' ' ' <'$T/longnames.txt' | grep -q 'Verksamhetsområde funktionsnedsättning inklusive personlig assistans enligt LSS och SFB' && ! grep -q '…' '$T/longnames.txt' && tests/overlap-check '$T/longnames.pdf'"
check "... and no word of it lies outside the text column" margins_ok "$T/longnames.pdf" 2

# a layout may ask for each chart's values as a table under it
sed -e 's|data-table="no"|data-table="yes"|' -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/datatable.xml"
"$BIN" -q --layout "$T/datatable.xml" -o "$T/dt.pdf" samples/verksamhetsberattelse-2024.xml
ncharts=$(grep -c '<chart ' samples/verksamhetsberattelse-2024.xml)
check "with <charts data-table=\"yes\"/>, every chart ($ncharts) gets a table of its values" \
    sh -c "test \$(pdftotext '$(textcopy "$T/dt.pdf")' - | grep -c '^Diagrammets värden') = $ncharts"
first=$(sed -n '/<chart /,/<\/chart>/p' samples/verksamhetsberattelse-2024.xml | grep -m1 '<series' | sed 's|.*>\(.*\)</series>.*|\1|' | awk '{ print $1 }')
check "the first chart's table shows its first value ($first) in its first row" \
    sh -c "pdftotext -layout '$T/dt.text.pdf' - | sed -n '/Diagrammets värden/,\$p' | grep -m1 -E '^ *[a-zåäö]+ ' | grep -qw '$first'"
check "the tables are tagged, with their headers" tests/ua-check "$T/dt.pdf"
sed 's|data-table="no"|data-table="ja"|' layouts/linkoping.xml >"$T/dtbad.xml"
check "data-table=\"ja\" is an error that names yes and no" \
    sh -c "'$BIN' --check --layout '$T/dtbad.xml' samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'data-table=\"ja\" must be yes or no'"

# charts with the largest values a chart takes, on an A6 page: every
# number, title and name stays inside the margins
cat >"$T/bigvals.xml" <<'EOF'
<report><meta><title>Stora tal</title></meta>
<chart type="bar" alt="Stora värden."><categories>a | b</categories><axis decimals="6"/><series name="Kronor">999999999999999 -999999999999999</series></chart>
<chart type="horizontal-bar" alt="Stora värden."><categories>a | b</categories><axis decimals="6"/><series name="Kronor">999999999999999 -999999999999999</series></chart>
<chart type="line" alt="En lång titel."><categories>a | b</categories><axis title="En mycket lång axeltitel som inte får plats på en sida av A6-format, inte ens på två rader, så den måste bli mindre" decimals="2"/><series name="En serie med ett namn som är längre än hela textbredden på en liten sida i A6-format, det vill säga mycket långt">1 999999999999999</series></chart>
</report>
EOF
a6_layout "$T/tiny.xml"
check "charts of values up to 10^15 on an A6 page render" "$BIN" -q --layout "$T/tiny.xml" -o "$T/bigvals.pdf" "$T/bigvals.xml"
pdftotext -bbox "$(textcopy "$T/bigvals.pdf")" "$T/bigvals.html" 2>/dev/null
check "... with every number and name inside the page's margins" awk -F'"' '
    /<page / { page++ }
    /<word / && page > 1 { if ($2 + 0 < 27.5 || $6 + 0 > 270.5 || $8 + 0 > 405) { print "page " page ": " $0; bad = 1 } }
    END { exit bad }' "$T/bigvals.html"
# an axis with a unit and no title says the unit over the values: it was
# said nowhere ("<axis unit=\"mnkr\"/>" printed bare numbers)
cat >"$T/unit.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>Diagram</heading>
<chart type="bar" alt="Nettokostnad per verksamhet 2024."><caption>Nettokostnad 2024</caption>
<categories>Bibliotek | Fritidsgårdar</categories><axis unit="mnkr"/><series name="Nettokostnad">62.4 41.3</series></chart>
<chart type="horizontal-bar" alt="Bidrag per förening."><caption>Bidrag</caption>
<categories>Förening A | Förening B</categories><axis unit="kr"/><series name="Bidrag">12000 8000</series></chart>
</section></report>
XML
"$BIN" -q -o "$T/unit.pdf" --trace "$T/unit.trace" "$T/unit.xml"
check "an axis's unit without a title is printed over the values: mnkr, kr" \
    sh -c "grep -qE '^ *text [0-9.]+ [0-9.]+ mnkr\$' '$T/unit.trace' && grep -qE '^ *text [0-9.]+ [0-9.]+ kr\$' '$T/unit.trace'"
check "... under a bar chart's scale at its right, where the categories are not: kr" \
    awk '$1 == "text" && $4 == "kr" && $5 == "" { x = $2; y = $3 } $1 == "text" && $4 == "0" && $2 > 100 { t = $3 }
         END { exit !(x > 400 && t && y > t) }' "$T/unit.trace"
# a pie's labels at one precision: a share under 10 % takes a decimal,
# and then every share of the pie does ("8,3 %" beside "31 %" before)
cat >"$T/shares.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta><section><heading>Diagram</heading>
<chart type="pie" alt="Fördelning av ärenden."><caption>Ärenden</caption>
<categories>A | B | C | D</categories><series name="Ärenden">1250 2310 340 610</series></chart>
</section></report>
XML
"$BIN" -q -o "$T/shares.pdf" --trace "$T/shares.trace" "$T/shares.xml"
check "a pie's shares are labelled at one precision: 27,7 %, 51,2 %, 7,5 %, 13,5 %" \
    sh -c "for v in 27,7 51,2 7,5 13,5; do grep -qE \"^ *text [0-9.]+ [0-9.]+ \$v.%\\$\" '$T/shares.trace' || exit 1; done"
# a paragraph that ends in a colon stays with the chart it introduces
# ("... fördelar sig så här:" was left at a page's foot)
{
    echo '<report type="rapport"><meta><title>T</title></meta>'
    for k in $(seq 1 10); do echo '<p>Avgiftsintäkterna uppgick till 14,6 mnkr, vilket är 1,3 mnkr mer än budgeterat. Timavgiften för tillsynen enligt miljöbalken är 1 320 kr/tim och har inte ändrats sedan förra året, men antalet debiterade timmar har ökat något.</p>'; done
    echo '<p>Intäkterna fördelar sig så här:</p><chart type="pie" alt="Avgiftsintäkter per område."><caption>Avgiftsintäkter per område</caption><categories>Bygglov | Miljötillsyn | Livsmedelskontroll</categories><series name="Andel">54 32 14</series></chart></report>'
} >"$T/colon.xml"
"$BIN" -q -o "$T/colon.pdf" --trace "$T/colon.trace" "$T/colon.xml"
check "a paragraph that ends in a colon is on the page of the chart it introduces" \
    awk '/^page/ { p = $2 } / så här:$/ { a = p } / Avgiftsintäkter per område$/ { b = p } END { exit !(a && a == b) }' "$T/colon.trace"
# a line chart's dashes, left to rapport: this year's line (the latest
# year, where the series are named by years) solid, a series the report
# asks dashed the plain dash, the others long dashes, no dots (this year's
# outcome was dotted, as a forecast is drawn, and the budget dash-dot)
cat >"$T/years.xml" <<'XML'
<report type="delarsrapport"><meta><title>T</title></meta><section><heading>H</heading>
<chart type="line" alt="Intäkter per månad."><caption>Intäkter per månad, tkr</caption>
<categories>jan | feb | mar | apr</categories>
<series name="2024">2150 2380 2910 2760</series><series name="2025">1980 2120 2450 2310</series>
<series name="2026">1620 1710 1890 1820</series><series name="Budget 2026" line="dashed">2100 2200 2500 2400</series>
</chart></section></report>
XML
"$BIN" -q -o "$T/years.pdf" --trace "$T/years.trace" "$T/years.xml"
check "a line chart's latest year is solid, the budget asked dashed is the plain dash, no line dotted" \
    awk '$1 == "path" && $2 == 4 { n++; d[$3] = ($5 ~ /^[a-z]/ ? $5 : "solid") }
         END { exit !(n == 4 && d["#C8102E"] == "solid" && d["#5B9BD5"] == "dashed" && d["#005596"] != "dotted" &&
                      d["#E0A800"] != "dotted" && d["#005596"] != "solid") }' "$T/years.trace"
# ... also where the years stand in longer names, and a budget or
# forecast left to rapport is dashed ("Utfall 2026" solid, "Budget 2026"
# dashed; the older outcome stayed solid)
cat >"$T/years2.xml" <<'XML'
<report type="delarsrapport"><meta><title>T</title></meta><section><heading>H</heading>
<chart type="line" alt="Intäkter."><caption>Intäkter, tkr</caption><categories>jan | feb | mar</categories>
<series name="Utfall 2025">10 12 14</series><series name="Utfall 2026">9 11 13</series><series name="Budget 2026">11 12 13</series>
</chart></section></report>
XML
"$BIN" -q -o "$T/years2.pdf" --trace "$T/years2.trace" "$T/years2.xml"
check "... also in longer names: Utfall 2026 solid, Budget 2026 dashed" \
    awk '$1 == "path" && $2 == 3 { d[++n] = ($5 ~ /^[a-z]/ ? $5 : "solid") }
         END { exit !(n == 3 && d[2] == "solid" && d[3] == "dashed" && d[1] != "solid") }' "$T/years2.trace"
# ... an outcome before a later year's budget, and "plan" only as a word
# ("Upplands Väsby" is no plan)
printf '<report type="rapport"><meta><title>T</title></meta><chart type="line" alt="x"><caption>C</caption><categories>a | b</categories><series name="Utfall 2025">1 2</series><series name="Budget 2026">2 3</series></chart><chart type="line" alt="y"><caption>D</caption><categories>a | b</categories><series name="Upplands Väsby">1 2</series><series name="Riket">2 3</series></chart></report>\n' >"$T/years3.xml"
"$BIN" -q -o "$T/years3.pdf" --trace "$T/years3.trace" "$T/years3.xml"
check "... an outcome solid before a later year's budget; Upplands Väsby is no plan" \
    awk '$1 == "path" && $2 == 2 && !seen[$3 FS NR] { d[++n] = ($5 ~ /^[a-z]/ ? $5 : "solid") }
         END { exit !(d[1] == "solid" && d[2] == "dashed" && d[5] == "solid") }' "$T/years3.trace"
# values that are no numbers ("NaN inf") are said so, not taken for "-"
# ("the chart has no values (every one is "-")" came first, and false)
printf '<report type="rapport"><meta><title>T</title></meta><chart type="bar" alt="a"><categories>a|b</categories><series name="s">NaN inf</series></chart></report>\n' >"$T/nan.xml"
check "a chart of values that are no numbers: said so, and not that every one is \"-\"" \
    sh -c "! '$BIN' --check '$T/nan.xml' 2>'$T/nan.err'; grep -q 'are not numbers' '$T/nan.err' && ! grep -q 'every one is' '$T/nan.err'"

# the values of a group's bars stand a word space apart at least (the
# labels as wide as the bars touched: "1 187,41 221,8")
printf '<report type="rapport"><meta><title>T</title></meta><chart type="bar" alt="Kostnader" value-labels="yes"><categories>Personal | Lokaler | Skolskjuts | Måltider | Ersättning fristående | Tilläggsbelopp | Övrigt</categories><axis unit="mnkr" min="0" max="1400" step="200"/><series name="2024">1187.4 262.1 48.3 96.7 611.9 88.2 74.5</series><series name="2025">1221.8 270.6 57.9 99.1 633.0 104.1 70.2</series></chart></report>\n' >"$T/vlabels.xml"
check "a group's value labels stand apart (1 187,4 and 1 221,8 two points apart at least)" \
    sh -c "'$BIN' -q -o '$T/vlabels.pdf' '$T/vlabels.xml' && pdftotext -bbox '$T/vlabels.pdf' - | sed 's/\xc2\xa0/_/g' |
           awk -F'\"' '/>1_187,4</ { a = \$6 } />1_221,8</ && a && !b && \$2 > a { b = \$2 } END { exit !(a && b && b - a >= 2) }'"

# a chart's table of values stays under it whole, wherever the chart
# falls (a short table's split, for a page left less empty, split it:
# a review), and its widths, rapport's own, get no warning of a width given
dtsplit() {
    for n in $(seq 1 2 45); do
        {
            printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading>'
            for _ in $(seq 1 "$n"); do printf '<p>Nämnden har följt upp verksamheten under året och redovisar här utfallet.</p>'; done
            printf '<chart type="bar" alt="Tolv staplar"><caption>Besök per månad</caption><categories>jan | feb | mar | apr | maj | jun | jul | aug | sep | okt | nov | dec</categories><axis title="Antal"/>'
            printf '<series name="Samhällsbyggnadsförvaltningen">1 2 3 4 5 6 7 8 9 10 11 12</series><series name="Kultur- och fritidsförvaltningen">2 3 4 5 6 7 8 9 10 11 12 13</series></chart>'
            printf '</section></report>\n'
        } >"$T/dtsplit.xml"
        "$BIN" -q --layout "$T/datatable.xml" -o "$T/dtsplit.pdf" --trace "$T/dtsplit.trace" "$T/dtsplit.xml" 2>"$T/dtsplit.err" || return 1
        if grep -q '(forts\.)' "$T/dtsplit.trace" || grep -q 'is given' "$T/dtsplit.err"; then
            echo "split or warned after $n paragraphs"; return 1
        fi
    done
}
check "a chart's table of values is never split from it, nor warned of a width given" dtsplit
# a value label stands on a ground of the page's white, so the grid line
# at 1 250 does not run through "1 168,5" (a typographer)
printf '<report type="rapport"><meta><title>T</title></meta><chart type="horizontal-bar" value-labels="yes" alt="Kostnader."><caption>K</caption><categories>A | B | C</categories><axis unit="mnkr" min="0"/><series name="B">1168.5 1021.8 146.3</series></chart></report>\n' >"$T/gridlabel.xml"
"$BIN" -q -o "$T/gridlabel.pdf" --trace "$T/gridlabel.trace" "$T/gridlabel.xml"
check "a bar's value label stands on white, over the grid line through it" \
    awk '/^ *rect .* #FFFFFF fill$/ { n++; x[n] = $2; w[n] = $4 }
         /^ *text [0-9.]+ [0-9.]+ 1[^0-9]+168,5$/ { tx = $2 }
         END { for (i = 1; i <= n; i++) if (x[i] <= tx && x[i] + w[i] > tx + 20) ok = 1; exit !(n == 3 && ok) }' "$T/gridlabel.trace"
finish
