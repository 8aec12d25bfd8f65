/* Helpers the C modules of lib/ share. */
#ifndef MT_LIB_H
#define MT_LIB_H

#include "obj.h"

/* CRC-32 as zlib and binascii compute it; crc is the running value (0 to start) */
uint32_t mt_crc32(uint32_t crc, const uint8_t *p, size_t n);

/* The clock time.time() and localtime() read (ns since 1970-01-01; default the HAL's) and
 * their epoch in seconds after 1970 (0; the ESP8266 board: 946684800, 2000-01-01), set by a
 * board that has its own RTC (lib/modtime.c) */
extern uint64_t (*mt_time_clock_ns)(void);
extern int64_t mt_time_epoch_s;

#endif
