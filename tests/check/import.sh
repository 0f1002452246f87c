#!/usr/bin/env bash
# import: rapport --import from Word and OpenDocument (tests/import/run,
# which ends with "N passed, N failed": its counts count here)
. "$(dirname "$0")/lib.sh"
out=$(tests/import/run "$B" 2>&1)
last=$(printf '%s\n' "$out" | tail -1)
p=$(printf '%s' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
f=$(printf '%s' "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
if [ -z "$p" ]; then
    bad "tests/import/run did not finish"; printf '%s\n' "$out" | tail -20 | sed 's/^/    /'
else
    pass=$((pass + p)); fail=$((fail + f))
    if [ "$f" != 0 ]; then
        echo "FAIL: tests/import/run: $f of its checks failed"
        printf '%s\n' "$out" | grep -v '^[0-9]* passed' | sed 's/^/    /'
    fi
fi
finish
