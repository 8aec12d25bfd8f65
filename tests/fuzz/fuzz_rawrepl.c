/* libFuzzer target: the whole REPL (repl/repl.c) driven by the fuzz input as console bytes, as
 * a board runs it (Ctrl-D soft-resets; the harness then starts a fresh core as the board
 * does): friendly REPL and paste mode, Ctrl-A raw REPL, Ctrl-E A Ctrl-A raw-paste, Ctrl-B,
 * Ctrl-C, Ctrl-D. The code the input holds is compiled and run, within the time budget of
 * fuzz_console.h (a KeyboardInterrupt after 10 ms of a run, through the pending-exception
 * path a console Ctrl-C takes, so `while True: pass` ends as on a board; code that swallows
 * interrupts is abandoned). Input encoding: fuzz_console.h.
 *
 * The harness follows the REPL's mode from what it prints and checks, beyond crashes and
 * sanitizer reports:
 * - no exception escapes mt_repl_run, and it stops reading at the end of input;
 * - raw REPL: after each byte the REPL prints nothing, or exactly the raw banner (Ctrl-A),
 *   the friendly banner and prompt (Ctrl-B), the raw-paste answer (after Ctrl-E A), or for a
 *   Ctrl-D the run's framing: `OK`, the program's output, \x04, the traceback, \x04, `>`
 *   (a soft reset instead for an empty program or a SystemExit);
 * - raw-paste: the answer is R\x01 + window + \x01 (two windows of credit); while bytes come
 *   the REPL prints only \x01 grants, exactly one per window of bytes consumed (never more
 *   credit than the protocol gives, never more bytes accepted than granted); Ctrl-D ends it
 *   with \x04 then the framing above (no OK); Ctrl-C or the end of input with \x04 `>`.
 *   (Bytes are read one at a time, so bytes a tool sends beyond its credit can't be told
 *   from later ones: they are accepted, as tests/repl/test_repl.py expects.)
 * FUZZ_TRACE=1 in the environment prints each byte read and the REPL's answer to it. */
#include "fuzz_console.h"

#define HEAP_SIZE (64 * 1024)
#define CHUNK_MAX (64 * 1024)
#define LIVES_MAX 1000

static char heap[HEAP_SIZE] __attribute__((aligned(16)));
static char *stack_top;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char soft_reboot[] = "MPY: soft reboot\r\n";

/* what the REPL printed since the byte before last was read: its own bytes (the first
 * CHUNK_MAX of them, and the last 64), and where the running code's output sat among them */
static struct {
    uint8_t buf[CHUNK_MAX], tail[64];
    size_t len;      /* REPL bytes in all */
    size_t user_at;  /* REPL bytes before the code's output */
    size_t user_end; /* REPL bytes before the code's last output */
    bool user, user_split;
} chunk;

static struct {
    enum { FRIENDLY, RAW, PASTE } mode;
    int last[3];                   /* the last bytes read while no code ran, newest last */
    size_t window, taken, granted; /* raw-paste: bytes consumed, \x01 grants after the answer */
} st;

static void on_output(const uint8_t *s, size_t n, bool user) {
    if (user) {
        if (!chunk.user) chunk.user = true, chunk.user_at = chunk.len;
        if (chunk.user_end != chunk.len) chunk.user_split = true;
        chunk.user_end = chunk.len;
        return;
    }
    for (size_t i = 0; i < n; i++, chunk.len++) {
        if (chunk.len < CHUNK_MAX) chunk.buf[chunk.len] = s[i];
        chunk.tail[chunk.len % sizeof(chunk.tail)] = s[i];
    }
    if (!chunk.user) chunk.user_end = chunk.len;
}

/* the chunk is exactly s (a string literal: NULs count) */
#define is(s) is_n(s, sizeof(s) - 1)
static bool is_n(const char *s, size_t n) {
    return !chunk.user && chunk.len == n && memcmp(chunk.buf, s, n) == 0;
}

static bool starts(const char *s) {
    size_t n = strlen(s);
    return chunk.len >= n && n <= CHUNK_MAX && memcmp(chunk.buf, s, n) == 0;
}

static bool ends(const char *s) {
    size_t n = strlen(s);
    if (chunk.len < n || n > sizeof(chunk.tail)) return false;
    for (size_t i = 0; i < n; i++)
        if (chunk.tail[(chunk.len - n + i) % sizeof(chunk.tail)] != (uint8_t)s[i]) return false;
    return true;
}

/* a run's framing after `head` (OK, or raw-paste's \x04): output, \x04, traceback, \x04, then
 * the prompt or a soft reset back into the raw REPL */
static void check_framing(const char *head) {
    size_t h = strlen(head);
    if (!starts(head) || chunk.len < h + 2) fail("a run without its framing");
    if (chunk.user && (chunk.user_at != h || chunk.user_split)) fail("output outside the frame");
    if (h >= CHUNK_MAX || chunk.buf[h] != 4) fail("no \\x04 after the program's output");
    if (!ends("\x04>") && !ends("\x04MPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>"))
        fail("a run's framing does not end with \\x04 and the prompt");
}

