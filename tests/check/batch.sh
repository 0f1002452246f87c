#!/usr/bin/env bash
# batch: 500 reports in two folders, 5 of them broken, rendered in
# parallel; then again with --since
. "$(dirname "$0")/lib.sh"
mkdir -p "$T/batch/in/del-1" "$T/batch/in/del-2" "$T/batch/out"
"$B/gen" --pages 1 >"$T/batch/one.xml"
for i in $(seq 1 250); do cp "$T/batch/one.xml" "$T/batch/in/del-1/r$i.xml"; cp "$T/batch/one.xml" "$T/batch/in/del-2/r$i.xml"; done
for i in 7 50 99 180 222; do sed -i 's|<heading>Del 1.1</heading>|<heading>Del 1.1</heading><paragraf/>|' "$T/batch/in/del-2/r$i.xml"; done
"$BIN" -q -d "$T/batch/out" "$T/batch/in" 2>"$T/batch/err"
rc=$?
check "a batch of 500 with 5 broken reports exits 1" test $rc = 1
check "it writes the 495 good PDFs, each in its folder" test "$(find "$T/batch/out" -name '*.pdf' | wc -l)" = 495
check "and no partial file" sh -c "test -z \"\$(find '$T/batch/out' -type f ! -name '*.pdf')\""
check "it names the 5 broken reports with line and column" \
    test "$(grep -c 'del-2/r[0-9]*.xml:[0-9]*:[0-9]*: error: unknown element <paragraf>' "$T/batch/err")" = 5
check "it ends with a summary" grep -q '^rapport: 495 rendered, 5 failed, 0 up to date' "$T/batch/err"
"$BIN" -q --since -d "$T/batch/out" "$T/batch/in" 2>"$T/batch/err2"
check "run again with --since, it renders nothing" grep -q '^rapport: 0 rendered, 5 failed, 495 up to date' "$T/batch/err2"
touch "$T/batch/in/del-1/r3.xml"
"$BIN" -q --since -d "$T/batch/out" "$T/batch/in" 2>"$T/batch/err3"
check "a changed report is rendered again" grep -q '^rapport: 1 rendered, 5 failed, 494 up to date' "$T/batch/err3"
# ... and after the summary, the reports that made no PDF are named
# again, in the order given (their messages scroll past among hundreds;
# a new user)
check "the reports that failed are named after the summary, in order" \
    sh -c "tail -1 '$T/batch/err3' | grep -q '^rapport: failed: [^ ]*/in/[^,]*, ' &&
           test \$(tail -1 '$T/batch/err3' | tr ',' '\\n' | wc -l) = 5 &&
           tail -1 '$T/batch/err3' | sed 's/^rapport: failed: //; s/, /\\n/g' | LC_ALL=C sort -c"
# --json: one object a report, one a line, for machines (-j 2: written whole)
J=$T/json
mkdir -p "$J/in"
cp samples/verksamhetsplan-2019.xml "$J/in/a.xml"; cp samples/delarsrapport-2022-aug.xml "$J/in/b.xml"
cp tests/bad/three-mistakes.xml "$J/in/c-broken.xml"; cp tests/bad/malformed.xml "$J/in/d-malformed.xml"
cp samples/verksamhetsplan-2019.xml "$J/in/$(printf 'e "citat" \\ och\tflik\001 \xff.xml')"
"$BIN" --json -q -j 2 -d "$J/out" "$J/in" >"$J/all.jsonl" 2>"$J/err"
rc=$?
check "--json: a batch with broken reports exits 1" test $rc = 1
check "--json: one line a report, each parsing with jq on its own" \
    sh -c "test \$(wc -l <'$J/all.jsonl') = 5 && while IFS= read -r l; do printf '%s\n' \"\$l\" | jq -e 'type == \"object\"' >/dev/null || exit 1; done <'$J/all.jsonl'"
jq -r '"\(.input | sub(".*/"; "")) \(.status) \(.pages) \(.errors | length)"' "$J/all.jsonl" | LC_ALL=C sort >"$J/got"
printf '%s\n' "a.xml ok $(npages "$J/out/a.pdf") 0" "b.xml ok $(npages "$J/out/b.pdf") 0" "c-broken.xml error null 3" \
    "d-malformed.xml error null 1" >"$J/want"
