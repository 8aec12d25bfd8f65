/* libFuzzer target: the fuzz input typed on the console of the line editor (repl/readline.c)
 * with history and tab completion live (a few globals, a module, an object whose attributes
 * are a property that raises and a __getattr__). Lines are read as the friendly REPL reads
 * them (Enter adds to the history, a line ending in ':' gets the auto-indent); nothing runs.
 * Input encoding and the console: fuzz_console.h.
 *
 * Checked on every line, beyond crashes and sanitizer reports:
 * - no exception escapes mt_readline, and every call consumes input or ends at its end;
 * - the line returned is at most MT_REPL_LINE_MAX bytes;
 * - the echo is what a VT100 shows the line with: a model terminal replays the output and
 *   only printable bytes, CR LF, ESC[nD (n > 0) and ESC[K may occur; the cursor never moves
 *   left into the prompt; after Enter the row shows the prompt and the line (as columns:
 *   one per byte that isn't a UTF-8 continuation byte; trailing blanks aside) and the
 *   cursor was within the line. */
#include "fuzz_console.h"

#define HEAP_SIZE (64 * 1024)
#define ROW_MAX   (4 * MT_REPL_LINE_MAX)

static char heap[HEAP_SIZE] __attribute__((aligned(16)));

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char setup_src[] = "import math\n"
                                "foo = 1\n"
                                "foobar = 2\n"
                                "food = [1]\n"
                                "class K:\n"
                                "    alpha = 1\n"
                                "    alpine = 2\n"
                                "    @property\n"
                                "    def bad(self):\n"
                                "        raise ValueError('no')\n"
                                "    def __getattr__(self, n):\n"
                                "        return n\n"
                                "k = K()\n";

/* the model terminal: one row of cells (the byte that started each column) and the cursor */
static struct {
    uint8_t cells[ROW_MAX], last[ROW_MAX]; /* the row, and the row before the last CR LF */
    size_t n, col, last_n, last_col;       /* last_col: the cursor when CR came */
    int esc;                               /* 0, 1 after ESC, 2 in ESC [ */
    size_t param;
    bool have_param, cr;
    const char *prompt;
} term;

static bool row_has_prompt(void) {
    size_t p = strlen(term.prompt);
    if (term.n < p) return false;
    for (size_t i = 0; i < p; i++)
        if (term.cells[i] != (uint8_t)term.prompt[i]) return false;
    return true;
}

static void csi(uint8_t b) {
    if (b >= '0' && b <= '9') {
        if (term.param < ROW_MAX) term.param = term.param * 10 + (b - '0');
        term.have_param = true;
        return;
    }
    term.esc = 0;
    if (b == 'K' && !term.have_param) {
        term.n = term.col;
    } else if (b == 'D' && term.param > 0) {
        if (!row_has_prompt() || term.col < strlen(term.prompt) + term.param)
            fail("cursor moved left of the line");
        term.col -= term.param;
    } else {
        fail("an escape sequence the editor does not send");
    }
}

static void newline(void) {
    memcpy(term.last, term.cells, term.n);
    term.last_n = term.n;
    term.n = 0;
}

static void put_byte(uint8_t b) {
    if (term.cr != (b == '\n')) fail("CR without LF or LF without CR");
    term.cr = false;
    if (term.esc == 1) {
        if (b != '[') fail("ESC not followed by [");
        term.esc = 2, term.param = 0, term.have_param = false;
    } else if (term.esc == 2) {
        csi(b);
    } else if (b == 27) {
        term.esc = 1;
    } else if (b == '\r') {
        term.cr = true;
        term.last_col = term.col;
        term.col = 0;
    } else if (b == '\n') {
        newline();
    } else if (b < 0x20 || b == 0x7f) {
        fail("a control byte in the echo");
    } else if ((b & 0xc0) != 0x80) { /* continuation bytes take no column */
        if (term.col >= ROW_MAX) fail("row too long");
        term.cells[term.col++] = b;
        if (term.col > term.n) term.n = term.col;
    }
}

static void on_output(const uint8_t *s, size_t n, bool user) {
    for (size_t i = 0; i < n; i++) put_byte(s[i]);
}

static void on_read(int c) {}

/* columns of s[0..n) as the model keeps them, trailing blanks dropped */
static size_t leads(const uint8_t *s, size_t n, uint8_t *out) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if ((s[i] & 0xc0) != 0x80) out[k++] = s[i];
    while (k > 0 && out[k - 1] == ' ') k--;
    return k;
}

/* after Enter: the row before CR LF shows prompt + line */
static void check_echo(const mt_vstr_t *line) {
    static uint8_t want[ROW_MAX], got[ROW_MAX];
    size_t p = strlen(term.prompt);
    if (term.last_n < p || memcmp(term.last, term.prompt, p) != 0) fail("prompt not shown");
    size_t nw = leads((const uint8_t *)line->buf, line->len, want);
    size_t ng = leads(term.last + p, term.last_n - p, got);
    if (nw != ng || memcmp(want, got, nw) != 0) fail("the row does not show the line");
    if (term.last_col < p || term.last_col > term.last_n) fail("cursor outside the line");
}

static bool overflow_reported(void) {
    static const char msg[] = "line too long: ignored";
    return term.last_n == sizeof(msg) - 1 && memcmp(term.last, msg, sizeof(msg) - 1) == 0;
}

/* one line; false at the end of input */
static bool one_line(mt_vstr_t *line, bool cont) {
    term.prompt = cont ? "... " : ">>> ";
    term.n = term.col = 0, term.esc = 0, term.cr = false;
    int r = mt_readline(line, term.prompt);
    if (line->len > MT_REPL_LINE_MAX) fail("line longer than MT_REPL_LINE_MAX");
    if (r < 0) return false;
    if (r == 0 && !overflow_reported()) check_echo(line);
    if (r != 0 && (term.col < strlen(term.prompt) || term.col > term.n))
        fail("cursor outside the line");
    if (r == 0) mt_readline_history_add(line->buf, line->len);
    bool colon = r == 0 && line->len > 0 && line->buf[line->len - 1] == ':';
    if (colon) mt_readline_set_indent(4);
    return true;
}

static void run(const uint8_t *data, size_t size) {
    mt_exec_str(setup_src, sizeof(setup_src) - 1, MT_QSTR_lt_stdin_gt, MT_PARSE_FILE,
                mt_state.main_globals, MT_NULL);
    console_reset_editor();
    mt_vstr_t line;
    mt_vstr_init(&line, 80);
    console_begin(data, size);
    bool cont = false;
    while (one_line(&line, cont)) cont = line.len > 0 && line.buf[line.len - 1] == ':';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    mt_init(heap, sizeof(heap), (char *)__builtin_frame_address(0), 128 * 1024);
    mt_readline_init();
    mt_nlr_buf_t nlr;
    if (mt_nlr_push(&nlr) == 0) {
        run(data, size);
        mt_nlr_pop();
    } else {
        mt_exc_print_traceback(&stderr_print, nlr.ret_val);
        fail("an exception escaped the line editor");
    }
    console_end();
    return 0;
}
