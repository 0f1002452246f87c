# tests/check/lib.sh - what the sections of `make check` share (sourced).
#
# `make check` runs the scripts tests/check/NAME.sh side by side (make -j,
# one per processor core); `make check ONLY=tables` runs one. Each section
# sources this file first, then runs its checks with `check` (or ok/bad),
# and ends. This file counts them and, as the section ends, prints one
# line: its name, its seconds and how many checks passed and failed, then
# each failure in full. tests/check/summary adds the sections up into the
# last line of `make check`: "N passed, N failed".
#
#   tests/check/NAME.sh [BUILD]    BUILD: the build folder, default build
#
# What a section finds here:
#   B, BIN, SAN   the build folder, rapport, the sanitizer build ($SAN/rapport)
#   T             the section's own folder, /tmp/rapport-check-NAME.XXXXXX,
#                 removed at the end, or kept as build/check/NAME.files
#                 when a check failed; build/check/NAME.log lists every
#                 check, passed or failed, and what the section printed
#   R             the three samples rendered once for all sections
#                 (tests/check/renders.sh): $R/NAME.pdf, $R/NAME.trace
#                 (build/check/renders)
#   textcopy      the file poppler's text tools should read (see there)
#   trace_*       reading a page trace (rapport --trace, src/draw/trace.c)
set -u
# the messages the checks read are English; a section about Swedish sets LANG itself
export LANG=C.UTF-8 LANGUAGE=
unset LC_ALL LC_MESSAGES
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
B=${1:-build}
SAN=$B/sanitize
BIN=$B/rapport
NAME=$(basename "$0" .sh)
W=$B/check
R=$PWD/$W/renders
[ "${B#/}" = "$B" ] || R=$W/renders
# the section's files, outside rapport's folder (where a report may name
# files that a report elsewhere may not); at the end removed, or after a
# failure moved to build/check/NAME.files
T=$(mktemp -d "/tmp/rapport-check-$NAME.XXXXXX")
mkdir -p "$W"
rm -rf "$W/$NAME.result" "$W/$NAME.files"
exec 3>&1 >"$W/$NAME.log" 2>&1
pass=0
fail=0
START=${EPOCHREALTIME/./}

ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); echo "FAIL: $*"; }
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds; else its
# output follows the failure (all of it in the log, 40 lines of it on the
# terminal)
check() {
    local what=$1; shift
    if "$@" >"$T/.out" 2>&1; then ok; echo "ok: $what"; else bad "$what"; sed 's/^/    /' "$T/.out"; fi
}
exit_is() { local want=$1; shift; "$@" >/dev/null 2>&1; [ $? = "$want" ]; }
fails() { ! "$@" >/dev/null 2>&1; }
# figures a section reports without checking them: into NAME.log only
say() { echo "$*"; }

