/* The virtual ESP8266 board on the host: `mote --board esp8266 [options]`.
 *
 *   --flash FILE          the flash image (the chip's user area, where the filesystem lives);
 *                         default: esp8266-flash.img beside the mote binary (so
 *                         build/esp8266-flash.img for build/mote). Created on first use; it
 *                         persists across runs.
 *   --flash-size 1M|2M|4M the chip's flash (default: what an existing image holds, else 4M)
 *   --pty                 serve the console on a new pseudo-terminal, whose path is printed
 *                         on stdout (one line), instead of stdin/stdout
 *   --pins PATH           a unix socket where the outside world sees and drives the GPIO
 *                         pads (the protocol is below and in docs/quickstart.md)
 *   -X gcstress           collect garbage at every allocation (testing)
 *
 * The board itself (boot sequence, machine, esp, the simulated chip) is machine/; this file
 * is the host's side: the options, the heap (the chip's 38 KB), the flash image, the console
 * and the pins socket. The console is stdin/stdout (through the HAL's console thread, which
 * turns Ctrl-C into KeyboardInterrupt); on a terminal, a relay thread keeps it raw and
 * powers the board off on Ctrl-] (Ctrl-D is a soft reset, so the terminal has no other way
 * out); with --pty, two relay threads carry it between the PTY and the HAL's descriptors.
 *
 * Pins protocol: text lines ending in '\n'. The board sends
 *     pin ID LEVEL T     the pad of GPIO ID is at LEVEL (0/1) since T microseconds after
 *                        power-on (all pads once on connection, then every change)
 *     boot CAUSE         the board (re)started; CAUSE as machine.reset_cause()
 * and answers each command with `ok`, `ok LEVEL` or `error MESSAGE`:
 *     drive ID 0|1       the outside drives the pad (a button, a sensor)
 *     release ID         the outside stops driving it
 *     get ID             its level now
 *     reset              pulse the RST pin: a hard reset (HARD_RESET) */
#define _GNU_SOURCE /* posix_openpt, ptsname, memrchr */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <termios.h>
#include <unistd.h>

#include "board.h"
#include "config.h"
#include "hal.h"
#include "unix.h"
#include "unixboard.h"
#include "vfs.h"

#define BOARD_HEAP_SIZE (38 * 1024)
#define IMAGE_NAME      "esp8266-flash.img"
#define MAX_CLIENTS     8
#define CMD_LINE_MAX    128

static struct {
    const char *flash_path;
    uint32_t flash_size; /* 0: from the image, else 4 MB */
    bool pty;
    const char *pins_path;
    bool gc_stress;
} opt;

static mt_flash_t flash;
static char heap[BOARD_HEAP_SIZE] __attribute__((aligned(16)));

static void fail(const char *fmt, const char *a) {
    fprintf(stderr, "mote --board: ");
    fprintf(stderr, fmt, a);
    fputc('\n', stderr);
}

/* ---- options */

static uint32_t parse_flash_size(const char *s) {
    if (strcmp(s, "1M") == 0 || strcmp(s, "1") == 0) return 1u << 20;
    if (strcmp(s, "2M") == 0 || strcmp(s, "2") == 0) return 2u << 20;
    if (strcmp(s, "4M") == 0 || strcmp(s, "4") == 0) return 4u << 20;
    return 0;
}

/* the value of --name VALUE or --name=VALUE; NULL (after a message) if missing */
static const char *value_of(int argc, char **argv, int *i, const char *name) {
    size_t n = strlen(name);
    if (argv[*i][n] == '=') return argv[*i] + n + 1;
    if (*i + 1 < argc) return argv[++*i];
    fail("%s needs a value", name);
    return NULL;
}

static bool is_option(const char *arg, const char *name) {
    size_t n = strlen(name);
    return strncmp(arg, name, n) == 0 && (arg[n] == 0 || arg[n] == '=');
}

