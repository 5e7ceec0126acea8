# credo - terminal CRM and credit-sales manager.
#
#   make            build ./build/credo
#   make run        install missing packages, build, make a demo database, open the TUI
#   make test       install missing packages, build with sanitizers, run every test
#   make install    PREFIX=/usr/local DESTDIR=
#   make fuzz       run each libFuzzer target for FUZZ_TIME seconds (default 60)
#   make crashtest  kill import and export at 500 random points, then check
#   make stress     8 processes x 500 mixed writes on one file
#   make valgrind   the CLI tests with credo under valgrind (non-sanitizer build)
#   make pot        refresh po/credo.pot from the sources and merge it into po/*.po

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
DOCDIR    ?= $(PREFIX)/share/doc/credo
DESTDIR   ?=
PKG_CONFIG ?= pkg-config
CC        ?= cc

# SAN=1 builds with AddressSanitizer and UndefinedBehaviorSanitizer into
# build/san; WERROR=1 turns warnings into errors (make test always does).
SAN       ?= 0
WERROR    ?= 0
# FUZZ=1 builds the core with clang and libFuzzer's instrumentation into build/fuzz.
FUZZ      ?= 0
ifeq ($(FUZZ),1)
BUILD     ?= build/fuzz
else ifeq ($(SAN),1)
BUILD     ?= build/san
else
BUILD     ?= build
endif

PKGS      = ncursesw sqlite3 libcrypto xlsxwriter jansson
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)

CFLAGS    ?= -O2 -g
CPPFLAGS  += -Iinclude -Isrc/core -I$(BUILD) -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 \
	     -DCREDO_VERSION_STRING='"$(VERSION)"'
WARN       = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2
ifeq ($(WERROR),1)
WARN      += -Werror
endif
ifeq ($(SAN),1)
SANFLAGS   = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
endif
ifeq ($(FUZZ),1)
SANFLAGS   = -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
endif
ALL_CFLAGS = -std=c11 $(WARN) $(CFLAGS) $(SANFLAGS) $(PKG_CFLAGS) -MMD -MP
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)

