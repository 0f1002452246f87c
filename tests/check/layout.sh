#!/usr/bin/env bash
# layout: a layout's values read strictly, its warnings where they belong,
# its structure checked against src/parse/layout.rng, colours given once
# (accent)
. "$(dirname "$0")/lib.sh"
need_renders

# a layout's values are read strictly: colours #RRGGBB, lengths a decimal
# number and a unit, font sizes a PDF can set, each an error at its place
sed -e 's|top="27mm"|top="0x100mm"|' -e 's|accent="#005596"|accent="#-FFFFF"|' -e 's|rule="#005596"|rule="#0x1234"|' \
    -e 's|chart="#005596 |chart="#005596 #123456 |' -e 's|name="body"      family="sans" size="11"|name="body"      family="sans" size="0"|' \
    -e 's|<spacing list-indent="6mm"|<spacing list-indent="1e3mm"|' -e 's|left="3" right="3"|left="x" right="3"|' \
    -e 's|name="h1"        family="sans" weight="bold" size="20" leading="24"|name="h1"        family="sans" weight="bold" size="20" leading="0"|' \
    -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/badvalues.xml"
"$BIN" --check --layout "$T/badvalues.xml" samples/verksamhetsplan-2019.xml 2>"$T/badvalues.err"
check "a layout with wrong values is refused" test $? = 1
for want in ':17:3: error: top="0x100mm" is not a length' ':31:3: error: accent="#-FFFFF" is not a colour' \
            ':31:3: error: rule="#0x1234" is not a colour' ':31:3: error: chart="..." names more than 8 colours' \
            ':36:3: error: list-indent="1e3mm" is not a length' ':40:3: error: size="0" is not a font size rapport can set' \
            ':29:3: error: left="x" is not a number of letters from 1 to 9' \
            ':41:3: error: leading="0" puts the lines of this 20 pt text over each other'; do
    check "the layout error $want" grep -qF -- "badvalues.xml$want" "$T/badvalues.err"
done

# a layout's warnings stand at the element they are about
sed -e 's|color="#F2C200" shape="triangle"|color="#F2C200" shape="circle"|' \
    -e 's|name="body"      family="sans" size="11" leading="14.5" after="7" color="#1A1A1A"|name="body"      family="sans" size="11" leading="14.5" after="7" color="#EEEEEE"|' \
    -e 's|dictionary="hyph_sv_SE"|dictionary="hyph_xx_XX"|' -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/warnings.xml"
"$BIN" --check --layout "$T/warnings.xml" samples/verksamhetsplan-2019.xml 2>"$T/warnings.err"
sl=$(grep -n '<status name="partly-met"' layouts/linkoping.xml | cut -d: -f1)   # the second of the two
for want in ":$sl:3: warning: statuses \"met\" and \"partly-met\" have the same shape" \
            ':40:3: warning: the text colour of style "body" has a contrast of' ':29:3: warning: hyphenation dictionary'; do
    check "the layout warning $want" grep -qF -- "warnings.xml$want" "$T/warnings.err"
done
check "... a dictionary's name mistyped: the hint names the dictionaries there" \
    grep -qE '^    hint: the dictionaries there: (.*, )?hyph_sv_SE[,;]' "$T/warnings.err"
# ... in every report of a batch: a layout read with warnings is not kept
# for the batch's reports to share (a clean one is); each report reads it
# and has its warnings, which the batch says once
mkdir -p "$T/two"
for n in 1 2; do
    printf '<report type="rapport"><meta><title>Rapport %s</title></meta><section><heading>Del</heading><p>Text.</p></section></report>\n' \
        "$n" >"$T/two/r$n.xml"
done
"$BIN" --check -j 2 --layout "$T/warnings.xml" "$T/two" 2>"$T/two.err"
check "a batch in a layout with 4 warnings: each report has them (8), said once" \
    sh -c "grep -q '2 checked, 0 failed, 0 up to date, 8 warnings' '$T/two.err' &&
           test \$(grep -c 'warnings.xml:40:3: warning: the text colour of style \"body\"' '$T/two.err') = 1"

# ---- the layout schema (src/parse/layout.rng) --------------------------------
# the structure of a layout is checked against layout.rng, compiled into
# rapport and installed for editors: the shipped layout follows it, and
# an unknown element, an unknown attribute or a misplaced element is an
# error at its line:col, beside the value errors of the same layout
check "layouts/linkoping.xml follows src/parse/layout.rng (xmllint)" \
    xmllint --noout --relaxng src/parse/layout.rng layouts/linkoping.xml
