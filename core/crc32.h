/* CRC-32 (IEEE 802.3, as zlib.crc32): crc is the running value (0 to start). */
#ifndef MT_CRC32_H
#define MT_CRC32_H

#include <stddef.h>
#include <stdint.h>

uint32_t mt_crc32(uint32_t crc, const uint8_t *p, size_t n);

#endif
