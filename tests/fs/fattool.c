/* fattool: drives Mote's flash, journal and FAT code (fs/) from the host, for the tests of
 * tests/fs/ (interop with mtools/dosfstools, power-loss cuts).
 *
 *   fattool [-s 1M|2M|4M | -r] [--cut N] IMAGE COMMAND [ARGS...]
 *
 * -s SIZE: IMAGE is the flash user area of an ESP8266 with a SIZE chip (docs/filesystem.md);
 * -r: IMAGE is a raw volume of any size that is a multiple of 4 KB (default). --cut N ends the
 * process (status 99) in the middle of the Nth flash write or erase, leaving it torn: a
 * prefix of the bytes written, the rest as before (a power cut).
 *
 * Commands: mkfs [CLUSTER_BYTES] | ls PATH | tree | put HOSTFILE PATH | get PATH HOSTFILE |
 * cat PATH | mkdir PATH | rmdir PATH | rm PATH | mv FROM TO | stat PATH | df | mount |
 * writer SEED LOG [N_OPS] | check LOG
 * Errors print "error: ENAME" and exit with status 1. */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fat.h"
#include "flash.h"
#include "journal.h"
#include "lib.h"
#include "mterrno.h"
#include "state.h"

static uint8_t heap[256 * 1024] __attribute__((aligned(16)));
static int img_fd = -1;
static long cut_at, n_ops;
static unsigned rng_state = 12345;
static mt_flash_t flash;
static mt_jbdev_t jb;
static mt_fat_t vol;
static uint8_t vol_bufs[MT_FAT_BUF_BYTES];

static unsigned rnd(void) {
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return rng_state;
}

static void die(int err) {
    const char *name = mt_errno_name(err);
    if (name)
        printf("error: %s\n", name);
    else
        printf("error: %d\n", err);
    exit(1);
}

static void check(int r) {
    if (r) die(r);
}

/* ---- the image file as flash, with power cuts */

static void pwrite_all(const void *buf, size_t n, off_t off) {
    if (pwrite(img_fd, buf, n, off) != (ssize_t)n) {
        perror("pwrite");
        exit(3);
    }
}

static void maybe_cut(uint32_t off, const uint8_t *data, uint32_t n) {
    if (++n_ops < cut_at || cut_at == 0) return;
    uint32_t k = n ? rnd() % n : 0;
    pwrite_all(data, k, off);
    _exit(99);
}

static int port_read(void *ctx, uint32_t off, void *buf, uint32_t n) {
    return pread(img_fd, buf, n, off) == (ssize_t)n ? 0 : MT_FS_EIO;
}

static int port_write(void *ctx, uint32_t off, const void *buf, uint32_t n) {
    maybe_cut(off, buf, n);
    pwrite_all(buf, n, off);
    return 0;
}

static int port_erase(void *ctx, uint32_t off) {
    uint8_t ff[MT_FLASH_SECTOR];
    memset(ff, 0xff, sizeof(ff));
    maybe_cut(off, ff, sizeof(ff));
    pwrite_all(ff, sizeof(ff), off);
    return 0;
}

static const mt_flash_port_t port = {port_read, port_write, port_erase, NULL};

static void open_image(const char *path, uint32_t chip) {
    img_fd = open(path, O_RDWR | O_CREAT, 0666);
    if (img_fd < 0) {
        perror(path);
        exit(3);
    }
    struct stat st;
    fstat(img_fd, &st);
    uint32_t start = 0, size = (uint32_t)st.st_size;
    if (chip) {
        check(mt_flash_esp_layout(chip, &start, &size));
        if (st.st_size == 0) {
            uint8_t ff[MT_FLASH_SECTOR];
            memset(ff, 0xff, sizeof(ff));
            for (uint32_t off = 0; off < size; off += sizeof(ff)) pwrite_all(ff, sizeof(ff), off);
        } else if ((uint32_t)st.st_size != size) {
            fprintf(stderr, "%s: not the user area of a %u-byte chip\n", path, chip);
            exit(3);
        }
    } else if (size == 0 || size % MT_FLASH_SECTOR) {
        fprintf(stderr, "%s: size must be a non-zero multiple of 4096\n", path);
        exit(3);
    } else {
        chip = size;
    }
    mt_flash_init(&flash, &port, NULL, chip, start, size);
    check(mt_jbdev_open(&jb, &flash));
}