# (libxml2 checks no further siblings after an element that has no place
# among them: the unknown element stands after the unknown attribute)
ln_contents=$(grep -n '<contents levels' layouts/linkoping.xml | cut -d: -f1)
ln_notes=$(grep -n '<footnotes numbering' layouts/linkoping.xml | cut -d: -f1)
sed -e '/<footnotes numbering/a\  <margins top="2cm"/>' -e 's|<contents levels="2"/>|<contents levels="2" title="Innehåll"/>|' \
    -e 's|<colors accent="#005596"|<colors accent="#00559"|' \
    -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/schema-bad.xml"
"$BIN" --check --layout "$T/schema-bad.xml" samples/verksamhetsplan-2019.xml 2>"$T/schema-bad.err"
check "a layout with an unknown element and attribute is refused" test $? = 1
for want in ":$((ln_notes + 1)):3: error: unknown element <margins> in a layout" \
            ":$ln_contents:3: error: <contents> has no attribute \"title\"" \
            ':31:3: error: accent="#00559" is not a colour'; do
    check "the layout error $want" grep -qF -- "schema-bad.xml$want" "$T/schema-bad.err"
done
check "... with the attributes <contents> has as the hint" grep -qF 'hint: its attributes: levels' "$T/schema-bad.err"
check "... and each said once" sh -c "test \$(grep -c 'error:' '$T/schema-bad.err') = 3"
ln_words=$(grep -n '<words type="verksamhetsplan">' layouts/linkoping.xml | cut -d: -f1)
sed -e 's|<words type="verksamhetsplan">|<words type="verksamhetsplan"><style name="h1"/>|' \
    -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/schema-words.xml"
check "a <style> inside <words> is an error at its place" \
    sh -c "'$BIN' --check --layout '$T/schema-words.xml' samples/verksamhetsplan-2019.xml 2>&1 | grep -qF 'schema-words.xml:$ln_words:33: error: <words> holds only <word key=\"...\">text</word>, not <style>'"
sed -e 's|<words>|<word key="page">Sida</word><words>|' -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/schema-word.xml"
check "a <word> outside <words> is an error at its place" \
    sh -c "'$BIN' --check --layout '$T/schema-word.xml' samples/verksamhetsplan-2019.xml 2>&1 | grep -qF 'schema-word.xml:$(grep -n '^  <words>' layouts/linkoping.xml | cut -d: -f1):3: error: <word> stands inside <words>, not in <layout>'"

# ---- colours given once: accent -------------------------------------------
# linkoping.xml with accent changed and the colours that repeat it removed
# (rule, cover-band, chart, the colour of h1, h2, toc-title, cover-title):
# the cover band, the rules, the first chart series and the headings take
# the new accent. The trace is the sample's with only the colour changed;
# the page content paints in the new colour exactly where the sample
# painted in #005596 (headings' text colour is not in the trace).
sed -e 's|accent="#005596"|accent="#7A1F5C"|' -e 's| rule="#005596"||' -e 's| cover-band="#005596"||' \
    -e 's| chart="[^"]*"||' -e 's| color="#005596"||' -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/accent.xml"
check "the accent layout has no colour but accent in #005596's places" sh -c "! grep -q '005596' '$T/accent.xml'"
"$BIN" -q --layout "$T/accent.xml" -o "$T/accent.pdf" --trace "$T/accent.trace" samples/verksamhetsberattelse-2024.xml
check "accent alone: the cover band is in the accent" grep -qE '^  rect 0\.0 0\.0 [0-9.]+ [0-9.]+ #7A1F5C fill$' "$T/accent.trace"
check "accent alone: the rules are in the accent" grep -qE '^  rule [0-9. ]+ #7A1F5C$' "$T/accent.trace"
check "accent alone: the first chart series is in the accent" grep -qE '^ *path [0-9]+ #7A1F5C ' "$T/accent.trace"
check "accent alone: the trace is the sample's with #005596 as #7A1F5C" \
    sh -c "sed 's/#7A1F5C/#005596/g' '$T/accent.trace' | cmp -s - '$R/verksamhetsberattelse-2024.trace'"
qpdf --qdf --object-streams=disable "$T/accent.pdf" "$T/accent-q.pdf"
qpdf --qdf --object-streams=disable "$R/verksamhetsberattelse-2024.pdf" "$T/vb-q.pdf"
check "accent alone: headings and all paint in the accent where the sample paints #005596" \
    sh -c "test \$(grep -ac '^0.478 0.122 0.361 rg\$' '$T/accent-q.pdf') = \$(grep -ac '^0 0.333 0.588 rg\$' '$T/vb-q.pdf') &&
           test \$(grep -ac '^0 0.333 0.588 rg\$' '$T/vb-q.pdf') -gt 20 && ! grep -aq '0 0.333 0.588 r[gG]' '$T/accent-q.pdf'"

