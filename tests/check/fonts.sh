#!/usr/bin/env bash
# fonts: kerning drawn as HarfBuzz shaped it, and a fallback font for the
# characters the layout's fonts lack (and the errors when none has them)
. "$(dirname "$0")/lib.sh"
# kerning: what HarfBuzz shaped is what the PDF draws. "To" and "Vå" are
# narrower than their letters set apart (poppler's word boxes, from the
# PDF's own widths and TJ numbers), and the cells of a number column
# (numbers, kerned words like AVTAL) end at one x: measured = drawn.
"$BIN" -q -o "$T/kern.pdf" tests/kerning.xml 2>/dev/null
# (a no-break space, between digit groups, written _)
pdftotext -bbox "$(textcopy "$T/kern.pdf")" - 2>/dev/null | sed 's/\xc2\xa0/_/g' >"$T/kern.html"
kern_w() { awk -v w="$1" -F'"' '$0 ~ ">" w "</word>" { print $6 - $2; exit }' "$T/kern.html"; }
check "kerning is drawn: To and Vå are set tighter than their letters" awk -v to="$(kern_w To)" -v t="$(kern_w T)" \
    -v o="$(kern_w o)" -v va="$(kern_w Vå)" -v v="$(kern_w V)" -v aa="$(kern_w å)" \
    'BEGIN { exit !(to > 0 && va > 0 && to < t + o - 0.3 && va < v + aa - 0.3) }'
check "a number column's cells end at one x, to 0.01 pt (measured = drawn)" awk -F'"' '
    />(−1,7|71,1|1_111,1|Våld|AVTAL|−17,4)<\/word>/ { n++; x = $6 + 0; if (n == 1 || x < lo) lo = x; if (n == 1 || x > hi) hi = x }
    END { printf "%d cells, right edges %.4f..%.4f\n", n, lo, hi; exit !(n == 6 && hi - lo <= 0.01) }' "$T/kern.html"
# a word with a kerning pair or a ligature across a hyphenation point,
# left whole in its line, is as wide as drawn: the footnote mark after it
# stands where the word ends (the pieces shaped apart made it up to 0.2 pt
# wider, and pdftotext read "mottag [2]")
check "a word kerned across a hyphenation point measures what it draws: its mark follows it, 0.02 pt" awk -F'"' '
    />(Uppfyllt|mottag|informationsflödet|framförallt)<\/word>/ { end = $6; next }
    end != "" && />\[[1-4]\]<\/word>/ { d = $2 - end; if (d < 0) d = -d; if (d > worst) worst = d; n++ }
    { end = "" }
    END { printf "%d marks, farthest %.3f pt from the word\n", n, worst; exit !(n == 4 && worst <= 0.02) }' "$T/kern.html"

# a kerning pair is written with one number each time (it deflates so;
# the rounding is put right at the end of each run, which the check above
# sees exact)
need_renders
for s in $SAMPLES; do
    check "$s: each kerning pair is written the same each time" tests/tools/kern-pairs "$R/$s.pdf"
done
# every font program reads whole, and each code's width is its glyph's
# advance (PDF/A-2), the glyphs a no-break space widens included
for s in $SAMPLES; do
    check "$s: the fonts read whole, each width as in its font" tests/tools/font-widths "$R/$s.pdf"