static void raw_after(int c) {
    if (c == 1 && st.last[0] == 5 && st.last[1] == 'A' && is("R\x01\x80\x00\x01")) {
        st.mode = PASTE;
        st.window = chunk.buf[2] | chunk.buf[3] << 8;
        st.taken = st.granted = 0;
    } else if (c == 1) {
        if (!is("\r\nraw REPL; CTRL-B to exit\r\n>"))
            fail("Ctrl-A in the raw REPL without the banner");
    } else if (c == 2) {
        if (!starts("\r\nMote v") || chunk.user) /* then the prompt (or a full heap's error) */
            fail("Ctrl-B without the friendly banner");
        st.mode = FRIENDLY;
    } else if (c == 4) {
        if (!is("") && !is("MPY: soft reboot\r\nraw REPL; CTRL-B to exit\r\n>"))
            check_framing("OK");
    } else if (!is("")) {
        fail("the raw REPL printed something for an ordinary byte");
    }
}

static void paste_after(int c) {
    if (c == 4) {
        check_framing("\x04");
        st.mode = RAW;
        return;
    }
    if (c == 3 || c < 0) {
        if (!is("\x04>")) fail("raw-paste abort without \\x04 and the prompt");
        st.mode = RAW;
        return;
    }
    for (size_t i = 0; i < chunk.len; i++)
        if (i >= CHUNK_MAX || chunk.buf[i] != 1 || chunk.user)
            fail("raw-paste printed a non-grant");
    st.granted += chunk.len;
    st.taken++;
    if (st.granted != st.taken / st.window) fail("raw-paste window grants out of step");
    if (st.taken >= (st.granted + 2) * st.window + 1) fail("raw-paste took more than its credit");
}

/* the chunk that followed the byte c (read while no code ran) */
static void after(int c) {
    if (st.mode == FRIENDLY && c == 1 && is("\r\nraw REPL; CTRL-B to exit\r\n>"))
        st.mode = RAW;
    else if (st.mode == RAW)
        raw_after(c);
    else if (st.mode == PASTE)
        paste_after(c);
}

/* FUZZ_TRACE=1 in the environment: each byte read and the REPL's answer, on stderr */
static void trace(int c) {
    static int on = -1;
    if (on < 0) on = getenv("FUZZ_TRACE") != NULL;
    if (!on) return;
    fprintf(stderr, "[mode %d] %d ->", st.mode, c);
    for (size_t i = 0; i < chunk.len && i < CHUNK_MAX; i++)
        fprintf(stderr, chunk.buf[i] >= 32 && chunk.buf[i] < 127 ? "%c" : "\\x%02x", chunk.buf[i]);
    fprintf(stderr, chunk.user ? " (output at %zu)\n" : "\n", chunk.user_at);
}

static void on_read(int c) {
    if (mt_repl_code_running) return; /* input() in the program */
    if (st.last[2] != -2) trace(st.last[2]);
    if (st.last[2] != -2) after(st.last[2]);
    chunk.len = chunk.user_at = chunk.user_end = 0;
    chunk.user = chunk.user_split = false;
    st.last[0] = st.last[1], st.last[1] = st.last[2], st.last[2] = c;
}

/* a fresh core and the REPL until it asks for a soft reset or the input ends */
static mt_repl_result_t life(bool raw, bool *was_raw) {
    mt_init(heap, sizeof(heap), stack_top, 128 * 1024);
    mt_readline_init();
    mt_repl_config_t cfg = {.machine = "fuzz", .start_raw = raw};
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        mt_repl_result_t r = mt_repl_run(&cfg, was_raw);
        mt_nlr_pop();
        return r;
    }
    mt_exc_print_traceback(&stderr_print, nlr.ret_val);
    fail("an exception escaped the REPL");
    return MT_REPL_EXIT;
}

static void session(void) {
    bool raw = false, was_raw;
    for (int i = 0; life(raw, &was_raw) != MT_REPL_EXIT; i++) {
        if (was_raw != (st.mode != FRIENDLY)) fail("soft reset from the wrong mode");
        if (i == LIVES_MAX) return; /* a run of Ctrl-Ds: enough */
        mt_hal_stdout_write(soft_reboot, sizeof(soft_reboot) - 1);
        raw = was_raw;
    }
    if (st.mode != FRIENDLY && !is("")) fail("output after the end of input");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    stack_top = (char *)__builtin_frame_address(0);
    mt_init(heap, sizeof(heap), stack_top, 128 * 1024);
    console_reset_editor();
    memset(&st, 0, sizeof(st));
    memset(&chunk, 0, sizeof(chunk));
    st.last[0] = st.last[1] = st.last[2] = -2;
    console_begin(data, size);
    console_run(session);
    console_end();
    return 0;
}