CORE_SRC  = $(sort $(wildcard src/core/*.c))
TUI_SRC   = $(sort $(wildcard src/tui/*.c))
CLI_SRC   = $(sort $(wildcard src/cli/*.c))
SQL       = $(sort $(wildcard sql/*.sql))
UNIT_SRC  = $(sort $(wildcard tests/unit/test_*.c))

CORE_OBJ  = $(CORE_SRC:%.c=$(BUILD)/%.o) $(BUILD)/migrations.o
APP_OBJ   = $(TUI_SRC:%.c=$(BUILD)/%.o) $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_BIN  = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIB       = $(BUILD)/libcredo.a
BIN       = $(BUILD)/credo

# Translations: po/LANG.po compiled into $(BUILD)/locale/LANG/LC_MESSAGES/credo.mo,
# beside the binary, where an uninstalled build/credo finds them (src/cli/main.c).
LINGUAS   = $(sort $(basename $(notdir $(wildcard po/*.po))))
MO        = $(LINGUAS:%=$(BUILD)/locale/%/LC_MESSAGES/credo.mo)

DEMO_DB  ?= demo.db

FUZZ_SRC  = $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BIN  = $(FUZZ_SRC:fuzz/%.c=build/fuzz/%)
FUZZ_TIME ?= 60
CLANG     ?= clang

.PHONY: all run test unit deps clean install uninstall bench pot FORCE fuzz fuzzers fuzz-bins crashtest stress valgrind

all: $(BIN) $(MO)

$(BIN): $(APP_OBJ) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $(APP_OBJ) $(LIB) $(PKG_LIBS) -lcsv

$(LIB): $(CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/migrations.c: $(SQL) tools/embed-sql.sh
	@mkdir -p $(@D)
	tools/embed-sql.sh $(SQL) > $@.tmp && mv $@.tmp $@

$(BUILD)/migrations.o: $(BUILD)/migrations.c
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The installed catalogue directory, compiled into main.c; rewritten only when
# LOCALEDIR changes, so `make install PREFIX=/usr` rebuilds what it must.
$(BUILD)/localedir.h: FORCE
	@mkdir -p $(@D)
	@printf '#define CREDO_LOCALEDIR "%s"\n' '$(LOCALEDIR)' > $@.tmp
	@cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

$(BUILD)/src/cli/main.o: $(BUILD)/localedir.h

$(BUILD)/locale/%/LC_MESSAGES/credo.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt -c -o $@ $<

pot:
	tools/xgettext.sh po/credo.pot
	@for l in $(LINGUAS); do \
		msgmerge --quiet --update --backup=none po/$$l.po po/credo.pot || exit 1; \
		printf '%s: ' po/$$l.po; msgfmt --statistics -o /dev/null po/$$l.po; \
	done

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) $(shell $(PKG_CONFIG) --cflags cmocka) -o $@ $< \
		$(ALL_LDFLAGS) $(LIB) $(PKG_LIBS) -lcsv $(shell $(PKG_CONFIG) --libs cmocka)

deps:
	@scripts/deps

run: deps
	@$(MAKE) --no-print-directory all
	@test -f $(DEMO_DB) || { $(BIN) -d $(DEMO_DB) init && $(BIN) -d $(DEMO_DB) demo --size small; }
	$(BIN) -d $(DEMO_DB)

unit: $(UNIT_BIN)

# make bench: the optimized build against SQLite and libxlsxwriter on a
# million-invoice company (docs/performance.md). Not part of make test.
BENCH_BIN = build/bench/micro build/bench/xlsx_baseline

build/bench/micro: bench/micro.c build/libcredo.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< build/libcredo.a $(PKG_LIBS) -lcsv

build/bench/xlsx_baseline: bench/xlsx_baseline.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(PKG_LIBS)

bench: deps
	@$(MAKE) --no-print-directory SAN=0 BUILD=build all $(BENCH_BIN)
	CREDO_BIN=$(CURDIR)/build/credo bench/run.sh

test: deps
	@$(MAKE) --no-print-directory SAN=1 WERROR=1 all unit
	@$(MAKE) --no-print-directory fuzzers
	@CREDO_BIN=$(CURDIR)/build/san/credo CREDO_UNIT_DIR=$(CURDIR)/build/san/tests \
		CREDO_FUZZ_DIR=$(CURDIR)/build/fuzz tests/run

# libFuzzer targets (clang): fuzz/fuzz_*.c against the core built with clang.
fuzzers:
	@$(MAKE) --no-print-directory FUZZ=1 CC=$(CLANG) fuzz-bins

fuzz-bins: $(FUZZ_BIN)

build/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz.h $(LIB)
	$(CC) $(CPPFLAGS) -std=c11 $(CFLAGS) $(PKG_CFLAGS) -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -fno-omit-frame-pointer -o $@ $< $(LIB) $(PKG_LIBS) -lcsv

# Each target for FUZZ_TIME seconds; new inputs go to build/fuzz/corpus-NAME, seeds stay as committed.
fuzz: fuzzers
	@for f in $(FUZZ_BIN); do n=$${f##*/fuzz_}; mkdir -p build/fuzz/corpus-$$n; \
		echo "fuzz $$n for $(FUZZ_TIME)s"; \
		$$f -max_total_time=$(FUZZ_TIME) -print_final_stats=1 build/fuzz/corpus-$$n fuzz/corpus/$$n \
			2>build/fuzz/$$n.log || { tail -n 40 build/fuzz/$$n.log; exit 1; }; \
		grep -E 'stat::number_of_executed_units|stat::new_units_added' build/fuzz/$$n.log; done

# The long forms of the kill loop and the concurrency test (the suite runs short ones).
crashtest: all
	CREDO_BIN=$(CURDIR)/$(BIN) CRASH_KILLS=$${CRASH_KILLS:-500} sh tests/cli/test_crash.sh

stress: all
	CREDO_BIN=$(CURDIR)/$(BIN) STRESS_PROCS=8 STRESS_WRITES=500 sh tests/cli/test_concurrency.sh

# The CLI tests with every credo run under valgrind (memcheck, leaks are errors).
valgrind: all
	CREDO_BIN=$(CURDIR)/tools/valgrind-credo CREDO_REAL_BIN=$(CURDIR)/$(BIN) sh tools/run-cli-tests

# INSTALL_BIN=FILE installs a binary built earlier (the tests pass the sanitizer
# build) instead of building $(BIN) with this make's flags.
INSTALL_BIN ?= $(BIN)
DOCS       = README.md docs/user-guide.md docs/data-model.md docs/credit-model.md

# The catalogues installed are the ones beside that binary (build/locale for
# build/credo, build/san/locale for the sanitizer build).
INSTALL_LOCALE = $(dir $(INSTALL_BIN))locale
INSTALL_MO     = $(LINGUAS:%=$(INSTALL_LOCALE)/%/LC_MESSAGES/credo.mo)

install: $(INSTALL_BIN) $(INSTALL_MO)
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(INSTALL_BIN) $(DESTDIR)$(BINDIR)/credo
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(DOCDIR)
	install -m 644 docs/credo.1 $(DESTDIR)$(MANDIR)/man1/credo.1
	install -m 644 $(DOCS) $(DESTDIR)$(DOCDIR)
	@for l in $(LINGUAS); do \
		echo install -m 644 $(INSTALL_LOCALE)/$$l/LC_MESSAGES/credo.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/credo.mo; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 $(INSTALL_LOCALE)/$$l/LC_MESSAGES/credo.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/credo.mo || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/credo
	rm -f $(DESTDIR)$(MANDIR)/man1/credo.1
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/,$(notdir $(DOCS)))
	rmdir $(DESTDIR)$(DOCDIR) 2>/dev/null || true
	@for l in $(LINGUAS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/credo.mo; done

clean:
	rm -rf build

-include $(CORE_OBJ:.o=.d) $(APP_OBJ:.o=.d) $(UNIT_BIN:=.d)
