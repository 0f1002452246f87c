#!/usr/bin/env bash
# import: rapport --import from Word and OpenDocument (tests/import/run,
# which ends with "N passed, N failed": its counts count here)
. "$(dirname "$0")/lib.sh"
counted tests/import/run "$B"
finish