# The end of a section: its line (and its failures) to the terminal, its
# counts to build/check/NAME.result. Every section ends with `finish`; one
# that stops before (a shell error) counts as a failure.
finished=""
# counted SCRIPT ARGS...: run a test script of its own that ends with
# "N passed, N failed", and count its checks as this section's (its
# failures printed whole, or its last lines if it did not finish)
counted() {
    local out last p f
    out=$("$@" 2>&1)
    last=$(printf '%s\n' "$out" | tail -1)
    p=$(printf '%s' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    f=$(printf '%s' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    if [ -z "$p" ]; then
        bad "$1 did not finish"; printf '%s\n' "$out" | tail -20 | sed 's/^/    /'
        return
    fi
    pass=$((pass + p)); fail=$((fail + f))
    if [ "$f" != 0 ]; then
        echo "FAIL: $1: $f of its checks failed"
        printf '%s\n' "$out" | grep -v '^[0-9]* passed' | sed 's/^/    /'
    fi
}

finish() { finished=yes; exit 0; }
section_end() {
    local rc=$? us
    [ -n "$finished" ] || bad "the section stopped before its end (exit status $rc)"
    us=$((${EPOCHREALTIME/./} - START))
    # passed, failed, seconds, processor seconds (user and system, the
    # section and all it started)
    times >"$W/$NAME.times"
    echo "$pass $fail $((us / 1000000)).$(((us / 100000) % 10)) $(awk '{ for (i = 1; i <= NF; i++) { split($i, t, /[ms]/); c += t[1] * 60 + t[2] } } END { printf "%.1f", c }' "$W/$NAME.times")" >"$W/$NAME.result"
    if [ "$fail" = 0 ]; then rm -rf "$T"; else mv "$T" "$W/$NAME.files" 2>/dev/null; fi
    {
        printf '%-15s %5d.%d s   %4d passed, %d failed\n' "$NAME" $((us / 1000000)) $(((us / 100000) % 10)) "$pass" "$fail"
        if [ "$fail" != 0 ]; then
            awk 'function more() { if (n > 40) print "      (" n - 40 " more lines in the log)"; n = 0 }
                /^FAIL: / { more(); f = 1; print "  " $0; next }
                f && /^    / { if (++n <= 40) print "  " $0; next }
                { more(); f = 0 }
                END { more() }' "$W/$NAME.log"
            echo "  (all of it: $W/$NAME.log; the files: $W/$NAME.files/)"
        fi
    } >&3
    exit 0
}
trap section_end EXIT

# The samples, rendered once (tests/check/renders.sh, which make runs
# before the sections); rendered here when a section is run by hand.
need_renders() {
    [ -f "$R/.done" ] || tests/check/renders.sh "$B" >/dev/null 2>&1 3>&1
    [ -f "$R/.done" ] || { bad "the samples could not be rendered (see $W/renders.log)"; finish; }
}
SAMPLES="delarsrapport-2022-aug verksamhetsberattelse-2024 verksamhetsplan-2019"

# textcopy PDF: the file for poppler's text tools (pdftotext, pdfinfo
# -struct-text): PDF with object streams unpacked by qpdf and the key
# /OutputIntents renamed, so poppler does not see the archival colour
# profile. Poppler builds a colour transform from that profile every time
# it reads a page (30 ms), and pdfinfo -struct-text reads a page for each
# structure element: 17 s a sample, and 1 s without the profile. Text
# does not depend on colour; the samples section checks that pdftotext
# reads each sample's copy exactly as the PDF. Prints the copy's name
# (made once, beside PDF).
textcopy() {
    local c=${1%.pdf}.text.pdf
    if [ ! -s "$c" ]; then
        qpdf --object-streams=disable "$1" "$c.tmp" 2>/dev/null
        LC_ALL=C sed 's|/OutputIntents|/OutputIntentX|' "$c.tmp" >"$c" && rm -f "$c.tmp"
    fi
    echo "$c"
}

# pages_of TEXT DIR: pdftotext's output, one file a page: DIR/1 ... DIR/N
# (pdftotext ends every page with a form feed)
pages_of() {
    rm -rf "$2"; mkdir -p "$2"
    awk -v dir="$2" 'BEGIN { RS = "\f" } { print > (dir "/" NR); close(dir "/" NR) }' "$1"
}
npages() { pdfinfo "$1" | awk '/^Pages:/{print $2}'; }

# ---- reading a trace ------------------------------------------------------
# Pages are counted from 1 in the order of the trace's "page" lines (the
# PDF's page order), whatever number is printed on them.

# trace_text TRACE PAGE: the text runs of that page, one a line
trace_text() {
    awk -v want="$2" '/^page /{ p++ } p == want && /^ *text / { s = $0; sub(/^ *text [^ ]+ [^ ]+ /, "", s); print s }' "$1"
}
# trace_page_of TRACE STRING: the first page with a text run holding STRING
trace_page_of() {
    awk -v k="$2" '/^page /{ p++ } /^ *text / && index($0, k) { print p; found = 1; exit } END { exit !found }' "$1"
}
# trace_boxes TRACE: one line per box (and note line): its page, its flags
# (repeat, head, row, note) and its text runs joined with "|"
trace_boxes() {
    awk 'function flush() { if (inbox) print p "\t" flags "\t" txt; inbox = 0 }
        /^page / { flush(); p++; next }
        /^  box / { flush(); inbox = 1; txt = ""; flags = ""; for (i = 5; i <= NF; i++) flags = flags (flags == "" ? "" : " ") $i; next }
        /^  note / { flush(); inbox = 1; txt = ""; flags = "note"; next }
        /^  [a-z]/ { flush(); next }
        inbox && /^    text / { s = $0; sub(/^    text [^ ]+ [^ ]+ /, "", s); txt = txt (txt == "" ? "" : "|") s }
        END { flush() }' "$1"
}
# squeeze: text without spaces (also no-break), hyphens (also U+2010) and
# soft hyphens, to find a heading however it was broken into lines
squeeze() { LC_ALL=C sed 's/\xC2\xA0//g; s/\xC2\xAD//g; s/\xE2\x80\x90//g' | LC_ALL=C tr -d ' \n\f-'; }

# unit_tests DIR: every unit test program in DIR (tests/unit/*.c, built
# by make); each ends with "N passed, N failed", which counts here
unit_tests() {
    local t out rc last p f
    for t in "$1"/*; do
        [ -x "$t" ] || continue
        out=$(ASAN_OPTIONS=detect_leaks=1 "$t" 2>&1)
        rc=$?
        last=$(printf '%s\n' "$out" | tail -1)
        p=$(printf '%s' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
        f=$(printf '%s' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
        if [ -z "$p" ]; then
            bad "$t did not finish (exit $rc)"; printf '%s\n' "$out" | tail -20 | sed 's/^/    /'
            continue
        fi
        pass=$((pass + p)); fail=$((fail + f))
        if [ "$f" != 0 ]; then echo "FAIL: $t: $f of its checks failed"
        elif [ $rc != 0 ]; then bad "$t: exit status $rc"; fi
        [ "$f" != 0 ] || [ $rc != 0 ] && printf '%s\n' "$out" | grep -v '^[0-9]* passed' | sed 's/^/    /'
    done
}

# ---- checks more than one section makes ------------------------------------

# No word outside the text column of an A4 page (portrait or landscape),
# from page FIRST on (the word boxes of pdftotext -bbox)
margins_ok() {
    pdftotext -bbox "$(textcopy "$1")" "$T/bbox.html" 2>/dev/null
    awk -F'"' -v first="$2" '
        /<page / { page++; w = $2 + 0; h = $4 + 0 }
        /<word / && page >= first {
            if ($2 + 0 < 70.0 || $6 + 0 > w - 62 || $8 + 0 > h - 10) { print "page " page ": " $0; bad = 1 }
        }
        END { exit bad }' "$T/bbox.html"
}


# toc_checks NAME PDF TRACE: the contents of a report. Every entry with
# a page number (in the trace: a box on a contents page with a dot leader
# and a pagenum) names the page where its heading stands, and prints that
# number (pdftotext, once); every entry is in the outline (bookmarks)
# with the same page, and a link (qpdf). Sets TOC_PAGES, the number of
# contents pages.
toc_checks() {
    local s=$1 pdf=$2 tr=$3 d
    d=$T/toc-$(basename "$2" .pdf)
    mkdir -p "$d"
    # CONTENTS-PAGE <tab> TARGET-PAGE <tab> ENTRY (squeezed), and per
    # entry whether its heading is on its target page (in the trace)
    awk 'function sq(x) { gsub(/\302\240|\302\255|\342\200\220|-| /, "", x); return x }
        function flush() { if (inbox && lead && pn != "") { n++; ep[n] = p; et[n] = pn; ek[n] = sq(txt) } inbox = 0 }
        /^page / { flush(); p++; next }
        /^  (box|note) / { flush(); inbox = 1; txt = ""; pn = ""; lead = 0; next }
        /^  [a-z]/ { flush(); next }
        /^ *text / { s = $0; sub(/^ *text [^ ]+ [^ ]+ /, "", s); all[p] = all[p] sq(s)
                     if (inbox) { if (s ~ /^ \. \./) lead = 1; else txt = txt s } next }
        inbox && /^    pagenum / { pn = $NF; next }
        END { flush(); for (i = 1; i <= n; i++) print ep[i] "\t" et[i] "\t" ek[i] "\t" (index(all[et[i]], ek[i]) ? "yes" : "no") }' \
        "$tr" >"$d/entries"
    local n tocpages wrong
    n=$(wc -l <"$d/entries")
    tocpages=$(cut -f1 "$d/entries" | sort -u | wc -l)
    wrong=$(awk -F'\t' '$4 != "yes" { printf " [%s -> %s]", $3, $2 }' "$d/entries")
    # the numbers printed in the contents, as a reader's tool reads them
    pdftotext -raw -f "$(head -1 "$d/entries" | cut -f1)" -l "$(tail -1 "$d/entries" | cut -f1)" \
        "$(textcopy "$pdf")" - 2>/dev/null | awk '/ \. \. / { print $NF }' >"$d/printed"
    cut -f2 "$d/entries" >"$d/targets"
    check "$s: $n contents entries on $tocpages pages stand on the pages they print" \
        sh -c "test $n -gt 3 && test -z '$wrong' && diff '$d/targets' '$d/printed'"
    [ -n "$wrong" ] && echo "    not on their pages:$wrong"
    qpdf --json --json-key=outlines "$pdf" |
        jq -r '.. | objects | select(has("title") and has("destpageposfrom1")) | "\(.destpageposfrom1)\t\(.title)"' |
        LC_ALL=C sed 's/\xC2\xA0//g; s/\xC2\xAD//g; s/\xE2\x80\x90//g; s/[ -]//g' >"$d/outline"
    wrong=$(awk -F'\t' 'NR == FNR { t[NR] = $1; k[NR] = $2; n = NR; next }
        { for (i = 1; i <= n; i++) if (t[i] == $1 && index($2, k[i])) f[i] = 1 }
        END { for (i = 1; i <= n; i++) if (!f[i]) printf " [%s -> %s]", k[i], t[i] }' \
        <(cut -f2,3 "$d/entries") "$d/outline")
    check "$s: every contents entry is in the outline with the same page" test -z "$wrong"
    [ -n "$wrong" ] && echo "    not in the outline:$wrong"
    local links
    links=$(qpdf --json --json-key=pages --json-key=qpdf "$pdf" |
        jq -r '.qpdf[1] as $o | .pages[] | ($o["obj:" + .object].value["/Annots"] // [] | length)' |
        awk -v pages=" $(cut -f1 "$d/entries" | sort -u | tr '\n' ' ')" 'index(pages, " " NR " ") { n += $1 } END { print n + 0 }')
    check "$s: every contents entry is a link ($links links for $n entries)" test "$links" -ge "$n"
    TOC_PAGES=$tocpages
}

# a6_layout FILE: the built-in layout on an A6 page, where tables and
# notes break everywhere
a6_layout() {
    sed -e 's|<page width="210mm" height="297mm" top="27mm" bottom="25mm" left="25mm" right="22mm"|<page width="105mm" height="148mm" top="14mm" bottom="14mm" left="10mm" right="10mm"|' \
        -e 's|header="14mm" footer="13mm"|header="8mm" footer="7mm"|' -e "s|\.\./fonts/|$PWD/fonts/|g" \
        layouts/linkoping.xml >"$1"
}
