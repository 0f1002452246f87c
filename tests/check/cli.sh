#!/usr/bin/env bash
# cli: the command line: options, exit statuses, where PDFs go, mistakes
# a user makes with it, hostile folders (loops, FIFOs, links), the PDF
# never replacing a report, signals while writing, --since
. "$(dirname "$0")/lib.sh"
need_renders
# ---- the command line -------------------------------------------------------
check "--help exits 0" "$BIN" --help
check "--version names the version" sh -c "'$BIN' --version | grep -q '^rapport [0-9]'"
check "no input is a usage error (2)" exit_is 2 "$BIN"
check "an unknown option is a usage error (2)" exit_is 2 "$BIN" --bogus samples/verksamhetsplan-2019.xml
check "... a misspelt one is named with the option it likely is" \
    sh -c "'$BIN' --chek samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'Did you mean --check?' &&
           ! '$BIN' --bogus samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'Did you mean'"
check "-o with two inputs is a usage error (2)" exit_is 2 "$BIN" -o x.pdf a.xml b.xml
check "--threads 5 is a usage error (2)" exit_is 2 "$BIN" --threads 5 samples/verksamhetsplan-2019.xml
# the PDF does not depend on which thread shaped a word or deflated a page
for t in 1 2 4; do "$BIN" -q --threads $t -o "$T/threads-$t.pdf" samples/verksamhetsberattelse-2024.xml; done
check "--threads 1, 2 and 4 give the same bytes" \
    sh -c "cmp -s '$T/threads-1.pdf' '$T/threads-2.pdf' && cmp -s '$T/threads-1.pdf' '$T/threads-4.pdf' && cmp -s '$T/threads-1.pdf' '$R/verksamhetsberattelse-2024.pdf'"
check "a missing input exits 1" exit_is 1 "$BIN" "$T/no-such-report.xml"
# a name not quite right: the file meant is named (a tester wrote the
# report's name without .xml, and a part's and an image's in other
# capitals than the files'); none where nothing is near
mkdir -p "$T/near"
cp samples/verksamhetsplan-2019.xml "$T/near/plan.xml"
printf '<part><section><heading>Del</heading><p>x</p></section></part>\n' >"$T/near/del-ok.xml"
printf '<report type="rapport"><meta><title>T</title></meta><include src="Del-OK.xml"/><section><heading>H</heading><figure src="Bild.PNG" alt="En bild"/></section></report>\n' >"$T/near/r.xml"
: >"$T/near/bild.png"                # (its name is what counts here)
check "a report named without .xml: did you mean plan.xml?" \
    sh -c "cd '$T/near' && ! '$OLDPWD/$BIN' --check plan 2>err && grep -q '^plan: error: cannot open the file' err && grep -q 'hint: did you mean plan.xml?' err"
check "a part and an image named in other capitals: did you mean \"del-ok.xml\", \"bild.png\"?" \
    sh -c "cd '$T/near' && ! '$OLDPWD/$BIN' --check r.xml 2>err &&
           grep -A1 'the part \"Del-OK.xml\" cannot be used' err | grep -q 'hint: did you mean \"del-ok.xml\"?' &&
           grep -A1 'the image \"Bild.PNG\" cannot be used' err | grep -q 'hint: did you mean \"bild.png\"?'"
check "... and nothing where no name is near" sh -c "! '$BIN' --check '$T/no-such-report.xml' 2>&1 | grep -q 'did you mean'"
ln -s nowhere.xml "$T/near/dangling.xml"
check "... nor a link to nothing's own name (a review)" \
    sh -c "cd '$T/near' && ! '$OLDPWD/$BIN' --check dangling.xml 2>&1 | grep -q 'did you mean dangling.xml'"
check "an unwritable output exits 1" exit_is 1 "$BIN" -o /nonexistent-dir/x.pdf samples/verksamhetsplan-2019.xml
check "an unwritable output is explained" sh -c "'$BIN' -o /nonexistent-dir/x.pdf samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'cannot write the PDF'"
cp samples/verksamhetsplan-2019.xml "$T/vp.xml"
check "the PDF goes beside the report by default" sh -c "'$BIN' -q '$T/vp.xml' && test -s '$T/vp.pdf'"
cp "$T/vp.pdf" "$T/vp.good"
cp tests/bad/malformed.xml "$T/vp.xml"
"$BIN" -q "$T/vp.xml" 2>"$T/vp.err"
check "a failed run leaves the old PDF untouched" cmp -s "$T/vp.pdf" "$T/vp.good"
# ... and says it is an old one, even with -q (a user took it for the new
# one and sent it on: a tester), once, after the errors
check "... and says so: no new PDF, the one there is from an earlier run (-q too)" \
    sh -c "tail -1 '$T/vp.err' | grep -q '^$T/vp.pdf: note: no new PDF was made; the one there is from an earlier run (20[0-9-]* [0-9:]*)' &&
           test \$(grep -c 'note:' '$T/vp.err') = 1"
