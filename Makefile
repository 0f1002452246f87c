# rapport - XML board reports to print-ready PDF.
#
#   make demo    install what is missing, build, render samples/*.xml to out/
#   make check   install what is missing, build, run every test
#   make         just build build/rapport
#
# BUILD=release (default) | debug | sanitize | thread (ThreadSanitizer)

BUILD   ?= release
CC      ?= gcc
PKGS    := gcc make libc6-dev libhpdf-dev libxml2-dev liblzma-dev libxml2-utils zlib1g-dev libdeflate-dev libhyphen-dev \
           libharfbuzz-dev hyphen-sv hunspell-sv poppler-utils qpdf jq time bc valgrind libimage-exiftool-perl universal-ctags \
           pandoc zip unzip gettext man-db mupdf-tools libc-l10n python3 python3-fonttools

XML_CFLAGS := $(shell xml2-config --cflags 2>/dev/null || echo -I/usr/include/libxml2)
WARN    := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wno-unused-parameter
ifeq ($(CI),true)
WARN    += -Werror
endif
CFLAGS_release  := -O2 -g
CFLAGS_debug    := -O0 -g3
CFLAGS_sanitize := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
                   -fno-sanitize-recover=undefined
CFLAGS_thread   := -O1 -g -fsanitize=thread
CFLAGS  := $(WARN) $(CFLAGS_$(BUILD)) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(XML_CFLAGS) \
           -I/usr/include/harfbuzz
LDLIBS  := -lhpdf -lxml2 -lharfbuzz-subset -lharfbuzz -ldeflate -lz -lm -lpthread
# The program links libxml2 in (Debian's libxml2.a, from libxml2-dev;
# it reads .xz files through liblzma): libxml2.so brings ICU and the C++
# runtime into every run, 2.4 ms and 1.7 MiB of it, for converters
# rapport does without (src/cli/noicu.c stands in for them). A libxml2
# update relinks it (the .a is a prerequisite). Without the .a, the
# shared library and ICU, as the tests and the library's users link it.
# Both are looked for as the program is linked, after `deps` (a fresh
# machine gets libxml2-dev in the same make).
XML_A    = $(shell $(CC) -print-file-name=libxml2.a)
XML_LIBS = $(if $(filter /%,$(XML_A)),$(XML_A) $(OBJDIR)/cli/noicu.o -llzma,-lxml2)
SAN     := -fsanitize=address,undefined
LDFLAGS := $(if $(filter sanitize,$(BUILD)),$(SAN)) $(if $(filter thread,$(BUILD)),-fsanitize=thread)

OUT     := build/$(if $(filter release,$(BUILD)),,$(BUILD)/)
OBJDIR  := $(OUT)obj
LIB_SRC := $(wildcard src/*.c src/base/*.c src/model/*.c src/parse/*.c \
                      src/measure/*.c src/paginate/*.c src/draw/*.c)
LIB_OBJ := $(LIB_SRC:src/%.c=$(OBJDIR)/%.o) $(OBJDIR)/gen/report_rng.o $(OBJDIR)/gen/layout_rng.o \
           $(OBJDIR)/gen/lexicon_data.o $(OBJDIR)/gen/patterns_data.o
LEXICON_DIC := /usr/share/hunspell/sv_SE.dic
# the default layout's hyphenation dictionary, carried ready-made
PATTERNS_DIC := /usr/share/hyphen/hyph_sv_SE.dic
CLI_OBJ := $(patsubst src/%.c,$(OBJDIR)/%.o,$(filter-out src/cli/noicu.c,$(wildcard src/cli/*.c src/import/*.c))) \
           $(OBJDIR)/gen/starters.o
# one per report type of src/parse/report.rng, in its order
STARTERS := $(patsubst %,src/cli/new/%.xml,verksamhetsberattelse delarsrapport verksamhetsplan internbudget rapport)
TEST_SRC := $(wildcard tests/unit/*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(OUT)test/%)

SAMPLES := $(wildcard samples/*.xml)
DEMO_PDF := $(SAMPLES:samples/%.xml=out/%.pdf)

.PHONY: all demo check deps clean install uninstall golden bench fuzz fuzz-image test-bins-sanitize pot

# Messages in the user's language (gettext): po/sv.po, compiled into
# $(OUT)locale/sv/LC_MESSAGES/rapport.mo, where rapport finds it beside
# itself; make install puts it in $(PREFIX)/share/locale. make pot
# collects the messages marked _("...") into po/rapport.pot; a message
# without its Swedish is an error of make check (section messages).
LINGUAS := sv
MO := $(LINGUAS:%=$(OUT)locale/%/LC_MESSAGES/rapport.mo)
XGETTEXT := xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 \
            --add-comments=TRANSLATORS: --package-name=rapport --msgid-bugs-address=rapport --sort-by-file
MSG_SRC = $(filter-out src/gen/%,$(wildcard src/*.c src/*/*.c src/*.h src/*/*.h))