check "--json: the statuses, pages (as the PDFs have them) and errors of each report" \
    sh -c "grep -v '^e ' '$J/got' | diff '$J/want' -"
printf '%s\n' '6:5 unknown status "uppfyllt" true' '7:11 <ref to="ekonomi"> points to nothing: no element has id="ekonomi" true' \
    "10:50 one cell too many: this row already fills the table's 2 columns true" >"$J/want-errors"
check "--json: the broken report's errors with their lines and columns, messages and hints" \
    sh -c "jq -r 'select(.input | endswith(\"c-broken.xml\")) | .errors[] | \"\(.line):\(.column) \(.message) \(.hint != null)\"' '$J/all.jsonl' |
           diff '$J/want-errors' -"
# (jq -s: with -e, jq 1.6 judges only the last line's result)
check "--json: warnings (with -q too) with file, line and column" \
    jq -s -e 'map(select(.input | endswith("b.xml")) | .warnings[0] | (.file | endswith("b.xml")) and .line > 0 and .column > 0 and (.message | length > 0)) == [true]' "$J/all.jsonl"
check "--json: quotes, a backslash, control characters and a byte not UTF-8 in a name still give valid JSON" \
    jq -s -e 'map(select(.input | contains("citat")) | .status == "ok" and (.input | endswith("/e \"citat\" \\ och\tflik\u0001 \ufffd.xml"))) == [true]' "$J/all.jsonl"
check "--json: the messages still go to stderr, and the summary" grep -q '^rapport: 3 rendered, 2 failed' "$J/err"
"$BIN" --json -q --since -d "$J/out" "$J/in/a.xml" "$J/in/c-broken.xml" >"$J/since.jsonl" 2>/dev/null
check "--json with --since: an up-to-date report is skipped" \
    sh -c "jq -r '.status' '$J/since.jsonl' | LC_ALL=C sort | tr '\n' ' ' | grep -qx 'error skipped '"
"$BIN" --json --check "$J/in/a.xml" >"$J/check.jsonl" 2>/dev/null
check "--json with --check, one report: status ok, the pages laid out, no output" \
    sh -c "jq -e '.status == \"ok\" and .output == null and .pages == $(npages "$J/out/a.pdf") and .seconds >= 0' '$J/check.jsonl'"
check "--check -d says checked, and makes no folder" \
    sh -c "'$BIN' -q --check -d '$T/nofolder' samples 2>'$T/chk.err'; grep -q '^rapport: 3 checked, 0 failed' '$T/chk.err' && test ! -e '$T/nofolder'"
check "-q in a batch counts the warnings it does not print" \
    sh -c "'$BIN' -q -d '$T/q-out' samples 2>'$T/q.err'; ! grep -q ': warning: ' '$T/q.err' && grep -q '^rapport: 3 rendered, 0 failed, 0 up to date, [1-9][0-9]* warnings' '$T/q.err'"
mkdir -p "$T/qb"
python3 -c "print('<report type=\"rapport\"><meta><title>T</title></meta><section><heading>H</heading>' + '<table><caption></caption><row><cell>a</cell></row></table>' * 250 + '</section></report>')" >"$T/qb/many.xml"
printf '<report type="rapport"><meta><title>T</title></meta><section><heading>H</heading><p><num>3: warning: 4</num></p></section></report>\n' >"$T/qb/err.xml"
check "-q counts past the 200 warnings shown, and prints an error that quotes \": warning: \"" \
    sh -c "'$BIN' -q -d '$T/qb-out' '$T/qb' 2>'$T/qb.err'; grep -q '250 warnings' '$T/qb.err' && grep -q 'err.xml:1:85: error: <num> holds' '$T/qb.err'"