env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=sv_SE.UTF-8 "$BIN" -q "$T/vp.xml" 2>"$T/vp-sv.err"
check "... in Swedish: obs: ingen ny PDF gjordes" grep -q "^$T/vp.pdf: obs: ingen ny PDF gjordes; den som ligger där är från en tidigare körning" "$T/vp-sv.err"
mkdir -p "$T/stale-in" "$T/stale-out"
cp "$T/vp.xml" "$T/stale-in/a.xml"
cp samples/verksamhetsplan-2019.xml "$T/stale-in/b.xml"
cp "$T/vp.good" "$T/stale-out/a.pdf"
"$BIN" -q -d "$T/stale-out" "$T/stale-in" 2>"$T/stale.err"
check "... and in a batch, for that report alone" \
    sh -c "grep -q '^$T/stale-out/a.pdf: note: no new PDF was made' '$T/stale.err' && ! grep -q 'b.pdf: note' '$T/stale.err' &&
           cmp -s '$T/stale-out/a.pdf' '$T/vp.good' && test -s '$T/stale-out/b.pdf'"
"$BIN" -q -o "$T/none.pdf" tests/bad/malformed.xml 2>"$T/none.err"
check "... but not where there was none" sh -c "! grep -q 'note:' '$T/none.err' && test ! -e '$T/none.pdf'"
rm -f "$T/vp.pdf"
check "--check writes nothing" sh -c "'$BIN' --check samples/verksamhetsplan-2019.xml && ! ls samples/*.pdf >/dev/null 2>&1"
mkdir -p "$T/outdir"
check "-d writes every report into the folder" sh -c "'$BIN' -q -d '$T/outdir' samples/*.xml && test \$(ls '$T/outdir'/*.pdf | wc -l) = $(ls samples/*.xml | wc -l)"
check "--layout takes a path to a copied layout" sh -c "cp layouts/linkoping.xml '$T/mine.xml' && sed -i 's|\.\./fonts/|$PWD/fonts/|g' '$T/mine.xml' && '$BIN' -q --layout '$T/mine.xml' -o '$T/l.pdf' samples/verksamhetsplan-2019.xml"

# mistakes a user makes with the command itself
check "-o with a .xml name is refused: it would overwrite a report" exit_is 2 "$BIN" -o "$T/x.xml" samples/verksamhetsplan-2019.xml
check "... in capitals too (.XML)" exit_is 2 "$BIN" -o "$T/x.XML" samples/verksamhetsplan-2019.xml
check "-o with an empty name is a usage error (2)" exit_is 2 "$BIN" -o "" samples/verksamhetsplan-2019.xml
check "--layout= with no name is a usage error (2)" exit_is 2 "$BIN" --check --layout= samples/verksamhetsplan-2019.xml
check "-o given twice is a usage error (2)" exit_is 2 "$BIN" -o "$T/a.pdf" -o "$T/b.pdf" samples/verksamhetsplan-2019.xml
check "-o - is a usage error, no file named - written" \
    sh -c "cd '$T' && '$PWD/$BIN' -o - '$PWD/samples/verksamhetsplan-2019.xml' 2>/dev/null; test \$? = 2 && test ! -e '$T/-'"
check "-o with a folder's name (ending in /) is a usage error that names -d" \
    sh -c "'$BIN' -o '$T/ny/' samples/verksamhetsplan-2019.xml 2>'$T/dir.err'; test \$? = 2 && grep -q 'give it with -d' '$T/dir.err'"
mkdir -p "$T/finns"
check "-o onto a folder says how to write into it (-d)" \
    sh -c "'$BIN' -o '$T/finns' samples/verksamhetsplan-2019.xml 2>'$T/dir.err'; test \$? = 2 && grep -q -- '-d $T/finns' '$T/dir.err'"
cp samples/verksamhetsplan-2019.xml "$T/STOR.XML"
check "a report named .XML writes NAME.pdf" sh -c "'$BIN' -q '$T/STOR.XML' && test -s '$T/STOR.pdf'"
check "one report given twice by two paths is refused, nothing written" \
    sh -c "cd '$T' && '$PWD/$BIN' -q STOR.XML ./STOR.XML 2>twice.err; test \$? = 2 && grep -q 'are the same report' twice.err"
