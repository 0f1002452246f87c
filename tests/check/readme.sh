#!/usr/bin/env bash
# readme: the README's example reports render as written
. "$(dirname "$0")/lib.sh"
awk '/^```xml/{n++; f=1; next} /^```/{f=0} f && n==1' README.md >"$T/readme.xml"
check "the README's example report renders" "$BIN" -o "$T/readme.pdf" "$T/readme.xml"
# the CSV the example of "Tables from the finance system" reads: the block after it
awk '/^### Tables from the finance system/{t=1} t && /^```$/{n++; next} t && n==2' README.md >"$T/ekonomi.csv"
for k in 2 3 4; do
    { echo '<report><meta><title>Exempel</title></meta>'
      awk -v k=$k '/^```xml/{n++; f=1; next} /^```/{f=0} f && n==k' README.md
      echo '</report>'; } >"$T/readme$k.xml"
    check "the README's example $k renders" "$BIN" -q -o "$T/readme$k.pdf" "$T/readme$k.xml"
done
finish