check "a layout named with å/ä/ö or capitals is pointed to its real name" \
    sh -c "'$BIN' --check --layout Linköping samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'there is a layout \"linkoping\"'"
# a style that sets a larger size and no leading keeps the 14 pt leading:
# its lines print over each other (size="36" alone passed)
sed -e 's|name="h1"        family="sans" weight="bold" size="20" leading="24"|name="h1"        family="sans" weight="bold" size="36"|' \
    -e "s|\.\./fonts/|$PWD/fonts/|g" -e "s|\"icc/|\"$PWD/layouts/icc/|" layouts/linkoping.xml >"$T/h36.xml"
check "a style of size 36 without a leading is an error at it (its lines would stand 14 pt apart)" \
    sh -c "'$BIN' --check --layout '$T/h36.xml' samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'h36.xml:41:3: error: the lines of this 36 pt text stand closer than its size: it needs a leading of 28.8 pt at least'"

# the layout's chart height has the least a chart's own has (20 mm)
sed -e 's|chart-height="[^"]*"|chart-height="1mm"|' -e "s|\.\./fonts/|$PWD/fonts/|g" -e "s|\"icc/|\"$PWD/layouts/icc/|" \
    layouts/linkoping.xml >"$T/chl.xml"
check "a layout's chart-height under 20 mm is an error" \
    sh -c "'$BIN' --check --layout '$T/chl.xml' samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'chart-height=\"1mm\" is too low for a chart to be read'"

# a section that begins with a <landscape> block, after at most two short
# paragraphs, has its heading and them on the block's first page (they
# stood alone on a portrait page before it, 85 % of it empty), and a
# footnote marked on a landscape page is set as wide as its text (it was
# set at the portrait width): a typographer
cat >"$T/turned.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta>
<section><heading>Intern kontroll</heading>
<p>Tabellen redovisar varje risk med dess bedömning.</p>
<landscape>
<p>Gatubelysningsentreprenaden följs upp kvartalsvis.<footnote>Gatubelysningsentreprenaden avser driftavtalet med dnr TN 2022-0311, giltigt 2023-01-01–2026-12-31 med möjlighet till förlängning i två år enligt avtalets punkt 3.2.</footnote></p>
</landscape>
<p>Efter tabellen.</p>
</section></report>
XML
"$BIN" -q -o "$T/turned.pdf" --trace "$T/turned.trace" "$T/turned.xml"
check "a heading and its lead-in go to the landscape page their section begins with" \
    sh -c "awk '/^page/ { p = \$2 } / Intern kontroll\$/ { h = p } / Gatubelysningsentreprenaden följs/ { l = p }
                END { exit !(h && h == l) }' '$T/turned.trace' && pdfinfo '$T/turned.pdf' | grep -q '^Pages: *3\$'"
check "... and a footnote marked on a landscape page is as wide as its text: one line" \
    grep -q 'avser driftavtalet .*förlängning .*3.2.$' "$T/turned.trace"
# so does an appendix's: one made of a wide table had its heading alone
# on a portrait page, the table untitled overleaf (a typographer)
cat >"$T/turned-app.xml" <<'XML'
<report type="rapport"><meta><title>T</title></meta>
<section><heading>Inledning</heading><p>Bilagan är en bred tabell.</p></section>
<appendices title="Bilagor" numbering="yes"><appendix><heading>Risk- och väsentlighetsanalys 2025</heading>
<landscape><table><caption>Bedömda risker</caption>
<row role="header"><cell>Process</cell><cell>Risk</cell></row>
<row><cell>Tillsyn enligt miljöbalken</cell><cell>Jäv vid tillsynsbesök</cell></row>
</table></landscape></appendix></appendices></report>
XML
"$BIN" -q -o "$T/turned-app.pdf" --trace "$T/turned-app.trace" "$T/turned-app.xml"
check "an appendix that begins with a landscape block has its heading on the block's first page" \
    sh -c "awk '/^page/ { p = \$2 } /Risk- och väsentlighetsanalys 2025\$/ && !h { h = p } / Bedömda risker\$/ { t = p }
                END { exit !(h && h == t) }' '$T/turned-app.trace' && pdfinfo '$T/turned-app.pdf' | grep -q '^Pages: *3\$'"