cp "$T/STOR.XML" "$T/copy.xml"; cp "$T/STOR.XML" "$T/copy.XML"
check "two reports writing one PDF, named by two paths, are refused" \
    sh -c "cd '$T' && '$PWD/$BIN' -q ./copy.xml copy.XML 2>both.err; test \$? = 2 && grep -q 'would both write' both.err"
# a batch refused writes nothing, not even the -d folder (it made it);
# a missing report given twice is said to be missing ("would both write")
check "... and with -d, the folder is not made" \
    sh -c "cd '$T' && '$PWD/$BIN' -q -d ut2 ./copy.xml copy.XML 2>/dev/null; test \$? = 2 && test ! -e ut2"
check "a missing report given twice is said to be missing" \
    sh -c "cd '$T' && '$PWD/$BIN' -q saknas.xml ./saknas.xml 2>miss.err; test \$? = 1 && grep -q 'saknas.xml: error: cannot open the file: No such file' miss.err && ! grep -q 'would both' miss.err"
check "... and one missing beside a report that would write its PDF name does not stop the batch" \
    sh -c "cd '$T' && mkdir -p nix && '$PWD/$BIN' -q -d nd copy.xml nix/copy.xml 2>miss2.err; test \$? = 1 && test -s nd/copy.pdf"
check "-d with a report's name is refused" exit_is 2 "$BIN" -d samples/verksamhetsplan-2019.xml
check "-d makes the folder it is given" sh -c "'$BIN' -q -d '$T/new/folder' samples/verksamhetsplan-2019.xml && test -s '$T/new/folder/verksamhetsplan-2019.pdf'"
mkdir -p "$T/two/a" "$T/two/b"
cp samples/verksamhetsplan-2019.xml "$T/two/a/"; cp samples/verksamhetsplan-2019.xml "$T/two/b/"
check "two reports that would write one PDF are refused" exit_is 2 "$BIN" -d "$T/two/out" "$T/two/a/verksamhetsplan-2019.xml" "$T/two/b/verksamhetsplan-2019.xml"
cp layouts/linkoping.xml "$T/two/a/min-stil.xml"
check "a layout among the reports of a folder is not taken for a report" \
    sh -c "'$BIN' -q -d '$T/two/out2' '$T/two/a' && test -s '$T/two/out2/verksamhetsplan-2019.pdf' && test ! -e '$T/two/out2/min-stil.pdf'"
check "a PDF given instead of the report is named as such" sh -c "'$BIN' '$T/vp.good' 2>&1 | grep -q 'this is a PDF, not a report'"
sed 's|right="{page}"|right="{sida}"|' layouts/linkoping.xml >"$T/two/a/fel-stil.xml"
check "an unknown field in the footer is an error" sh -c "'$BIN' --check --layout '$T/two/a/fel-stil.xml' samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'the field {sida} in <footer> is not known'"


# ---- what a hostile folder, command or signal must not do ---------------------
E=$T/edges
mkdir -p "$E"
# 201 warnings, then one error: the error is shown, with -q too, and so is
# how many warnings were left out
{ echo '<report><meta><title>Varningar</title></meta>'
  for i in $(seq 1 201); do echo '<table><columns><column/><column type="number"/></columns><row><cell>A</cell><cell>1,234.5</cell></row></table>'; done
  echo '<p><ref to="saknas"/></p></report>'; } >"$E/warnings.xml"
check "with -q, 201 warnings do not hide the one error" \
    sh -c "'$BIN' -q --check '$E/warnings.xml' 2>&1 | grep -q ':203:4: error: <ref to=\"saknas\">'"
check "without -q the error is shown, and how many warnings were left out" \
    sh -c "'$BIN' --check '$E/warnings.xml' 2>'$E/w.err'; grep -q ':203:4: error: <ref to=\"saknas\">' '$E/w.err' && grep -qx 'rapport: 1 more warning not shown' '$E/w.err'"

# a folder with two links to itself and one to the folder above: each
# folder searched once, each report rendered once
mkdir -p "$E/loop/sub"
cp samples/verksamhetsplan-2019.xml "$E/loop/r.xml"
cp samples/verksamhetsplan-2019.xml "$E/loop/sub/s.xml"
ln -s . "$E/loop/a"; ln -s . "$E/loop/b"; ln -s .. "$E/loop/sub/up"
check "a folder linked to itself is searched once: each report rendered once" \
    sh -c "timeout 10 '$BIN' -q -j 2 -d '$E/loop-out' '$E/loop' && test \"\$(cd '$E/loop-out' && find . -name '*.pdf' | sort | tr '\n' ' ')\" = './r.pdf ./sub/s.pdf '"
