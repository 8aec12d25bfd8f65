/* The block device under the FAT layer: 512-byte units, with write transactions.
 *
 * The FAT code (fs/fat*.c) reads and writes the volume through this interface only. Two
 * implementations exist: the power-safe journaled flash device (fs/journal.c) and the glue
 * over a Python block device object (readblocks/writeblocks/ioctl, fs/vfs_fat.c).
 *
 * Contract:
 *   - A unit is 512 bytes; units are numbered from the start of the volume's device.
 *   - Writes are of two kinds. MT_BDEV_META writes happen only between tx_begin and
 *     tx_commit: all of a transaction's META writes reach the medium atomically (a power cut
 *     leaves all or none of them, once tx_commit has returned: all). MT_BDEV_DATA writes
 *     happen only outside transactions and are durable when write returns; a power cut during
 *     one may leave the units being written half old, half new, but never disturbs any other
 *     unit the file system cares about (see is_free).
 *   - prepare(unit, n) makes the units read as 0xFF (erased) so later DATA writes into them
 *     need no erase; devices without erase semantics leave it NULL.
 *   - is_free(ctx, unit), set by the file system, says a unit's content may be destroyed (a
 *     free cluster, not part of an open file's pending data). The device may then skip
 *     copying it when it must erase a whole flash block. NULL: every unit matters.
 *   - tx_max is how many distinct units one transaction may write (0: no limit). The FAT
 *     layer splits its work so that each transaction fits.
 * Every function returns 0 or an errno value (MT_FS_E..., the numbers of core/mterrno.h). */
#ifndef MT_BDEV_H
#define MT_BDEV_H

#include <stdbool.h>
#include <stdint.h>

#include "mterrno.h"

#define X(name, number, q) MT_FS_##name = number,
enum { MT_FS_OK = 0, MT_ERRNO_LIST(X) };
#undef X

#define MT_BDEV_UNIT 512
#define MT_BDEV_META 1
#define MT_BDEV_DATA 2

typedef struct mt_bdev_s mt_bdev_t;

typedef struct {
    int (*read)(mt_bdev_t *d, uint32_t unit, uint8_t *buf, uint32_t n);
    int (*write)(mt_bdev_t *d, uint32_t unit, const uint8_t *buf, uint32_t n, int kind);
    int (*prepare)(mt_bdev_t *d, uint32_t unit, uint32_t n); /* may be NULL */
    int (*tx_begin)(mt_bdev_t *d);                           /* may be NULL (no journal) */
    int (*tx_commit)(mt_bdev_t *d);                          /* may be NULL */
    void (*tx_abort)(mt_bdev_t *d);                          /* may be NULL */
    int (*sync)(mt_bdev_t *d);                               /* may be NULL */
    /* n bytes at offset off of a unit (a few bytes without a 512-byte buffer); may be NULL */
    int (*read_part)(mt_bdev_t *d, uint32_t unit, uint32_t off, uint8_t *buf, uint32_t n);
} mt_bdev_ops_t;

struct mt_bdev_s {
    const mt_bdev_ops_t *ops;
    uint32_t n_units; /* size of the device in units */
    uint16_t tx_max;  /* distinct units per transaction; 0: unlimited */
    bool (*is_free)(void *ctx, uint32_t unit);
    void *is_free_ctx;
};

#endif
