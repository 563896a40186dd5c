# dossier: plain GNU Makefile.
#   make            build/dossier (and build/libdossier.a)
#   make test       unit + spec + CLI tests, then again under ASan+UBSan
#   make demo       install missing packages, build, ingest the sample corpus
#   make deps       apt-get install the Debian packages the build needs
#   make fuzz       build the libFuzzer targets (clang) and run each a while
#   make bench      benchmarks (needs ../shared)
# Knobs: SANITIZE=1 (ASan+UBSan build in build-san/), CC, FUZZ_SECONDS.

CC      ?= cc
PKGS     = libxml-2.0 sqlite3 zlib libutf8proc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN     = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wvla -Wwrite-strings \
           -Wno-unused-parameter -Wformat=2 -Wno-format-nonliteral
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARN) $(CFLAGS) -Iinclude -Isrc $(PKG_CFLAGS)
LDLIBS  = $(PKG_LIBS) -lm

ifeq ($(SANITIZE),1)
BUILD   = build-san
ALL_CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
else
BUILD   = build
endif

LIB_SRC = $(wildcard src/*.c)
LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
TEST_SRC = $(wildcard tests/unit/*.c)
DEBS = build-essential pkg-config libxml2-dev libsqlite3-dev zlib1g-dev libutf8proc-dev \
       python3 iso-codes wordnet-base clang libclang-rt-14-dev

.PHONY: train-ner train-attr fuzz-replay all test test-plain test-san demo deps fuzz fuzz-build bench clean

all: $(BUILD)/dossier

$(BUILD)/obj/%.o: src/%.c $(wildcard include/dossier/*.h) $(wildcard src/*.h) | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/obj:
	mkdir -p $@

# The lexicon is generated from Debian's iso-codes and WordNet and embedded
# in the library (src/nlp.c); the tagger's weights (data/ner.model.gz) are
# trained by tools/ner_train.c (make train-ner) and committed.
gen/lexicon.tsv: tools/gen_lexicon.py
	mkdir -p gen
	python3 tools/gen_lexicon.py > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/nlp.o: gen/lexicon.tsv
$(BUILD)/obj/ner.o: data/ner.model.gz
$(BUILD)/obj/attrib.o: data/cue.model.gz data/role.model.gz

$(BUILD)/ner_train: tools/ner_train.c $(BUILD)/libdossier.a
	$(CC) $(ALL_CFLAGS) $< -o $@ $(LDFLAGS) $(BUILD)/libdossier.a $(LDLIBS)

$(BUILD)/attr_train: tools/attr_train.c tools/pm_train.h $(BUILD)/libdossier.a
	$(CC) $(ALL_CFLAGS) -Itools $< -o $@ $(LDFLAGS) $(BUILD)/libdossier.a $(LDLIBS)

# The attribution taggers learn from PolNeAR's training split (make train-attr).
POLNEAR = ../shared/data/attribution/polnear-dev/train
train-attr: $(BUILD)/attr_train
	$(BUILD)/attr_train $(POLNEAR) data/cue.model.gz data/role.model.gz

GMB = ../shared/data/ner/gmb-silver/ner_dataset_first8300.csv
train-ner: $(BUILD)/ner_train
	$(BUILD)/ner_train $(GMB) data/ner.model.gz

$(BUILD)/libdossier.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/dossier: cli/main.c $(BUILD)/libdossier.a
	$(CC) $(ALL_CFLAGS) $< -o $@ $(LDFLAGS) $(BUILD)/libdossier.a $(LDLIBS)

$(BUILD)/unit: $(TEST_SRC) tests/unit/test.h tests/unit/list.h $(BUILD)/libdossier.a
	$(CC) $(ALL_CFLAGS) -Itests/unit $(TEST_SRC) -o $@ $(LDFLAGS) $(BUILD)/libdossier.a $(LDLIBS)

# `make test` = the plain build's tests, then the same under ASan+UBSan.
test: deps-check
	$(MAKE) test-plain
	$(MAKE) test-san

test-plain: $(BUILD)/dossier $(BUILD)/unit
	$(BUILD)/unit
	DOSSIER=$(BUILD)/dossier sh tests/cli.sh

test-san:
	$(MAKE) SANITIZE=1 test-plain

deps-check:
	@pkg-config --exists $(PKGS) || $(MAKE) deps

deps:
	@missing=""; for p in $(DEBS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	else echo "all build dependencies are installed"; fi

demo: deps
	$(MAKE) all
	sh sample/demo.sh $(BUILD)/dossier

FUZZ_SECONDS ?= 60
FUZZ_TARGETS = html warc feed jsonl sgml analyze
fuzz-build: gen/lexicon.tsv
	mkdir -p build-fuzz
	for t in $(FUZZ_TARGETS); do \
	  clang -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc \
	    $(PKG_CFLAGS) fuzz/fuzz_$$t.c $(LIB_SRC) -o build-fuzz/fuzz_$$t $(LDLIBS) || exit 1; \
	done

fuzz: fuzz-build
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p build-fuzz/corpus_$$t; \
	  build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	    build-fuzz/corpus_$$t fuzz/corpus/$$t || exit 1; \
	done

bench: all
	sh bench/run.sh

clean:
	rm -rf build build-san build-fuzz gen

# Replays the committed fuzz seed corpora through each target built with gcc
# and the sanitizers (no libFuzzer needed): fast, and part of CI.
fuzz-replay:
	$(MAKE) SANITIZE=1 build-san/libdossier.a
	mkdir -p build-san
	for t in $(FUZZ_TARGETS); do \
	  $(CC) $(ALL_CFLAGS) -fsanitize=address,undefined -fno-sanitize-recover=all \
	    fuzz/fuzz_$$t.c fuzz/replay_main.c -o build-san/replay_$$t \
	    -fsanitize=address,undefined build-san/libdossier.a $(LDLIBS) || exit 1; \
	  build-san/replay_$$t fuzz/corpus/$$t || exit 1; \
	done

$(BUILD)/extract_bench: bench/extract_bench.c $(BUILD)/libdossier.a
	$(CC) $(ALL_CFLAGS) $< -o $@ $(LDFLAGS) $(BUILD)/libdossier.a $(LDLIBS)

$(BUILD)/analyze_bench: bench/analyze_bench.c $(BUILD)/libdossier.a
	$(CC) $(ALL_CFLAGS) $< -o $@ $(LDFLAGS) $(BUILD)/libdossier.a $(LDLIBS)
