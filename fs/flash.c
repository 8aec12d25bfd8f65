/* The flash chip emulation over a backing store (see flash.h). */
#include <string.h>

#include "flash.h"

/* JEDEC ids as the ESP8266 reads them: manufacturer (Winbond 0xEF), memory type 0x40,
 * capacity log2(size) in the third byte */
static uint32_t jedec_id(uint32_t size) {
    uint32_t cap = 0;
    while (cap < 31 && (1u << cap) < size) cap++;
    return 0xef | (0x40 << 8) | (cap << 16);
}

void mt_flash_init(mt_flash_t *f, const mt_flash_port_t *port, void *ctx, uint32_t chip_size,
                   uint32_t user_start, uint32_t user_size) {
    memset(f, 0, sizeof(*f));
    f->port = port;
    f->ctx = ctx;
    f->chip_size = chip_size;
    f->user_start = user_start;
    f->user_size = user_size;
    f->id = jedec_id(chip_size);
}

int mt_flash_esp_layout(uint32_t chip_size, uint32_t *user_start, uint32_t *user_size) {
    if (chip_size != 0x100000 && chip_size != 0x200000 && chip_size != 0x400000) {
        return MT_FS_EINVAL;
    }
    *user_start = MT_FLASH_USER_START;
    *user_size = chip_size - MT_FLASH_SYS_PARAM_SIZE - MT_FLASH_USER_START;
    return 0;
}

/* ---- the RAM store */

static int ram_read(void *ctx, uint32_t off, void *buf, uint32_t n) {
    memcpy(buf, (uint8_t *)ctx + off, n);
    return 0;
}

static int ram_write(void *ctx, uint32_t off, const void *buf, uint32_t n) {
    memcpy((uint8_t *)ctx + off, buf, n);
    return 0;
}

static int ram_erase(void *ctx, uint32_t off) {
    memset((uint8_t *)ctx + off, 0xff, MT_FLASH_SECTOR);
    return 0;
}

const mt_flash_port_t mt_flash_ram_port = {ram_read, ram_write, ram_erase, NULL};

void mt_flash_init_ram(mt_flash_t *f, uint8_t *mem, uint32_t size) {
    mt_flash_init(f, &mt_flash_ram_port, mem, size, 0, size);
}

/* ---- user-area offsets */

static bool in_range(const mt_flash_t *f, uint32_t off, uint32_t n) {
    return off <= f->user_size && n <= f->user_size - off;
}

int mt_flash_uread(mt_flash_t *f, uint32_t off, void *buf, uint32_t n) {
    if (!in_range(f, off, n)) return MT_FS_EINVAL;
    f->n_reads++;
    return n ? f->port->read(f->ctx, off, buf, n) : 0;
}

/* Program n bytes as the chip would: each stored byte becomes old & new. Misuse (a bit that
 * would have to go from 0 to 1) is stored the chip's way and reported as MT_FS_EIO. */
int mt_flash_uwrite(mt_flash_t *f, uint32_t off, const void *buf, uint32_t n) {
    if (!in_range(f, off, n)) return MT_FS_EINVAL;
    f->n_writes++;
    if (f->raw_writes) return n ? f->port->write(f->ctx, off, buf, n) : 0;
    const uint8_t *src = buf;
    uint8_t chunk[128];
    bool misuse = false;
    while (n > 0) {
        uint32_t k = n < sizeof(chunk) ? n : (uint32_t)sizeof(chunk);
        int r = f->port->read(f->ctx, off, chunk, k);
        if (r) return r;
        for (uint32_t i = 0; i < k; i++) {
            if ((chunk[i] & src[i]) != src[i]) misuse = true;
            chunk[i] &= src[i];
        }
        r = f->port->write(f->ctx, off, chunk, k);
        if (r) return r;
        off += k;
        src += k;
        n -= k;
    }
    return misuse ? MT_FS_EIO : 0;
}

int mt_flash_uerase(mt_flash_t *f, uint32_t off) {
    if (off % MT_FLASH_SECTOR || !in_range(f, off, MT_FLASH_SECTOR)) return MT_FS_EINVAL;
    f->n_erases++;
    return f->port->erase(f->ctx, off);
}

int mt_flash_sync(mt_flash_t *f) {
    return f->port->sync ? f->port->sync(f->ctx) : 0;
}

/* ---- chip addresses */

/* the user-area offset of chip address addr, if [addr, addr+n) lies in the user area */
static int user_off(const mt_flash_t *f, uint32_t addr, uint32_t n, uint32_t *off) {
    if (addr < f->user_start || !in_range(f, addr - f->user_start, n)) return MT_FS_EINVAL;
    *off = addr - f->user_start;
    return 0;
}

int mt_flash_read(mt_flash_t *f, uint32_t addr, void *buf, uint32_t n) {
    uint32_t off;
    int r = user_off(f, addr, n, &off);
    return r ? r : mt_flash_uread(f, off, buf, n);
}

int mt_flash_write(mt_flash_t *f, uint32_t addr, const void *buf, uint32_t n) {
    uint32_t off;
    int r = user_off(f, addr, n, &off);
    return r ? r : mt_flash_uwrite(f, off, buf, n);
}

int mt_flash_erase(mt_flash_t *f, uint32_t sector) {
    uint32_t off;
    if (sector > UINT32_MAX / MT_FLASH_SECTOR) return MT_FS_EINVAL;
    int r = user_off(f, sector * MT_FLASH_SECTOR, MT_FLASH_SECTOR, &off);
    return r ? r : mt_flash_uerase(f, off);
}

uint32_t mt_flash_size(const mt_flash_t *f) {
    return f->chip_size;
}
uint32_t mt_flash_user_start(const mt_flash_t *f) {
    return f->user_start;
}
uint32_t mt_flash_id(const mt_flash_t *f) {
    return f->id;
}