# Ctrl-C in a batch: it says how far it got, and what was not done is as
# it was (six reports of 200 pages one at a time; stopped once the first
# PDF is there, which on a busy machine may take a while: 60 s at most)
mkdir -p "$T/stop"
for k in 1 2 3 4 5 6; do "$B/gen" --pages 200 >"$T/stop/r$k.xml"; done
set -m
"$BIN" -j 1 --json -d "$T/stop-out" "$T/stop" >"$T/stop.jsonl" 2>"$T/stop.err" &
pid=$!
set +m
for _ in $(seq 1 3000); do ls "$T/stop-out" 2>/dev/null | grep -q '\.pdf$' && break; sleep 0.02; done
kill -INT $pid 2>/dev/null; wait $pid 2>/dev/null
rc=$?
check "Ctrl-C in a batch: it says how far it got (ended by SIGINT: $rc)" \
    sh -c "cat '$T/stop.err'; test $rc = 130 &&
           grep -Eq '^rapport: stopped after [1-5] of 6 files; those not done are as they were\$' '$T/stop.err' &&
           test \$(ls '$T/stop-out' | grep -c '\.pdf\$') -lt 6 && ! ls '$T/stop-out' | grep -q 'rapport-'"
# ... and with --json, every PDF made has its line, and the last says the
# batch was stopped (the batch ended at the signal: a PDF in place had no
# line, and nothing said the lines were not all; an archivist)
check "... with --json: a line for every PDF made, then one of status stopped" \
    sh -c "cat '$T/stop.jsonl'; jq -s -e --argjson n \$(ls '$T/stop-out' | grep -c '\.pdf\$') \
             '(.[-1].status == \"stopped\") and (.[-1].input == null) and ([.[] | select(.status == \"ok\")] | length) == \$n and length == \$n + 1' '$T/stop.jsonl'"
# Ctrl-C when the first PDF is in place but the batch has not yet heard
# its process end (it said "stopped after 0 of 3" with the PDF there):
# the batch is stopped (SIGSTOP) while its first process runs (1 500
# pages, a second or more), which then puts its PDF in place over an old
# one; then Ctrl-C, and the batch goes on
# stop_placed DIR OUT PDF ERR [JSONL]: a batch of DIR into OUT (-q -j 1;
# --json into JSONL if given), stopped (SIGSTOP) once its first process
# runs, until PDF (an old one there) is replaced; then Ctrl-C and on.
# Sets kid (that process) and rc.
stop_placed() {
    printf '%%PDF-1.7 old\n' >"$3"
    local ino pid
    ino=$(stat -c %i "$3")
    set -m
    if [ -n "${5:-}" ]; then
        "$BIN" -q --json -j 1 -d "$2" "$1" 2>"$4" >"$5" &
    else
        "$BIN" -q -j 1 -d "$2" "$1" 2>"$4" &
    fi
    pid=$!
    set +m
    kid=
    for _ in $(seq 1 3000); do
        kid=$(awk -v p="$pid" '$4 == p { print $1; exit }' /proc/[0-9]*/stat 2>/dev/null)
        test -n "$kid" && break; sleep 0.01
    done
    sleep 0.2; kill -STOP $pid
    for _ in $(seq 1 3000); do test "$(stat -c %i "$3")" != "$ino" && break; sleep 0.02; done
    sleep 0.3                           # (stop3: its process is in a write the stopped batch does not read)
    kill -INT $pid; kill -CONT $pid; wait $pid 2>/dev/null
    rc=$?
}
mkdir -p "$T/stop2" "$T/stop2-out"
"$B/gen" --pages 1500 >"$T/stop2/r1.xml"; cp "$T/stop/r2.xml" "$T/stop/r3.xml" "$T/stop2/"
stop_placed "$T/stop2" "$T/stop2-out" "$T/stop2-out/r1.pdf" "$T/stop2.err"
check "Ctrl-C with a PDF in place whose process the batch has not heard end: counted (ended by SIGINT: $rc)" \
    sh -c "cat '$T/stop2.err'; test -n '$kid' && test $rc = 130 &&
           grep -Eq '^rapport: stopped after 1 of 3 files; those not done are as they were\$' '$T/stop2.err' &&
           test \$(ls '$T/stop2-out' | grep -c '\.pdf\$') = 1 && pdfinfo '$T/stop2-out/r1.pdf' >/dev/null"
