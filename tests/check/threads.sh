#!/usr/bin/env bash
# threads: what runs on more than one thread (the layout and fonts
# loaded beside the parse, words shaped and hyphenated ahead, fonts
# subset and pages deflated on workers, a batch's reports side by side)
# under ThreadSanitizer: no data race, and the same bytes as the release
# build's
. "$(dirname "$0")/lib.sh"
need_renders
TS=$B/thread
# a race stops the run at once, with its own exit status
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 report_signal_unsafe=0"

if [ ! -x "$TS/rapport" ]; then
    bad "no ThreadSanitizer build in $TS (make BUILD=thread)"
    finish
fi
# gcc 12's ThreadSanitizer cannot start where the kernel randomizes more
# address bits than it knows (vm.mmap_rnd_bits=32, kernels from 6.6): it
# then runs without randomization (setarch -R), and where even that is
# refused (a container's seccomp), the section says so and checks nothing
RUN=
if ! "$TS/rapport" --version >/dev/null 2>"$T/start.err"; then
    if setarch "$(uname -m)" -R "$TS/rapport" --version >/dev/null 2>&1; then
        RUN="setarch $(uname -m) -R"
    else
        echo "threads: ThreadSanitizer cannot start on this machine ($(head -1 "$T/start.err")); nothing checked" >&3
        finish
    fi
fi
for s in $SAMPLES; do
    for t in 2 4; do
        check "$s, --threads $t: no data race, and the release build's bytes" \
            sh -c "$RUN '$TS/rapport' -q --threads $t -o '$T/$s-$t.pdf' samples/$s.xml && cmp '$T/$s-$t.pdf' '$R/$s.pdf'"
    done
done
# a report large enough that the workers are busy while the pages are
# drawn (the deflate batch takes pages as they come)
"$B/gen" --pages 60 --seed 7 >"$T/mix.xml"
"$BIN" -q --threads 1 -o "$T/mix-1.pdf" "$T/mix.xml"
check "a generated report of 60 pages: no data race, the bytes of one thread" \
    sh -c "$RUN '$TS/rapport' -q --threads 2 -o '$T/mix-2.pdf' '$T/mix.xml' && cmp '$T/mix-1.pdf' '$T/mix-2.pdf'"
# a batch: the engine filled before the reports, each report in a process
# of its own, each with the threads it is given (-j alone gives one)
mkdir -p "$T/in" "$T/out"
cp samples/*.xml "$T/in/"
check "a batch of the samples with -j 2 --threads 2: no data race" $RUN "$TS/rapport" -q -j 2 --threads 2 -d "$T/out" "$T/in"
for s in $SAMPLES; do
    check "$s from the batch: the release build's bytes" cmp "$T/out/$s.pdf" "$R/$s.pdf"
done
for u in ahead engine; do
    if [ -x "$TS/test/$u" ]; then counted $RUN "$TS/test/$u"; else bad "no ThreadSanitizer build of tests/unit/$u.c"; fi
done
finish
