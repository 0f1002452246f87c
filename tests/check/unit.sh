#!/usr/bin/env bash
# unit: the unit tests (tests/unit, release build), and how the line
# breaker's work grows with a paragraph: counted in instructions by
# valgrind's callgrind, the same on every machine however busy
. "$(dirname "$0")/lib.sh"
unit_tests "$B/test"

# instructions inside FUNCTION for a paragraph of N words (build/test/linebreak HOW N)
instructions() {
    valgrind --tool=callgrind --callgrind-out-file="$T/callgrind.$2.$3" "--toggle-collect=$1*" \
        "$B/test/linebreak" "$2" "$3" >/dev/null 2>"$T/callgrind.err" &&
        awk '/^totals:/ { print $2 }' "$T/callgrind.$2.$3"
}
# ratio A B: B / A to one decimal, as a whole number of tenths
ratio() { [ -n "$1" ] && [ -n "$2" ] && [ "$1" -gt 0 ] && echo $(($2 * 10 / $1)); }
lin=$(ratio "$(instructions linebreak --words 1000)" "$(instructions linebreak --words 4000)")
quad=$(ratio "$(instructions quadratic_total_fit --quadratic 1000)" "$(instructions quadratic_total_fit --quadratic 4000)")
say "instructions, 4000 words against 1000: linebreak ${lin:-?}/10, the quadratic reference ${quad:-?}/10"
check "line breaking is linear: four times the words cost under six times the instructions (${lin:-?}/10 times)" \
    test "${lin:-999}" -lt 60
check "... a measure that sees a quadratic breaker: it costs over twelve times (${quad:-?}/10 times)" \
    test "${quad:-0}" -gt 120
finish
