/* Helpers the C modules of lib/ share. */
#ifndef MT_LIB_H
#define MT_LIB_H

#include "obj.h"

#include "crc32.h" /* mt_crc32, shared with the core (core/crc32.c) */

/* The clock time.time() and localtime() read (ns since 1970-01-01; default the HAL's) and
 * their epoch in seconds after 1970 (0; the ESP8266 board: 946684800, 2000-01-01), set by a
 * board that has its own RTC (lib/modtime.c) */
extern uint64_t (*mt_time_clock_ns)(void);
extern int64_t mt_time_epoch_s;

/* sleep for us microseconds in slices, so Ctrl-C (mt_pending) and a board's RST pin
 * interrupt a long sleep (lib/modtime.c; machine.lightsleep too) */
void mt_time_sleep_us(uint64_t us);

#endif