# a list's last item of one line never stands alone at the top of a page
# (a page held only "3. Komplettering av PUB-avtal ...": a typographer)
{
    echo '<report type="rapport"><meta><title>T</title></meta><section><heading>Samlad bedömning</heading>'
    for i in $(seq 16); do
        echo '<p>Förvaltningen bedömer att den interna kontrollen i huvudsak är tillräcklig, men att rutinerna för direktupphandling och för avtalsuppföljning av driftentreprenader behöver stärkas.</p>'
    done
    echo '<p>Kort stycke.</p><list type="number"><item>Utbildning i direktupphandling för beställare, maj 2025.</item>'
    echo '<item>Översyn av vitesklausuler i gatubelysningsentreprenaden och vinterväghållningsentreprenaderna inför förnyad upphandling 2026.</item>'
    echo '<item>Komplettering av PUB-avtal för de system där avtal saknas, senast 2025-06-30.</item></list></section></report>'
} >"$T/lastitem.xml"
"$BIN" -q -o "$T/lastitem.pdf" --trace "$T/lastitem.trace" "$T/lastitem.xml"
check "a list's last item of one line goes to its page with the line above it" \
    sh -c "awk '/^page/ { p = \$2; n[p] = 0 } /^    text / { n[p]++ } / Komplettering av PUB/ { k = p } END { exit !(k && n[k] > 2) }' '$T/lastitem.trace'"
# a section's lead-in of a line or two to the table it begins with goes
# to the table's page with its heading ("Investeringar per projekt" and
# "Tabellen visar investeringarna." stood at a page's foot, the table
# overleaf: a typographer)
{
    echo '<report type="rapport"><meta><title>Rubrik</title></meta><section><heading>Ekonomi</heading>'
    for i in $(seq 14); do
        echo '<p>Förvaltningen bedömer att den interna kontrollen i huvudsak är tillräcklig, men att rutinerna för direktupphandling och för avtalsuppföljning av driftentreprenader behöver stärkas ytterligare under året.</p>'
        echo '<p>Förvaltningen bedömer att den interna kontrollen i huvudsak är tillräcklig, men att rutinerna för direktupphandling behöver stärkas.</p>'
    done
    echo '<p>Kort stycke.</p><section><heading>Investeringar per projekt</heading><p>Tabellen visar investeringarna.</p>'
    echo '<table><caption>Investeringar, mnkr</caption><columns><column/><column type="number" decimals="1"/><column type="number" decimals="1"/></columns>'
    echo '<row role="header"><cell>Projekt</cell><cell>Budget</cell><cell>Utfall</cell></row>'
    for i in $(seq 12); do echo "<row><cell>Projekt $i gatubelysning</cell><cell>$i.5</cell><cell>$((i * 2)).1</cell></row>"; done
    echo '</table></section></section></report>'
} >"$T/leadin.xml"
"$BIN" -q -o "$T/leadin.pdf" --trace "$T/leadin.trace" "$T/leadin.xml"
check "a section's lead-in to its table goes to the table's page with its heading" \
    sh -c "awk '/^page/ { p = \$2 } / Investeringar per projekt\$/ { h = p } / Tabellen visar investeringarna/ { l = p }
                / Investeringar, mnkr\$/ { t = p } END { exit !(h && h == l && l == t) }' '$T/leadin.trace'"
# ... and to the section it begins with ("Noter" and "Belopp i noterna
# anges i tkr" stood at a page's foot, "Not 1" overleaf: a typographer);
# the section after more or less text, so that a page ends at each line
python3 - "$T/notes.xml" <<'PY'
import sys
para = '<p>Kontrollen är tillräcklig.</p>'
out = ['<report type="rapport"><meta><title>T</title></meta>']
for k in range(22, 36):
    out.append('<section><heading>Analys %d</heading>%s</section><section><heading>Noter %d</heading><p>Belopp %d anges i tkr.</p>'
               '<section><heading>Not 1 av %d</heading><p>Intäkterna ökade.</p></section></section>' % (k, para * k, k, k, k))
open(sys.argv[1], 'w').write(''.join(out) + '</report>')
PY
"$BIN" -q -o "$T/notes.pdf" --trace "$T/notes.trace" "$T/notes.xml"
check "a section's lead-in of a line goes with the section it begins with: Noter, its line and Not 1 on one page" \
    awk '/^page/ { p = $2 } $1 == "text" && $4 == "Belopp" { l[$5] = p } $1 == "text" && $4 " " $5 == "Not 1" { s[$7] = p }
         END { for (k in l) { n++; if (l[k] != s[k]) { print "Noter " k ": line on page " l[k] ", Not 1 on " s[k]; bad = 1 } } exit bad || n != 14 }' "$T/notes.trace"
finish