static bool parse_options(int argc, char **argv) {
    const char *board = NULL, *v;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (is_option(a, "--board")) {
            if ((board = value_of(argc, argv, &i, "--board")) == NULL) return false;
        } else if (is_option(a, "--flash")) {
            if ((opt.flash_path = value_of(argc, argv, &i, "--flash")) == NULL) return false;
        } else if (is_option(a, "--flash-size")) {
            if ((v = value_of(argc, argv, &i, "--flash-size")) == NULL) return false;
            if ((opt.flash_size = parse_flash_size(v)) == 0) {
                fail("--flash-size: expected 1M, 2M or 4M, got '%s'", v);
                return false;
            }
        } else if (is_option(a, "--pins")) {
            if ((opt.pins_path = value_of(argc, argv, &i, "--pins")) == NULL) return false;
        } else if (strcmp(a, "--pty") == 0) {
            opt.pty = true;
        } else if (strncmp(a, "-X", 2) == 0) {
            const char *x = a[2] ? a + 2 : i + 1 < argc ? argv[++i] : "";
            if (strcmp(x, "gcstress") != 0) {
                fail("-X %s: the board knows only -X gcstress", x);
                return false;
            }
            opt.gc_stress = true; /* as mote's: for testing */
        } else {
            fail("unknown option '%s' (usage: mote --board esp8266 [--flash FILE] "
                 "[--flash-size 1M|2M|4M] [--pty] [--pins PATH])",
                 a);
            return false;
        }
    }
    if (board == NULL || strcmp(board, "esp8266") != 0) {
        fail("unknown board '%s' (there is: esp8266)", board ? board : "");
        return false;
    }
    return true;
}

/* ---- the flash image */

/* esp8266-flash.img in the directory of the mote binary (the cwd if that is unknown) */
static const char *default_image(void) {
    static char path[4096];
    ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - sizeof(IMAGE_NAME) - 1);
    char *slash = n > 0 ? memrchr(path, '/', (size_t)n) : NULL;
    if (slash == NULL) return IMAGE_NAME;
    strcpy(slash + 1, IMAGE_NAME);
    return path;
}

/* the chip whose user area an image of `bytes` holds (0: none) */
static uint32_t chip_of_image(uint64_t bytes) {
    for (uint32_t mb = 1; mb <= 4; mb *= 2) {
        uint32_t start, size;
        if (mt_flash_esp_layout(mb << 20, &start, &size) == 0 && size == bytes) return mb << 20;
    }
    return 0;
}

/* one board per image: a second mote on the same file would corrupt it */
static bool lock_image(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0) {
        fail("%s: the flash image is in use by another board", path);
        return false;
    }
    return true; /* the descriptor stays open: the lock lasts as long as the board */
}

static bool open_flash(void) {
    const char *path = opt.flash_path ? opt.flash_path : default_image();
    struct stat st;
    uint32_t chip = opt.flash_size;
    if (stat(path, &st) == 0 && st.st_size > 0) {
        uint32_t held = chip_of_image((uint64_t)st.st_size);
        if (held == 0) {
            fail("%s: not the flash image of a 1, 2 or 4 MB chip", path);
            return false;
        }
        if (chip && chip != held) {
            fail("%s: the image is of another flash size than --flash-size", path);
            return false;
        }
        chip = held;
    }
    int err = mt_flash_open_image(&flash, path, chip ? chip : 4u << 20);
    if (!err && !lock_image(path)) return false;
    if (err) {
        fprintf(stderr,
                "mote --board: %s: cannot open the flash image: %s (--flash FILE "
                "chooses another)\n",
                path, strerror(err));
        return false;
    }
    return true;
}

/* ---- the console on a PTY: relay threads between the PTY and the pipes the HAL uses */

static int pty_master = -1;
static int in_pipe_w = -1, out_pipe_r = -1;

static bool write_fd(int fd, const uint8_t *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w, n -= (size_t)w;
    }
    return true;
}

/* keys typed on the PTY to the console; while no one has it open, wait */
static void *pty_in_main(void *arg) {
    uint8_t buf[512];
    for (;;) {
        struct pollfd p = {.fd = pty_master, .events = POLLIN};
        if (poll(&p, 1, 200) < 0 && errno != EINTR) break;
        ssize_t r = (p.revents & POLLIN) ? read(pty_master, buf, sizeof(buf)) : -1;
        if (r > 0) {
            if (!write_fd(in_pipe_w, buf, (size_t)r)) break;
        } else if (p.revents & (POLLHUP | POLLERR | POLLIN)) {
            usleep(20000); /* no client (EIO): like a UART with nothing plugged in */
        }
    }
    return NULL;
}

