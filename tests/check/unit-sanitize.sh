#!/usr/bin/env bash
# unit-sanitize: the unit tests (tests/unit) built with AddressSanitizer
# and UndefinedBehaviorSanitizer
. "$(dirname "$0")/lib.sh"
if [ -d "$SAN/test" ]; then unit_tests "$SAN/test"; else bad "no sanitizer build of the unit tests in $SAN/test"; fi
finish