# folders deeper than the limit are not searched, with a warning
d=$E/deep; for i in $(seq 1 34); do d=$d/d; done; mkdir -p "$d"
cp samples/verksamhetsplan-2019.xml "$d/r.xml"; cp samples/verksamhetsplan-2019.xml "$E/deep/d/r.xml"
check "folders nested more than 32 deep are not searched, with a warning" \
    sh -c "'$BIN' --check '$E/deep' 2>&1 | grep -q 'folders nested more than 32 deep are not searched'"
# a FIFO named like a report among the reports does not stop the walk
mkdir -p "$E/fifo-dir"; cp samples/verksamhetsplan-2019.xml "$E/fifo-dir/r.xml"; mkfifo "$E/fifo-dir/x.xml"
check "a FIFO named x.xml in a folder does not block: it fails, said, and the report beside it is checked" \
    sh -c "timeout 10 '$BIN' -q --check '$E/fifo-dir' 2>'$E/fd.err'; test \$? = 1 && grep -q 'x.xml: error: this is not a regular file' '$E/fd.err' &&
           grep -q '1 checked, 1 failed' '$E/fd.err'"
check "a FIFO given as the report is refused at once, not waited on" \
    sh -c "timeout 10 '$BIN' -q --check '$E/fifo-dir/x.xml' 2>'$E/f.err'; test \$? = 1 && grep -q 'not a regular file' '$E/f.err'"
mkfifo "$E/fifo-dir/font.ttf"
sed "s|\.\./fonts/Carlito-Regular.ttf|$E/fifo-dir/font.ttf|" layouts/linkoping.xml >"$E/fifo-dir/fifofont.xml"
check "a FIFO named as a font is refused at once, not waited on" \
    sh -c "timeout 10 '$BIN' -q --allow-paths --layout '$E/fifo-dir/fifofont.xml' --check samples/verksamhetsplan-2019.xml 2>'$E/f.err'; test \$? = 1 && grep -q 'is not a regular file' '$E/f.err'"

# the PDF never replaces the report, by any name; nor anything that is
# not a regular file
cp samples/verksamhetsplan-2019.xml "$E/report.txt"; cp "$E/report.txt" "$E/report.orig"
check "-o onto the report itself (not named .xml) is refused, the report kept" \
    sh -c "! '$BIN' -q -o '$E/report.txt' '$E/report.txt' 2>/dev/null && cmp -s '$E/report.txt' '$E/report.orig'"
ln "$E/report.txt" "$E/hardlink.pdf"
check "-o onto a hard link to the report is refused" \
    sh -c "'$BIN' -q -o '$E/hardlink.pdf' '$E/report.txt' 2>'$E/o.err'; test \$? = 2 && grep -q 'it is the report itself' '$E/o.err' && cmp -s '$E/report.txt' '$E/report.orig'"
check "-o onto the report by another path is refused" \
    sh -c "! '$BIN' -q -o '$E/../edges/./report.txt' '$E/report.txt' 2>/dev/null && cmp -s '$E/report.txt' '$E/report.orig'"
cp "$E/report.txt" "$E/beside.xml"; ln "$E/beside.xml" "$E/beside.pdf"
check "a report whose PDF beside it is a hard link to it is not overwritten (exit 1)" \
    sh -c "'$BIN' -q '$E/beside.xml' 2>/dev/null; test \$? = 1 && cmp -s '$E/beside.xml' '$E/report.orig'"
check "--trace onto the report is refused" \
    sh -c "! '$BIN' -q --trace '$E/report.txt' --check '$E/report.txt' 2>/dev/null && cmp -s '$E/report.txt' '$E/report.orig'"
# the trace is written as the PDF is, and replaces only a trace: never
# the PDF being made, a document typed by mistake or a protected file
cp samples/verksamhetsplan-2019.xml "$E/tr.xml"
"$BIN" -q -o "$E/tr.pdf" "$E/tr.xml"; cp "$E/tr.pdf" "$E/tr.orig"
check "--trace onto the PDF being made is refused, the PDF there kept (exit 1)" \
    sh -c "'$BIN' -q --trace '$E/tr.pdf' '$E/tr.xml' 2>'$E/tr.err'; test \$? = 1 && grep -q 'it is the PDF being made' '$E/tr.err' && cmp -s '$E/tr.pdf' '$E/tr.orig'"
printf 'PK\003\004 ett Word-dokument' >"$E/viktigt.docx"; cp "$E/viktigt.docx" "$E/viktigt.orig"
check "--trace onto a file that is no trace is refused, the file kept, no PDF made" \
    sh -c "rm -f '$E/tr2.pdf'; '$BIN' -q -o '$E/tr2.pdf' --trace '$E/viktigt.docx' '$E/tr.xml' 2>'$E/tr.err'; test \$? = 1 && grep -q 'not a trace' '$E/tr.err' && cmp -s '$E/viktigt.docx' '$E/viktigt.orig' && test ! -e '$E/tr2.pdf'"
