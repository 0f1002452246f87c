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
finish