static void mount(bool ro) {
    mt_fat_attach_bufs(&vol, vol_bufs);
    check(mt_fat_mount(&vol, &jb.bdev, ro));
    mt_jbdev_set_volume(&jb, vol.vol_units);
}

/* ---- commands */

static void cmd_mkfs(uint32_t clus) {
    mt_fat_mkfs_opts_t o = {0};
    o.clus_bytes = clus;
    o.serial = 0x12345678;
    uint32_t units = mt_jbdev_volume_max(&jb);
    if (units != jb.bdev.n_units) check(mt_jbdev_format(&jb));
    check(mt_fat_mkfs(&jb.bdev, units, &o));
}

static void list(const char *path, bool recurse);

static void join(char *out, const char *dir, const char *name) {
    snprintf(out, 1024, "%s%s%s", dir, strcmp(dir, "/") ? "/" : "", name);
}

static uint32_t file_crc(const char *path, uint32_t *size) {
    static mt_fat_file_t f;
    uint8_t buf[3000];
    uint32_t crc = 0, got;
    *size = 0;
    check(mt_fat_open(&vol, &f, path, MT_FAT_O_READ));
    do {
        check(mt_fat_read(&f, buf, 1 + rnd() % sizeof(buf), &got));
        crc = mt_crc32(crc, buf, got);
        *size += got;
    } while (got);
    check(mt_fat_close(&f));
    return crc;
}

static void list(const char *path, bool recurse) {
    mt_fat_dir_t d;
    static mt_fat_dirent_t e;
    char name[MT_FAT_NAME_UTF8], full[1024];
    check(mt_fat_opendir(&vol, path, &d));
    for (;;) {
        int r = mt_fat_readdir(&vol, &d, &e);
        if (r == MT_FS_ENOENT) break;
        check(r);
        mt_fat_dirent_name(&e, name);
        bool dir = mt_fat_loc_is_dir(&e.loc);
        if (!recurse) {
            printf("%s %s %u\n", dir ? "D" : "F", name, mt_fat_loc_size(&e.loc));
            continue;
        }
        join(full, path, name);
        mt_fat_dir_t saved = d;
        if (dir) {
            printf("D %s\n", full);
            list(full, true);
        } else {
            uint32_t size, crc = file_crc(full, &size);
            printf("F %s %u %08x\n", full, size, crc);
        }
        d = saved;
    }
}

static void cmd_put(const char *host, const char *path) {
    static mt_fat_file_t f;
    uint8_t buf[4096];
    FILE *in = fopen(host, "rb");
    if (!in) {
        perror(host);
        exit(3);
    }
    check(mt_fat_open(&vol, &f, path, MT_FAT_O_WRITE | MT_FAT_O_CREATE | MT_FAT_O_TRUNC));
    size_t n;
    while ((n = fread(buf, 1, 1 + rnd() % sizeof(buf), in)) > 0) {
        uint32_t put;
        check(mt_fat_write(&f, buf, (uint32_t)n, &put));
    }
    fclose(in);
    check(mt_fat_close(&f));
}

static void cmd_get(const char *path, FILE *out) {
    static mt_fat_file_t f;
    uint8_t buf[4096];
    uint32_t got;
    check(mt_fat_open(&vol, &f, path, MT_FAT_O_READ));
    do {
        check(mt_fat_read(&f, buf, sizeof(buf), &got));
        fwrite(buf, 1, got, out);
    } while (got);
    check(mt_fat_close(&f));
}

/* ---- the power-loss workload */

#define MAX_FILES 64
#define MAX_SIZE  (40 * 1024)

typedef struct {
    char path[256];
    bool used, dir;
    uint32_t size;
    uint8_t data[MAX_SIZE];
} mfile_t;

static mfile_t model[MAX_FILES];
static int log_fd;

static const char *const dirs[] = {"/", "/lib", "/Deep Dir", "/Deep Dir/sub"};
static const char *const names[] = {"boot.py",
                                    "main.py",
                                    "a.txt",
                                    "Long File Name Number One.dat",
                                    "data.BIN",
                                    "x",
                                    "\xc3\xbc"
                                    "n\xc3\xaf-c\xc3\xb6"
                                    "de.txt",
                                    "README.md",
                                    "log file.txt",
                                    "UPPER.TXT",
                                    "a.very.dotted.name",
                                    "z12345678.abcd"};

