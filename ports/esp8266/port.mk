# The ESP8266 firmware: the same core built for the Xtensa lx106 with Debian's
# xtensa-lx106-elf-gcc and picolibc, with the board around it (machine/, fs/, repl/).
# `make lx106` builds build/lx106/mote.elf, which runs under QEMU (docs/esp8266.md):
#
#   make lx106-run            the board on this terminal: boot, REPL, files on the flash;
#                             Ctrl-D soft-resets, Ctrl-] then x powers off (quits QEMU)
#   make lx106-exec < p.py    run one program (program mode, as the tests run programs)
#   make lx106-info           image size, static DRAM, the heap free after start-up and at
#                             the board's REPL
#
# the tests: tests/run.py --target lx106 (the programs, then tests/repl against the console)
LX106_BUILD := $(BUILD)/lx106
LX106_ELF := $(LX106_BUILD)/mote.elf
LX106_CC := xtensa-lx106-elf-gcc
LX106_SIZE := xtensa-lx106-elf-size
LX106_SPECS := /usr/lib/xtensa-lx106-elf/picolibc.specs
# the helpers missing from Debian's lx106 libgcc (tools/lx106-libgccfix.sh); kept by `make clean`
LX106_GCCFIX := $(BUILD)/libgccfix/libgccfix.a

# layers on the chip; files that need a host OS (an image file, the host's test module) are
# listed in LX106_HOST_ONLY
LX106_HOST_ONLY ?= fs/flash_file.c fs/modvfstest.c
LX106_SRC := $(filter-out $(LX106_HOST_ONLY),$(CORE_SRC) $(LIB_SRC) $(REPL_SRC) $(FS_SRC) \
	$(MACHINE_SRC)) $(wildcard ports/esp8266/*.c)
LX106_OBJ := $(patsubst %.c,$(LX106_BUILD)/obj/%.o,$(LX106_SRC)) $(LX106_BUILD)/obj/ports/esp8266/start.o

# QEMU's lx106 cycle counter runs at 40 MHz (the chip: 80)
LX106_CFLAGS := --specs=$(LX106_SPECS) -std=gnu11 $(WARN) -Os -g -mlongcalls \
	-ffunction-sections -fdata-sections -DMT_ESP_CPU_MHZ=40 \
	-Icore -Ilib -Irepl -Ifs -Imachine -Iports/esp8266 -I$(BUILD)
LX106_LDFLAGS := --specs=$(LX106_SPECS) -nostartfiles -T ports/esp8266/esp8266.ld \
	-Wl,--gc-sections -Wl,-Map=$(LX106_BUILD)/mote.map -L$(dir $(LX106_GCCFIX)) --oslib=gccfix

LX106_QEMU_BASE := qemu-system-xtensa -M sim -cpu lx106 -semihosting -display none -monitor none
LX106_QEMU := timeout -s KILL 120 $(LX106_QEMU_BASE) -serial none
# program mode: the console's text is one program, run once; the exit status comes back
LX106_QEMU_PROGRAM := $(LX106_QEMU) -semihosting-config enable=on,arg=mote,arg=--run

.PHONY: lx106 lx106-run lx106-exec lx106-info
lx106: $(LX106_ELF)

$(LX106_GCCFIX): tools/lx106-libgccfix.sh
	tools/lx106-libgccfix.sh $(dir $@)

$(LX106_BUILD)/obj/%.o: %.c $(QSTR_H)
	@mkdir -p $(dir $@)
	$(LX106_CC) $(LX106_CFLAGS) -MMD -MP -c $< -o $@

$(LX106_BUILD)/obj/%.o: %.S
	@mkdir -p $(dir $@)
	$(LX106_CC) $(LX106_CFLAGS) -c $< -o $@

$(LX106_ELF): $(LX106_OBJ) $(LX106_GCCFIX) ports/esp8266/esp8266.ld
	$(LX106_CC) $(LX106_LDFLAGS) -o $@ $(LX106_OBJ) -lm

-include $(LX106_OBJ:.o=.d)

# The board on this terminal. QEMU's stdio chardev puts the terminal in raw mode and restores
# it at exit; its escape key moves from Ctrl-A (the raw REPL's) to Ctrl-]; signal=off makes
# Ctrl-C a byte for the board. -onlcr (restored after) keeps the board's \r\n as they are.
# Not a terminal (make lx106-run < keys.txt): the board reads its input, then powers off.
lx106-run: $(LX106_ELF)
	@if [ -t 0 ]; then \
		echo "[the board's console: Ctrl-D soft reset, Ctrl-] x power off]"; \
		saved=$$(stty -g); stty -onlcr; \
		$(LX106_QEMU_BASE) -chardev stdio,id=con,mux=on,signal=off -serial chardev:con \
			-echr 0x1d -kernel $(LX106_ELF); \
		stty "$$saved"; \
	else \
		$(LX106_QEMU_BASE) -serial none -kernel $(LX106_ELF); \
	fi

# run one program on the emulated chip: make lx106-exec < prog.py
lx106-exec: $(LX106_ELF)
	@$(LX106_QEMU_PROGRAM) -kernel $(LX106_ELF)

# the image size, static DRAM, the heap after start-up (program mode) and at the board's REPL
lx106-info: $(LX106_ELF)
	@$(LX106_SIZE) $(LX106_ELF)
	@$(LX106_QEMU) -semihosting-config enable=on,arg=mote,arg=--mem -kernel $(LX106_ELF) \
		</dev/null
	@printf 'import gc; gc.collect(); gc.mem_free()\r\n' | $(LX106_QEMU) -kernel $(LX106_ELF) | \
		sed -n 's/^\([0-9][0-9]*\)\r*$$/lx106: board REPL after boot: gc.mem_free() = \1/p' || true