# ... the same without the race: Ctrl-C when the first report's process has
# put its PDF in place and is still saying its 200 warnings, which (long
# names: 98 KB) fill the pipe to the stopped batch. It ends by the signal
# before it can say it is done; its PDF in place, it is counted all the
# same (it was not: "stopped after 0 of 2" with the PDF there, the fresh
# clone's make check on a busy machine)
d3="$T/stop3-$(printf 'mapp%.0s' $(seq 1 36))"
long="r1-$(printf 'rapport%.0s' $(seq 1 34))"
mkdir -p "$d3" "$T/stop3-out"
"$B/gen" --pages 300 | python3 -c "
import sys; s = sys.stdin.read(); i = s.find('<appendices'); i = i if i >= 0 else s.rindex('</report>')
print(s[:i] + '<section><heading>Tabeller</heading>' + '<table><caption></caption><row><cell>a</cell></row></table>' * 250 + '</section>' + s[i:])" >"$d3/$long.xml"
cp "$T/stop/r2.xml" "$d3/"
stop_placed "$d3" "$T/stop3-out" "$T/stop3-out/$long.pdf" "$T/stop3.err"
check "Ctrl-C while a report whose PDF is in place says its warnings: counted (ended by SIGINT: $rc)" \
    sh -c "tail -1 '$T/stop3.err'; test -n '$kid' && test $rc = 130 &&
           grep -Eq '^rapport: stopped after 1 of 2 files; those not done are as they were\$' '$T/stop3.err' &&
           pdfinfo '$T/stop3-out/$long.pdf' >/dev/null"
