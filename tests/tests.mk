# Tests, sanitizers, fuzzing, formatting and size. Included by the top-level Makefile.
#
#   make test          every stage below, each printing its totals; the last line is the sum
#   make sanitize      build/sanitize/mote (ASan + UBSan) and the suite under it
#   make fuzz          each fuzz target for FUZZ_SECONDS (default 10 minutes)
#   make format        clang-format -i over the tree; make format-check only checks
#   make size          text/data/bss per layer of build/mote and of the lx106 firmware
NPROC := $(shell nproc 2>/dev/null || echo 2)
RUN_TESTS := $(PYTHON) tests/run.py --build $(BUILD)
TEST_RESULTS := $(BUILD)/test-results
# seconds of fuzzing, shared by the targets: short in `make test`, long in `make fuzz`
# mutations per fuzz target in `make test` after its seeds: reproducible (fixed seed), so
# CI's verdict does not depend on luck; `make fuzz` is the long, time-bounded search
TEST_FUZZ_RUNS ?= 2000
FUZZ_SECONDS ?= 600

# the host build without the unix main(), as an archive: a C test or fuzzer links only the
# objects it needs
HOST_LIB := $(BUILD)/libmote.a
$(HOST_LIB): $(filter-out $(BUILD)/obj/ports/unix/main.o,$(OBJ))
	rm -f $@ && $(AR) rcs $@ $^

