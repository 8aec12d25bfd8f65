#!/usr/bin/env python3
"""REPL tests over a console: editing keys, history, completion, auto-indent, paste mode,
Ctrl-C, the raw REPL and raw-paste exactly as pyboard.py/mpremote/ampy drive them, files
through exec'd code, resets, and hostile input.

    tests/repl/test_repl.py [--target host|lx106] [--mote BINARY] [-k NAME]

host (default): each case starts a fresh `mote` (build/mote) on a PTY.
lx106: each case starts a fresh QEMU running the ESP8266 firmware (--mote names the ELF,
default build/lx106/mote.elf) as the board: its console on a unix socket (a chardev with
server=on,wait=on, so no byte is lost), its flash erased at QEMU's start. Cases that are a
host terminal's behaviour (Ctrl-D exits mote) are skipped there; the board's (Ctrl-D soft
reset, files kept across resets) run instead.

Prints one line per failing case with what was expected and what came (and one per skipped
case with the reason), then `N passed, N failed, N skipped` as the last line; exit status 1
if any failed."""
import argparse
import ast
import hashlib
import os
import pty
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

MOTE = "build/mote"
TARGET = "host"
TIMEOUT = 10
QEMU = ["qemu-system-xtensa", "-M", "sim", "-cpu", "lx106", "-semihosting", "-display", "none",
        "-monitor", "none"]
QEMU_LIFETIME = 300  # seconds: a case's QEMU is killed after this, whatever happens


class Conn:
    """A mote process on a PTY, or (lx106) QEMU with the console on a unix socket;
    expect() consumes output up to a match."""

    def __init__(self, args=()):
        self.buf = b""
        self.proc = self.sock = None
        if TARGET == "lx106":
            self._start_qemu()
            return
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execv(MOTE, [MOTE, *args])

    def _start_qemu(self):
        self.dir = tempfile.mkdtemp(prefix="mote-repl-")
        path = os.path.join(self.dir, "console")
        cmd = ["timeout", "-s", "KILL", str(QEMU_LIFETIME)] + QEMU + [
            "-chardev", "socket,id=con,path=%s,server=on,wait=on" % path,
            "-serial", "chardev:con", "-kernel", MOTE]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        self.pid = -1
        end = time.time() + TIMEOUT
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.time() > end or self.proc.poll() is not None:
                    self.close()
                    raise AssertionError("QEMU did not open its console socket")
                time.sleep(0.02)
        self.fd = self.sock.fileno()

    def send(self, data, chunk=0):
        if isinstance(data, str):
            data = data.encode()
        try:
            self._send(data, chunk)
        except OSError as e:
            raise AssertionError("the console is gone (%s); last output %r" % (e, self.buf[-300:]))

    def _send(self, data, chunk):
        if not chunk:
            while data:
                data = data[os.write(self.fd, data):]
            return
        for i in range(0, len(data), chunk):
            self._send(data[i:i + chunk], 0)
            time.sleep(0.001)

    def _fill(self, timeout):
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        self.buf += data
        return True

    def expect(self, what, timeout=TIMEOUT):
        """what: bytes (exact substring) or a compiled regex"""
        end = time.time() + timeout
        while True:
            if isinstance(what, bytes):
                i = self.buf.find(what)
                if i >= 0:
                    out, self.buf = self.buf[:i + len(what)], self.buf[i + len(what):]
                    return out
            else:
                m = what.search(self.buf)
                if m:
                    out, self.buf = self.buf[:m.end()], self.buf[m.end():]
                    return out
            left = end - time.time()
            if left <= 0 or not self._fill(left):
                raise AssertionError("expected %r, got %r" % (what, self.buf[-300:]))

    def read_for(self, seconds):
        end = time.time() + seconds
        while time.time() < end:
            self._fill(max(0.0, end - time.time()))
        out, self.buf = self.buf, b""
        return out

    def close(self):
        if self.proc is not None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            if self.sock is not None:
                self.sock.close()
            shutil.rmtree(self.dir, ignore_errors=True)
            return
        if self.pid is None or self.pid <= 0:
            os.close(self.fd)
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        os.close(self.fd)

    def wait(self, timeout=TIMEOUT):
        end = time.time() + timeout
        while time.time() < end:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.pid = None
                return os.waitstatus_to_exitcode(status)
            self._fill(0.05)
        raise AssertionError("process did not exit")


