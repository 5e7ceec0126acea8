# credo - terminal CRM and credit-sales manager.
#
#   make            build ./build/credo
#   make run        install missing packages, build, make a demo database, open the TUI
#   make test       install missing packages, build with sanitizers, run every test
#   make install    PREFIX=/usr/local DESTDIR=
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
ifeq ($(SAN),1)
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

.PHONY: all run test unit deps clean install uninstall bench pot FORCE

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
	@CREDO_BIN=$(CURDIR)/build/san/credo CREDO_UNIT_DIR=$(CURDIR)/build/san/tests tests/run

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