check "... a trace is replaced by the next one, and a read-only trace is not" \
    sh -c "'$BIN' -q --trace '$E/tr.trace' '$E/tr.xml' && '$BIN' -q --trace '$E/tr.trace' '$E/tr.xml' && head -1 '$E/tr.trace' | grep -q '^page 1' &&
           chmod 444 '$E/tr.trace' && ! '$BIN' -q --trace '$E/tr.trace' '$E/tr.xml' 2>/dev/null; chmod 644 '$E/tr.trace'"
check "--trace /dev/stdout and --trace=FILE write the trace (straight to a device or pipe)" \
    sh -c "'$BIN' -q --trace /dev/stdout -o '$E/tr3.pdf' '$E/tr.xml' | head -1 | grep -q '^page 1' &&
           '$BIN' -q --trace='$E/tr3.trace' -o '$E/tr3.pdf' '$E/tr.xml' && head -1 '$E/tr3.trace' | grep -q '^page 1'"
check "... a trace piped to a reader that stops early (| head -1) costs the trace, not the PDF" \
    sh -c "rm -f '$E/big.pdf'; '$BIN' -q --trace /dev/stdout -o '$E/big.pdf' samples/verksamhetsberattelse-2024.xml | head -1 | grep -q '^page 1' &&
           test -s '$E/big.pdf'"
mkdir -p "$E/trj"; for k in 1 2 3 4; do cp samples/verksamhetsberattelse-2024.xml "$E/trj/vb$k.xml"; done
check "--trace FILE with several reports is refused (each would replace the one before), nothing made" \
    sh -c "'$BIN' -q --trace '$E/trj.trace' '$E/trj/vb1.xml' '$E/trj/vb2.xml' 2>'$E/trj.err'; test \$? = 2 &&
           grep -q 'takes one report' '$E/trj.err' && test ! -e '$E/trj.trace' && test ! -e '$E/trj/vb1.pdf'"
check "... --trace /dev/stdout with -j gives each report's trace whole, one after the other, each begun with its name" \
    sh -c "'$BIN' -q -j 4 --trace /dev/stdout '$E/trj' 2>/dev/null | awk '/^page /{ if (\$2 != (p % 21) + 1 || (p % 21 == 0 && last !~ /^report .*vb[1-4]\.xml\$/)) bad = 1; p++ } { last = \$0 } END { exit bad || p != 84 }'"
check "... --json and --trace /dev/stdout together are refused (one stream for both)" \
    sh -c "'$BIN' -q --json --trace /dev/stdout '$E/trj' >/dev/null 2>'$E/trj-json.err'; test \$? = 2 && grep -q 'would both write to standard output' '$E/trj-json.err'"
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    printf 'PK\003\004 ett Word-dokument' >/dev/shm/rapport-check-$$.docx
    check "... a file under /dev that is no device is refused as any other (/dev/shm)" \
        sh -c "! '$BIN' -q --trace /dev/shm/rapport-check-$$.docx -o '$E/tr4.pdf' '$E/tr.xml' 2>/dev/null &&
               grep -q 'ett Word-dokument' /dev/shm/rapport-check-$$.docx"
    rm -f /dev/shm/rapport-check-$$.docx
fi
check "a new PDF and trace are made as the umask says (077: for their owner alone)" \
    sh -c "rm -f '$E/um.pdf' '$E/um.trace'; (umask 077; '$BIN' -q --trace '$E/um.trace' -o '$E/um.pdf' '$E/tr.xml') &&
           test \$(stat -c %a '$E/um.pdf') = 600 && test \$(stat -c %a '$E/um.trace') = 600"
mkfifo "$E/fifo.pdf"
check "-o onto a FIFO is refused with a clear error, the FIFO kept" \
    sh -c "timeout 10 '$BIN' -q -o '$E/fifo.pdf' '$E/beside.xml' 2>'$E/o.err'; test \$? = 2 && grep -q 'it is a FIFO' '$E/o.err' && test -p '$E/fifo.pdf'"
ln -s "$E/report.orig" "$E/link.pdf"
check "-o onto a symbolic link is refused, the link and its file kept" \
    sh -c "! '$BIN' -q -o '$E/link.pdf' '$E/beside.xml' 2>/dev/null && test -L '$E/link.pdf' && cmp -s '$E/report.orig' '$E/report.txt'"
