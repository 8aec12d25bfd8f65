/* Shared by the fuzz targets that run fuzzed programs (fuzz_compile, fuzz_mpy): program
 * output goes to /dev/null, and a SIGALRM timer calls the target's handler, which makes a
 * KeyboardInterrupt pending the way a console Ctrl-C does. */
#ifndef MT_FUZZ_PROG_H
#define MT_FUZZ_PROG_H

#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/time.h>
#include <unistd.h>

/* the first alarm after first_ms, then one every every_ms (0, 0: off) */
static void fuzz_timer(long first_ms, long every_ms) {
    struct itimerval t = {{every_ms / 1000, every_ms % 1000 * 1000},
                          {first_ms / 1000, first_ms % 1000 * 1000}};
    setitimer(ITIMER_REAL, &t, NULL);
}

static void fuzz_prog_setup_once(void (*on_alarm)(int)) {
    static bool done;
    if (done) return;
    done = true;
    int fd = open("/dev/null", O_WRONLY);
    if (fd >= 0) dup2(fd, 1);
    struct sigaction sa = {0};
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
}

#endif
