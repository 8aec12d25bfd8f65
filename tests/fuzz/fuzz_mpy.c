/* libFuzzer target: the .mpy loader (core/persist.c) on arbitrary bytes. The input's CRC-32
 * is recomputed first (when it has a header) so mutations reach the structural checks instead
 * of stopping at the checksum; every input must load or raise ValueError/MemoryError, never
 * crash or read out of bounds. Seeds: tests/fuzz/seeds/fuzz_mpy (files made by mote-cross). */
#include <string.h>

#include "fuzz_lib.h"
#include "persist.h"

#define MAX_INPUT (64 * 1024)

static uint8_t copy[MAX_INPUT];

static uint32_t crc32(const uint8_t *p, size_t n) {
    uint32_t c = 0xffffffff;
    while (n--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c;
}

static void run(const uint8_t *data, size_t size) {
    if (size > MAX_INPUT) return;
    memcpy(copy, data, size);
    if (size >= 12 && (data[6] & 1) == 0) { /* pad byte bit 0 set: keep the CRC as given */
        uint32_t c = crc32(copy + 12, size - 12);
        for (int i = 0; i < 4; i++) copy[8 + i] = (uint8_t)(c >> (8 * i));
    }
    mt_persist_load(copy, size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    fuzz_run(run, data, size);
    return 0;
}
