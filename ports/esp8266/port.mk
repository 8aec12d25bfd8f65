# The ESP8266 firmware: the same core built for the Xtensa lx106 with Debian's
# xtensa-lx106-elf-gcc and picolibc. `make lx106` builds build/lx106/mote.elf, which runs
# under QEMU (`make lx106-run < prog.py`; the tests: tests/run.py --target lx106).
LX106_BUILD := $(BUILD)/lx106
LX106_ELF := $(LX106_BUILD)/mote.elf
LX106_CC := xtensa-lx106-elf-gcc
LX106_SIZE := xtensa-lx106-elf-size
LX106_SPECS := /usr/lib/xtensa-lx106-elf/picolibc.specs
# the helpers missing from Debian's lx106 libgcc (tools/lx106-libgccfix.sh); kept by `make clean`
LX106_GCCFIX := $(BUILD)/libgccfix/libgccfix.a

# layers on the chip; lib/ files that need a host OS are listed in LX106_HOST_ONLY
LX106_HOST_ONLY ?=
LX106_SRC := $(CORE_SRC) $(filter-out $(LX106_HOST_ONLY),$(LIB_SRC)) \
	$(wildcard ports/esp8266/*.c)
LX106_OBJ := $(patsubst %.c,$(LX106_BUILD)/obj/%.o,$(LX106_SRC)) $(LX106_BUILD)/obj/ports/esp8266/start.o

# QEMU's lx106 cycle counter runs at 40 MHz (the chip: 80)
LX106_CFLAGS := --specs=$(LX106_SPECS) -std=gnu11 $(WARN) -Os -g -mlongcalls \
	-ffunction-sections -fdata-sections -DMT_ESP_CPU_MHZ=40 \
	-Icore -Ilib -Irepl -Ifs -Imachine -Iports/esp8266 -I$(BUILD)
LX106_LDFLAGS := --specs=$(LX106_SPECS) -nostartfiles -T ports/esp8266/esp8266.ld \
	-Wl,--gc-sections -Wl,-Map=$(LX106_BUILD)/mote.map -L$(dir $(LX106_GCCFIX)) --oslib=gccfix

LX106_QEMU := timeout -s KILL 120 qemu-system-xtensa -M sim -cpu lx106 -semihosting \
	-display none -monitor none -serial none

.PHONY: lx106 lx106-run lx106-info
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

# run a program on the emulated chip: make lx106-run < prog.py
lx106-run: $(LX106_ELF)
	@$(LX106_QEMU) -kernel $(LX106_ELF)

# the image size and the heap left after start-up
lx106-info: $(LX106_ELF)
	@$(LX106_SIZE) $(LX106_ELF)
	@$(LX106_QEMU) -semihosting-config enable=on,arg=mote,arg=--mem -kernel $(LX106_ELF) \
		</dev/null