CASES = []
SKIP = {}  # case name -> {target: reason}
HOST_ARGS = {}  # case name -> the host mote's command-line arguments


def case(fn):
    CASES.append(fn)
    return fn


def skip_on(target, reason):
    """the case does not apply to target (a host terminal's behaviour, or a board's)"""
    def mark(fn):
        SKIP.setdefault(fn.__name__, {})[target] = reason
        return fn
    return mark


def host_args(*args):
    """start the host's mote with these arguments (-X heapsize=38K: the board's heap)"""
    def mark(fn):
        HOST_ARGS[fn.__name__] = args
        return fn
    return mark


def start(args=()):
    c = Conn(args)
    try:
        c.expect(b'Type "help()" for more information.\r\n>>> ')
    except AssertionError:
        c.close()
        raise
    return c


def scratch_dir():
    """where file cases write: the host's /tmp, the board's flash"""
    return "/tmp" if TARGET == "host" else "/"


def send_reading(c, data, chunk):
    """send in chunks, reading the echo after each, as a terminal does: echo longer than the
    console's buffers would otherwise stop the REPL and then the send"""
    for i in range(0, len(data), chunk):
        c.send(data[i:i + chunk])
        while c._fill(0):
            pass


@case
def banner_and_expression(c):
    c.send("1+2\r")
    c.expect(b"1+2\r\n3\r\n>>> ")
    c.send("'a' * 3\r")
    c.expect(b"'aaa'\r\n>>> ")
    c.send("None\r")
    c.expect(b"None\r\n>>> ")  # echo only: None is not printed
    c.send("x = 5\r")
    c.expect(b"x = 5\r\n>>> ")


@case
def underscore_holds_last_result(c):
    c.send("6*7\r")
    c.expect(b"42\r\n>>> ")
    c.send("_ + 1\r")
    c.expect(b"43\r\n>>> ")


@case
def auto_indent_and_block(c):
    c.send("def f(x):\r")
    c.expect(b"...     ")  # the body is indented for us
    c.send("return x * 2\r")
    c.expect(b"...     ")
    c.send("\r")  # an empty line (only the auto-indent) ends the block
    c.expect(b">>> ")
    c.send("f(21)\r")
    c.expect(b"42\r\n>>> ")
    c.send("if True:\r")
    c.expect(b"... ")
    c.send("for i in range(2):\r")
    c.expect(b"...         ")
    c.send("print(i)\r\r\r")
    c.expect(b"0\r\n1\r\n>>> ")


@case
def history_up_down(c):
    c.send("10+1\r")
    c.expect(b"11\r\n>>> ")
    c.send("20+2\r")
    c.expect(b"22\r\n>>> ")
    c.send("\x1b[A\x1b[A\r")  # two back: 10+1
    c.expect(b"11\r\n>>> ")
    c.send("\x1b[A\x1b[A\x1b[B\r")  # newest is 10+1 again: back two (20+2), forward one
    c.expect(b"11\r\n>>> ")


@case
def editing_keys(c):
    c.send("print(13)\x1b[D\x1b[D2\r")  # left x2, into the number: 123
    c.expect(b"123\r\n>>> ")
    c.send("rint(7)\x1b[Hp\r")  # Home then insert
    c.expect(b"7\r\n>>> ")
    c.send("(8)\x1bOHprint\x1b[F\r")  # Home (ESC O H), End (ESC [ F)
    c.expect(b"8\r\n>>> ")
    c.send("print(99)\x7f\x7f5)\r")  # backspace
    c.expect(b"5\r\n>>> ")
    c.send("xprint(6)\x1b[1~\x1b[3~\x1b[4~\r")  # Home (1~), Delete (3~), End (4~)
    c.expect(b"6\r\n>>> ")