all: deps $(OUT)rapport $(MO)

# Install the Debian packages rapport needs, if any is missing.
deps:
	@missing=""; for p in $(PKGS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "rapport: installing$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then S=; else S=sudo; fi; \
	  $$S apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$S apt-get install -y -qq $$missing >/dev/null \
	    || { echo "rapport: could not install$$missing"; exit 1; }; \
	fi

$(OUT)rapport: $(CLI_OBJ) $(OUT)librapport.a $(OBJDIR)/cli/noicu.o $(filter /%,$(XML_A))
	@echo "  LINK $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(OUT)librapport.a $(LDLIBS:-lxml2=$(XML_LIBS))

$(OUT)locale/%/LC_MESSAGES/rapport.mo: po/%.po
	@mkdir -p $(dir $@)
	@msgfmt --check -o $@ $<

pot:
	@$(XGETTEXT) -o po/rapport.pot $(MSG_SRC)
	@msgmerge -q --update --backup=none po/sv.po po/rapport.pot

$(OBJDIR)/cli/main.o: CFLAGS += -DRP_LOCALE_DIR='"$(PREFIX)/share/locale"'

$(OUT)librapport.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(OBJDIR)/%.o: src/%.c
	@mkdir -p $(dir $@)
	@echo "  CC   $<$(if $(filter release,$(BUILD)),, ($(BUILD)))"
	@$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

# The schemas are compiled into the program: report.rng and layout.rng
# as C strings (rp_report_rng, rp_layout_rng), without the descriptions
# (<a:documentation>) that editors show: rapport has no use for them,
# and they cost 18 % of the schemas' compile. The installed copies keep them.
RNG_STRIP := -e '/^[[:space:]]*<a:documentation>[^<]*<\/a:documentation>$$/d' \
             -e 's|<a:documentation>[^<]*</a:documentation>||g'
$(OBJDIR)/gen/%_rng.c: src/parse/%.rng
	@mkdir -p $(dir $@)
	@{ echo '/* generated from $< by the Makefile */'; \
	  echo 'const char rp_$*_rng[] ='; \
	  sed $(RNG_STRIP) $< | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/'; \
	  echo ';'; \
	  echo 'const unsigned long rp_$*_rng_len = sizeof rp_$*_rng - 1;'; } > $@

# kept: the fuzz targets compile them too
.PRECIOUS: $(OBJDIR)/gen/%_rng.c

$(OBJDIR)/gen/%_rng.o: $(OBJDIR)/gen/%_rng.c
	@$(CC) $(CFLAGS) -Wno-missing-prototypes -Wno-missing-variable-declarations -c -o $@ $<

# The starter reports of rapport --new, compiled into the command as
# C strings (rp_starters, src/cli/new.h): one per report type.
$(OBJDIR)/gen/starters.c: $(STARTERS)
	@mkdir -p $(dir $@)
	@{ echo '/* generated from src/cli/new/ by the Makefile */'; \
	  echo '#include "cli/new.h"'; \
	  echo 'const Starter rp_starters[] = {'; \
	  for f in $(STARTERS); do \
	    echo "{ \"$$(basename $$f .xml)\","; \
	    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $$f; \
	    echo '},'; \
	  done; \
	  echo '};'; \
	  echo 'const int rp_nstarters = sizeof rp_starters / sizeof *rp_starters;'; } > $@

$(OBJDIR)/gen/starters.o: $(OBJDIR)/gen/starters.c src/cli/new.h
	@$(CC) $(CFLAGS) -Isrc -c -o $@ $<

# The words Swedish compounds are made of, from hunspell-sv's dictionary,
# as a table carried in the program (src/gen/lexicon.c, src/measure/compound.c).
$(OBJDIR)/gen/lexicon: src/gen/lexicon.c src/measure/lexicon.h
	@mkdir -p $(dir $@)
	@$(CC) -std=c11 -O2 -Wall -o $@ $<

$(OBJDIR)/gen/lexicon.bin: $(OBJDIR)/gen/lexicon $(LEXICON_DIC)
	@$< $(LEXICON_DIC) > $@.tmp 2>/dev/null && mv $@.tmp $@

$(OBJDIR)/gen/lexicon_data.o: $(OBJDIR)/gen/lexicon.bin
	@printf '.section .rodata\n.global rp_lexicon\n.global rp_lexicon_end\n.balign 16\nrp_lexicon:\n.incbin "%s"\nrp_lexicon_end:\n.section .note.GNU-stack,"",@progbits\n' $< > $(@:.o=.S)
	@$(CC) -c -o $@ $(@:.o=.S)

# The hyphenation patterns as the program carries them (src/gen/patterns.c,
# src/measure/hyphen.c): a run of that dictionary reads no patterns.
$(OBJDIR)/gen/patterns: src/gen/patterns.c src/measure/hyphen.c src/measure/hyphen.h src/base/arena.c src/base/utf8.c
	@mkdir -p $(dir $@)
	@$(CC) $(CFLAGS) -Isrc -o $@ src/gen/patterns.c src/measure/hyphen.c src/base/arena.c src/base/utf8.c $(LDFLAGS)

$(OBJDIR)/gen/patterns.bin: $(OBJDIR)/gen/patterns $(wildcard $(PATTERNS_DIC))
	@$< $(PATTERNS_DIC) > $@.tmp && mv $@.tmp $@

$(OBJDIR)/gen/patterns_data.o: $(OBJDIR)/gen/patterns.bin
	@printf '.section .rodata\n.global rp_patterns\n.global rp_patterns_end\n.balign 16\nrp_patterns:\n.incbin "%s"\nrp_patterns_end:\n.section .note.GNU-stack,"",@progbits\n' $< > $(@:.o=.S)
	@$(CC) -c -o $@ $(@:.o=.S)

$(OUT)test/%: tests/unit/%.c $(OUT)librapport.a tests/unit/test.h
	@mkdir -p $(dir $@)
	@echo "  TEST $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -Isrc -o $@ $< $(OUT)librapport.a $(LDLIBS)

demo: all
	@mkdir -p out
	@for f in $(SAMPLES); do \
	  o=out/$$(basename $$f .xml).pdf; \
	  $(OUT)rapport -o $$o $$f && echo "rendered $$o ($$(pdfinfo $$o 2>/dev/null | awk '/^Pages/{print $$2}') pages)" || exit 1; \
	done


# Every test: unit tests and end-to-end tests on the release build, and
# under AddressSanitizer and UndefinedBehaviorSanitizer. The tests are in
# sections, tests/check/NAME.sh, that run side by side (one per core) and
# print a line each as they end; the last line adds them up: "N passed,
# N failed". make check ONLY=tables runs one section (ONLY="a b": two).
# Jobs: one per core, or as make -jN says.
NPROC := $(shell nproc 2>/dev/null || echo 2)
# the sections, longest first, so that the cores end together
CHECK_SECTIONS := accessibility unit-sanitize batch samples hostile import charts contents unit \
                  threads bad csv cli editing tables archival goals notes fonts stress furniture covers \
                  typography layout hyphenation readme code parts messages docs
ONLY ?=
CHECK_RUN := renders $(or $(ONLY),$(CHECK_SECTIONS))
TEST_TOOLS := build/complete build/gen build/pixel build/swatches build/sentences build/slow-fsync.so \
              build/mkpng build/rp2json

check: deps
	@$(if $(filter-out $(CHECK_SECTIONS),$(ONLY)),echo "make check: no section called $(filter-out $(CHECK_SECTIONS),$(ONLY)); the sections: $(CHECK_SECTIONS)"; exit 2)
	@rm -f build/check/*.result
	@$(MAKE) $(if $(findstring -j,$(MAKEFLAGS)),,-j$(NPROC)) --output-sync=target --no-print-directory \
	  check-sections CHECK_RUN="$(CHECK_RUN)"

# (run by make check, which shares the cores among all of it: the release
# build, then the samples rendered once for the sections that read them;
# the sanitizer build beside the first sections, before those that use
# it. Each section ends with status 0 and its counts in
# build/check/NAME.result, which tests/check/summary adds up.)
CHECK_SECTION_TARGETS := $(addprefix check-section-,$(CHECK_RUN))
CHECK_SANITIZED := unit-sanitize samples bad hostile messages
.PHONY: check-sections check-build-release check-build-sanitize check-build-thread $(CHECK_SECTION_TARGETS)
check-sections: $(CHECK_SECTION_TARGETS)
	@tests/check/summary build $(CHECK_RUN)
check-build-release:
	@$(MAKE) -s --no-print-directory all $(TEST_BIN) $(TEST_TOOLS)
check-build-sanitize:
	@$(MAKE) -s --no-print-directory BUILD=sanitize all test-bins-sanitize
# ThreadSanitizer: the program and the unit tests of what runs on threads
check-build-thread:
	@$(MAKE) -s --no-print-directory BUILD=thread all build/thread/test/ahead build/thread/test/engine
check-section-threads: check-build-thread
check-section-renders check-section-unit: check-build-release
$(filter-out check-section-renders check-section-unit check-section-unit-sanitize,$(CHECK_SECTION_TARGETS)): check-section-renders
$(addprefix check-section-,$(CHECK_SANITIZED)): check-build-sanitize
$(CHECK_SECTION_TARGETS): check-section-%:
	@tests/check/$*.sh build

build/pixel: tests/tools/pixel.c
	@mkdir -p build
	@$(CC) -std=c11 -O2 -Wall -o $@ $<

build/swatches: tests/tools/swatches.c
	@mkdir -p build
	@$(CC) -std=c11 -O2 -Wall -o $@ $<

# For the signal tests: an fsync() that waits, so a signal finds the temporary file.
build/slow-fsync.so: tests/tools/slow-fsync.c
	@mkdir -p build
	@$(CC) -shared -fPIC -O2 -Wall -o $@ $<

build/sentences: tests/tools/sentences.c
	@mkdir -p build
	@$(CC) -std=c11 -O2 -Wall $(XML_CFLAGS) -o $@ $< -lxml2

# For the import's round trip: a report as a Word document (pandoc's JSON).
build/rp2json: tests/import/rp2json.c build/librapport.a
	@mkdir -p build
	@$(CC) -std=c11 -O2 -Wall -D_POSIX_C_SOURCE=200809L $(XML_CFLAGS) -Isrc -o $@ $< build/librapport.a -lxml2 -lm

build/mkpng: tests/tools/mkpng.c tests/tools/pngenc.h
	@mkdir -p build
	@$(CC) -std=c11 -O2 -Wall -o $@ $< -lz

build/gen: tests/tools/gen.c
	@mkdir -p build
	@$(CC) -std=c11 -O2 -Wall -o $@ $<

build/complete: tests/tools/complete.c
	@mkdir -p build
	@$(CC) -std=c11 -O2 -Wall -D_GNU_SOURCE -o $@ $<

test-bins-sanitize: $(TEST_BIN)

$(OUT)test/image: tests/tools/pngenc.h

# rapport hyphenates on its own; the test compares it with libhyphen.
$(OUT)test/hyphen: LDLIBS += -lhyphen

# Fuzzing: libFuzzer over parse -> layout -> render. Two targets: the
# report (fuzz_render, seeded with the samples and the bad-input corpus)
# and the files it leans on (fuzz_assets: layouts, fonts, PNG, JPEG and
# ICC profiles). make fuzz FUZZ_SECONDS=1800 runs each that long.
FUZZ_SECONDS ?= 300
FUZZ_CC := clang -std=c11 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	  -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(XML_CFLAGS) -I/usr/include/harfbuzz -Isrc -DRAPPORT_SOURCE_DIR=\"$(CURDIR)\"
# the tables the build carries (the lexicon, the hyphenation patterns)
GEN_DATA := build/obj/gen/lexicon_data.o build/obj/gen/patterns_data.o
build/fuzz/fuzz_%: $(LIB_SRC) tests/fuzz/fuzz_%.c build/obj/gen/report_rng.c build/obj/gen/layout_rng.c $(GEN_DATA)
	@mkdir -p build/fuzz
	@echo "  FUZZ $@"
	@$(FUZZ_CC) -o $@ $(LIB_SRC) build/obj/gen/report_rng.c build/obj/gen/layout_rng.c $(GEN_DATA) \
	  tests/fuzz/$(notdir $@).c $(LDLIBS)

FUZZ_RUN = -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -artifact_prefix=build/fuzz/crashes/ -print_final_stats=1

fuzz:
	@$(MAKE) --no-print-directory deps PKGS="clang libclang-rt-14-dev"
	@$(MAKE) --no-print-directory all build/fuzz/fuzz_render build/fuzz/fuzz_assets
	@mkdir -p build/fuzz/corpus build/fuzz/assets build/fuzz/crashes
	@sed -e 's|data-table="no"|data-table="yes"|' -e 's|"\.\./fonts/|"$(CURDIR)/fonts/|g' \
	  -e 's|"icc/|"$(CURDIR)/layouts/icc/|' layouts/linkoping.xml >build/fuzz/datatable.xml
	@cp -n samples/*.xml tests/bad/*.xml tests/fuzz/crashes/* build/fuzz/corpus/ 2>/dev/null || true
	@{ printf '\000'; cat layouts/linkoping.xml; } >build/fuzz/assets/layout
	@{ printf '\001'; head -c 60000 fonts/Carlito-Regular.ttf; } >build/fuzz/assets/font-cut
	@{ printf '\004'; cat layouts/icc/sRGB.icc; } >build/fuzz/assets/icc
	@$(OUT)rapport -q -o build/fuzz/seed.pdf samples/verksamhetsplan-2019.xml
	@pdftoppm -r 8 -png -f 1 -l 1 build/fuzz/seed.pdf build/fuzz/seed
	@pdftoppm -r 8 -jpeg -f 1 -l 1 build/fuzz/seed.pdf build/fuzz/seed
	@for f in build/fuzz/seed*.png; do { printf '\002'; cat "$$f"; } >build/fuzz/assets/png; done
	@for f in build/fuzz/seed*.jpg; do { printf '\003'; cat "$$f"; } >build/fuzz/assets/jpeg; done
	@cp -n tests/fuzz/assets/* build/fuzz/assets/ 2>/dev/null || true
	build/fuzz/fuzz_render $(FUZZ_RUN) -max_len=65536 -dict=tests/fuzz/report.dict build/fuzz/corpus
	build/fuzz/fuzz_assets $(FUZZ_RUN) -max_len=200000 build/fuzz/assets

# Fuzzing the image reader alone (parse/image.c): any bytes as an image
# file, seeded with PNGs from build/mkpng and JPEGs of a sample's cover.
# make fuzz-image FUZZ_SECONDS=600
IMAGE_FUZZ_SRC := src/parse/image.c src/parse/files.c src/base/arena.c src/base/diag.c \
                  tests/fuzz/fuzz_image.c
build/fuzz/fuzz_image: $(IMAGE_FUZZ_SRC) src/parse/image.h src/model/model.h
	@mkdir -p build/fuzz
	@echo "  FUZZ $@"
	@clang -std=c11 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	  -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION \
	  -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc -o $@ $(IMAGE_FUZZ_SRC) -lz

fuzz-image:
	@$(MAKE) --no-print-directory deps PKGS="clang libclang-rt-14-dev"
	@$(MAKE) --no-print-directory all build/mkpng build/fuzz/fuzz_image
	@mkdir -p build/fuzz/image-corpus build/fuzz/image-crashes
	@for k in alpha interlaced no-plte; do build/mkpng $$k build/fuzz/image-corpus/$$k.png; done
	@$(OUT)rapport -q -o build/fuzz/seed.pdf samples/verksamhetsplan-2019.xml && \
	  pdftoppm -r 10 -jpeg -f 1 -l 1 build/fuzz/seed.pdf build/fuzz/image-corpus/base && \
	  pdftoppm -r 10 -jpeg -jpegopt progressive=y -f 1 -l 1 build/fuzz/seed.pdf build/fuzz/image-corpus/prog
	build/fuzz/fuzz_image -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -max_len=65536 -artifact_prefix=build/fuzz/image-crashes/ -print_final_stats=1 build/fuzz/image-corpus

# Speed and scaling: make bench (PEERS=1 also times Typst and WeasyPrint).
bench: all build/gen
	@tests/bench build

# Regenerate the page summaries and page dumps (--trace) the tests compare
# against (review the diff).
golden: all
	@mkdir -p out
	@for f in $(SAMPLES); do n=$$(basename $$f .xml); \
	  $(OUT)rapport -q -o out/$$n.pdf --trace tests/golden/$$n.trace $$f && \
	  tests/page-summary out/$$n.pdf > tests/golden/$$n.txt; done
	@git diff --stat tests/golden || true

clean:
	rm -rf build out

# make install puts the program, its data (layouts, fonts, the schemas
# for editors, the import's Lua writer), the man page and the user's
# guide below PREFIX; make uninstall removes exactly those files, then
# the folders left empty.
PREFIX ?= /usr/local
I_BIN   := $(DESTDIR)$(PREFIX)/bin
I_DATA  := $(DESTDIR)$(PREFIX)/share/rapport
I_MAN   := $(DESTDIR)$(PREFIX)/share/man/man1
I_DOC   := $(DESTDIR)$(PREFIX)/share/doc/rapport
I_FILES := $(wildcard layouts/*.xml layouts/icc/* fonts/*) schema/report.rng schema/layout.rng \
           $(patsubst %,import/%,$(notdir $(wildcard import/*.lua)))
install: all
	install -d $(I_BIN) $(I_DATA)/layouts/icc $(I_DATA)/fonts $(I_DATA)/schema $(I_DATA)/import $(I_MAN) $(I_DOC)
	install -m 755 $(OUT)rapport $(I_BIN)/rapport
	install -m 644 layouts/*.xml $(I_DATA)/layouts/
	install -m 644 layouts/icc/* $(I_DATA)/layouts/icc/
	install -m 644 fonts/* $(I_DATA)/fonts/
	install -m 644 src/parse/report.rng src/parse/layout.rng $(I_DATA)/schema/
	install -m 644 import/*.lua $(I_DATA)/import/
	install -m 644 doc/rapport.1 $(I_MAN)/rapport.1
	install -m 644 doc/handbok.md $(I_DOC)/handbok.md
	@$(MAKE) --no-print-directory install-locale

uninstall: uninstall-locale
	rm -f $(I_BIN)/rapport $(I_MAN)/rapport.1 $(I_DOC)/handbok.md $(addprefix $(I_DATA)/,$(I_FILES))
	@# only rapport's own folders: bin, share/man/man1, share/locale ... are
	@# the system's (on Debian /usr/local/bin is there, empty, before us)
	@for d in $(I_DATA)/layouts/icc $(I_DATA)/layouts $(I_DATA)/fonts $(I_DATA)/schema $(I_DATA)/import \
	          $(I_DATA) $(I_DOC); do \
	  [ ! -d "$$d" ] || rmdir --ignore-fail-on-non-empty "$$d"; done

.PHONY: install-locale uninstall-locale
install-locale: $(MO)
	@for l in $(LINGUAS); do \
	  install -d $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES && \
	  install -m 644 $(OUT)locale/$$l/LC_MESSAGES/rapport.mo $(DESTDIR)$(PREFIX)/share/locale/$$l/LC_MESSAGES/ || exit 1; done
uninstall-locale:
	rm -f $(LINGUAS:%=$(DESTDIR)$(PREFIX)/share/locale/%/LC_MESSAGES/rapport.mo)

-include $(shell find $(OBJDIR) -name '*.d' 2>/dev/null)
