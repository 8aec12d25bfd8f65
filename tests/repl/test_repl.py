#!/usr/bin/env python3
"""REPL tests over a pseudo-terminal: editing keys, history, completion, auto-indent, paste
mode, Ctrl-C, the raw REPL and raw-paste exactly as pyboard.py/mpremote/ampy drive them, and
hostile input. Each case starts a fresh `mote` on a PTY.

    tests/repl/test_repl.py [--mote build/mote] [-k NAME]

Prints one line per failing case with what was expected and what came, then
`N passed, N failed, N skipped` as the last line; exit status 1 if any failed."""
import argparse
import os
import pty
import re
import select
import signal
import sys
import time

MOTE = "build/mote"
TIMEOUT = 10


class Conn:
    """A mote process on a PTY; expect() consumes output up to a match."""

    def __init__(self, args=()):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execv(MOTE, [MOTE, *args])
        self.buf = b""

    def send(self, data, chunk=0):
        if isinstance(data, str):
            data = data.encode()
        if not chunk:
            os.write(self.fd, data)
            return
        for i in range(0, len(data), chunk):
            os.write(self.fd, data[i:i + chunk])
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


def case(fn):
    CASES.append(fn)
    return fn


def start(args=()):
    c = Conn(args)
    c.expect(b'Type "help()" for more information.\r\n>>> ')
    return c


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
def file_tool_put_get_list(c):
    """what mpremote/ampy run to put, list and get a file"""
    path = "/tmp/_mote_repl_%d.bin" % os.getpid()
    data = bytes(range(256)) * 4
    enter_raw(c)
    raw_exec(c, "f=open(%r,'wb')\nw=f.write" % path)
    for i in range(0, len(data), 200):
        out, err = raw_exec(c, "w(%r)" % data[i:i + 200])
        assert err == b"", err
    raw_exec(c, "f.close()")
    out, err = raw_exec(c, "import os\nprint(repr([t[0] for t in os.ilistdir('/tmp') if t[0].startswith('_mote_repl_')]))")
    assert os.path.basename(path).encode() in out, out
    out, err = raw_exec(c, "f=open(%r,'rb')\nr=f.read\nprint(repr(r(2000)))\nf.close()" % path)
    import ast
    got = ast.literal_eval(out.decode().strip())
    os.remove(path)
    assert got == data, (len(got), got[:20])
    out, err = raw_exec(c, "import hashlib\nh=hashlib.sha256(b'abc')\nprint(repr(h.digest()))")
    import hashlib
    assert ast.literal_eval(out.decode().strip()) == hashlib.sha256(b"abc").digest()


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


def main():
    global MOTE
    ap = argparse.ArgumentParser()
    ap.add_argument("--mote", default=MOTE)
    ap.add_argument("-k", default="")
    a = ap.parse_args()
    MOTE = a.mote
    passed = failed = 0
    for fn in CASES:
        if a.k and a.k not in fn.__name__:
            continue
        c = start()
        try:
            fn(c)
            passed += 1
        except AssertionError as e:
            failed += 1
            print("FAIL repl:%s: %s" % (fn.__name__, e))
        finally:
            c.close()
    print("%d passed, %d failed, 0 skipped" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