/* console output to the PTY; lost while no one has it open, as on an unplugged UART */
static void to_pty(const uint8_t *p, size_t n) {
    while (n > 0) {
        struct pollfd pf = {.fd = pty_master, .events = POLLOUT};
        if (poll(&pf, 1, 100) < 0 && errno != EINTR) return;
        if (pf.revents & POLLHUP) return;
        if (!(pf.revents & POLLOUT)) continue;
        ssize_t w = write(pty_master, p, n);
        if (w < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (w <= 0) return;
        p += w, n -= (size_t)w;
    }
}

static void *pty_out_main(void *arg) {
    uint8_t buf[1024];
    for (;;) {
        ssize_t r = read(out_pipe_r, buf, sizeof(buf));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        to_pty(buf, (size_t)r);
    }
    return NULL;
}

/* a raw serial line at 115200 baud, nothing translated or echoed */
static void set_raw(int fd) {
    struct termios t;
    if (tcgetattr(fd, &t) != 0) return;
    cfmakeraw(&t);
    cfsetispeed(&t, B115200);
    cfsetospeed(&t, B115200);
    tcsetattr(fd, TCSANOW, &t);
}

static bool open_pty(void) {
    int m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (m < 0 || grantpt(m) != 0 || unlockpt(m) != 0) {
        fail("cannot open a pseudo-terminal: %s", strerror(errno));
        return false;
    }
    const char *name = ptsname(m);
    set_raw(m);
    int s = open(name, O_RDWR | O_NOCTTY); /* opened and closed: "no one connected" */
    if (s >= 0) close(s);
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0) return false;
    pty_master = m;
    in_pipe_w = in[1];
    out_pipe_r = out[0];
    printf("%s\n", name);
    fflush(stdout);
    dup2(in[0], 0);
    dup2(out[1], 1);
    close(in[0]);
    close(out[1]);
    fcntl(in_pipe_w, F_SETFD, FD_CLOEXEC);
    fcntl(out_pipe_r, F_SETFD, FD_CLOEXEC);
    pthread_t t;
    return pthread_create(&t, NULL, pty_in_main, NULL) == 0 &&
           pthread_create(&t, NULL, pty_out_main, NULL) == 0;
}

/* ---- the console on the host's terminal: raw, through a relay thread that powers the board
 * off on Ctrl-] (a terminal in raw mode has no other way out; Ctrl-D is a soft reset) */

#define KEY_POWER_OFF 0x1d /* Ctrl-] */

static int term_fd = -1;
static struct termios term_saved;

static void term_restore(void) {
    if (term_fd >= 0) tcsetattr(term_fd, TCSADRAIN, &term_saved);
}

static void term_restore_and_die(int sig) {
    term_restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void *term_in_main(void *arg) {
    uint8_t buf[512];
    for (;;) {
        ssize_t r = read(term_fd, buf, sizeof(buf));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        uint8_t *off = memchr(buf, KEY_POWER_OFF, (size_t)r);
        if (off != NULL) {
            write_fd(in_pipe_w, buf, (size_t)(off - buf));
            mt_hal_stdout_flush();
            static const char msg[] = "\r\n[power off]\r\n";
            write_fd(1, (const uint8_t *)msg, sizeof(msg) - 1);
            term_restore();
            _exit(0); /* like pulling the plug: the flash holds what was written */
        }
        if (!write_fd(in_pipe_w, buf, (size_t)r)) break;
    }
    close(in_pipe_w); /* end of input: the board powers off at its prompt */
    return NULL;
}

static bool open_terminal(void) {
    if (!isatty(0)) return true; /* pipes and files: as they are */
    term_fd = dup(0);
    int in[2];
    if (term_fd < 0 || tcgetattr(term_fd, &term_saved) != 0 || pipe(in) != 0) return false;
    struct termios t = term_saved;
    t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | IEXTEN | ISIG);
    t.c_iflag &= ~(tcflag_t)(IXON | ICRNL | INLCR);
    t.c_oflag &= ~(tcflag_t)OPOST; /* the console writes \r\n itself */
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    tcsetattr(term_fd, TCSADRAIN, &t);
    atexit(term_restore);
    static const int fatal[] = {SIGTERM, SIGHUP, SIGQUIT, SIGSEGV, SIGABRT, SIGBUS, SIGFPE};
    for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
        signal(fatal[i], term_restore_and_die);
    dup2(in[0], 0);
    close(in[0]);
    in_pipe_w = in[1];
    fcntl(term_fd, F_SETFD, FD_CLOEXEC);
    fcntl(in_pipe_w, F_SETFD, FD_CLOEXEC);
    pthread_t th;
    return pthread_create(&th, NULL, term_in_main, NULL) == 0;
}