static mfile_t *find_model(const char *path) {
    for (int i = 0; i < MAX_FILES; i++)
        if (model[i].used && !strcmp(model[i].path, path)) return &model[i];
    return NULL;
}

static mfile_t *new_model(const char *path, bool dir) {
    for (int i = 0; i < MAX_FILES; i++) {
        if (!model[i].used) {
            memset(&model[i], 0, sizeof(model[i]) - MAX_SIZE);
            model[i].used = true;
            model[i].dir = dir;
            snprintf(model[i].path, sizeof(model[i].path), "%s", path);
            return &model[i];
        }
    }
    return NULL;
}

/* the log is written in whole records, one write() each, so a kill never splits "E" from
 * the state lines after it */
static char log_buf[16384];
static size_t log_len;

static void logf_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void logf_(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(log_buf + log_len, sizeof(log_buf) - log_len, fmt, ap);
    va_end(ap);
    log_len += (size_t)n;
}

static void log_flush(void) {
    if (write(log_fd, log_buf, log_len) != (ssize_t)log_len) exit(3);
    log_len = 0;
}

static void log_state(const char *prefix, const char *path) {
    mfile_t *m = find_model(path);
    if (!m)
        logf_("%s- %s\n", prefix, path);
    else if (m->dir)
        logf_("%sD %s\n", prefix, path);
    else
        logf_("%sF %s %u %08x\n", prefix, path, m->size, mt_crc32(0, m->data, m->size));
}

/* read the volume into the model */
static void load_model(const char *path) {
    mt_fat_dir_t d;
    static mt_fat_dirent_t e;
    char name[MT_FAT_NAME_UTF8], full[1024];
    check(mt_fat_opendir(&vol, path, &d));
    while (mt_fat_readdir(&vol, &d, &e) == 0) {
        mt_fat_dirent_name(&e, name);
        join(full, path, name);
        mfile_t *m = new_model(full, mt_fat_loc_is_dir(&e.loc));
        if (!m) die(MT_FS_ENOMEM);
        mt_fat_dir_t saved = d;
        if (m->dir) {
            load_model(full);
        } else {
            static mt_fat_file_t f;
            check(mt_fat_open(&vol, &f, full, MT_FAT_O_READ));
            check(mt_fat_read(&f, m->data, MAX_SIZE, &m->size));
            check(mt_fat_close(&f));
        }
        d = saved;
    }
}

static void fill(uint8_t *p, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) p[i] = (uint8_t)rnd();
}

static void pick_path(char *out, bool dir) {
    const char *d = dirs[rnd() % (dir ? 3 : 4)];
    const char *n = dir ? dirs[1 + rnd() % 3] : names[rnd() % (sizeof(names) / sizeof(*names))];
    if (dir)
        snprintf(out, 256, "%s", n);
    else
        join(out, d, n);
}

static bool parent_exists(const char *path) {
    char p[256];
    snprintf(p, sizeof(p), "%s", path);
    char *s = strrchr(p, '/');
    if (s == p) return true;
    *s = 0;
    mfile_t *m = find_model(p);
    return m && m->dir;
}

static void verify(mfile_t *m) {
    static uint8_t buf[MAX_SIZE + 16];
    static mt_fat_file_t f;
    uint32_t got;
    check(mt_fat_open(&vol, &f, m->path, MT_FAT_O_READ));
    check(mt_fat_read(&f, buf, sizeof(buf), &got));
    check(mt_fat_close(&f));
    if (got != m->size || memcmp(buf, m->data, got)) {
        printf("MISMATCH %s: size %u, expected %u\n", m->path, got, m->size);
        exit(2);
    }
}

/* write len bytes from the model's data at off, in random chunks, with a flush sometimes */
static int write_chunks(mt_fat_file_t *f, mfile_t *m, const uint8_t *src, uint32_t off,
                        uint32_t len, uint32_t *done) {
    *done = 0;
    while (*done < len) {
        uint32_t k = 1 + rnd() % 3000, put;
        if (k > len - *done) k = len - *done;
        int r = mt_fat_write(f, src + *done, k, &put);
        *done += put;
        if (r) return r;
        if (rnd() % 8 == 0) check(mt_fat_flush(f));
    }
    return 0;
}