# ---- C unit tests (tests/c/*.c): each a program printing `N passed, N failed`
TEST_C_BIN := $(patsubst tests/c/%.c,$(BUILD)/tests/c/%,$(wildcard tests/c/*.c))

$(BUILD)/tests/c/%: tests/c/%.c $(HOST_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests/c -o $@ $< $(HOST_LIB) $(LDLIBS)

.PHONY: test-c
test-c: $(TEST_C_BIN)

# ---- sanitizer build: the whole program under AddressSanitizer + UBSan
SAN_BUILD := $(BUILD)/sanitize
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
# (with the frozen bytecode modules of ports/unix/cross.mk: the board's _boot is one)
SAN_OBJ := $(patsubst %.c,$(SAN_BUILD)/obj/%.o,$(SRC)) $(SAN_BUILD)/frozen/frozen_mpy.o

$(SAN_BUILD)/obj/%.o: %.c $(QSTR_H)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -O1 $(SAN_FLAGS) -MMD -MP -c $< -o $@

$(SAN_BUILD)/frozen/frozen_mpy.o: $(FROZEN_MPY_C) $(QSTR_H)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -O1 $(SAN_FLAGS) -MMD -MP -c $< -o $@

$(SAN_BUILD)/mote: $(SAN_OBJ)
	$(CC) $(SAN_FLAGS) -o $@ $(SAN_OBJ) $(LDLIBS)

-include $(SAN_OBJ:.o=.d)

.PHONY: sanitize-build
sanitize-build: $(SAN_BUILD)/mote

sanitize: sanitize-build
	$(RUN_TESTS) --target sanitize

# ---- fuzzing: libFuzzer targets tests/fuzz/*.c over the core, built with clang
FUZZ_CC := clang
FUZZ_BUILD := $(BUILD)/fuzz
# -fno-sanitize=pointer-overflow: clang reports `items + 0` on the NULL item array of an
# empty list/tuple ("applying zero offset to null pointer"), a pattern spread through the
# containers; it is harmless on every target and gcc's sanitize stage does not flag it.
# To remove once those sites guard their empty case.
FUZZ_FLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=pointer-overflow \
	-fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer
FUZZ_CFLAGS := -std=gnu11 -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
	-g -O1 -Icore -Ilib -Irepl -Ifs -Imachine -Iports/unix -I$(BUILD) $(FUZZ_FLAGS)
FUZZ_OBJ := $(patsubst %.c,$(FUZZ_BUILD)/obj/%.o,$(filter-out ports/unix/main.c,$(SRC)))
FUZZ_BIN := $(patsubst tests/fuzz/%.c,$(FUZZ_BUILD)/%,$(wildcard tests/fuzz/fuzz_*.c))

$(FUZZ_BUILD)/obj/%.o: %.c $(QSTR_H)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

$(FUZZ_BUILD)/libmote.a: $(FUZZ_OBJ)
	rm -f $@ && $(AR) rcs $@ $^

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_BUILD)/libmote.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_BUILD)/libmote.a $(LDLIBS) \
		$(FUZZ_LDFLAGS)

# the REPL fuzzers bring their own console (tests/fuzz/fuzz_console.h): the port's console
# functions are wrapped at link time, the rest of its HAL stays
FUZZ_CONSOLE := $(FUZZ_BUILD)/fuzz_readline $(FUZZ_BUILD)/fuzz_rawrepl
$(FUZZ_CONSOLE): FUZZ_LDFLAGS := -Wl,--wrap=mt_hal_stdin_read,--wrap=mt_hal_stdout_write \
	-Wl,--wrap=mt_hal_stderr_write,--wrap=mt_hal_delay_us
$(FUZZ_CONSOLE): tests/fuzz/fuzz_console.h

-include $(FUZZ_OBJ:.o=.d)

.PHONY: fuzz-build
fuzz-build: $(FUZZ_BIN)

fuzz: fuzz-build
	$(RUN_TESTS) --fuzz $$(( $(FUZZ_SECONDS) * $(words $(FUZZ_BIN)) ))

# ---- formatting
FORMAT_FILES = $(shell find . -path ./build -prune -o -path ./.git -prune -o \
	-name '*.[ch]' -print)

format:
	clang-format -i $(FORMAT_FILES)

format-check:
	$(RUN_TESTS) --format-check

# ---- size per layer
size: $(BUILD)/mote $(LX106_ELF)
	$(PYTHON) tools/size.py --host $(BUILD) --lx106 $(LX106_ELF)

# ---- everything: each stage records its totals; the last line is their sum.
# A stage whose build fails counts as one failure and the others still run.
# $(call test_stage,name,make goals,run.py arguments)
define test_stage
	@echo "==== $(1)"; \
	if $(MAKE) -s --no-print-directory -j$(NPROC) $(2); then \
		$(RUN_TESTS) $(3) --results $(TEST_RESULTS)/$(1); \
	else \
		echo "$(1): build failed"; echo "0 1 0" > $(TEST_RESULTS)/$(1); \
	fi; true
endef

.PHONY: test
test:
	@rm -rf $(TEST_RESULTS) && mkdir -p $(TEST_RESULTS) && date +%s > $(TEST_RESULTS)/.started
	$(call test_stage,format,$(QSTR_H),--format-check)
	$(call test_stage,host,all,--target host --no-c)
	$(call test_stage,c,all test-c,--target host --no-py --no-sub)
	$(call test_stage,sanitize,sanitize-build,--target sanitize)
	$(call test_stage,gcstress,all,--target gcstress)
	$(call test_stage,lx106,lx106,--target lx106)
	$(call test_stage,fuzz,fuzz-build,--fuzz-runs $(TEST_FUZZ_RUNS))
	@echo "==== lx106 firmware"; $(MAKE) -s --no-print-directory lx106-info || true
	@echo "==== all stages"; \
		$(RUN_TESTS) --started $$(cat $(TEST_RESULTS)/.started) --combine $(TEST_RESULTS)/*

# ---- the flash filesystem alone (also part of `make test` through tests/fs/run.py), and
# the long power-loss run: 1000 random cuts while writing
.PHONY: test-fs test-powerloss
test-fs: all $(HOST_LIB)
	$(PYTHON) tests/fs/run.py --mote $(BUILD)/mote
test-powerloss: all $(HOST_LIB)
	$(PYTHON) tests/fs/run.py --mote $(BUILD)/mote --cuts 1000 powerloss