/* ---- the pins socket */

static struct {
    int listen_fd;
    int fd[MAX_CLIENTS]; /* -1: free */
    size_t len[MAX_CLIENTS];
    char line[MAX_CLIENTS][CMD_LINE_MAX];
    pthread_mutex_t lock; /* fd[] and what is sent */
} pins = {.listen_fd = -1, .fd = {[0 ... MAX_CLIENTS - 1] = -1}, .lock = PTHREAD_MUTEX_INITIALIZER};

static void pins_send(int c, const char *s) {
    if (pins.fd[c] < 0) return;
    size_t n = strlen(s);
    if (send(pins.fd[c], s, n, MSG_NOSIGNAL | MSG_DONTWAIT) != (ssize_t)n && errno != EAGAIN) {
        close(pins.fd[c]);
        pins.fd[c] = -1;
    }
}

static void pins_broadcast(const char *s) {
    pthread_mutex_lock(&pins.lock);
    for (int c = 0; c < MAX_CLIENTS; c++) pins_send(c, s);
    pthread_mutex_unlock(&pins.lock);
}

void mt_board_port_pin_changed(int id, int level, uint64_t t_us) {
    char s[64];
    snprintf(s, sizeof(s), "pin %d %d %llu\n", id, level, (unsigned long long)t_us);
    pins_broadcast(s);
}

void mt_board_port_booting(int cause) {
    char s[32];
    snprintf(s, sizeof(s), "boot %d\n", cause);
    pins_broadcast(s);
}

static void pins_accept(void) {
    int fd = accept(pins.listen_fd, NULL, NULL);
    if (fd < 0) return;
    pthread_mutex_lock(&pins.lock);
    int c = 0;
    while (c < MAX_CLIENTS && pins.fd[c] >= 0) c++;
    if (c == MAX_CLIENTS) {
        close(fd);
    } else {
        pins.fd[c] = fd;
        pins.len[c] = 0;
        for (int id = 0; id <= MT_PIN_MAX; id++) {
            if (!mt_board_pin_valid(id)) continue;
            char s[64];
            snprintf(s, sizeof(s), "pin %d %d %llu\n", id, mt_board_pin_level(id),
                     (unsigned long long)mt_board_uptime_us());
            pins_send(c, s);
        }
    }
    pthread_mutex_unlock(&pins.lock);
}

static bool pin_number(const char *s, int *id) {
    char *end;
    long v = strtol(s, &end, 10);
    if (end == s || !mt_board_pin_valid(v)) return false;
    *id = (int)v;
    return true;
}

/* one command line; the answer in reply */
static void pins_command(char *line, char *reply, size_t n) {
    char *words[3] = {NULL, NULL, NULL};
    int k = 0;
    for (char *w = strtok(line, " \t\r"); w && k < 3; w = strtok(NULL, " \t\r")) words[k++] = w;
    int id;
    if (k == 0) {
        snprintf(reply, n, "error empty command\n");
    } else if (strcmp(words[0], "reset") == 0) {
        mt_board_request_reset(MT_RESET_HARD);
        snprintf(reply, n, "ok\n");
    } else if (k < 2 || !pin_number(words[1], &id)) {
        snprintf(reply, n, "error expected: drive ID 0|1, release ID, get ID or reset\n");
    } else if (strcmp(words[0], "drive") == 0 && k == 3 && strlen(words[2]) == 1 &&
               (words[2][0] == '0' || words[2][0] == '1')) {
        mt_board_pin_drive(id, words[2][0] - '0');
        snprintf(reply, n, "ok\n");
    } else if (strcmp(words[0], "release") == 0) {
        mt_board_pin_drive(id, -1);
        snprintf(reply, n, "ok\n");
    } else if (strcmp(words[0], "get") == 0) {
        snprintf(reply, n, "ok %d\n", mt_board_pin_level(id));
    } else {
        snprintf(reply, n, "error expected: drive ID 0|1, release ID, get ID or reset\n");
    }
}