static void op_write(const char *path) {
    static uint8_t src[MAX_SIZE];
    static mt_fat_file_t f;
    mfile_t *m = find_model(path);
    if ((m && m->dir) || !parent_exists(path)) return;
    unsigned kind = m ? rnd() % 4 : 0; /* 0 new, 1 append, 2 modify in place, 3 truncate */
    uint32_t size = m ? m->size : 0, off = 0, len = rnd() % 4 == 0 ? rnd() % 600 : rnd() % MAX_SIZE;
    int flags = MT_FAT_O_READ | MT_FAT_O_WRITE;
    if (kind == 0) flags |= MT_FAT_O_CREATE | MT_FAT_O_TRUNC, size = 0;
    if (kind == 1) flags |= MT_FAT_O_APPEND, off = size;
    if (kind == 2) off = size ? rnd() % size : 0;
    if (off + len > MAX_SIZE) len = MAX_SIZE - off;
    logf_("B W %s\n", path);
    log_flush();
    int r = mt_fat_open(&vol, &f, path, flags);
    if (r == MT_FS_ENOSPC) {
        logf_("E\n");
        log_flush();
        return;
    }
    check(r);
    if (!m) m = new_model(path, false);
    m->size = size;
    if (kind == 3) {
        uint32_t to = size ? rnd() % size : 0;
        check(mt_fat_truncate(&f, to));
        m->size = to;
    } else {
        uint32_t done;
        fill(src, len);
        if (kind == 2) check(mt_fat_seek(&f, off));
        r = write_chunks(&f, m, src, off, len, &done);
        if (r && r != MT_FS_ENOSPC) die(r);
        memcpy(m->data + off, src, done);
        if (off + done > m->size) m->size = off + done;
    }
    check(mt_fat_close(&f));
    logf_("E\n");
    log_state("", path);
    log_flush();
    verify(m);
}

static void op_rename(void) {
    char from[256], to[256];
    pick_path(from, false);
    pick_path(to, false);
    mfile_t *a = find_model(from), *b = find_model(to);
    if (!a || a->dir || (b && b->dir) || !parent_exists(to) || !strcmp(from, to)) return;
    logf_("B R %s\n%s\n", from, to);
    log_flush();
    check(mt_fat_rename(&vol, from, to));
    if (b) b->used = false;
    snprintf(a->path, sizeof(a->path), "%s", to);
    logf_("E\n");
    log_state("", from);
    log_state("", to);
    log_flush();
}

static void op_remove(void) {
    char path[256];
    pick_path(path, false);
    mfile_t *m = find_model(path);
    if (!m || m->dir) return;
    logf_("B X %s\n", path);
    log_flush();
    check(mt_fat_remove(&vol, path));
    m->used = false;
    logf_("E\n");
    log_state("", path);
    log_flush();
}

static bool dir_empty(const char *path) {
    size_t n = strlen(path);
    for (int i = 0; i < MAX_FILES; i++)
        if (model[i].used && !strncmp(model[i].path, path, n) && model[i].path[n] == '/')
            return false;
    return true;
}

static void op_dir(void) {
    char path[256];
    pick_path(path, true);
    mfile_t *m = find_model(path);
    if (m && m->dir && dir_empty(path)) {
        logf_("B Q %s\n", path);
        log_flush();
        check(mt_fat_rmdir(&vol, path));
        m->used = false;
    } else if (!m && parent_exists(path)) {
        logf_("B M %s\n", path);
        log_flush();
        int r = mt_fat_mkdir(&vol, path);
        if (r != MT_FS_ENOSPC) {
            check(r);
            new_model(path, true);
        }
    } else {
        return;
    }
    logf_("E\n");
    log_state("", path);
    log_flush();
}

