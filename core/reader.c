/* Readers: where the lexer gets its source bytes, one at a time. A memory reader walks a
 * buffer the caller keeps alive; a file reader holds MT_CONFIG_LEX_CHUNK bytes of the file at a
 * time (a script is never loaded whole). */
#include "ast.h"

#include "hal.h"

typedef struct {
    const uint8_t *s;
    size_t len, pos;
} mem_reader_t;

static int mem_readbyte(void *data) {
    mem_reader_t *m = data;
    return m->pos < m->len ? m->s[m->pos++] : -1;
}

/* closing frees the reader at once (a stale pointer to it would keep it alive) */
static void mem_close(void *data) {
    mt_free(data);
}

void mt_reader_new_mem(mt_reader_t *r, const char *s, size_t len) {
    mem_reader_t *m = mt_new_obj(mem_reader_t);
    m->s = (const uint8_t *)s;
    m->len = len;
    r->data = m;
    r->readbyte = mem_readbyte;
    r->close = mem_close;
}

typedef struct {
    int handle; /* -1 once closed */
    bool eof;
    uint16_t pos, len;
    uint8_t buf[MT_CONFIG_LEX_CHUNK];
} file_reader_t;

static int file_readbyte(void *data) {
    file_reader_t *f = data;
    if (f->pos >= f->len) {
        if (f->eof || f->handle < 0) {
            return -1;
        }
        long n = mt_hal_read(f->handle, f->buf, sizeof(f->buf));
        if (n <= 0) {
            f->eof = true;
            return -1;
        }
        f->len = (uint16_t)n;
        f->pos = 0;
    }
    return f->buf[f->pos++];
}

static void file_close(void *data) {
    file_reader_t *f = data;
    if (f->handle >= 0) {
        mt_hal_close(f->handle);
        f->handle = -1;
    }
    mt_free(f);
}

bool mt_reader_new_file(mt_reader_t *r, const char *path) {
    file_reader_t *f = mt_new_obj(file_reader_t);
    f->handle = mt_hal_open_read(path);
    if (f->handle < 0) {
        return false;
    }
    r->data = f;
    r->readbyte = file_readbyte;
    r->close = file_close;
    return true;
}
