#!/usr/bin/env bash
# readme: the README's example reports render as written
. "$(dirname "$0")/lib.sh"
awk '/^```xml/{n++; f=1; next} /^```/{f=0} f && n==1' README.md >"$T/readme.xml"
check "the README's example report renders" "$BIN" -o "$T/readme.pdf" "$T/readme.xml"
said=$(grep -o 'wrote min-rapport.pdf, [0-9]* pages' README.md | grep -o '[0-9][0-9]*')
check "the README says how many pages its example has (${said:-none})" \
    sh -c "pdfinfo '$T/readme.pdf' | grep -qx 'Pages: *${said:-x}'"
printf '<report type="rapport"><meta><title>D</title></meta><section><heading>D</heading><chart type="bar" alt="Två värden" value-labels="yes">\n<categories>a|b</categories><series name="s">1,5 2,5</series></chart></section></report>\n' >"$T/comma.xml"
check "a chart reads a decimal comma, as the README says (29,5)" \
    sh -c "'$BIN' -q --trace '$T/comma.trace' -o '$T/comma.pdf' '$T/comma.xml' && grep -q ' 2,5\$' '$T/comma.trace'"
# the CSV the example of "Tables from the finance system" reads: the block after it
awk '/^### Tables from the finance system/{t=1} t && /^```$/{n++; next} t && n==2' README.md >"$T/ekonomi.csv"
for k in 2 3 4; do
    { echo '<report><meta><title>Exempel</title></meta>'
      awk -v k=$k '/^```xml/{n++; f=1; next} /^```/{f=0} f && n==k' README.md
      echo '</report>'; } >"$T/readme$k.xml"
    check "the README's example $k renders" "$BIN" -q -o "$T/readme$k.pdf" "$T/readme$k.xml"
done
finish