@case
def tab_completion(c):
    c.send("impor\t")
    c.expect(b"import")
    c.send(" ma\t")
    c.expect(b"math")
    c.send("\r")
    c.expect(b">>> ")
    c.send("math.sq\t")
    c.expect(b"sqrt")
    c.send("(4)\r")
    c.expect(b"2.0\r\n>>> ")
    c.send("math.s\t")  # several: listed under the line, then the line again
    out = c.expect(b">>> math.s")
    assert b"sin" in out and b"sqrt" in out and b"sinh" in out, out
    c.send("\x03")
    c.expect(b">>> ")
    c.send("import \t")  # modules
    out = c.expect(b">>> import ")
    assert b"json" in out and b"math" in out, out
    c.send("\x03")
    c.expect(b">>> ")


@case
def tab_completion_user_code(c):
    """completing runs properties and __getattr__: an exception is no completion (the line
    is drawn again), a made-up attribute completes as its value"""
    c.send("class K:\r@property\rdef bad(self): raise ValueError\r\r")
    c.expect(b"...     \r\n>>> ")
    c.send("k=K()\r")
    c.expect(b">>> ")
    c.send("k.bad.\t")
    out = c.expect(b">>> k.bad.")
    assert out == b"k.bad.\r\n>>> k.bad.", out
    c.send("\r")
    out = c.expect(b">>> ")
    assert b"ValueError" not in out, out
    assert out.endswith(b"\r\nSyntaxError: invalid syntax\r\n>>> "), out
    c.send("1+1\r")
    c.expect(b"1+1\r\n2\r\n>>> ")
    c.send("class G:\ralpha = 1\ralpine = 2\rdef __getattr__(self, n): return 'text'\r\r")
    c.expect(b"...     \r\n>>> ")
    c.send("g=G()\r")
    c.expect(b">>> ")
    c.send("g.al\t")  # dir(g) lists the class's names, not __getattr__'s
    c.expect(b"g.alp")
    c.send("\t")
    c.expect(b"\r\nalpha           alpine\r\n>>> g.alp")
    c.send("\x03")
    c.expect(b">>> ")
    c.send("g.upper.low\t")  # g.upper is __getattr__'s str
    c.expect(b"g.upper.lower")
    c.send("()\r")
    c.expect(b"'text'\r\n>>> ")


@case
def ctrl_c_clears_line(c):
    c.send("garbage that is not run\x03")
    c.expect(b">>> ")
    c.send("1\r")
    c.expect(b"1\r\n>>> ")


@case
def ctrl_c_interrupts_loop(c):
    c.send("while True:\rpass\r\r")
    time.sleep(0.3)
    c.send("\x03")
    c.expect(b"KeyboardInterrupt")
    c.expect(b">>> ")
    c.send("2+2\r")
    c.expect(b"4\r\n>>> ")


@case
def ctrl_c_traceback_fresh_each_time(c):
    """the preallocated KeyboardInterrupt does not pile up the tracebacks of earlier ones"""
    for _ in range(3):
        c.send("while True: pass\r\r")
        time.sleep(0.2)
        c.send("\x03")
        out = c.expect(b">>> ")
        assert out.count(b'File "<stdin>"') == 1 and b"KeyboardInterrupt" in out, out


@case
def ctrl_b_banner(c):
    c.send("\x02")
    c.expect(b'Type "help()" for more information.\r\n>>> ')


@case
def paste_mode_10k(c):
    lines = ["s = 0"] + ["s += %d  # %s" % (i, "x" * 60) for i in range(150)] + ["print('sum', s)"]
    prog = "\r".join(lines) + "\r"
    assert len(prog) > 10000
    c.send("\x05")
    c.expect(b"paste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ")
    c.send(prog, chunk=256)
    c.send("\x04")
    c.expect(b"sum %d\r\n>>> " % sum(range(150)), timeout=30)


