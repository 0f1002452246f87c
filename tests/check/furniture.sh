#!/usr/bin/env bash
# furniture: the running header and footer of a report with a long
# organisation and title, a reference's page number and full stop, the
# contents' dot leaders on one grid, a legend that never ends a page
. "$(dirname "$0")/lib.sh"
# a reference to an empty last paragraph with an id: the page it ends on,
# not the body's first (its anchor waited for a box that never came)
cat >"$T/anchor-end.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<report type="rapport">
  <meta><title>Test</title></meta>
  <section id="a"><heading>Första</heading>
    <p>Se <ref to="slut" show="page"/> för slutet.</p>
    <page-break/>
    <p>Andra sidan.</p>
    <page-break/>
    <p>Tredje sidan.</p>
    <p id="slut"></p>
  </section>
</report>
XML
"$BIN" -q -o "$T/anchor-end.pdf" --trace "$T/anchor-end.trace" "$T/anchor-end.xml"
check "a reference to an empty last paragraph names the last page" \
    sh -c "grep -q 'pagenum .* -> 4\$' '$T/anchor-end.trace' && test \"\$(pdfinfo '$T/anchor-end.pdf' | awk '/^Pages:/{print \$2}')\" = 4"
check "a report with a long organisation and title renders" \
    "$BIN" -o "$T/furn.pdf" --trace "$T/furn.trace" tests/furniture-long.xml
"$BIN" --check tests/furniture-long.xml 2>"$T/furn.err"
# the parts of one header or footer line keep at least one em (8.5 pt) apart
# (deco X Y STRING w=W: a part from X to X+W on the baseline Y)
furniture_apart() {
    awk '/^page / { page = $2; delete xs; delete ws; n = 0 }
        /^  deco / { y = $3; x = $2 + 0; w = $NF; sub(/^w=/, "", w)
            for (i = 0; i < n; i++) if (ys[i] == y) {
                lo = xs[i] < x ? xs[i] : x; lw = xs[i] < x ? ws[i] : w; hi = xs[i] < x ? x : xs[i]
                if (lo + lw + 8.4 > hi) { print "page " page ": parts at " lo " and " hi " overlap"; bad = 1 } }
            ys[n] = y; xs[n] = x; ws[n] = w + 0; n++ }
        END { exit bad }' "$1"
}
check "no two parts of the running footer overlap or touch" furniture_apart "$T/furn.trace"
check "the footer is shortened with an ellipsis after a whole word" \
    grep -q $'^  deco [0-9.]* [0-9.]* Delårsrapport per den[^…]*\xc2\xa0… w=' "$T/furn.trace"
check "a shortened footer part is warned about once, at its <meta> field, in plain words, with a hint" \
    sh -c "test \$(grep -c 'warning: the title does not fit in the footer; it is shortened there to' '$T/furn.err') = 1 &&
           grep -q 'furniture-long.xml:7:5: warning: the title does not fit' '$T/furn.err' &&
           grep -A1 'warning: the title does not fit' '$T/furn.err' | grep -q 'hint: write a shorter <title>, or a short one in <meta> as <running-title>...</running-title>: the footer shows that'"
# ... and where the running title is too long as well, the hint says to
# shorten that (it said to write one)
sed 's|</title>|</title><running-title>Delårsrapport per den 31 augusti 2025 för nämnden för samhällsbyggnad, miljö, trafik och fritid, del ett av två</running-title>|' tests/furniture-long.xml >"$T/furn-rt.xml"
check "a running title too long too: the hint says to shorten it" \
    sh -c "'$BIN' --check '$T/furn-rt.xml' 2>&1 | grep -A1 'warning: the title does not fit' | grep -q 'hint: write a shorter <running-title>: the footer shows it'"
env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=sv_SE.UTF-8 "$BIN" --check tests/furniture-long.xml 2>"$T/furn-sv.err"
check "in Swedish the warning names the field in Swedish (\"titeln ... sidfoten\"), no English word left" \
    sh -c "grep -q 'furniture-long.xml:7:5: varning: titeln får inte plats i sidfoten och kortas där till' '$T/furn-sv.err' &&
           grep -A1 'varning: titeln' '$T/furn-sv.err' | grep -q 'tips: skriv en kortare <title>' &&
           ! grep 'varning:' '$T/furn-sv.err' | grep -q -e ' title ' -e ' em '"
# a title too long for the footer, where the report has a short one in
# <running-title>: the footer shows that whole, and nothing is warned of
# (the title was cut with "…" on every page: a typographer)
cat >"$T/runtitle.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<report type="rapport">
  <meta>
    <title>Uppföljning av internkontrollplan och miljöbokslut 2025</title>
    <organisation>Miljö- och samhällsbyggnadsnämnden</organisation>
    <running-title>Uppföljning av internkontrollplan 2025</running-title>
  </meta>
  <section><heading>Inledning</heading><p>Text.</p></section>