mkdir -p "$E/dir.pdf"
check "-o onto a folder is refused" sh -c "'$BIN' -q -o '$E/dir.pdf' '$E/beside.xml' 2>'$E/o.err'; test \$? = 2 && grep -q 'it is a folder' '$E/o.err'"
# only a PDF is replaced: a document typed as -o by mistake is kept
printf 'PK\003\004 viktigt protokoll' >"$E/protokoll.docx"; cp "$E/protokoll.docx" "$E/protokoll.orig"
check "-o onto a file that is not a PDF is refused, the file kept" \
    sh -c "'$BIN' -q -o '$E/protokoll.docx' samples/verksamhetsplan-2019.xml 2>'$E/o.err'; test \$? = 2 && grep -q 'not a PDF' '$E/o.err' && cmp -s '$E/protokoll.docx' '$E/protokoll.orig'"
: >"$E/empty.pdf"
check "-o onto an empty file writes the PDF" sh -c "'$BIN' -q -o '$E/empty.pdf' samples/verksamhetsplan-2019.xml && head -c 5 '$E/empty.pdf' | grep -q '%PDF-'"
chmod 640 "$E/empty.pdf"
check "a PDF replaced keeps its permissions (640)" \
    sh -c "'$BIN' -q -o '$E/empty.pdf' samples/verksamhetsplan-2019.xml && test \"\$(stat -c %a '$E/empty.pdf')\" = 640"
# a PDF made read-only is protected (an archived report): never replaced,
# not even by root or in a folder that would let it be (it was, silently)
cp "$E/empty.pdf" "$E/arkiv.pdf"; chmod 444 "$E/arkiv.pdf"; cp "$E/arkiv.pdf" "$E/arkiv.orig"
check "-o onto a read-only PDF is refused, exit 1 (not the command line's fault), the PDF kept and said to be an earlier one" \
    sh -c "'$BIN' -o '$E/arkiv.pdf' samples/verksamhetsplan-2019.xml 2>'$E/o.err'; test \$? = 1 && grep -q 'write-protected' '$E/o.err' &&
           grep -q 'arkiv.pdf: note: no new PDF was made' '$E/o.err' && cmp -s '$E/arkiv.pdf' '$E/arkiv.orig'"
cp samples/verksamhetsplan-2019.xml "$E/arkiv.xml"
check "... and in a batch that report fails, the PDF kept" \
    sh -c "'$BIN' -q '$E/arkiv.xml' '$E/beside.xml' 2>'$E/o.err'; test \$? != 0 && grep -q 'write-protected' '$E/o.err' && cmp -s '$E/arkiv.pdf' '$E/arkiv.orig'"
# a folder missing or closed: the hint names it (the message named the
# PDF only: "cannot write the PDF: No such file or directory")
check "-o into a folder that does not exist: the hint names the folder and -d" \
    sh -c "'$BIN' -q -o '$E/finns/inte/x.pdf' '$E/beside.xml' 2>'$E/o.err'; test \$? = 1 && grep -q 'hint: the folder .*/finns/inte does not exist: create it, or give the folder with -d' '$E/o.err'"
if [ "$(id -u)" = 0 ]; then     # a device node of our own (as /dev/null is, which -o would have replaced)
    mknod "$E/null" c 1 3
    check "-o onto a device is refused, the device kept" \
        sh -c "'$BIN' -q -o '$E/null' '$E/beside.xml' 2>'$E/o.err'; test \$? = 2 && grep -q 'it is a device' '$E/o.err' && test -c '$E/null'"
fi

# a write stopped by a file size limit or a signal leaves no temporary file;
# one killed outright leaves one the next run in that folder removes
mkdir -p "$E/sig"; cp samples/verksamhetsplan-2019.xml "$E/sig/r.xml"
printf '%%PDF-gammal\n' >"$E/sig/r.pdf"
check "over ulimit -f: exit 1, a message, no temporary file, the old PDF kept" \
    sh -c "(ulimit -f 40; '$BIN' -q '$E/sig/r.xml' 2>'$E/sig.err'); test \$? = 1 && grep -q 'File too large' '$E/sig.err' && test \"\$(ls '$E/sig')\" = 'r.pdf