@case
def paste_mode_cancel(c):
    c.send("\x05print('no')\r\x03")
    c.expect(b">>> ")
    out = c.read_for(0.3)
    assert b"no\r\n" not in out, out


@case
def paste_mode_sys_exit(c):
    """SystemExit from a paste ends the REPL as from a line: the host's mote exits with its
    code, the board soft-resets"""
    c.send("\x05")
    c.expect(b"=== ")
    c.send("import sys\rprint('bye')\rsys.exit(3)\r\x04")
    c.expect(b"=== \r\nbye\r\n")
    if TARGET == "host":
        assert c.wait() == 3
        assert c.buf == b"", c.buf
        return
    out = c.expect(b'Type "help()" for more information.\r\n>>> ')
    assert out.startswith(b"MPY: soft reboot\r\nMote v"), out
    c.send("'sys' in globals()\r")
    c.expect(b"False\r\n>>> ")


@case
@skip_on("lx106", "a host terminal's behaviour; the board soft-resets (ctrl_d_soft_reset)")
def ctrl_d_exits(c):
    c.send("\x04")
    assert c.wait() == 0


# ---- the raw REPL, as pyboard.py / mpremote / ampy use it

def enter_raw(c):
    c.send(b"\r\x03")
    c.send(b"\r\x01")
    c.expect(b"raw REPL; CTRL-B to exit\r\n>")


def raw_exec(c, code):
    """plain raw mode: returns (stdout, traceback)"""
    c.send(code.encode() if isinstance(code, str) else code)
    c.send(b"\x04")
    c.expect(b"OK")
    out = c.expect(b"\x04")[:-1]
    err = c.expect(b"\x04")[:-1]
    c.expect(b">")
    return out, err


def raw_paste_exec(c, code):
    """raw-paste mode with flow control, as mpremote does"""
    c.send(b"\x05A\x01")
    hdr = c.expect(re.compile(rb"R[\x00\x01]"))
    assert hdr.endswith(b"R\x01"), hdr
    while len(c.buf) < 2:
        c._fill(TIMEOUT)
    window = c.buf[0] | c.buf[1] << 8
    c.buf = c.buf[2:]
    credit = window
    data = code.encode()
    i = 0
    while i < len(data):
        while credit == 0 or (c.buf[:1] == b"\x01"):
            if not c.buf:
                c._fill(TIMEOUT)
            b, c.buf = c.buf[:1], c.buf[1:]
            assert b == b"\x01", b
            credit += window
        n = min(credit, len(data) - i)
        c.send(data[i:i + n])
        i += n
        credit -= n
    c.send(b"\x04")
    c.expect(b"\x04")  # end acknowledged (flow-control bytes before it are fine)
    out = c.expect(b"\x04")[:-1]
    err = c.expect(b"\x04")[:-1]
    c.expect(b">")
    return out, err


@case
def raw_repl_exec_and_traceback(c):
    enter_raw(c)
    out, err = raw_exec(c, "print('hello')\nprint(1+1)")
    assert out == b"hello\r\n2\r\n" and err == b"", (out, err)
    out, err = raw_exec(c, "print('before')\n1/0")
    assert out == b"before\r\n", out
    assert err.startswith(b"Traceback (most recent call last):") and err.endswith(b"ZeroDivisionError: division by zero\r\n"), err
    out, err = raw_exec(c, "def (:")
    assert b"SyntaxError" in err, err
    c.send(b"\x02")
    c.expect(b">>> ")


@case
def raw_repl_soft_reset(c):
    enter_raw(c)
    raw_exec(c, "secret = 42")
    c.send(b"\x04")
    c.expect(b"soft reboot\r\n")
    c.expect(b"raw REPL; CTRL-B to exit\r\n>")
    out, err = raw_exec(c, "print('secret' in globals())")
    assert out == b"False\r\n", out