</report>
XML
"$BIN" -o "$T/runtitle.pdf" --trace "$T/runtitle.trace" "$T/runtitle.xml" 2>"$T/runtitle.err"
check "a title too long for the footer gives way to the report's <running-title>, whole, with no warning" \
    sh -c "grep -q '^  deco [0-9.]* [0-9.]* Uppföljning av internkontrollplan 2025 w=' '$T/runtitle.trace' &&
           ! grep -q '…' '$T/runtitle.trace' && ! grep -q 'warning' '$T/runtitle.err'"
printf 'page 2\n  deco 70.9 805.0 Lång nämnd w=200.0\n  deco 232.4 805.0 Lång titel w=130.0\n' >"$T/fake-deco.trace"
check "the footer check sees two parts that overlap" fails furniture_apart "$T/fake-deco.trace"
# a <ref> to a page below 10: the full stop follows its number as set
pdftotext -layout "$(textcopy "$T/furn.pdf")" "$T/furn.txt" 2>/dev/null
check "a reference to page 3 reads \"på sidan 3.\", no spaces before the full stop" \
    sh -c "grep -q 'på sidan 3\.\$' '$T/furn.txt' && ! grep -qE 'sidan [0-9]+ +\.' '$T/furn.txt'"
check "and in the trace the full stop starts where the number ends" awk '
    /^    link / { lx = $2; lw = $4 } /^    pagenum / { px = $2; pw = lw; want = 1; next }
    want && /^    text / { want = 0; if ($4 == ".") { n++; d = $2 - (px + pw); if (d > 0.15 || d < -0.15) bad = 1 } }
    END { exit bad || n != 1 }' "$T/furn.trace"

# the contents' dot leaders of every level stand on one grid: the same
# pitch, and their last dots end at one x (text X Y " . . .": X + dots * pitch)
leaders_grid() {
    awk 'BEGIN { n = 0 } /^page 2/ { on = 1 } /^page 3/ { on = 0 }
        on && /^    text [0-9.]+ [0-9.]+  \. \./ { x[n] = $2 + 0; d[n] = NF - 3; n++ }
        END { if (n < 3) exit 1
              lo = 0; hi = 0; for (i = 1; i < n; i++) { if (d[i] < d[lo]) lo = i; if (d[i] > d[hi]) hi = i }
              if (d[hi] == d[lo]) exit 1
              p = (x[lo] - x[hi]) / (d[hi] - d[lo]); end = x[hi] + d[hi] * p
              for (i = 0; i < n; i++) { e = x[i] + d[i] * p; if (e - end > 0.15 || end - e > 0.15) { print "leader at " x[i] " ends at " e ", not " end; bad = 1 } }
              exit bad }' "$1"
}
check "the contents' leaders of three levels end on one grid" leaders_grid "$T/furn.trace"
printf 'page 2\n  box 1 y=0 h=1\n    text 100.0 10.0  . . . .\n    text 110.0 20.0  . . .\n    text 121.0 30.0  . .\npage 3\n' >"$T/fake-lead.trace"
check "the leader check sees leaders off the grid" fails leaders_grid "$T/fake-lead.trace"

# a legend keeps together and with what follows: wherever it falls, no
# page ends inside it or right after it
legend_last() {
    awk '/^page / { if (last) bad = 1; last = 0 }
        /^  box / { last = 0; inbox = 1; prevleg = leg; leg = 0 }
        /^    text .*Teckenförklaring:/ { leg = 1; last = 1 }
        /^    marker / { if (prevleg) { leg = 1; last = 1 } }
        END { exit bad }' "$1"
}
legbad=""
for n in $(seq 22 40); do
    { echo '<?xml version="1.0" encoding="UTF-8"?><report type="delarsrapport"><meta><title>T</title></meta><section><heading>Mål</heading>'
      for _ in $(seq "$n"); do echo '<p>Rad.</p>'; done
      echo '<legend title="Teckenförklaring:"/><p>Målen följs upp nedan, ett i taget.</p><p>Och här.</p></section></report>'; } >"$T/leg.xml"
    "$BIN" -q -o "$T/leg.pdf" --trace "$T/leg-$n.trace" "$T/leg.xml" && legend_last "$T/leg-$n.trace" || legbad="$legbad $n"
done
check "a legend never ends a page, wherever it falls (19 places)" test -z "$legbad"
[ -n "$legbad" ] && echo "    after this many paragraphs it did:$legbad"
printf 'page 2\n  box 1 y=0.0 h=20.0\n    text 10.0 10.0 Teckenförklaring:\n  box 2 y=20.0 h=20.0\n    marker 0 #00FF00 10.0 30.0 5.0\npage 3\n  box 3 y=0.0 h=20.0\n    text 10.0 10.0 Text\n' >"$T/fake-leg.trace"
check "the legend check sees a legend at a page's end" fails legend_last "$T/fake-leg.trace"
finish
