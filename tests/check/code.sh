#!/usr/bin/env bash
# code: the shape of the source that review asked for (issue 24): no
# function in src/ over 120 lines, no file of src/measure called back by a
# file it calls, and each of the two tools proven to see what it checks
. "$(dirname "$0")/lib.sh"
check "no function in src/ is over 120 lines (tests/tools/fnlen -m 120)" tests/tools/fnlen -m 120
check "no file of src/measure is called back by a file it calls (tests/tools/callcycles)" \
    sh -c "tests/tools/callcycles src/measure >/dev/null"
# the tools see a long function and a call back when there is one
mkdir -p "$T/cyc"
{ echo 'int f(void);'; echo 'int g(void)'; echo '{'; for i in $(seq 1 125); do echo "    f();"; done
  echo '    return 0;'; echo '}'; } >"$T/cyc/long.c"
check "fnlen finds a function of 128 lines" sh -c "! tests/tools/fnlen -m 120 '$T/cyc/long.c' >/dev/null"
printf 'int b(void);\nint a(void)\n{\n    return b();\n}\n' >"$T/cyc/a.c"
printf 'int a(void);\nint b(void)\n{\n    return a();\n}\n' >"$T/cyc/b.c"
check "callcycles finds a.c and b.c calling each other" sh -c "! tests/tools/callcycles '$T/cyc' >/dev/null"
# the top level holds what the design names, nothing left from a session
# (a benchmark, its binary and a PDF's streams were once committed there)
check "the repository's top level holds only the project's own folders and files" \
    sh -c "test -z \"\$(git ls-files 2>/dev/null | cut -d/ -f1 | sort -u |
           grep -vx -e .ci -e .gitignore -e Makefile -e README.md -e doc -e fonts -e import -e layouts -e po -e samples -e src -e tests)\""

finish