static void pins_read(int c) {
    char buf[256];
    ssize_t r = recv(pins.fd[c], buf, sizeof(buf), MSG_DONTWAIT);
    if (r <= 0) {
        if (r < 0 && (errno == EAGAIN || errno == EINTR)) return;
        pthread_mutex_lock(&pins.lock);
        close(pins.fd[c]);
        pins.fd[c] = -1;
        pthread_mutex_unlock(&pins.lock);
        return;
    }
    for (ssize_t i = 0; i < r; i++) {
        if (buf[i] != '\n') {
            if (pins.len[c] < CMD_LINE_MAX - 1) pins.line[c][pins.len[c]++] = buf[i];
            continue;
        }
        pins.line[c][pins.len[c]] = 0;
        pins.len[c] = 0;
        char reply[128];
        pins_command(pins.line[c], reply, sizeof(reply));
        pthread_mutex_lock(&pins.lock);
        pins_send(c, reply);
        pthread_mutex_unlock(&pins.lock);
    }
}

/* also keeps a requested reset coming until it happens (Python code may catch it) */
static void *pins_main(void *arg) {
    for (;;) {
        struct pollfd p[MAX_CLIENTS + 1];
        int map[MAX_CLIENTS + 1], n = 0;
        p[n] = (struct pollfd){.fd = pins.listen_fd, .events = POLLIN};
        map[n++] = -1;
        for (int c = 0; c < MAX_CLIENTS; c++) {
            if (pins.fd[c] < 0) continue;
            p[n] = (struct pollfd){.fd = pins.fd[c], .events = POLLIN};
            map[n++] = c;
        }
        if (poll(p, (nfds_t)n, 20) < 0 && errno != EINTR) break;
        if (mt_board_reset_pending()) mt_board_request_reset(MT_RESET_HARD);
        for (int i = 0; i < n; i++) {
            if (!(p[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            if (map[i] < 0) {
                pins_accept();
            } else {
                pins_read(map[i]);
            }
        }
    }
    return NULL;
}

static bool open_pins(void) {
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    if (strlen(opt.pins_path) >= sizeof(a.sun_path)) {
        fail("--pins %s: the path is too long for a unix socket", opt.pins_path);
        return false;
    }
    strcpy(a.sun_path, opt.pins_path);
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    unlink(opt.pins_path); /* a socket left by an earlier run */
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) != 0 || listen(fd, 4) != 0) {
        fail("--pins %s: cannot listen there", opt.pins_path);
        return false;
    }
    pins.listen_fd = fd;
    pthread_t t;
    return pthread_create(&t, NULL, pins_main, NULL) == 0;
}

/* ---- deep sleep */

void mt_board_port_deepsleep(uint64_t us) {
    mt_hal_stdout_flush();
    uint64_t end = mt_hal_ticks_us() + us;
    while (!mt_board_reset_pending() && (us == 0 || mt_hal_ticks_us() < end)) {
        uint64_t left = us == 0 ? 20000 : end - mt_hal_ticks_us();
        usleep((useconds_t)(left < 20000 ? left : 20000));
    }
}

/* ---- files: on the board, the module loader and open() use the board's file layer (its
 * flash and frozen modules), installed in the unix HAL while the board runs */
static const mt_unix_files_t board_files = {
    mt_board_file_stat, mt_board_file_open_read, mt_board_file_read, mt_board_file_close,
    mt_vfs_open,
};

/* ---- the board */

int mt_unix_board_main(int argc, char **argv) {
    char *stack_top = mt_hal_stack_pointer();
    if (!parse_options(argc, argv) || !open_flash()) return 2;
    if (opt.pty ? !open_pty() : !open_terminal()) return 1;
    if (opt.pins_path && !open_pins()) return 1;
    mt_unix_hal_init(false);
    mt_unix_console_begin();
    mt_vfs_epoch_offset = -946684800; /* file times count from 2000, as on the chip */
    mt_board_config_t cfg = {
        .machine = "ESP module with ESP8266",
        .flash = &flash,
        .heap = heap,
        .heap_size = sizeof(heap),
        .stack_top = stack_top,
        .stack_budget = MT_CONFIG_STACK_LIMIT,
        .gc_stress = opt.gc_stress,
    };
    mt_unix_files = &board_files;
    int status = mt_board_run(&cfg);
    mt_unix_files = NULL;
    mt_unix_console_end();
    mt_flash_sync(&flash);
    mt_flash_close_image(&flash);
    if (opt.pins_path) unlink(opt.pins_path);
    return status;
}