r.xml' && grep -qx %PDF-gammal '$E/sig/r.pdf'"
# (a signal is sent once the temporary file is there, waiting up to 10 s
# for it; the checks print what the folder held)
seen_temp() { for _ in $(seq 1 200); do ls "$1" | grep -q 'r\.pdf\.rapport-' && return 0; sleep 0.05; done; return 1; }
sig_left() {     # sig_left WANT-LISTING SEEN RC-FILE
    local got
    got=$(ls "$E/sig" | tr '\n' ' ')
    echo "the folder holds: $got; the temporary file was seen: $2; exit status $(cat "$3" 2>/dev/null)"
    [ "$2" = yes ] && [ "$got" = "$1" ]
}
for s in TERM INT HUP; do
    ( set -m; LD_PRELOAD=$PWD/$B/slow-fsync.so "$BIN" -q "$E/sig/r.xml" 2>/dev/null & p=$!
      seen_temp "$E/sig" && echo yes >"$E/sig.seen"
      kill -$s $p; wait $p; echo $? >"$E/sig.rc" ) 2>/dev/null
    check "SIG$s while writing: the temporary file removed, the old PDF kept, ended by the signal" \
        sh -c "$(declare -f sig_left); E='$E'; sig_left 'r.pdf r.xml ' \"\$(cat '$E/sig.seen' 2>/dev/null)\" '$E/sig.rc' &&
               grep -qx %PDF-gammal '$E/sig/r.pdf' && test \$(cat '$E/sig.rc') -gt 128"
    rm -f "$E/sig.seen"
done
# SIGTERM to a batch: passed on to the reports being rendered
mkdir -p "$E/sigb/in"; cp "$E/sig/r.xml" "$E/sigb/in/a.xml"; cp "$E/sig/r.xml" "$E/sigb/in/b.xml"
( LD_PRELOAD=$PWD/$B/slow-fsync.so "$BIN" -q -j 2 -d "$E/sigb/out" "$E/sigb/in" 2>/dev/null & p=$!
  for _ in $(seq 1 200); do [ "$(ls "$E/sigb/out" 2>/dev/null | wc -l)" = 2 ] && echo yes >"$E/sigb.seen" && break; sleep 0.05; done
  kill -TERM $p; wait $p; sleep 0.2 ) 2>/dev/null
check "SIGTERM to a batch stops its reports too: no temporary file left" \
    sh -c "ls '$E/sigb/out'; test -s '$E/sigb.seen' && test -d '$E/sigb/out' && test -z \"\$(ls '$E/sigb/out')\""
( LD_PRELOAD=$PWD/$B/slow-fsync.so "$BIN" -q "$E/sig/r.xml" 2>/dev/null & p=$!
  seen_temp "$E/sig"
  kill -KILL $p; wait $p ) 2>/dev/null
