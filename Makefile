# Mote: top-level build. `make` builds build/mote; `make run` starts the virtual board;
# `make test` runs every test. Port specifics live in ports/*/port.mk.
BUILD ?= build
CC ?= cc
PYTHON ?= python3

# the layers the host build compiles (the tree mirrors the pipeline)
CORE_SRC := $(wildcard core/*.c core/types/*.c)
LIB_SRC := $(wildcard lib/*.c)
REPL_SRC := $(wildcard repl/*.c)
FS_SRC := $(wildcard fs/*.c)
MACHINE_SRC := $(wildcard machine/*.c)
UNIX_SRC := $(wildcard ports/unix/*.c)
SRC := $(CORE_SRC) $(LIB_SRC) $(REPL_SRC) $(FS_SRC) $(MACHINE_SRC) $(UNIX_SRC)

# Warnings are errors everywhere. Deliberately silenced (reason):
#   -Wno-unused-parameter  slot functions share one signature; many ignore some arguments
#   -Wno-missing-field-initializers  const type tables name only the slots they fill
WARN := -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers
OPT ?= -O2
CFLAGS_BASE := -std=gnu11 $(WARN) -g -Icore -Ilib -Irepl -Ifs -Imachine -Iports/unix -I$(BUILD)
CFLAGS += $(CFLAGS_BASE) $(OPT)
LDLIBS += -lm -lpthread

QSTR_H := $(BUILD)/genhdr/qstrdefs.h
QSTR_SCAN := $(shell find core lib repl fs machine ports -name '*.[ch]' 2>/dev/null)

OBJ := $(patsubst %.c,$(BUILD)/obj/%.o,$(SRC))

.PHONY: all run test clean distclean format format-check bench size fuzz sanitize
all: $(BUILD)/mote

$(QSTR_H): tools/mkqstr.py core/qstrdefs.txt $(QSTR_SCAN)
	@mkdir -p $(dir $@)
	$(PYTHON) tools/mkqstr.py $@ core/qstrdefs.txt $(QSTR_SCAN)

$(BUILD)/obj/%.o: %.c $(QSTR_H)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/mote: $(OBJ)
	$(CC) $(CFLAGS) -o $@ $(OBJ) $(LDLIBS)

-include $(OBJ:.o=.d)

# keeps $(BUILD)/libgccfix (the lx106 helpers, built from a large download); distclean doesn't
clean:
	find $(BUILD) -mindepth 1 -maxdepth 1 ! -name libgccfix -exec rm -rf {} + 2>/dev/null || true

distclean:
	rm -rf $(BUILD)

-include ports/unix/port.mk
-include ports/unix/board.mk
-include ports/esp8266/port.mk
-include ports/unix/cross.mk
-include tests/tests.mk
-include bench/bench.mk
