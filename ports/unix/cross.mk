# mote-cross: the bytecode cross-compiler (ports/unix/cross.c), built from the same objects as
# `mote` minus ports/unix/main.o. The root Makefile includes this file.
CROSS_OBJ := $(filter-out $(BUILD)/obj/ports/unix/main.o $(BUILD)/obj/ports/unix/cross.o,$(OBJ)) \
	$(BUILD)/obj-cross/ports/unix/cross.o

$(BUILD)/obj-cross/ports/unix/cross.o: ports/unix/cross.c $(QSTR_H)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -DMT_CROSS_MAIN -MMD -MP -c $< -o $@

$(BUILD)/mote-cross: $(CROSS_OBJ)
	$(CC) $(CFLAGS) -o $@ $(CROSS_OBJ) $(LDLIBS)

.PHONY: cross
cross: $(BUILD)/mote-cross
all: $(BUILD)/mote-cross

-include $(BUILD)/obj-cross/ports/unix/cross.d

# ---- frozen bytecode modules (tools/freeze.py) -------------------------------------------
# Step 1 lists the modules' names for the qstr table (no compiler needed, so no cycle);
# step 2 compiles them with mote-cross into const C tables linked into mote. Both outputs
# are rewritten only when their content changes; any change to a listed module re-creates the
# tables (they depend on every listed file and on the manifest itself).
FREEZE_MANIFEST ?= modules/manifest
# the chip's list (ports/esp8266/port.mk may set its own)
LX106_FREEZE_MANIFEST ?= $(FREEZE_MANIFEST)
FROZEN_MPY_PY := $(shell $(PYTHON) tools/freeze.py --list $(FREEZE_MANIFEST) \
	$(LX106_FREEZE_MANIFEST))
FROZEN_MPY_QSTRS := $(BUILD)/genhdr/frozen_mpy_qstrs.h
FROZEN_MPY_C := $(BUILD)/frozen/frozen_mpy.c
FROZEN_MPY_O := $(BUILD)/frozen/frozen_mpy.o
# the manifest in use is part of the output: switching manifests rebuilds
FROZEN_MPY_STAMP := $(BUILD)/frozen/manifest.$(subst /,_,$(FREEZE_MANIFEST)+$(LX106_FREEZE_MANIFEST))

$(FROZEN_MPY_STAMP):
	@mkdir -p $(dir $@)
	@rm -f $(BUILD)/frozen/manifest.*
	@touch $@

$(FROZEN_MPY_QSTRS): tools/freeze.py $(FREEZE_MANIFEST) $(FROZEN_MPY_PY) $(FROZEN_MPY_STAMP)
	$(PYTHON) tools/freeze.py --qstrs $@ $(FREEZE_MANIFEST) $(LX106_FREEZE_MANIFEST)

QSTR_SCAN += $(FROZEN_MPY_QSTRS)
$(QSTR_H): $(FROZEN_MPY_QSTRS)

$(FROZEN_MPY_C): tools/freeze.py $(FREEZE_MANIFEST) $(FROZEN_MPY_PY) $(FROZEN_MPY_STAMP) \
		$(BUILD)/mote-cross $(QSTR_H)
	$(PYTHON) tools/freeze.py --c $@ --cross $(BUILD)/mote-cross --qstr-h $(QSTR_H) $(FREEZE_MANIFEST)

# (its MT_QSTR_ names are indices into the current qstr table: recompile when it changes)
$(FROZEN_MPY_O): $(FROZEN_MPY_C) $(QSTR_H)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

-include $(FROZEN_MPY_O:.o=.d)

OBJ += $(FROZEN_MPY_O)
$(BUILD)/mote: $(FROZEN_MPY_O)

# the chip: the same generator (its C is word-size neutral) with the chip's list, compiled by
# the lx106 compiler. Needs this file included after ports/esp8266/port.mk.
ifdef LX106_OBJ
LX106_FROZEN_C := $(LX106_BUILD)/frozen/frozen_mpy.c
LX106_FROZEN_O := $(LX106_BUILD)/frozen/frozen_mpy.o

$(LX106_FROZEN_C): tools/freeze.py $(LX106_FREEZE_MANIFEST) $(FROZEN_MPY_PY) $(FROZEN_MPY_STAMP) \
		$(BUILD)/mote-cross $(QSTR_H)
	@mkdir -p $(dir $@)
	$(PYTHON) tools/freeze.py --c $@ --cross $(BUILD)/mote-cross --qstr-h $(QSTR_H) \
		$(LX106_FREEZE_MANIFEST)

$(LX106_FROZEN_O): $(LX106_FROZEN_C) $(QSTR_H)
	$(LX106_CC) $(LX106_CFLAGS) -MMD -MP -c $< -o $@

-include $(LX106_FROZEN_O:.o=.d)

LX106_OBJ += $(LX106_FROZEN_O)
$(LX106_ELF): $(LX106_FROZEN_O)
endif