@case
def raw_paste(c):
    enter_raw(c)
    prog = "t = 0\n" + "".join("t += %d\n" % i for i in range(300)) + "print('total', t)\n"
    assert len(prog) > 1000
    out, err = raw_paste_exec(c, prog)
    assert out == b"total %d\r\n" % sum(range(300)) and err == b"", (out, err)
    out, err = raw_paste_exec(c, "1/0")
    assert b"ZeroDivisionError" in err, err


@case
def raw_repl_stray_ctrl_e(c):
    """a Ctrl-E that no `A` Ctrl-A follows is not a raw-paste request: the next byte keeps
    its meaning"""
    enter_raw(c)
    c.send(b"\x05\x03")  # Ctrl-C: still raw, nothing to run
    out = c.read_for(0.3)
    assert out == b"", out
    out, err = raw_exec(c, "print('raw')")
    assert out == b"raw\r\n" and err == b"", (out, err)
    c.send(b"\x05\x02")  # Ctrl-B: the friendly REPL
    out = c.expect(b'Type "help()" for more information.\r\n>>> ')
    assert out.startswith(b"\r\nMote v"), out
    c.send("1+1\r")
    c.expect(b"1+1\r\n2\r\n>>> ")


@case
def file_tool_put_get_list(c):
    """what mpremote/ampy run to put, list and get a file"""
    path = os.path.join(scratch_dir(), "_mote_repl_%d.bin" % os.getpid())
    data = bytes(range(256)) * 4
    enter_raw(c)
    put_file(c, path, data)
    out, err = raw_exec(c, "import os\nprint(repr([t[0] for t in os.ilistdir(%r) if t[0].startswith('_mote_repl_')]))" % scratch_dir())
    assert os.path.basename(path).encode() in out, out
    got = get_file(c, path)
    if TARGET == "host":
        os.remove(path)
    assert got == data, (len(got), got[:20])
    out, err = raw_exec(c, "import hashlib\nh=hashlib.sha256(b'abc')\nprint(repr(h.digest()))")
    assert ast.literal_eval(out.decode().strip()) == hashlib.sha256(b"abc").digest()


def put_file(c, path, data):
    """in raw mode: write a file in 200-byte pieces, as ampy/mpremote do"""
    out, err = raw_exec(c, "f=open(%r,'wb')\nw=f.write" % path)
    assert err == b"", err
    for i in range(0, len(data), 200):
        out, err = raw_exec(c, "w(%r)" % data[i:i + 200])
        assert err == b"", err
    out, err = raw_exec(c, "f.close()")
    assert err == b"", err


def get_file(c, path):
    """in raw mode: a file's bytes, read back through repr()"""
    out, err = raw_exec(c, "f=open(%r,'rb')\nr=f.read\nprint(repr(r(4096)))\nf.close()" % path)
    assert err == b"", err
    return ast.literal_eval(out.decode().strip())


@case
def ctrl_c_interrupts_sleep_and_input(c):
    c.send("import time\r")
    c.expect(b">>> ")
    c.send("time.sleep(30)\r")
    time.sleep(0.3)
    c.send("\x03")
    out = c.expect(b">>> ")
    assert b"KeyboardInterrupt\r\n" in out, out
    c.send("s = input('? ')\r")
    c.expect(b"')\r\n? ")  # the prompt input() prints, not the echoed line's "? "
    c.send("\x03")
    out = c.expect(b">>> ")
    assert b"KeyboardInterrupt\r\n" in out, out


@case
def raw_repl_ctrl_c_keeps_framing(c):
    enter_raw(c)
    c.send(b"print('start')\nwhile True:\n pass\n\x04")
    c.expect(b"OK")
    c.expect(b"start\r\n")
    time.sleep(0.3)
    c.send(b"\x03")
    c.expect(b"\x04")
    err = c.expect(b"\x04")[:-1]
    c.expect(b">")
    assert err.endswith(b"KeyboardInterrupt\r\n"), err
    out, err = raw_exec(c, "print('next')")
    assert out == b"next\r\n" and err == b"", (out, err)


