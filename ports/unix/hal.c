/* The unix port's HAL (core/hal.h): the console on file descriptors 0/1/2, clocks, delays and
 * host files for the lexer's reader.
 *
 * stdout is buffered here (line-buffered on a terminal, block-buffered to pipes and files,
 * unbuffered with -u) and flushed before anything goes to stderr, before stdin is read, before
 * a delay, when full and at exit, so output from the two streams interleaves in program order
 * and nothing is lost. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "hal.h"
#include "state.h"
#include "unix.h"

#define OUT_BUF_SIZE 4096
#define IN_BUF_SIZE  1024

enum { OUT_FULL, OUT_LINE, OUT_NONE };

static struct {
    int out_mode;
    size_t out_len;
    size_t in_pos, in_len;
    char out[OUT_BUF_SIZE];
    char in[IN_BUF_SIZE];
} con;

/* an interrupted system call: let a pending KeyboardInterrupt surface (raises) */
static void on_eintr(void) {
    if (mt_pending) {
        mt_handle_pending();
    }
}

static void write_all(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            if (errno == EAGAIN) {
                struct pollfd p = {.fd = fd, .events = POLLOUT};
                poll(&p, 1, -1);
                continue;
            }
            return; /* EPIPE, EBADF ...: the output has nowhere to go */
        }
        s += w;
        n -= (size_t)w;
    }
}

void mt_hal_stdout_flush(void) {
    if (con.out_len > 0) {
        size_t n = con.out_len;
        con.out_len = 0;
        write_all(1, con.out, n);
    }
}

static void at_exit_flush(void) {
    mt_hal_stdout_flush();
}

void mt_unix_hal_init(bool unbuffered) {
    if (unbuffered || getenv("PYTHONUNBUFFERED") != NULL) {
        con.out_mode = OUT_NONE;
    } else {
        con.out_mode = isatty(1) ? OUT_LINE : OUT_FULL;
    }
    atexit(at_exit_flush);
}

bool mt_unix_stdin_is_tty(void) {
    return isatty(0) != 0;
}

void mt_hal_stdout_write(const char *s, size_t n) {
    if (con.out_mode == OUT_NONE || n >= OUT_BUF_SIZE) {
        mt_hal_stdout_flush();
        write_all(1, s, n);
        return;
    }
    if (con.out_len + n > OUT_BUF_SIZE) {
        mt_hal_stdout_flush();
    }
    memcpy(con.out + con.out_len, s, n);
    con.out_len += n;
    if (con.out_mode == OUT_LINE && memchr(s, '\n', n) != NULL) {
        mt_hal_stdout_flush();
    }
}

void mt_hal_stderr_write(const char *s, size_t n) {
    mt_hal_stdout_flush();
    write_all(2, s, n);
}

int mt_hal_stdin_read(void) {
    while (con.in_pos == con.in_len) {
        mt_hal_stdout_flush();
        ssize_t r = read(0, con.in, sizeof(con.in));
        if (r < 0) {
            if (errno == EINTR) {
                on_eintr();
                continue;
            }
            return -1;
        }
        if (r == 0) {
            return -1; /* end of input (a terminal may give more after Ctrl-D) */
        }
        con.in_pos = 0;
        con.in_len = (size_t)r;
    }
    return (unsigned char)con.in[con.in_pos++];
}

static uint64_t clock_ns(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t mt_hal_ticks_us(void) {
    return clock_ns(CLOCK_MONOTONIC) / 1000u;
}

uint64_t mt_hal_ticks_ms(void) {
    return clock_ns(CLOCK_MONOTONIC) / 1000000u;
}

uint32_t mt_hal_ticks_cpu(void) {
    return (uint32_t)clock_ns(CLOCK_MONOTONIC);
}

uint64_t mt_hal_time_ns(void) {
    return clock_ns(CLOCK_REALTIME);
}

void mt_hal_delay_us(uint64_t us) {
    mt_hal_stdout_flush();
    struct timespec req = {.tv_sec = (time_t)(us / 1000000u),
                           .tv_nsec = (long)(us % 1000000u) * 1000};
    struct timespec rem;
    while (nanosleep(&req, &rem) != 0 && errno == EINTR) {
        on_eintr();
        req = rem;
    }
}

int mt_hal_stat(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) {
        return 0;
    }
    return S_ISDIR(st.st_mode) ? 2 : 1;
}

int mt_hal_open_read(const char *path) {
    int fd;
    do {
        fd = open(path, O_RDONLY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        errno = EISDIR;
        return -1;
    }
    return fd;
}

long mt_hal_read(int handle, void *buf, size_t n) {
    ssize_t r;
    do {
        r = read(handle, buf, n);
    } while (r < 0 && errno == EINTR);
    return (long)r;
}

void mt_hal_close(int handle) {
    close(handle);
}