static void cmd_writer(unsigned seed, const char *log, int n) {
    rng_state = seed ? seed : 1;
    log_fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (log_fd < 0) {
        perror(log);
        exit(3);
    }
    load_model("/");
    for (int i = 0; i < MAX_FILES; i++)
        if (model[i].used) log_state("S ", model[i].path);
    log_flush();
    for (int i = 0; i < n; i++) {
        unsigned k = rnd() % 10;
        char path[256];
        if (k < 5) {
            pick_path(path, false);
            op_write(path);
        } else if (k < 7) {
            op_rename();
        } else if (k < 8) {
            op_remove();
        } else {
            op_dir();
        }
    }
    check(mt_fat_umount(&vol));
    printf("%ld flash operations (%u erases)\n", n_ops, flash.n_erases);
}

int main(int argc, char **argv) {
    char top;
    uint32_t chip = 0;
    int i = 1;
    mt_init(heap, sizeof(heap), &top, 64 * 1024);
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-s") && i + 1 < argc) {
            chip = (uint32_t)atoi(argv[++i]) << 20;
        } else if (!strcmp(argv[i], "-r")) {
            chip = 0;
        } else if (!strcmp(argv[i], "--cut") && i + 1 < argc) {
            cut_at = atol(argv[++i]);
            rng_state = (unsigned)cut_at * 2654435761u + 1;
        } else {
            fprintf(stderr, "unknown option %s\n", argv[i]);
            return 3;
        }
    }
    if (argc - i < 2) {
        fprintf(stderr, "usage: fattool [-s MB | -r] [--cut N] IMAGE COMMAND [ARGS]\n");
        return 3;
    }
    const char *cmd = argv[i + 1];
    char **a = argv + i + 2;
    int na = argc - i - 2;
    open_image(argv[i], chip);
    if (!strcmp(cmd, "mkfs")) {
        cmd_mkfs(na ? (uint32_t)atoi(a[0]) : 0);
        return 0;
    }
    bool ro = !strcmp(cmd, "ls") || !strcmp(cmd, "tree") || !strcmp(cmd, "get") ||
              !strcmp(cmd, "cat") || !strcmp(cmd, "stat") || !strcmp(cmd, "df");
    mount(ro);
    mt_fat_loc_t loc;
    if (!strcmp(cmd, "mount")) {
        printf("mounted: FAT%u, %u clusters of %u bytes, %s, %u replayed\n", vol.type,
               vol.n_clusters, vol.clus_bytes, mt_jbdev_is_safe(&jb) ? "journaled" : "no journal",
               jb.n_replayed);
    } else if (!strcmp(cmd, "ls") && na == 1) {
        list(a[0], false);
    } else if (!strcmp(cmd, "tree")) {
        list("/", true);
    } else if (!strcmp(cmd, "put") && na == 2) {
        cmd_put(a[0], a[1]);
    } else if (!strcmp(cmd, "get") && na == 2) {
        FILE *out = fopen(a[1], "wb");
        cmd_get(a[0], out);
        fclose(out);
    } else if (!strcmp(cmd, "cat") && na == 1) {
        cmd_get(a[0], stdout);
    } else if (!strcmp(cmd, "mkdir") && na == 1) {
        check(mt_fat_mkdir(&vol, a[0]));
    } else if (!strcmp(cmd, "rmdir") && na == 1) {
        check(mt_fat_rmdir(&vol, a[0]));
    } else if (!strcmp(cmd, "rm") && na == 1) {
        check(mt_fat_remove(&vol, a[0]));
    } else if (!strcmp(cmd, "mv") && na == 2) {
        check(mt_fat_rename(&vol, a[0], a[1]));
    } else if (!strcmp(cmd, "stat") && na == 1) {
        check(mt_fat_stat(&vol, a[0], &loc));
        printf("%s %u\n", mt_fat_loc_is_dir(&loc) ? "dir" : "file", mt_fat_loc_size(&loc));
    } else if (!strcmp(cmd, "df")) {
        uint32_t cb, total, free;
        check(mt_fat_statvfs(&vol, &cb, &total, &free));
        printf("%u %u %u\n", cb, total, free);
    } else if (!strcmp(cmd, "writer") && na >= 2) {
        cmd_writer((unsigned)atoi(a[0]), a[1], na > 2 ? atoi(a[2]) : 30);
        return 0;
    } else {
        fprintf(stderr, "bad command or arguments: %s\n", cmd);
        return 3;
    }
    check(mt_fat_umount(&vol));
    return 0;
}