# (the machine's tag: eight hex digits of FNV-1a over its name)
host=$(python3 -c "import socket; v = 2166136261
for b in socket.gethostname().encode(): v = ((v ^ b) * 16777619) & 0xffffffff
print('%08x' % v)")
check "SIGKILL while writing leaves a temporary file named REPORT.pdf.rapport-HOST-PID-XXXXXX" \
    sh -c "ls '$E/sig'; ls '$E/sig' | grep -qE '^r\.pdf\.rapport-$host-[0-9]+-[A-Za-z0-9]{6}\$'"
# Left over: one of this machine whose process has ended. Not: one of a
# process that runs; one of another machine, whose process numbers are
# not ours (a run there had its file removed from a shared folder, and
# failed); one locked by the process writing it (this machine's, in
# another PID namespace); one named by an earlier version, without its
# machine; what is no such name
dead=$(sh -c 'echo $$')
touch "$E/sig/r.pdf.rapport-$host-$$-abcdef" "$E/sig/r.pdf.rapport-0badc0de-$dead-abcdef" \
      "$E/sig/r.pdf.rapport-$host-$dead-lÅsXyz" "$E/sig/r.pdf.rapport-$host-$dead-locked" \
      "$E/sig/r.pdf.rapport-$host-$dead-gone00" "$E/sig/r.pdf.rapport-$dead-abcdef" \
      "$E/sig/r.pdf.rapport-9-notes" "$E/sig/other.pdf.123456"
flock "$E/sig/r.pdf.rapport-$host-$dead-locked" sleep 30 & locker=$!
for _ in $(seq 1 100); do flock -n "$E/sig/r.pdf.rapport-$host-$dead-locked" true || break; sleep 0.05; done
# (compared sorted alike: how ls orders "rapport-9-" and "rapport-966-"
# depends on the locale, and this shell's PID is in one of the names)
sig_want=$(printf '%s\n' other.pdf.123456 r.pdf "r.pdf.rapport-$host-$$-abcdef" "r.pdf.rapport-0badc0de-$dead-abcdef" \
           "r.pdf.rapport-$host-$dead-lÅsXyz" "r.pdf.rapport-$host-$dead-locked" "r.pdf.rapport-$dead-abcdef" \
           r.pdf.rapport-9-notes r.xml s.pdf | LC_ALL=C sort | tr '\n' ' ')
check "the next run writing there removes it, and only what is left over" \
    sh -c "'$BIN' -q -o '$E/sig/s.pdf' '$E/sig/r.xml'; ls '$E/sig' | LC_ALL=C sort | tr '\n' ' '; test \"\$(ls '$E/sig' | LC_ALL=C sort | tr '\n' ' ')\" = '$sig_want'"
kill $locker 2>/dev/null; wait $locker 2>/dev/null
# a batch removes them too, once before its reports, not in each report's
# process (which listed the folder again for every PDF: a sixth of the
# time of 3 000 reports into one folder)
mkdir -p "$E/sweep/in" "$E/sweep/out"
for i in 1 2 3; do cp "$E/sig/r.xml" "$E/sweep/in/r$i.xml"; done
touch "$E/sweep/out/r1.pdf.rapport-$host-$dead-gone00" "$E/sweep/out/r9.pdf.rapport-$host-$dead-gone01"
check "a batch writing in a folder removes what runs killed there left" \
    sh -c "'$BIN' -q -d '$E/sweep/out' '$E/sweep/in' && ls '$E/sweep/out'; test \"\$(ls '$E/sweep/out' | tr '\n' ' ')\" = 'r1.pdf r2.pdf r3.pdf '"
# a PDF's name of 244 bytes (å takes two) still leaves room for the
# temporary file's (it failed: "File name too long", a review)
long=$(python3 -c "print('å' * 118 + 'xxxx')")
check "a PDF whose name is 244 bytes long is written" \
    sh -c "'$BIN' -q -o '$E/sig/$long.pdf' '$E/sig/r.xml' && test -s '$E/sig/$long.pdf' && rm -f '$E/sig/$long.pdf'"

# --since and a PDF dated in the future: made again, with a warning
cp samples/verksamhetsplan-2019.xml "$E/since.xml"
"$BIN" -q "$E/since.xml"
touch -d 2099-01-01 "$E/since.pdf"
check "--since remakes a PDF dated in the future, and says so" \
    sh -c "'$BIN' --since '$E/since.xml' 2>'$E/since.err' && grep -q 'in the future' '$E/since.err' && test \$(date -r '$E/since.pdf' +%Y) != 2099"
stat -c %y "$E/since.pdf" >"$E/since.t1"
check "--since then skips it: up to date" \
    sh -c "'$BIN' --since '$E/since.xml' && stat -c %y '$E/since.pdf' | cmp -s - '$E/since.t1'"
# a report restored with an old date (cp -p, an archive) is newer by its ctime
touch -d 2001-01-01 "$E/since.xml"
check "--since remakes a PDF whose report came back with an old date (cp -p)" \
    sh -c "'$BIN' -q --json --since '$E/since.xml' | grep -q '\"status\": \"ok\"'"
# a report saved while it renders (here: once its trace is written, after
# it was read) is newer than its PDF: --since makes it again
"$B/gen" --pages 300 >"$E/long.xml"
check "a report saved while it renders is rendered again by --since" \
    sh -c "rm -f '$E/long.trace'; '$BIN' -q --trace '$E/long.trace' '$E/long.xml' & p=\$!;
           while [ ! -e '$E/long.trace' ] && kill -0 \$p 2>/dev/null; do sleep 0.01; done; sleep 0.01; touch '$E/long.xml'; wait \$p &&
           '$BIN' -q --json --since '$E/long.xml' | grep -q '\"status\": \"ok\"' &&
           '$BIN' -q --json --since '$E/long.xml' | grep -q '\"status\": \"skipped\"'"

# "--" ends the options: a report whose name begins with "-"
cp samples/verksamhetsplan-2019.xml "$E/-dash.xml"
check "-- ends the options: a report named -dash.xml renders" \
    sh -c "b=\$(realpath '$BIN') && cd '$E' && \"\$b\" -q -- -dash.xml && test -s '$E/-dash.pdf'"
check "--check with -o says that -o is not used (no PDF is written)" \
    sh -c "'$BIN' --check -o '$E/no.pdf' samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'warning: -o is not used with --check' && test ! -e '$E/no.pdf'"

# a word where a report's file was wanted gets a hint ("rapport hjälp"
# said only that the file could not be opened: a new user)
check "a word for a file name (rapport hjälp) is pointed to --help" \
    sh -c "cd '$T' && '$PWD/$BIN' hjälp 2>&1 | grep -q \"'rapport --help' lists what rapport takes\""
# a folder that is there but takes no files is not said to be missing
# ("mappen /proc finns inte: skapa den": a new user)
check "-o into a folder that takes no files (/proc) says so, not that it is missing" \
    sh -c "'$BIN' -o /proc/rapport-check.pdf samples/verksamhetsplan-2019.xml 2>&1 | grep -q 'may not write in the folder /proc:'"
finish
