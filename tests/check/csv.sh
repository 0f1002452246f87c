#!/usr/bin/env bash
# csv: tables read from CSV, Swedish numbers in number columns, sums
# filled in (tests/csv-tables, which ends with "N passed, N failed": its
# counts count here)
. "$(dirname "$0")/lib.sh"
counted tests/csv-tables "$B"
finish
