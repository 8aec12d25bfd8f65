/* The power-safe block device over the flash: 512-byte units on 4 KB erase blocks, with
 * atomic transactions (fs/bdev.h contract). docs/filesystem.md explains the design.
 *
 * The journal lives in the last MT_JOURNAL_BLOCKS erase blocks of the flash's user area:
 *
 *   [ shadow S ][ bank 0 ][ bank 1 ]
 *
 * A bank is an append-only log of 16-byte records (some followed by a 512-byte payload);
 * the valid bank with the highest generation is the current one. A transaction stages each
 * unit it writes as a STAGE record (unit number + data), then a COMMIT record makes it
 * durable; only then are the target erase blocks rewritten (DONE ends it). Rewriting an
 * erase block that holds units which must survive goes through S: S gets the block's new
 * image, a SHADOW record names the target, the target is erased and copied back from S. At
 * mount (mt_jbdev_open) the current bank is scanned and whatever was cut is finished: a
 * block whose SHADOW is the last record is copied back from S, a committed transaction not
 * DONE is applied again (applying is idempotent). Uncommitted records are ignored.
 *
 * Erases are avoided where the flash allows: units whose new content only clears bits are
 * programmed in place; a block none of whose other units matter (bdev.is_free) is erased
 * directly without the shadow.
 *
 * Without room for a journal (a volume that fills the whole user area, e.g. made by
 * mkfs.fat on the host) the device still works but is not power-safe: blocks are rewritten
 * through a 4 KB buffer in the GC heap. */
#ifndef MT_JOURNAL_H
#define MT_JOURNAL_H

#include "bdev.h"
#include "flash.h"

#define MT_JOURNAL_BLOCKS  3
#define MT_JOURNAL_TX_MAX  7 /* distinct units per transaction (bdev.tx_max) */
#define MT_UNITS_PER_BLOCK (MT_FLASH_SECTOR / MT_BDEV_UNIT)

typedef struct {
    mt_bdev_t bdev; /* first: the FAT layer sees this */
    mt_flash_t *flash;
    uint32_t n_blocks;  /* erase blocks in the user area */
    uint32_t jblock;    /* the shadow block; the banks follow it */
    uint32_t vol_units; /* units of the volume in use (0: not known yet) */
    uint8_t mode;       /* J_NONE, J_FRESH, J_READY (journal.c) */
    uint8_t bank;       /* current bank, 0 or 1 */
    bool in_tx;
    bool tail_dirty; /* the current bank's free tail is not clean: switch before appending */
    uint8_t n_staged;
    uint32_t gen;  /* generation of the current bank */
    uint32_t wpos; /* append offset in the current bank */
    uint32_t seq;  /* sequence number of the current operation */
    struct {
        uint32_t unit;
        uint32_t off; /* of the STAGE record in the current bank */
    } staged[MT_JOURNAL_TX_MAX];
    uint8_t *rmw;        /* 4 KB block buffer of the no-journal path (GC heap, so the jbdev must
                          * itself be reachable by the GC: in a heap object or a registered root) */
    uint32_t n_replayed; /* operations finished by the last open (tests, statistics) */
} mt_jbdev_t;

/* Set up j over f: the device covers the whole user area. Finds the journal and finishes any
 * operation a power cut interrupted. 0 or an errno value (I/O errors only). */
int mt_jbdev_open(mt_jbdev_t *j, mt_flash_t *f);
/* Units the file system may use while keeping the journal: what mkfs gives a volume. */
uint32_t mt_jbdev_volume_max(const mt_jbdev_t *j);
/* The mount tells the device how big its volume is: a volume that reaches into the journal
 * area turns the journal off. */
void mt_jbdev_set_volume(mt_jbdev_t *j, uint32_t vol_units);
/* Erase and start the journal (mkfs). MT_FS_ENOSPC if the device is too small for one. */
int mt_jbdev_format(mt_jbdev_t *j);
/* true when writes are power-safe */
bool mt_jbdev_is_safe(const mt_jbdev_t *j);

#endif
