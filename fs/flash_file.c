/* The flash's backing store on the host: an image file holding the user area (flash.h).
 * Host only: the chip build leaves this file out (it has no files). */
#ifndef __XTENSA__
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "flash.h"

static int fd_of(void *ctx) {
    return (int)(intptr_t)ctx;
}

static int err(void) {
    return errno ? errno : MT_FS_EIO;
}

static int file_read(void *ctx, uint32_t off, void *buf, uint32_t n) {
    uint8_t *p = buf;
    while (n > 0) {
        ssize_t r = pread(fd_of(ctx), p, n, off);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return r < 0 ? err() : MT_FS_EIO;
        p += r;
        off += (uint32_t)r;
        n -= (uint32_t)r;
    }
    return 0;
}

static int file_write(void *ctx, uint32_t off, const void *buf, uint32_t n) {
    const uint8_t *p = buf;
    while (n > 0) {
        ssize_t r = pwrite(fd_of(ctx), p, n, off);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return r < 0 ? err() : MT_FS_EIO;
        p += r;
        off += (uint32_t)r;
        n -= (uint32_t)r;
    }
    return 0;
}

static int file_erase(void *ctx, uint32_t off) {
    uint8_t ff[MT_FLASH_SECTOR];
    memset(ff, 0xff, sizeof(ff));
    return file_write(ctx, off, ff, sizeof(ff));
}

static int file_sync(void *ctx) {
    return fdatasync(fd_of(ctx)) ? err() : 0;
}

static const mt_flash_port_t file_port = {file_read, file_write, file_erase, file_sync};

int mt_flash_open_image(mt_flash_t *f, const char *path, uint32_t chip_size) {
    uint32_t start, size;
    int r = mt_flash_esp_layout(chip_size, &start, &size);
    if (r) return r;
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) return err();
    struct stat st;
    if (fstat(fd, &st) != 0) {
        r = err();
    } else if (st.st_size == 0) {
        mt_flash_init(f, &file_port, (void *)(intptr_t)fd, chip_size, start, size);
        for (uint32_t off = 0; off < size && !r; off += MT_FLASH_SECTOR) {
            r = file_erase(f->ctx, off);
        }
    } else if ((uint64_t)st.st_size != size) {
        r = MT_FS_EINVAL;
    }
    if (r) {
        close(fd);
        return r;
    }
    mt_flash_init(f, &file_port, (void *)(intptr_t)fd, chip_size, start, size);
    return 0;
}

void mt_flash_close_image(mt_flash_t *f) {
    if (f->port == &file_port) {
        close(fd_of(f->ctx));
        f->port = NULL;
    }
}
#endif
