/* The unix port's HAL (core/hal.h): the console on file descriptors 0/1/2, clocks, delays and
 * host files for the lexer's reader.
 *
 * Files go to a board's file layer instead while one runs in this program (mt_unix_files).
 *
 * stdout is buffered here (line-buffered on a terminal, block-buffered to pipes and files,
 * unbuffered with -u) and flushed before anything goes to stderr, before stdin is read, before
 * a delay, when full and at exit, so output from the two streams interleaves in program order
 * and nothing is lost. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "hal.h"
#include "repl.h"
#include "state.h"
#include "unix.h"

#define OUT_BUF_SIZE 4096
#define IN_BUF_SIZE  1024

enum { OUT_FULL, OUT_LINE, OUT_NONE };

static struct {
    int out_mode;
    bool console;      /* the REPL layer owns the terminal: raw mode, \n written as \r\n */
    bool have_termios; /* saved_tio holds the terminal's settings to restore */
    struct termios saved_tio;
    size_t out_len;
    size_t in_pos, in_len;
    char out[OUT_BUF_SIZE];
    char in[IN_BUF_SIZE];
} con;

/* Console mode: a thread reads the console into a ring. A Ctrl-C (mt_state.interrupt_char)
 * that arrives while REPL code runs becomes a pending KeyboardInterrupt instead of a byte,
 * as a board's UART interrupt does; otherwise bytes queue for mt_hal_stdin_read. */
#define RX_RING 65536
static struct {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    uint8_t ring[RX_RING];
    size_t head, len;
    bool eof, started;
} rx = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};

static void rx_push(const uint8_t *p, size_t n) {
    pthread_mutex_lock(&rx.lock);
    for (size_t i = 0; i < n; i++) {
        if (p[i] == mt_state.interrupt_char && mt_repl_code_running) {
            mt_state.pending_exc = mt_state.kbd_exc;
            mt_pending = 1;
            continue;
        }
        while (rx.len == RX_RING) pthread_cond_wait(&rx.cond, &rx.lock); /* back-pressure */
        rx.ring[(rx.head + rx.len++) % RX_RING] = p[i];
    }
    pthread_cond_broadcast(&rx.cond);
    pthread_mutex_unlock(&rx.lock);
}

static void *rx_main(void *arg) {
    uint8_t buf[512];
    for (;;) {
        ssize_t r = read(0, buf, sizeof(buf));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        rx_push(buf, (size_t)r);
    }
    pthread_mutex_lock(&rx.lock);
    rx.eof = true;
    pthread_cond_broadcast(&rx.cond);
    pthread_mutex_unlock(&rx.lock);
    return NULL;
}

/* next console byte; a Ctrl-C meant for running code is raised here too (input()) */
static int rx_read(void) {
    mt_hal_stdout_flush();
    pthread_mutex_lock(&rx.lock);
    while (rx.len == 0 && !rx.eof) {
        if (mt_pending && mt_repl_code_running) {
            pthread_mutex_unlock(&rx.lock);
            mt_handle_pending();
            pthread_mutex_lock(&rx.lock);
            continue;
        }
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 50 * 1000000;
        if (until.tv_nsec >= 1000000000) until.tv_sec++, until.tv_nsec -= 1000000000;
        pthread_cond_timedwait(&rx.cond, &rx.lock, &until);
    }
    int c = -1;
    if (rx.len) {
        c = rx.ring[rx.head];
        rx.head = (rx.head + 1) % RX_RING;
        rx.len--;
        pthread_cond_broadcast(&rx.cond);
    }
    pthread_mutex_unlock(&rx.lock);
    return c;
}

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

static void console_restore(void) {
    if (con.have_termios) tcsetattr(0, TCSADRAIN, &con.saved_tio);
}

/* fatal signals: put the terminal back before dying */
static void restore_and_die(int sig) {
    console_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* The REPL layer takes the terminal: no echo, no line editing and no signals from the tty
 * (ours instead; Ctrl-C is read as a byte by the console thread). Restored at exit and on
 * fatal signals. */
void mt_unix_console_begin(void) {
    con.console = true;
    if (!rx.started) {
        pthread_t t;
        rx.started = pthread_create(&t, NULL, rx_main, NULL) == 0;
    }
    if (!isatty(0) || tcgetattr(0, &con.saved_tio) != 0) return;
    con.have_termios = true;
    struct termios t = con.saved_tio;
    t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | IEXTEN | ISIG); /* Ctrl-C is a byte: see rx_push */
    t.c_iflag &= ~(tcflag_t)(IXON | ICRNL | INLCR);
    t.c_oflag &= ~(tcflag_t)OPOST; /* we write \r\n ourselves */
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    tcsetattr(0, TCSADRAIN, &t);
    atexit(console_restore);
    static const int fatal[] = {SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGFPE};
    for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++) signal(fatal[i], restore_and_die);
}

void mt_unix_console_end(void) {
    mt_hal_stdout_flush();
    console_restore();
    con.console = false;
}

bool mt_unix_stdin_is_tty(void) {
    return isatty(0) != 0;
}

static void buffer_out(const char *s, size_t n);

/* console mode: a terminal in raw mode shows \n as a bare line feed; write \r\n */
void mt_hal_stdout_write(const char *s, size_t n) {
    if (!con.console) {
        buffer_out(s, n);
        return;
    }
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\n' || (i > 0 && s[i - 1] == '\r')) continue;
        buffer_out(s + start, i - start);
        buffer_out("\r", 1);
        start = i;
    }
    buffer_out(s + start, n - start);
    if (con.out_mode != OUT_NONE) mt_hal_stdout_flush();
}

static void buffer_out(const char *s, size_t n) {
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
    if (con.console) return rx_read();
    while (con.in_pos == con.in_len) {
        mt_hal_stdout_flush();
        ssize_t r = read(0, con.in, sizeof(con.in));
        if (r < 0) {
            if (errno == EINTR) {
                if (con.console && !mt_repl_code_running && mt_state.pending_exc != MT_NULL) {
                    /* Ctrl-C at the prompt: the editor sees it as a key */
                    mt_state.pending_exc = MT_NULL;
                    mt_pending = 0;
                    return MT_CHAR_CTRL_C;
                }
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

const mt_unix_files_t *mt_unix_files;

int mt_hal_stat(const char *path) {
    if (mt_unix_files) return mt_unix_files->stat(path);
    struct stat st;
    if (stat(path, &st) != 0) {
        return 0;
    }
    return S_ISDIR(st.st_mode) ? 2 : 1;
}

int mt_hal_open_read(const char *path) {
    if (mt_unix_files) return mt_unix_files->open_read(path);
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
    if (mt_unix_files) return mt_unix_files->read(handle, buf, n);
    ssize_t r;
    do {
        r = read(handle, buf, n);
    } while (r < 0 && errno == EINTR);
    return (long)r;
}

void mt_hal_close(int handle) {
    if (mt_unix_files) {
        mt_unix_files->close(handle);
    } else {
        close(handle);
    }
}
