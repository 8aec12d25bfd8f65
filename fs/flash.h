/* The board's SPI flash: 4 KB sectors with erase-before-write semantics.
 *
 * Semantics (as the ESP8266's NOR flash): erasing a 4 KB sector sets its bytes to 0xFF;
 * writing can only clear bits (the stored byte becomes old & new). This layer emulates that
 * over any backing store and reports misuse: a write that would need to set a bit stores
 * what the chip would store (old & new) and returns MT_FS_EIO.
 *
 * Layout of the ESP8266's flash (chip addresses), for chips of 1, 2 or 4 MB:
 *
 *   0x000000 .. 0x08FFFF   firmware (bootloader header, iram/irom images): 576 KB
 *   0x090000 .. size-0x5001  the user area: the file system (MT_FLASH_USER_START)
 *   size-0x5000 .. size-1  the SDK's system parameters (RF calibration, init data): 20 KB
 *
 * so the user area holds 428 KB (107 sectors) on a 1 MB chip, 1452 KB on 2 MB, 3500 KB on
 * 4 MB. On the host the backing store is an image file holding exactly the user area (offset
 * 0 of the file is chip address 0x90000); it persists across runs. The chip-address API
 * below (mt_flash_read/write/erase: what esp.flash_read/flash_write/flash_erase use) accepts
 * only addresses in the user area: anything else is MT_FS_EINVAL (the firmware is not in
 * the image).
 *
 * Inside the user area the file system puts a FAT volume at offset 0 and its journal in
 * the last MT_JOURNAL_BLOCKS sectors (fs/journal.h, docs/filesystem.md).
 *
 * The backing store is reached only through mt_flash_port_t: read, write (store exactly
 * these bytes), erase (one sector to 0xFF), sync. The host implements it over an image file
 * (fs/flash_file.c) or RAM (mt_flash_init_ram); the chip will implement it over the SPI
 * flash ROM routines (set raw_writes there: the hardware already ANDs). */
#ifndef MT_FLASH_H
#define MT_FLASH_H

#include <stdbool.h>
#include <stdint.h>

#include "bdev.h"

#define MT_FLASH_SECTOR         4096
#define MT_FLASH_USER_START     0x90000
#define MT_FLASH_SYS_PARAM_SIZE 0x5000

typedef struct {
    /* offsets are from the start of the backing store (the user area) */
    int (*read)(void *ctx, uint32_t off, void *buf, uint32_t n);
    int (*write)(void *ctx, uint32_t off, const void *buf, uint32_t n);
    int (*erase)(void *ctx, uint32_t off); /* one MT_FLASH_SECTOR at off (aligned) */
    int (*sync)(void *ctx);                /* may be NULL */
} mt_flash_port_t;

typedef struct {
    const mt_flash_port_t *port;
    void *ctx;
    uint32_t chip_size;  /* bytes of the whole chip (flash_size) */
    uint32_t user_start; /* chip address of the user area (flash_user_start) */
    uint32_t user_size;  /* bytes of the user area = of the backing store */
    uint32_t id;         /* JEDEC id as esp.flash_id() returns it */
    bool raw_writes;     /* the store ANDs by itself: skip the emulation's read-back */
    uint32_t n_reads, n_writes, n_erases; /* counters, for tests and statistics */
} mt_flash_t;

/* Set up f over a port: a chip of chip_size bytes whose user area starts at user_start and
 * holds user_size bytes (a multiple of MT_FLASH_SECTOR). */
void mt_flash_init(mt_flash_t *f, const mt_flash_port_t *port, void *ctx, uint32_t chip_size,
                   uint32_t user_start, uint32_t user_size);
/* a port over memory: ctx is the address of the user area's first byte */
extern const mt_flash_port_t mt_flash_ram_port;
/* The ESP8266 layout of a chip of chip_size bytes (1, 2 or 4 MB: else MT_FS_EINVAL):
 * the user area's start and size. */
int mt_flash_esp_layout(uint32_t chip_size, uint32_t *user_start, uint32_t *user_size);
/* A flash whose store is mem[0..size) (tests, fuzzing): user area = all of it at chip
 * address 0, chip_size = size. mem is not erased here. */
void mt_flash_init_ram(mt_flash_t *f, uint8_t *mem, uint32_t size);
/* The host's image file at path for a chip of chip_size bytes (ESP8266 layout): created
 * filled with 0xFF if missing; an existing file must hold exactly the user area, else
 * MT_FS_EINVAL. (fs/flash_file.c; not on the chip.) */
int mt_flash_open_image(mt_flash_t *f, const char *path, uint32_t chip_size);
void mt_flash_close_image(mt_flash_t *f);

/* Offsets in the user area (what the block layer uses). Bounds-checked: MT_FS_EINVAL. */
int mt_flash_uread(mt_flash_t *f, uint32_t off, void *buf, uint32_t n);
int mt_flash_uwrite(mt_flash_t *f, uint32_t off, const void *buf, uint32_t n);
int mt_flash_uerase(mt_flash_t *f, uint32_t off); /* the sector at off (aligned) */
int mt_flash_sync(mt_flash_t *f);

/* The chip-address API behind esp.flash_read/flash_write/flash_erase/flash_size/
 * flash_user_start/flash_id. addr must lie in the user area. erase takes a sector number
 * (addr / 4096), as esp.flash_erase does. Returns 0 or an errno value. */
int mt_flash_read(mt_flash_t *f, uint32_t addr, void *buf, uint32_t n);
int mt_flash_write(mt_flash_t *f, uint32_t addr, const void *buf, uint32_t n);
int mt_flash_erase(mt_flash_t *f, uint32_t sector);
uint32_t mt_flash_size(const mt_flash_t *f);
uint32_t mt_flash_user_start(const mt_flash_t *f);
uint32_t mt_flash_id(const mt_flash_t *f);

#endif