# ... with --json, its line says ok, and that its messages (on stderr) may
# be cut short: it said no warnings, with 142 on stderr (a review)
stop_placed "$d3" "$T/stop3-out" "$T/stop3-out/$long.pdf" "$T/stop3j.err" "$T/stop3.jsonl"
check "... with --json: its line is ok, with a warning that its messages may be cut short (ended by SIGINT: $rc)" \
    sh -c "test $rc = 130 && jq -s -e '.[0].status == \"ok\" and (.[0].warnings | length) == 1 and
             (.[0].warnings[0].message | test(\"cut short\")) and .[-1].status == \"stopped\"' '$T/stop3.jsonl'"
# a broken layout that several reports use: its errors said once, each
# report named as failed for them (they were printed once per report, and
# no report was named)
mkdir -p "$T/lb"
sed -e 's|<page width="210mm"|<page width="210"|' -e "s|\.\./fonts/|$PWD/fonts/|g" -e "s|\"icc/|\"$PWD/layouts/icc/|" \
    layouts/linkoping.xml >"$T/lb/trasig.xml"
for k in 1 2 3; do
    printf '<report type="rapport" layout="trasig.xml"><meta><title>R%s</title></meta><p>x</p></report>\n' "$k" >"$T/lb/r$k.xml"
done
"$BIN" "$T/lb/r1.xml" "$T/lb/r2.xml" "$T/lb/r3.xml" 2>"$T/lb.err"
check "a broken layout's errors are said once for a batch, and each report that failed for them is named" \
    sh -c "grep -q 'width=' '$T/lb/trasig.xml' && test \$(grep -c 'trasig.xml:[0-9]*:[0-9]*: error' '$T/lb.err') = 1 &&
           test \$(grep -c 'r[123].xml: error: not rendered, for the errors in .*trasig.xml said above' '$T/lb.err') = 3"
LANG=sv_SE.UTF-8 LANGUAGE=sv "$BIN" "$T/lb/r1.xml" "$T/lb/r2.xml" "$T/lb/r3.xml" 2>"$T/lb-sv.err"
check "... in Swedish too (the levels were looked for in English: the errors said once a report, no report named)" \
    sh -c "test \$(grep -c 'trasig.xml:[0-9]*:[0-9]*: fel' '$T/lb-sv.err') = 1 &&
           test \$(grep -c 'r[123].xml: fel: inte gjord, på grund av felen i .*trasig.xml ovan' '$T/lb-sv.err') = 3"
# ... also a report whose name is inside the layout's (plan.xml and
# verksamhetsplan.xml); and a line that names no file ("N more errors
# not shown") is printed for each report that has it
cp "$T/lb/trasig.xml" "$T/lb/verksamhetsplan.xml"
printf '<report type="rapport" layout="verksamhetsplan.xml"><meta><title>P</title></meta><p>x</p></report>\n' >"$T/lb/plan.xml"
abs=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
( cd "$T/lb" && "$abs" -j1 --check r1.xml plan.xml 2>../lb2.err )
check "... also a report whose name lies inside the layout's name" grep -q '^plan.xml: error: not rendered' "$T/lb2.err"
mkdir -p "$T/many"
for k in a b; do
    { printf '<report type="rapport"><meta><title>T</title></meta><p>'; for n in $(seq 1 205); do printf '<ref to="x%d"/> ' "$n"; done; printf '</p></report>\n'; } >"$T/many/$k.xml"
done
"$BIN" -j1 -q --check "$T/many/a.xml" "$T/many/b.xml" 2>"$T/many.err"
check "a line naming no file (N more errors not shown) is printed for each report" \
    sh -c "test \$(grep -c 'more errors not shown' '$T/many.err') = 2"
# a report whose name holds a colon is its own messages' file ("a:b.xml"
# was taken for a file "a", and the report said failed for its errors)
mkdir -p "$T/colon"
printf '<report type="rapport"><meta><title>T</title></meta><p><ref to="x1"/></p></report>\n' >"$T/colon/a:b.xml"
cp "$T/colon/a:b.xml" "$T/colon/c.xml"
"$BIN" -j1 --check "$T/colon/a:b.xml" "$T/colon/c.xml" 2>"$T/colon.err"
check "a report named with a colon keeps its messages as its own" \
    sh -c "grep -q 'a:b.xml:1:[0-9]*: error' '$T/colon.err' && ! grep -q 'not rendered' '$T/colon.err'"
# --layout with a name found for none of the reports: the command line's
# mistake, said once, exit 2, nothing made (it was every report's error,
# exit 1, with the output folders made; an archivist). Found beside one
# report only: the others fail, named for the command line's error
mkdir -p "$T/ln/in/sub"
printf '<report type="rapport"><meta><title>R</title></meta><p>x</p></report>\n' >"$T/ln/in/a.xml"
cp "$T/ln/in/a.xml" "$T/ln/in/sub/b.xml"
"$BIN" -q --layout finnsinte -d "$T/ln/out" "$T/ln/in" 2>"$T/ln.err"; echo $? >"$T/ln.rc"
"$BIN" -q --json --layout finnsinte -d "$T/ln/outj" "$T/ln/in" >"$T/ln.jsonl" 2>/dev/null
check "... with --json, one line of the run's: status error, its message" \
    jq -s -e 'length == 1 and .[0].input == null and .[0].status == "error" and (.[0].errors[0].message | test("finnsinte"))' "$T/ln.jsonl"
check "--layout found for no report: one error, exit 2, no folder made" \
    sh -c "cat '$T/ln.err'; test \$(cat '$T/ln.rc') = 2 && test \$(grep -c 'layout \"finnsinte\" not found' '$T/ln.err') = 1 &&
           ! grep -q 'not rendered' '$T/ln.err' && test ! -e '$T/ln/out'"
sed -e "s|\.\./fonts/|$PWD/fonts/|g" -e "s|\"icc/|\"$PWD/layouts/icc/|" layouts/linkoping.xml >"$T/ln/in/sub/egen.xml"
"$BIN" -q --layout egen -d "$T/ln/out2" "$T/ln/in" 2>"$T/ln2.err"; echo $? >"$T/ln2.rc"
check "... found beside one: that one rendered, the other failed for the command line's error" \
    sh -c "cat '$T/ln2.err'; test \$(cat '$T/ln2.rc') = 1 && test -s '$T/ln/out2/sub/b.pdf' &&
           grep -q 'a.xml: error: not rendered, for the error of the command line said above' '$T/ln2.err'"
# a name ending in .xml that is no file to read (a link to a drive not
# connected, a FIFO) fails with what it is, with its JSON line; it was
# left out without a word, exit 0 (an archivist)
mkdir -p "$T/nf/in"
printf '<report type="rapport"><meta><title>R</title></meta><p>x</p></report>\n' >"$T/nf/in/a.xml"
mkfifo "$T/nf/in/fifo.xml"; ln -s /mnt/rapport-saknas/x.xml "$T/nf/in/borta.xml"
timeout 60 "$BIN" -q --json -d "$T/nf/out" "$T/nf/in" >"$T/nf.jsonl" 2>"$T/nf.err"; echo $? >"$T/nf.rc"
check "a link to nothing and a FIFO named .xml in a folder fail, said, with their JSON lines" \
    sh -c "cat '$T/nf.err'; test \$(cat '$T/nf.rc') = 1 && grep -q 'borta.xml: error: cannot open the file' '$T/nf.err' &&
           grep -q 'it is a link to /mnt/rapport-saknas/x.xml, which is not there' '$T/nf.err' &&
           grep -q 'fifo.xml: error: this is not a regular file' '$T/nf.err' &&
           jq -s -e 'map(.status) | sort == [\"error\", \"error\", \"ok\"]' '$T/nf.jsonl'"
# one batch at a time writes in a folder: a second waits for the first,
# and says so (two at once left a silent mix of two layouts' PDFs: an
# archivist). Here the folder is held by flock(1) for a second
mkdir -p "$T/lk/in" "$T/lk/out"
cp "$T/nf/in/a.xml" "$T/lk/in/a.xml"; cp "$T/nf/in/a.xml" "$T/lk/in/b.xml"
flock "$T/lk/out" sleep 1 & holder=$!
for _ in $(seq 1 100); do flock -n "$T/lk/out" true || break; sleep 0.02; done
"$BIN" -q -d "$T/lk/out" "$T/lk/in" 2>"$T/lk.err"; echo $? >"$T/lk.rc"
wait $holder 2>/dev/null
check "a batch into a folder another batch is writing in waits for it, and says so" \
    sh -c "cat '$T/lk.err'; test \$(cat '$T/lk.rc') = 0 && grep -q 'another rapport is writing in .*lk/out; waiting for it to finish' '$T/lk.err' &&
           test -s '$T/lk/out/a.pdf' && test -s '$T/lk/out/b.pdf'"
# a stopped batch ends though a report's process runs a program that
# goes on (pandoc, in an import: it held the batch's pipe open, and the
# batch waited 15 s for it after SIGTERM; a review)
mkdir -p "$T/gc/in" "$T/gc/bin"
printf '#!/bin/sh\ncase "$1" in --version) exec "%s" --version;; esac\necho $$ >>"%s"\nexec sleep 30\n' "$(command -v pandoc)" "$T/gc/pids" >"$T/gc/bin/pandoc"
chmod +x "$T/gc/bin/pandoc"
for k in 1 2; do python3 -c "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w'); z.writestr('[Content_Types].xml','<Types/>'); z.writestr('word/document.xml','<w:document/>'); z.close()" "$T/gc/in/r$k.docx"; done
set -m
PATH="$T/gc/bin:$PATH" "$BIN" -q --import -j 2 "$T/gc/in" >/dev/null 2>"$T/gc.err" & gcpid=$!
set +m
for _ in $(seq 1 200); do [ -s "$T/gc/pids" ] && break; sleep 0.05; done
kill -TERM $gcpid
for _ in $(seq 1 100); do kill -0 $gcpid 2>/dev/null || break; sleep 0.05; done
check "a batch stopped while a report's process runs pandoc ends at once (SIGTERM), not when pandoc does" \
    sh -c "test -s '$T/gc/pids' && ! kill -0 $gcpid 2>/dev/null"
kill -KILL $gcpid 2>/dev/null; wait $gcpid 2>/dev/null
[ -f "$T/gc/pids" ] && kill $(cat "$T/gc/pids") 2>/dev/null
finish
