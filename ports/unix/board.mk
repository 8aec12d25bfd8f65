# The virtual ESP8266 board in the host build (included by the top-level Makefile).
#
#   make run     build mote and start the board's REPL on this terminal (flash image:
#                $(BUILD)/esp8266-flash.img, kept between runs; Ctrl-D soft-resets the
#                board, and the terminal's end of input (or killing mote) powers it off)
#   RUN_ARGS     more board options, e.g. make run RUN_ARGS="--pty --pins /tmp/pins"

# The board's Python modules (modules/*.py: _boot, inisetup) are frozen as bytecode:
# modules/manifest and the rules of ports/unix/cross.mk (tools/freeze.py).

RUN_ARGS ?=
.PHONY: run
run: $(BUILD)/mote
	$(BUILD)/mote --board esp8266 $(RUN_ARGS)