# ---- the board's resets (lx106)

@case
@skip_on("host", "the board's behaviour; host mote exits on Ctrl-D (ctrl_d_exits)")
def ctrl_d_soft_reset(c):
    c.send("secret = 42\r")
    c.expect(b">>> ")
    c.send("\x04")
    c.expect(b"soft reboot\r\n")
    c.expect(b'Type "help()" for more information.\r\n>>> ')
    c.send("print('secret' in globals())\r")
    c.expect(b"False\r\n>>> ")


@case
@skip_on("host", "the board's flash")
def soft_reset_keeps_files(c):
    data = bytes(range(256)) * 3 + b"end"
    enter_raw(c)
    put_file(c, "/kept.bin", data)
    c.send(b"\x04")  # soft reset from the raw REPL: back in raw mode
    c.expect(b"soft reboot\r\n")
    c.expect(b"raw REPL; CTRL-B to exit\r\n>")
    out, err = raw_exec(c, "import os\nprint(sorted(os.listdir('/')))")
    assert out == b"['boot.py', 'kept.bin']\r\n", (out, err)
    assert get_file(c, "/kept.bin") == data


@case
@skip_on("host", "the board's machine.reset() and flash")
def hard_reset_keeps_files(c):
    c.send("with open('main.py', 'w') as f: f.write('print(\"main ran\")\\n')\r\r")
    c.expect(b">>> ")
    c.send("secret = 42; import machine; machine.reset()\r")
    out = c.expect(b'Type "help()" for more information.\r\n>>> ')
    assert b"main ran\r\n" in out and b"Performing initial setup" not in out, out
    c.send("'secret' in globals(), machine.reset_cause()\r")  # boot.py imports machine
    c.expect(b"(False, 4)\r\n>>> ")


@case
@skip_on("host", "the board's main.py")
def ctrl_c_interrupts_main_py(c):
    """a main.py that never ends: Ctrl-C (what every file tool sends first) gets the REPL"""
    c.send("with open('main.py', 'w') as f: f.write('n = 0\\nwhile True:\\n    n += 1\\n')\r\r")
    c.expect(b">>> ")
    c.send("import machine; machine.reset()\r")
    c.expect(b"reset()\r\n")
    time.sleep(0.5)
    c.send(b"\r\x03")
    out = c.expect(b'Type "help()" for more information.\r\n>>> ')
    assert b'File "main.py", line ' in out and b"KeyboardInterrupt\r\n" in out, out
    c.send("n > 0\r")
    c.expect(b"True\r\n>>> ")


# ---- hostile input

@case
def binary_noise(c):
    noise = bytes((i * 7919 + 13) % 256 for i in range(3000)).replace(b"\x01", b"").replace(b"\x04", b"").replace(b"\x05", b"").replace(b"\x02", b"")
    c.send(noise, chunk=500)
    c.send(b"\x03")
    c.read_for(0.5)
    c.send(b"\x03print('alive')\r")
    c.expect(b"alive\r\n>>> ")


@case
def unknown_escapes(c):
    c.send(b"\x1b[99~\x1b[Z\x1b[1;5C\x1bOQ\x1b[200~print('ok')\x1b[201~\r")
    c.expect(b"ok\r\n>>> ")


@case
def long_line(c):
    c.send(b"x = '" + b"a" * 100000 + b"'\r", chunk=4096)
    c.expect(b"line too long", timeout=30)
    c.expect(b">>> ")
    c.send("1+1\r")
    c.expect(b"2\r\n>>> ")


@case
def ctrl_chars_mid_statement(c):
    c.send(b"pr\x06\x0b\x0e\x10\x12\x14\x15int('x')\r")  # the Ctrl-U in there kills back to the start
    c.expect(b">>> ")
    c.send("print('y')\r")
    c.expect(b"y\r\n>>> ")


