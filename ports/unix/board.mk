# The virtual ESP8266 board in the host build (included by the top-level Makefile).
#
#   make run     build mote and start the board's REPL on this terminal (flash image:
#                $(BUILD)/esp8266-flash.img, kept between runs; Ctrl-D soft-resets the
#                board, and the terminal's end of input (or killing mote) powers it off)
#   RUN_ARGS     more board options, e.g. make run RUN_ARGS="--pty --pins /tmp/pins"

# modules/*.py frozen into the firmware as const C strings (tools/mkfrozen.py); regenerated
# when a module or the generator changes
FROZEN_PY := $(sort $(wildcard modules/*.py))
FROZEN_H := $(BUILD)/genhdr/frozen_modules.h

$(FROZEN_H): tools/mkfrozen.py $(FROZEN_PY)
	@mkdir -p $(dir $@)
	$(PYTHON) tools/mkfrozen.py $@ $(FROZEN_PY)

$(BUILD)/obj/machine/frozen.o: $(FROZEN_H)
$(BUILD)/sanitize/obj/machine/frozen.o: $(FROZEN_H)
$(BUILD)/fuzz/obj/machine/frozen.o: $(FROZEN_H)

# On the board, the module loader's file functions and open() are the board's (its flash),
# not the host's: until ports/unix/hal.c and file.c take a hook for that, the link routes
# their callers through ports/unix/board.c, which calls the host's versions when no board
# runs.
BOARD_WRAPPED := mt_hal_stat mt_hal_open_read mt_hal_read mt_hal_close mt_builtin_open
# only the programs that contain the board (not the C tests, fuzzers or mote-cross, which
# link the core from an archive without board.c and would call a missing wrapper)
BOARD_LDLIBS := $(foreach f,$(BOARD_WRAPPED),-Wl,--wrap=$(f))
$(BUILD)/mote: LDLIBS += $(BOARD_LDLIBS)
$(BUILD)/sanitize/mote: LDLIBS += $(BOARD_LDLIBS)

RUN_ARGS ?=
.PHONY: run
run: $(BUILD)/mote
	$(BUILD)/mote --board esp8266 $(RUN_ARGS)
