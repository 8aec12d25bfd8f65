/* Helpers the C modules of lib/ share. */
#ifndef MT_LIB_H
#define MT_LIB_H

#include "obj.h"

/* CRC-32 as zlib and binascii compute it; crc is the running value (0 to start) */
uint32_t mt_crc32(uint32_t crc, const uint8_t *p, size_t n);

#endif