@case
def blank_lines_in_brackets(c):
    """Enter pressed many times inside a bracket costs linear time (it was quadratic). The
    board's heap holds 10000 (16 KB of them is a MemoryError: the statement is dropped)."""
    n = 30000 if TARGET == "host" else 10000
    t = time.time()
    c.send("(\r")
    send_reading(c, b"\r" * n, 500)
    c.send(")\r")
    out = c.expect(b")\r\n()\r\n>>> ", timeout=TIMEOUT)
    took = time.time() - t
    assert out.count(b"\r\n... ") == n + 1 and b">>> " not in out[:-4], out[-300:]
    assert took < (1.5 if TARGET == "host" else 3), took  # quadratic: 4.7 s on the host
    c.send("1+1\r")
    c.expect(b"1+1\r\n2\r\n>>> ")


@case
def escape_huge_parameter(c):
    """ESC[<huge>D moves one column (the count is not used, nor overflows); ESC[<huge>~ is
    no key (2**32 + 3 wrapped around to 3 was Delete)"""
    c.send(b"print(1\x1b[1888888888D\x1b[4294967299~\x1b[F2)\r")
    out = c.expect(b">>> ")
    assert out == b"print(1\x1b[1D12)\r\n12\r\n>>> ", out


@case
def raw_paste_window_violation(c):
    enter_raw(c)
    c.send(b"\x05A\x01")
    c.expect(b"R\x01")
    c.send(b"print('flood')\n" * 200)  # far beyond the credit granted
    c.send(b"\x04")
    c.expect(b"flood\r\n", timeout=20)
    c.expect(b">", timeout=20)
    out, err = raw_exec(c, "print(7)")
    assert out == b"7\r\n", out


@case
@host_args("-X", "heapsize=38K")
def raw_program_larger_than_heap(c):
    """48 KB of program on a 38 KB heap: MemoryError in the usual framing, then the raw
    prompt works; the same through raw-paste"""
    prog = b"x=1\n" * 12000
    enter_raw(c)
    send_reading(c, prog, 4096)  # raw mode echoes nothing; out of it, the echo is read
    c.send(b"\x04")
    out = c.expect(b">", timeout=20)
    assert out == b"OK\x04MemoryError\r\n\x04>", out
    out, err = raw_exec(c, "print(2)")
    assert out == b"2\r\n" and err == b"", (out, err)
    out, err = raw_paste_exec(c, prog.decode())
    assert out == b"" and err == b"MemoryError\r\n", (out, err)
    out, err = raw_exec(c, "print(3)")
    assert out == b"3\r\n" and err == b"", (out, err)


def run_case(fn):
    """True if it passed (a failure is printed)"""
    try:
        c = start(HOST_ARGS.get(fn.__name__, ()) if TARGET == "host" else ())
    except AssertionError as e:
        print("FAIL repl:%s: no prompt: %s" % (fn.__name__, e))
        return False
    try:
        fn(c)
        return True
    except AssertionError as e:
        print("FAIL repl:%s: %s" % (fn.__name__, e))
        return False
    finally:
        c.close()


def main():
    global MOTE, TARGET
    ap = argparse.ArgumentParser()
    ap.add_argument("--target", choices=("host", "lx106"), default=TARGET)
    ap.add_argument("--mote", help="the binary (lx106: the ELF)")
    ap.add_argument("-k", default="")
    a = ap.parse_args()
    TARGET = a.target
    MOTE = a.mote or ("build/lx106/mote.elf" if TARGET == "lx106" else MOTE)
    passed = failed = skipped = 0
    for fn in CASES:
        if a.k and a.k not in fn.__name__:
            continue
        reason = SKIP.get(fn.__name__, {}).get(TARGET)
        if reason:
            skipped += 1
            print("skip repl:%s: %s" % (fn.__name__, reason))
        elif run_case(fn):
            passed += 1
        else:
            failed += 1
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