done
# a no-break space is drawn with the glyph before it, at a run's start
# with the last glyph of the run before on its line, wherever it stands: after a ligature, two in a
# row, after a word in italics or bold, after Greek and after an arrow of
# the fallback font, at the start of a run in italics, and beside letters
# whose glyphs are made of others (ö, Ä); at the end of a run in italics
# (one that ends a run before a run set apart is drawn as it was: "80
# mnkr" in a column whose units line up read "80\u00A0 mnkr"); in a face
# whose last glyph is
# empty (a thin space: the glyphs added after it gave it two bytes of
# nothing, a broken outline); three at the start of a run after one in
# bold; a run of no-break spaces alone between two faces, or before a
# link, drawn with the glyph before it (poppler drops a glyph that reads
# as nothing but U+00A0, and read "kvartal 2" with a plain space); the
# narrow spaces between digit groups too (U+202F, U+2009, U+2007: read
# as plain spaces)
cat >"$T/nbsp.xml" <<'XML'
<report type="rapport"><meta><title>Fasta mellanslag</title></meta><section><heading>Fasta mellanslag</heading>
<p>Kostnaden blev 1234567 kr, och Graff&#160;AB fick A&#160;&#160;B.</p>
<p>Se <i>kap.</i>&#160;5 och <b>Dnr</b>&#160;KS&#160;2024 samt λ&#160;7 och ⇒&#160;8.</p>
<p><i>&#160;Ledande</i> och <i>x&#160;</i>slut.</p>
<p>Malmö&#160;5 och <i>x</i>&#160;Älv.</p>
<p><b><i>1&#160;4&#8201;</i></b></p>
<p><b>x</b>&#160;&#160;&#160;W</p>
<p>Före <i>kvartal</i>&#160;<b>2</b> och <i>a</i>&#160;&#160;<b>b</b> samt <i>c</i>&#160;<link href="https://example.se/">d</link>.</p>
<p>Talet 1&#8239;877 och 2&#8201;500 samt 3&#8199;400.</p>
</section></report>
XML
"$BIN" -q -o "$T/nbsp.pdf" "$T/nbsp.xml"
pdftotext "$T/nbsp.pdf" "$T/nbsp.txt"
nb=$'\xc2\xa0'
for want in "Kostnaden blev 1234567${nb}kr, och Graff${nb}AB fick A${nb}${nb}B." \
            "Se kap.${nb}5 och Dnr${nb}KS${nb}2024 samt λ${nb}7 och ⇒${nb}8." "Ledande och x${nb}slut." \
            "Malmö${nb}5 och x${nb}Älv." "x${nb}${nb}${nb}W" \
            "Före kvartal${nb}2 och a${nb}${nb}b samt c${nb}d." \
            "Talet 1$(printf '\342\200\257')877 och 2$(printf '\342\200\211')500 samt 3$(printf '\342\200\207')400."; do
    check "pdftotext reads each no-break space as one: $want" grep -qxF -- "$want" "$T/nbsp.txt"
done
check "... and the fonts read whole, each width as in its font" tests/tools/font-widths "$T/nbsp.pdf"
# ... and no code reads as a space and more: pdf.js (Firefox) takes such a
# glyph for a space and drops the rest ("totalt 2,3 mnkr" for "totalt
# 12,3 mnkr", where the space was drawn with the glyph after it). A
# paragraph's first no-break space has no glyph before it: drawn alone,
# pdftotext drops it (above: "Ledande"), the structure keeps it.
cat >"$T/lead.py" <<'PY'
import re, subprocess, sys
d = subprocess.run(['qpdf', '--qdf', '--object-streams=disable', sys.argv[1], '-'], capture_output=True).stdout
bad = set()
for m in re.finditer(rb'beginbf(?:char|range)(.*?)endbf(?:char|range)', d, re.S):
    for u in re.findall(rb'<([0-9A-Fa-f]+)>\s*(?=\n|$)', m.group(1), re.M) + re.findall(rb'<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>', m.group(1)):
        t = bytes.fromhex(u.decode()).decode('utf-16-be', 'replace')
        if len(t) > 1 and t[0] in ' \u00a0\u2009\u202f' and t.strip():
            bad.add(t)
print(sorted(map(ascii, bad)))
sys.exit(1 if bad else 0)
PY
for f in nbsp $SAMPLES; do
    [ -f "$T/$f.pdf" ] && p=$T/$f.pdf || p=$R/$f.pdf
    check "$f: no code reads as a space and then a glyph (pdf.js drops the glyph)" python3 "$T/lead.py" "$p"
