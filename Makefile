# Makefile - builds secondround, its tests and its example drafts.
#
# The two commands a new user needs (see README.md):
#   make drafts   install what is missing, build, and write examples/drafts/
#   make test     the tests, plain and under ASan+UBSan
# Also: make memcheck (the tests under valgrind), make bench, make install,
# make screenshot (PNGs of examples/drafts/index.html in headless Chromium),
# make regress-update (rewrite expected test outputs after a deliberate change),
# make mutate (mutation testing: do the tests fail when the code is wrong?),
# make fuzz (each libFuzzer target for FUZZ_TIME seconds, default 10).
# Tunables are here, in one place.

VERSION   = 0.1.0
PREFIX    = /usr/local
BINDIR    = $(PREFIX)/bin
MANDIR    = $(PREFIX)/share/man
DATADIR   = $(PREFIX)/share/secondround
CC       ?= cc
CFLAGS   ?= -O2 -g
WARN      = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
            -Wformat=2 -Wno-format-nonliteral
ifdef WERROR
WARN     += -Werror
endif
PKGS      = libcmark yaml-0.1 lua5.4
DEBS      = pkg-config libcmark-dev libyaml-dev liblua5.4-dev
SANITIZE  = -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=all -Wno-string-concatenation

B         = build
# Compile lines are short unless V=1.
ifeq ($(V),1)
Q         =
else
Q         = @
endif
SRC       = $(wildcard src/*.c)
CMD       = $(wildcard cmd/*.c)
HDR       = include/secondround.h src/internal.h

# The dependencies' flags come from pkg-config through $(B)/config.mk,
# which is made (installing missing packages first) before anything else.
NOCONFIG  = clean uninstall help
ifeq ($(filter-out $(NOCONFIG),$(or $(MAKECMDGOALS),all)),)
else
-include $(B)/config.mk
endif

ALLCFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
            -DSR_VERSION_MAKE='"$(VERSION)"' -DSR_DATADIR='"$(DATADIR)"' \
            -Iinclude -Isrc \
            $(DEP_CFLAGS) $(WARN) $(CFLAGS)
LDLIBS    = $(DEP_LIBS) -lm

.PHONY: all test memcheck mutate fuzz bench drafts screenshot regress-update install uninstall clean asan help

all: $(B)/secondround

$(B)/config.mk: Makefile
	@mkdir -p $(B)
	@if ! pkg-config --exists $(PKGS) 2>/dev/null; then \
	  echo "secondround: installing the build dependencies: $(DEBS)"; \
	  if ! command -v apt-get >/dev/null 2>&1; then \
	    echo "secondround: no apt-get here; install cmark, libyaml and Lua 5.4 (with their headers) and pkg-config by hand" >&2; exit 1; \
	  elif [ "$$(id -u)" = 0 ]; then SUDO=; \
	  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=sudo; \
	  else echo "secondround: run as root, or install by hand: apt-get install $(DEBS)" >&2; exit 1; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(DEBS) >/dev/null || exit 1; \
	fi
	@printf 'DEP_CFLAGS = %s\nDEP_LIBS = %s\n' \
	  "$$(pkg-config --cflags $(PKGS))" "$$(pkg-config --libs $(PKGS))" > $@

# ---- the library, the program, the test programs ------------------------

$(B)/%.o: src/%.c $(HDR) $(B)/config.mk
	@mkdir -p $(@D)
	@echo "  CC	$@"
	$(Q)$(CC) $(ALLCFLAGS) -c $< -o $@

$(B)/libsecondround.a: $(SRC:src/%.c=$(B)/%.o)
	@echo "  AR	$@"
	$(Q)$(AR) rcs $@ $^

$(B)/secondround: $(CMD) cmd/commands.h $(B)/libsecondround.a $(HDR)
	@echo "  CC	$@"
	$(Q)$(CC) $(ALLCFLAGS) $(CMD) $(B)/libsecondround.a $(LDLIBS) -o $@

$(B)/unit: tests/unit.c $(B)/libsecondround.a $(HDR)
	@echo "  CC	$@"
	$(Q)$(CC) $(ALLCFLAGS) $< $(B)/libsecondround.a $(LDLIBS) -o $@

$(B)/bench: tests/bench.c $(B)/libsecondround.a $(HDR)
	@echo "  CC	$@"
	$(Q)$(CC) $(ALLCFLAGS) $< $(B)/libsecondround.a $(LDLIBS) -o $@

$(B)/gen-notes: tests/gen-notes.c
	@echo "  CC	$@"
	$(Q)$(CC) $(WARN) $(CFLAGS) -std=c11 -D_POSIX_C_SOURCE=200809L $< -o $@

# The same under AddressSanitizer and UndefinedBehaviorSanitizer.
$(B)/asan/%.o: src/%.c $(HDR) $(B)/config.mk
	@mkdir -p $(@D)
	@echo "  CC	$@"
	$(Q)$(CC) $(ALLCFLAGS) -O1 $(SANITIZE) -c $< -o $@

$(B)/asan/libsecondround.a: $(SRC:src/%.c=$(B)/asan/%.o)
	@echo "  AR	$@"
	$(Q)$(AR) rcs $@ $^

$(B)/asan/secondround: $(CMD) cmd/commands.h $(B)/asan/libsecondround.a $(HDR)
	@echo "  CC	$@"
	$(Q)$(CC) $(ALLCFLAGS) -O1 $(SANITIZE) $(CMD) $(B)/asan/libsecondround.a $(LDLIBS) -o $@

$(B)/asan/unit: tests/unit.c $(B)/asan/libsecondround.a $(HDR)
	@echo "  CC	$@"
	$(Q)$(CC) $(ALLCFLAGS) -O1 $(SANITIZE) $< $(B)/asan/libsecondround.a $(LDLIBS) -o $@

asan: $(B)/asan/secondround $(B)/asan/unit

# ---- tests -------------------------------------------------------------

test: $(B)/secondround $(B)/unit $(B)/gen-notes asan
	tests/run.sh $(B) $(B)/asan

memcheck: $(B)/secondround $(B)/unit $(B)/gen-notes
	tests/run.sh --valgrind $(B)

# Mutation testing (not part of `make test`): a seeded sample of small
# changes to src/ and filters/, each run against the plain tests; see
# tests/mutate.py.  MUTATE='-n 50 src/date.c' picks another sample.
MUTATE    = -n 200 --seed 1 -j 2

mutate: $(B)/config.mk
	python3 tests/mutate.py $(MUTATE)

# ---- fuzzing (not part of `make test`; CI runs it briefly) ----------------

# libFuzzer targets (fuzz/*.c) built by clang under ASan and UBSan, each run
# for FUZZ_TIME seconds by fuzz/run.sh; clang and its fuzzer runtime are
# installed when missing, as the build dependencies are.
FUZZ_TIME = 10
FUZZ_CC   = clang
FUZZ_DEBS = clang libclang-rt-14-dev
FUZZERS   = frontmatter note text voice pipeline eml
FUZZ_SAN  = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=all -Wno-string-concatenation

$(B)/fuzz/.tools:
	@mkdir -p $(@D)
	@command -v $(FUZZ_CC) >/dev/null 2>&1 && echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { return 0; }' | \
	  $(FUZZ_CC) -x c -fsanitize=fuzzer - -o $(@D)/probe 2>/dev/null || { \
	  [ "$$(id -u)" = 0 ] || { echo "secondround: make fuzz needs $(FUZZ_DEBS)" >&2; exit 1; }; \
	  echo "secondround: installing $(FUZZ_DEBS) for make fuzz"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(FUZZ_DEBS) >/dev/null; }
	@touch $@

$(B)/fuzz/%.o: src/%.c $(HDR) $(B)/config.mk $(B)/fuzz/.tools
	@echo "  CC	$@"
	$(Q)$(FUZZ_CC) $(ALLCFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer-no-link -c $< -o $@

$(B)/fuzz/libsecondround.a: $(SRC:src/%.c=$(B)/fuzz/%.o)
	@echo "  AR	$@"
	$(Q)$(AR) rcs $@ $^

$(B)/fuzz/fuzz-%: fuzz/%.c $(B)/fuzz/libsecondround.a $(HDR)
	@echo "  CC	$@"
	$(Q)$(FUZZ_CC) $(ALLCFLAGS) $(FUZZ_SAN) -fsanitize=fuzzer $< \
	  $(B)/fuzz/libsecondround.a $(LDLIBS) -o $@

fuzz: $(FUZZERS:%=$(B)/fuzz/fuzz-%)
	FUZZ_TIME=$(FUZZ_TIME) fuzz/run.sh $(B)/fuzz $(FUZZERS)

# ---- the benchmark (ratios against baselines measured in the same run) ------

BENCH = $(B)/bench-work

# pandoc, for the comparison with a user's alternative, is installed when
# missing (as the build dependencies are); without it that line is left out.
bench: $(B)/bench $(B)/gen-notes $(B)/secondround
	@mkdir -p $(BENCH)
	@command -v pandoc >/dev/null 2>&1 || [ "$$(id -u)" != 0 ] || \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc >/dev/null 2>&1 || \
	  echo "secondround: pandoc could not be installed; no comparison with it"
	@for n in 100 1000 10000; do [ -d $(BENCH)/corpus-$$n ] || \
	  $(B)/gen-notes -n $$n $(BENCH)/corpus-$$n; done
	@for b in 8192 16384 32768 60000; do [ -f $(BENCH)/big/big-$$b.md ] || \
	  $(B)/gen-notes -b $$b $(BENCH)/big; done
	@rm -rf $(BENCH)/out-*
	SECONDROUND_FILTERS=$(CURDIR)/filters $(B)/bench -x $(B)/secondround $(BENCH) \
	  $(BENCH)/corpus-100 $(BENCH)/corpus-1000 $(BENCH)/corpus-10000 \
	  $(BENCH)/big/big-8192.md $(BENCH)/big/big-16384.md \
	  $(BENCH)/big/big-32768.md $(BENCH)/big/big-60000.md | tee tests/bench.txt

# ---- the examples --------------------------------------------------------

drafts: $(B)/secondround
	$(MAKE) -C examples drafts SECONDROUND=$(CURDIR)/$(B)/secondround

# The overview page of the examples' drafts as a person sees it, in
# headless Chromium: a wide window and a phone's.
screenshot: $(B)/secondround
	$(MAKE) -C examples drafts SECONDROUND=$(CURDIR)/$(B)/secondround
	tests/index.sh --screenshot examples/drafts/index.html $(B)/index.png 1200,800
	tests/index.sh --screenshot examples/drafts/index.html $(B)/index-phone.png 390,844

# Rewrites the expected outputs of the tests after a deliberate change;
# read `git diff tests/` before committing them.
regress-update: $(B)/secondround $(B)/unit $(B)/gen-notes
	tests/run.sh --update $(B)

# ---- installing ----------------------------------------------------------

install: $(B)/secondround
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DATADIR)/filters
	install -m 755 $(B)/secondround $(DESTDIR)$(BINDIR)/secondround
	install -m 644 cmd/secondround.1 $(DESTDIR)$(MANDIR)/man1/secondround.1
	install -m 644 cmd/secondround-filters.7 $(DESTDIR)$(MANDIR)/man7/secondround-filters.7
	for f in filters/*.lua; do [ -e "$$f" ] || continue; \
	  install -m 644 "$$f" $(DESTDIR)$(DATADIR)/filters/; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/secondround $(DESTDIR)$(MANDIR)/man1/secondround.1 \
	  $(DESTDIR)$(MANDIR)/man7/secondround-filters.7
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(B)

help:
	@sed -n '1,/^$$/p' Makefile