done
# a face of 1 400 glyphs and 500 more widened (a glyph before one to
# twenty-three no-break spaces): the subset outgrows what the
# font's short glyph offsets reach, and its offsets are made long (they
# wrapped, and glyphs at the end of page 3 were lost; a reviewer)
/usr/bin/python3 - "$T/manyglyphs.xml" <<'PY'
import sys, unicodedata
from fontTools.ttLib import TTFont
cps = sorted(c for c in TTFont('fonts/Carlito-Regular.ttf').getBestCmap()
             if c > 0x20 and unicodedata.category(chr(c))[0] in 'LNPS' and unicodedata.bidirectional(chr(c)) not in ('R', 'AL'))[:1400]
words = [''.join(chr(c) for c in cps[i:i + 8]) for i in range(0, len(cps), 8)]
esc = lambda w: w.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
moved = ''.join([b + '&#160;' * n + '. ' for n in range(1, 24) for b in 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'][:500])
open(sys.argv[1], 'w').write('<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><p>' +
                             ' '.join(esc(w) for w in words) + '</p><p>' + moved + '</p></section></report>')
PY
check "a face of many glyphs and many widened: it renders, its fonts read whole, each width as in its font" \
    sh -c "'$BIN' -q -o '$T/manyglyphs.pdf' '$T/manyglyphs.xml' && tests/tools/font-widths '$T/manyglyphs.pdf' &&
           ! mutool draw -q -o /dev/null '$T/manyglyphs.pdf' 2>&1 | grep -i 'glyph\|outline'"
# eight no-break spaces in a row: a code reads as 8 UTF-16 units at most,
# the longest ToUnicode entry MuPDF reads (it lost "ord" and the digit
# before them, and printed U+FFFD)
printf '<report type="rapport"><meta><title>T</title></meta><p>N8: ord%sslut och 1%s000.</p></report>\n' \
    "$(printf '&#160;%.0s' 1 2 3 4 5 6 7 8)" "$(printf '&#160;%.0s' 1 2 3 4 5 6 7 8 9)" >"$T/nbsp8.xml"
"$BIN" -q -o "$T/nbsp8.pdf" "$T/nbsp8.xml"
check "eight no-break spaces in a row: MuPDF reads the word and the figure before them, no U+FFFD" \
    sh -c "mutool draw -q -F txt -o - '$T/nbsp8.pdf' 2>/dev/null >'$T/nbsp8.txt'; cat '$T/nbsp8.txt';
           grep -q 'N8: ord' '$T/nbsp8.txt' && grep -q ' 1' '$T/nbsp8.txt' && ! grep -q \"\$(printf '\\357\\277\\275')\" '$T/nbsp8.txt'"

# ---- a fallback font for characters the layout's fonts lack ----------------
# tests/glyphs-fallback.xml: Greek, Cyrillic and IPA (Carlito has them);
# arrows, mathematical signs, dingbats, Armenian and Georgian (DejaVu Sans,
# the fallback of layouts/linkoping.xml, has them); Chinese on line 8, an
# emoji on line 9, Hebrew on line 10 (no font has the first two; rapport
# does not set right-to-left text yet).
G=$T/glyphs.xml
cp tests/glyphs-fallback.xml "$G"
sed '/Kinesiska\|glad min\|Hebreiska/d' tests/glyphs-fallback.xml >"$T/glyphs-ok.xml"
sed -e '/<fallback-font/d' -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/nofallback.xml"
"$BIN" --layout "$T/nofallback.xml" -o "$T/glyphs-nofb.pdf" "$G" 2>"$T/nofb.err"
check "without a fallback font, a report with characters Carlito lacks fails: exit 1" test $? = 1
check "... and writes no PDF" test ! -e "$T/glyphs-nofb.pdf"
for want in ':8:17: error: the font Carlito-Regular.ttf has no glyph for "漢字" (U+6F22, U+5B57)' \
            ':9:19: error: the font Carlito-Regular.ttf has no glyph for "😀" (U+1F600)' \
            ':10:17: error: the font Carlito-Regular.ttf has no glyph for "שלום" (U+05E9, U+05DC, U+05D5, U+05DD)' \
            ':6:26: error: the font Carlito-Regular.ttf has no glyph for "⇒" (U+21D2)' \
            ':7:38: error: the font Carlito-Bold.ttf has no glyph for "Հայերեն"'; do
    check "without a fallback font: $want" grep -qF -- "glyphs.xml$want" "$T/nofb.err"
done
check "without a fallback font, Greek, Cyrillic and IPA are no error (Carlito has them)" \
    sh -c "! grep -E 'glyphs.xml:(4|5):' '$T/nofb.err'"
"$BIN" -o "$T/glyphs-fb.pdf" "$G" 2>"$T/fb.err"
check "with the fallback font, Chinese and the emoji still fail: exit 1, no PDF" \
    sh -c "test $? = 1 && test ! -e '$T/glyphs-fb.pdf'"
for want in ':8:17: error: the font Carlito-Regular.ttf has no glyph for "漢字" (U+6F22, U+5B57)' \
            ':9:19: error: the font Carlito-Regular.ttf has no glyph for "😀" (U+1F600)' \
            ':10:17: error: right-to-left text is not supported yet: "שלום"'; do
    check "with the fallback font: $want" grep -qF -- "glyphs.xml$want" "$T/fb.err"
done
check "with the fallback font, the hint says it lacks them too" grep -qF 'hint: nor has the fallback font DejaVuSans.ttf' "$T/fb.err"
check "with the fallback font, only lines 8, 9 and 10 are errors" \
    sh -c "test \"\$(grep -o 'glyphs.xml:[0-9]*:' '$T/fb.err' | sort -u | tr '\n' ' ')\" = 'glyphs.xml:10: glyphs.xml:8: glyphs.xml:9: '"
check "with the fallback font, the rest renders" "$BIN" -o "$T/glyphs.pdf" --trace "$T/glyphs.trace" "$T/glyphs-ok.xml"
# the column of a character after entities is the file's, as an editor
# counts it: "&amp;" is five columns (it was one: 4:28 for 4:42); and in
# a file with CRLF line ends
printf '<report type="rapport"><meta><title>T</title></meta>\n<section><heading>H</heading>\n<p>Text.</p>\n<p>Vård &amp; omsorg &amp; skola &#8211; 漢</p></section></report>\n' >"$T/entcol.xml"
sed 's/$/\r/' "$T/entcol.xml" >"$T/entcol-crlf.xml"
check "a missing glyph after entities is said at the file's column (4:42), with CRLF too" \
    sh -c "'$BIN' --check '$T/entcol.xml' 2>&1 | grep -q 'entcol.xml:4:42: error: the font' &&
           '$BIN' --check '$T/entcol-crlf.xml' 2>&1 | grep -q 'entcol-crlf.xml:4:42: error: the font'"
pdftotext "$(textcopy "$T/glyphs.pdf")" "$T/glyphs.txt"
for want in 'Ελληνικά, αβγδε' 'Русский язык, ёжик' '[ˈɧɵːk] och [ɕɪnː], ʃ ʒ ŋ ɐ ə' \
            'A ⇒ B, x ↦ y, ∀x ∃y: x ∈ A ∉ B, A ⊂ B ∧ C, ✓ klart, ✗ ej klart, ★.' \
            'Fetstil: ⇒ ∀ ✓ och armeniska Հայերեն, georgiska ქართული.'; do
    check "the text layer reads $want" grep -qF -- "$want" "$T/glyphs.txt"
done
pdffonts "$T/glyphs.pdf" >"$T/glyphs.fonts"
check "DejaVu Sans and its bold are embedded as subsets with Unicode maps" \
    sh -c "grep -E '^[A-Z]{6}\+DejaVuSans +CID TrueType +Custom +yes yes yes' '$T/glyphs.fonts' &&
           grep -E '^[A-Z]{6}\+DejaVuSans-Bold +CID TrueType +Custom +yes yes yes' '$T/glyphs.fonts'"
check "the fallback's text stands on the line's baseline" \
    sh -c "grep -F ' ⇒ ' '$T/glyphs.trace' | head -1 | awk '{ print \$3 }' | grep -qx \"\$(grep -F 'Pilar och' '$T/glyphs.trace' | awk '{ print \$3 }')\""
check "the fallback's text is PDF/A-2a and tagged as PDF/UA-1 asks" \
    sh -c "tests/pdfa-check '$T/glyphs.pdf' A && tests/ua-check '$T/glyphs.pdf'"
check "no two words overlap where the fonts change" tests/overlap-check "$(textcopy "$T/glyphs.pdf")"
# the fallback font is read only when a character needs it: a damaged one
# goes unnoticed by a report in Swedish, and is an error at its element
# in the layout when a character needs it
head -c 60000 fonts/DejaVuSans.ttf >"$T/cut.ttf"
sed -e "s|\.\./fonts/DejaVuSans.ttf|$T/cut.ttf|" -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/cutfb.xml"
check "a damaged fallback font is not read by a report that needs none" \
    "$BIN" -q --check --layout "$T/cutfb.xml" samples/verksamhetsberattelse-2024.xml
"$BIN" --check --layout "$T/cutfb.xml" "$T/glyphs-ok.xml" 2>"$T/cutfb.err"
check "... and is an error at <fallback-font> when a report needs it" \
    sh -c "test $? = 1 && grep -qF 'cutfb.xml:$(grep -n '<fallback-font' layouts/linkoping.xml | cut -d: -f1):3: error: font $T/cut.ttf: ' '$T/cutfb.err'"
# <fallback-font> is checked like <font>
sed -e 's|<fallback-font regular="../fonts/DejaVuSans.ttf"|<fallback-font family="reserv"|' -e 's|DejaVuSans-Bold.ttf|DejaVuSans-Fet.ttf|' \
    -e "s|\.\./fonts/|$PWD/fonts/|g" layouts/linkoping.xml >"$T/badfb.xml"
"$BIN" --check --layout "$T/badfb.xml" samples/verksamhetsplan-2019.xml 2>"$T/badfb.err"
check "a wrong <fallback-font> is refused" test $? = 1
for want in '<fallback-font> has no attribute "family"' '<fallback-font> needs regular="..."' \
            'DejaVuSans-Fet.ttf" cannot be used'; do
    check "the layout error $want" grep -qF -- "$want" "$T/badfb.err"
done

# ---- codes: one byte for a face's first 192 glyphs, two beyond -------------
# A paragraph of about 330 different letters (Latin-1 and Extended-A, Greek,
# Cyrillic: all in Carlito) makes one face give out two-byte codes: the text
# layer reads every word back, with the one-byte ones around them.
python3 - "$T/codes.xml" <<'PY'
import sys
words = []
for lo, hi in ((0xC0, 0x17F), (0x391, 0x3A9), (0x3B1, 0x3C9), (0x410, 0x44F)):
    cs = [chr(c) for c in range(lo, hi + 1) if c not in (0xD7, 0xF7, 0x3A2)]
    words += [''.join(cs[i:i + 8]) for i in range(0, len(cs), 8)]
open(sys.argv[1] + '.words', 'w').write('\n'.join(words) + '\n')
open(sys.argv[1], 'w').write('<report type="rapport"><meta><title>Koder</title></meta><section>'
    '<heading>Koder</heading><p>Före ' + ' '.join(words) + ' efter.</p></section></report>\n')
PY
"$BIN" -q -o "$T/codes.pdf" "$T/codes.xml"
pdftotext "$(textcopy "$T/codes.pdf")" - | tr ' ' '\n' >"$T/codes.read"
check "a face with over 192 glyphs: every word reads back (two-byte codes)" \
    sh -c "test \$(wc -l <'$T/codes.xml.words') -gt 35 && ! grep -vxF -f '$T/codes.read' '$T/codes.xml.words'"
check "... beside the one-byte ones: 'Före' and 'efter.' too" \
    sh -c "grep -qxF 'Före' '$T/codes.read' && grep -qxF 'efter.' '$T/codes.read'"
qpdf --qdf --object-streams=disable "$T/codes.pdf" "$T/codes-q.pdf"
check "... and the font's CMap says so: one byte 20-7F and A0-FF, two 0100-1FFF and 8000-9FFF, each code its own CID" \
    sh -c "grep -aq '^<20> <7F> 32\$' '$T/codes-q.pdf' && grep -aq '^<A0> <FF> 160\$' '$T/codes-q.pdf' &&
           grep -aq '^<0100> <1FFF> 256\$' '$T/codes-q.pdf' && grep -aq '^<8000> <9FFF> 32768\$' '$T/codes-q.pdf' &&
           grep -aqE '^<01[0-9A-F]{2}> <' '$T/codes-q.pdf'"
check "... and it is PDF/A-2a and PDF/UA-1" sh -c "tests/pdfa-check '$T/codes.pdf' A && tests/ua-check '$T/codes.pdf'"
# MuPDF (SumatraPDF, Zathura, e-readers) reads a CID as a code of the
# CMap's codespace: CIDs 192 ... for two-byte codes lost their text there
mutool draw -q -F txt "$T/codes.pdf" 2>/dev/null | tr ' ' '\n' >"$T/codes.mu"
check "... and MuPDF reads every word back too" \
    sh -c "! grep -vxF -f '$T/codes.mu' '$T/codes.xml.words' && ! grep -q '�' '$T/codes.mu'"

# A one-byte code is its character's Latin-1 byte where it can be, so the
# content streams carry the report's own letters (and deflate better)
qpdf --qdf --object-streams=disable --normalize-content=n "$R/verksamhetsberattelse-2024.pdf" "$T/vb-raw.pdf"
check "a code reading as one Latin-1 character is that character's byte (ToUnicode of the verksamhetsberättelse)" \
    python3 - "$T/vb-raw.pdf" <<'PY'
import re, sys
d = open(sys.argv[1], 'rb').read().decode('latin-1')
own = other = 0
for cmap in re.findall(r'/CMapType 2 def(.*?)endcmap', d, re.S):
    pairs = [(int(c, 16), int(c, 16), u) for c, u in re.findall(r'^<([0-9A-F]{2})> <([0-9A-F]+)>$', cmap, re.M)]
    pairs += [(int(a, 16), int(b, 16), u) for a, b, u in re.findall(r'^<([0-9A-F]{2})> <([0-9A-F]{2})> <([0-9A-F]+)>$', cmap, re.M)]
    for lo, hi, u in pairs:
        for k in range(hi - lo + 1):
            cp = int(u, 16) + k
            if len(u) == 4 and (0x20 <= cp < 0x7F or 0xA0 <= cp <= 0xFF):
                own, other = own + (cp == lo + k), other + (cp != lo + k)
sys.exit(0 if own > 150 and other == 0 else 1)
PY
latin1=$(printf '(Inneh\345ll)')
check "... so the content streams read as the report's text ('Innehåll')" \
    sh -c "LC_ALL=C grep -aqF '$latin1' '$T/vb-raw.pdf'"

check "the faces share one encoding CMap (Rapport-Short-H), not one each" \
    sh -c "test \$(qpdf --qdf --object-streams=disable '$R/verksamhetsberattelse-2024.pdf' - | grep -ac '^/CMapName /Rapport-Short-H def') = 1 &&
           test \$(pdffonts '$R/verksamhetsberattelse-2024.pdf' | grep -c 'CID TrueType') = 4"
finish
