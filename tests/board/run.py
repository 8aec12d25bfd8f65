#!/usr/bin/env python3
"""End-to-end tests of the virtual ESP8266 board: `mote --board esp8266`.

    tests/board/run.py [--mote build/mote] [-v] [-j N] [--board-arg=-Xgcstress] [NAME ...]

Each case powers a fresh board (its own flash image and pins socket in a temporary directory)
and talks to it as a user or a tool would: through the console (stdin/stdout pipes, or the
PTY with `--pty`) and the pins socket (`--pins`). Cases run in parallel. One line is
printed per failing (and, with -v, per passing or skipped) case, then the totals as the last
line: `N passed, N failed, N skipped`; the exit status is 1 if any case failed.
"""
import argparse
import ast
import binascii
import concurrent.futures
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import termios
import threading
import time
import traceback
import tty

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MOTE = os.path.join(ROOT, "build", "mote")
BOARD_ARGS = []  # --board-arg: more options for every board (e.g. -X gcstress)
TIMEOUT = 10
PROMPT = b"\r\n>>> "
BANNER = b'Type "help()" for more information.\r\n'
RAW_BANNER = b"raw REPL; CTRL-B to exit\r\n>"
IMAGE_1M = 438272  # the user area of a 1 MB chip (fs/flash.h)
SANITIZER_REPORT = re.compile(rb"(ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer)")


class Skip(Exception):
    """raised by a case that cannot run here; the message says why"""


# ---- talking to a board ---------------------------------------------------------------------


class Stream:
    """bytes arriving from a file descriptor, collected by a thread; expect() consumes them"""

    def __init__(self, fd):
        self.fd = fd
        self.buf = b""
        self.cond = threading.Condition()
        self.closed = False
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self):
        while True:
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                data = b""
            with self.cond:
                if not data:
                    self.closed = True
                else:
                    self.buf += data
                self.cond.notify_all()
            if not data:
                return

    def expect(self, what, timeout=TIMEOUT):
        """consume and return the output up to and including `what` (bytes or a regex)"""
        end = time.time() + timeout
        with self.cond:
            while True:
                if isinstance(what, bytes):
                    i = self.buf.find(what)
                    stop = i + len(what) if i >= 0 else -1
                else:
                    m = what.search(self.buf)
                    stop = m.end() if m else -1
                if stop >= 0:
                    out, self.buf = self.buf[:stop], self.buf[stop:]
                    return out
                left = end - time.time()
                if left <= 0 or self.closed:
                    raise AssertionError("expected %r; got %r%s" % (
                        what, self.buf[-400:], " (end of output)" if self.closed else ""))
                self.cond.wait(left)

    def take(self, seconds=0.0):
        """everything that arrived so far (after waiting `seconds`)"""
        if seconds:
            time.sleep(seconds)
        with self.cond:
            out, self.buf = self.buf, b""
            return out


class Board:
    """a board process; its console on pipes, or on its PTY with pty=True"""

    def __init__(self, tmp, image="flash.img", size="1M", pty=False, pins=False, args=()):
        self.tmp = tmp
        self.image = os.path.join(tmp, image)
        self.pins_path = os.path.join(tmp, "pins.sock") if pins else None
        cmd = [MOTE, "--board", "esp8266", "--flash", self.image]
        if size:
            cmd += ["--flash-size", size]
        if pty:
            cmd.append("--pty")
        if pins:
            cmd += ["--pins", self.pins_path]
        # in tmp: whatever a broken board might write to the host stays there
        self.proc = subprocess.Popen(cmd + BOARD_ARGS + list(args), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp)
        self.err = Stream(self.proc.stderr.fileno())
        self.pty_path = None
        if pty:
            self.pty_path = self.proc.stdout.readline().decode().strip()
            if not self.pty_path.startswith("/dev/"):
                raise AssertionError("--pty printed %r, not a device path" % self.pty_path)
            self.fd = None
        else:
            self.out = Stream(self.proc.stdout.fileno())

    # -- the console on pipes
    def send(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def expect(self, what, timeout=TIMEOUT):
        try:
            return self.out.expect(what, timeout)
        except AssertionError as e:
            err = self.err.take(0.05).decode(errors="replace").strip()
            raise AssertionError(str(e) + ("; stderr: " + err[-500:] if err else "")) from None

    def boot(self):
        """wait for the banner and the prompt of a boot; returns what came before the prompt"""
        return self.expect(BANNER + b">>> ", timeout=TIMEOUT)

    def run(self, line, timeout=TIMEOUT):
        """one line at the friendly REPL; returns its output (without the echo and prompt)"""
        self.send(line + "\r")
        out = self.expect(PROMPT, timeout)
        first = out.find(b"\r\n")
        return out[first + 2:-len(PROMPT)].decode() if first >= 0 else ""

    def paste(self, code):
        """paste mode (Ctrl-E): code of several lines, run at once (its output is not read)"""
        self.send("\x05")
        self.expect(b"=== ")
        self.send(code.replace("\n", "\r") + "\x04")

    def value(self, expr):
        """the value of a Python expression on the board (its repr, parsed)"""
        return ast.literal_eval(self.run("print(repr(%s))" % expr))

    def exec_raw(self, code, timeout=TIMEOUT):
        """run code through the raw REPL from the friendly prompt; returns (stdout, error)"""
        self.send("\x01")
        self.expect(RAW_BANNER)
        self.send(code + "\x04")
        self.expect(b"OK")
        out = self.expect(b"\x04", timeout)[:-1]
        err = self.expect(b"\x04", timeout)[:-1]
        self.expect(b">")
        self.send("\x02")
        self.expect(BANNER + b">>> ")
        return out.decode(), err.decode()

    def write_file(self, name, text):
        out, err = self.exec_raw("f = open(%r, 'w')\nf.write(%r)\nf.close()" % (name, text))
        if err:
            raise AssertionError("writing %s: %s" % (name, err))

    def soft_reset(self):
        """Ctrl-D at the prompt; returns what the new boot printed before its prompt"""
        self.send("\x04")
        self.expect(b"MPY: soft reboot\r\n")
        return self.boot().decode()

    def close(self, timeout=TIMEOUT):
        """end of input: the board powers off; returns its exit status"""
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            status = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError("the board did not stop at the end of its input")
        self.check_stderr()
        return status

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.check_stderr()

    def check_stderr(self):
        """a sanitizer's report (build/sanitize/mote) fails the case"""
        err = self.err.take(0.05)
        if SANITIZER_REPORT.search(err):
            raise AssertionError("sanitizer report:\n" + err.decode(errors="replace")[-3000:])


class Pins:
    """a client of the board's pins socket"""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        for _ in range(100):
            try:
                self.sock.connect(path)
                break
            except OSError:
                time.sleep(0.02)
        else:
            raise AssertionError("cannot connect to the pins socket " + path)
        self.stream = Stream(self.sock.fileno())
        self.events = []  # event lines that came before a command's answer

    def line(self, timeout=TIMEOUT):
        return self.stream.expect(b"\n", timeout).decode().strip()

    def command(self, cmd):
        """send a command; returns its answer (`ok`, `ok N`, `error ...`), events before it
        are kept in self.events"""
        self.sock.sendall(cmd.encode() + b"\n")
        while True:
            line = self.line()
            if line.startswith("ok") or line.startswith("error"):
                return line
            self.events.append(line)

    def collect(self, until, timeout=TIMEOUT):
        """event lines until one matching the regex `until` (included)"""
        got = []
        end = time.time() + timeout
        while True:
            line = self.line(max(0.1, end - time.time()))
            got.append(line)
            if re.match(until, line):
                return got

    def close(self):
        self.sock.close()


# ---- the PTY and a raw-REPL file tool, as pyboard.py/ampy do it ---------------------------


class Serial:
    """the board's PTY opened as a serial port: 115200 baud, raw"""

    def __init__(self, path):
        self.fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        tty.setraw(self.fd)
        attrs = termios.tcgetattr(self.fd)
        attrs[4] = attrs[5] = termios.B115200
        termios.tcsetattr(self.fd, termios.TCSANOW, attrs)
        termios.tcflush(self.fd, termios.TCIOFLUSH)
        self.buf = b""

    def write(self, data):
        os.write(self.fd, data)

    def read_until(self, what, timeout=TIMEOUT):
        end = time.time() + timeout
        while what not in self.buf:
            left = end - time.time()
            r = select.select([self.fd], [], [], max(0, left))[0] if left > 0 else []
            if not r:
                raise AssertionError("expected %r; got %r" % (what, self.buf[-300:]))
            self.buf += os.read(self.fd, 4096)
        i = self.buf.index(what) + len(what)
        out, self.buf = self.buf[:i], self.buf[i:]
        return out

    def drain(self, seconds=0.2):
        end = time.time() + seconds
        while time.time() < end:
            if select.select([self.fd], [], [], 0.05)[0]:
                os.read(self.fd, 4096)
        self.buf = b""

    def close(self):
        os.close(self.fd)


class RawTool:
    """put/get/ls/run over the raw REPL, with the commands ampy sends"""

    def __init__(self, serial):
        self.s = serial

    def enter_raw_repl(self):
        self.s.write(b"\r\x03\x03")
        self.s.drain()
        self.s.write(b"\r\x01")
        self.s.read_until(RAW_BANNER)
        self.s.write(b"\x04")  # soft reset, as pyboard.py does
        self.s.read_until(b"soft reboot\r\n")
        self.s.read_until(RAW_BANNER)

    def exit_raw_repl(self):
        self.s.write(b"\r\x02")

    def exec_(self, code):
        data = code.encode()
        for i in range(0, len(data), 256):
            self.s.write(data[i:i + 256])
            time.sleep(0.002)
        self.s.write(b"\x04")
        if self.s.read_until(b"OK", 5)[-2:] != b"OK":
            raise AssertionError("no OK")
        out = self.s.read_until(b"\x04")[:-1]
        err = self.s.read_until(b"\x04")[:-1]
        self.s.read_until(b">")
        if err:
            raise RuntimeError(err.decode())
        return out

    def put(self, name, data):  # ampy's put
        self.exec_("f = open('%s', 'wb')" % name)
        for i in range(0, len(data), 32):
            chunk = repr(data[i:i + 32])
            if not chunk.startswith("b"):
                chunk = "b" + chunk
            self.exec_("f.write({0})".format(chunk))
        self.exec_("f.close()")

    def get_ampy(self, name):  # ampy's get: hex through sys.stdout.write
        out = self.exec_(
            "import sys\nimport ubinascii\nwith open('%s', 'rb') as infile:\n"
            "    while True:\n        result = infile.read(32)\n        if result == b'':\n"
            "            break\n        len = sys.stdout.write(ubinascii.hexlify(result))\n"
            % name)
        return binascii.unhexlify(out)

    def get_mpremote(self, name):  # mpremote's fs cp: reprs parsed with literal_eval
        self.exec_("f = open('%s', 'rb')\nr = f.read" % name)
        data = b""
        while True:
            chunk = ast.literal_eval(self.exec_("print(r(256))").decode())
            if not chunk:
                break
            data += chunk
        self.exec_("f.close()")
        return data

    def ls(self):
        out = self.exec_("try:\n    import os\nexcept ImportError:\n    import uos as os\n"
                         "print(os.listdir('/'))")
        return ast.literal_eval(out.decode())

    def run(self, script):  # ampy's run: the script's text through the raw REPL
        return self.exec_(script).decode()


class Ampy(RawTool):
    """what ampy (adafruit-ampy, ampy/files.py over its pyboard.py) sends for each command,
    as documented by its source: every command enters the raw REPL (Ctrl-C twice, Ctrl-A, a
    soft reset with Ctrl-D), runs its code with exec_ (text, Ctrl-D, "OK", output, Ctrl-D,
    error, Ctrl-D, ">") and leaves with Ctrl-B. Files move in 32-byte pieces: put sends one
    f.write(b'...') per piece; get has the board print each piece hex-encoded with
    sys.stdout.write (bytes: MicroPython's streams take them). An error on the board is a
    RuntimeError carrying the board's traceback text (ampy's PyboardError)."""

    CHUNK = 32
    IMPORT_OS = "try:\n    import os\nexcept ImportError:\n    import uos as os\n"

    def command(self, code):
        self.enter_raw_repl()
        try:
            return self.exec_(code)
        finally:
            self.exit_raw_repl()

    def put(self, name, data):
        self.enter_raw_repl()
        self.exec_("f = open('%s', 'wb')" % name)
        for i in range(0, len(data), self.CHUNK):
            chunk = repr(data[i:i + self.CHUNK])
            self.exec_("f.write({0})".format(chunk if chunk.startswith("b") else "b" + chunk))
        self.exec_("f.close()")
        self.exit_raw_repl()

    def get(self, name):
        out = self.command(
            "import sys\nimport ubinascii\nwith open('%s', 'rb') as infile:\n"
            "    while True:\n        result = infile.read(%d)\n        if result == b'':\n"
            "            break\n        len = sys.stdout.write(ubinascii.hexlify(result))\n"
            % (name, self.CHUNK))
        return binascii.unhexlify(out)

    def ls(self, directory="/"):  # long format, as `ampy ls` prints by default
        join = "directory + f" if directory == "/" else "directory + '/' + f"
        out = self.command(
            self.IMPORT_OS + "def listdir(directory):\n"
            "    return sorted([%s for f in os.listdir(directory)])\n"
            "r = []\nfor f in listdir('%s'):\n    size = os.stat(f)[6]\n"
            "    r.append('{0} - {1} bytes'.format(f, size))\nprint(r)\n" % (join, directory))
        return ast.literal_eval(out.decode())

    def mkdir(self, directory):
        self.command(self.IMPORT_OS + "os.mkdir('%s')\n" % directory)

    def rm(self, name):
        self.command(self.IMPORT_OS + "os.remove('%s')\n" % name)

    def run(self, script):  # execfile: the local file's text
        return self.command(script).decode()


# ---- the cases --------------------------------------------------------------------------------

CASES = []


def case(fn):
    CASES.append(fn)
    return fn


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)


def repl_lines(text):
    return [l for l in text.replace("\r\n", "\n").split("\n") if l]


@case
def boot_first_format(tmp):
    """first boot formats the flash and writes boot.py; later boots only mount it"""
    b = Board(tmp)
    first = b.boot().decode()
    check("Performing initial setup" in first, "no initial setup message: %r" % first)
    check(b.value("__import__('os').listdir()") == ["boot.py"], "files after format")
    boot_py = b.value("open('boot.py').read()")
    for want in ("import os, machine", "gc.collect()", "#import webrepl", "#webrepl.start()"):
        check(want in boot_py, "boot.py lacks %r:\n%s" % (want, boot_py))
    for line in boot_py.splitlines():
        check("webrepl" not in line or line.startswith("#"), "WebREPL enabled: " + line)
    check(b.value("__import__('sys').path") == ["", ".frozen", "/lib"], "sys.path")
    check(b.value("__import__('os').statvfs('/')[0]") == 4096, "FAT block size")
    check(b.close() == 0, "exit status at end of input")
    check(os.path.getsize(b.image) == IMAGE_1M, "image size %d" % os.path.getsize(b.image))
    b = Board(tmp, size=None)  # the image's size says 1M
    second = b.boot().decode()
    check("Performing initial setup" not in second, "formatted again: %r" % second)
    check(b.value("__import__('os').listdir()") == ["boot.py"], "files after reboot")
    check(b.close() == 0, "exit status")


@case
def boot_foreign_flash(tmp):
    """a flash holding something else is left alone; the board still reaches the REPL"""
    image = os.path.join(tmp, "flash.img")
    junk = bytes((i * 7 + 3) & 0xFF for i in range(IMAGE_1M))
    with open(image, "wb") as f:
        f.write(junk)
    b = Board(tmp)
    out = b.boot().decode()
    check("left as it is" in out and "Performing initial setup" not in out, out)
    check(b.run("print(1 + 1)") == "2", "REPL")
    b.close()
    with open(image, "rb") as f:
        check(f.read() == junk, "the flash was changed")


@case
def boot_order(tmp):
    """_boot (in a namespace of its own), boot.py, main.py, then the REPL (in __main__'s)"""
    b = Board(tmp)
    b.boot()
    b.write_file("boot.py", "print('boot.py runs')\norder = ['boot']\n")
    b.write_file("main.py", "order.append('main')\nprint('main.py runs', order)\n")
    out = b.soft_reset()
    i, j, k = out.find("boot.py runs"), out.find("main.py runs ['boot', 'main']"), out.find("Mote v")
    check(0 <= i < j < k, "order of boot.py, main.py, banner: %r" % out)
    check(b.value("order") == ["boot", "main"], "main.py's names in the REPL")
    check(b.value("[n for n in ('bdev', 'gc', 'os') if n in globals()]") == [],
          "_boot's names are not left in the REPL's namespace")
    check(b.value("[m for m in ('_boot', 'inisetup') if m in __import__('sys').modules]") == [],
          "_boot and inisetup are not kept in sys.modules")
    b.close()


@case
def boot_errors(tmp):
    """an exception in boot.py or main.py prints its traceback; the board reaches the REPL"""
    b = Board(tmp)
    b.boot()
    b.write_file("boot.py", "print('B')\n1/0\nprint('not here')\n")
    b.write_file("main.py", "print('M')\nimport nosuchmodule\n")
    out = b.soft_reset()
    want = ['B', 'Traceback (most recent call last):', '  File "boot.py", line 2, in <module>',
            'ZeroDivisionError: division by zero', 'M', 'Traceback (most recent call last):',
            '  File "main.py", line 2, in <module>',
            "ImportError: no module named 'nosuchmodule'"]
    got = repl_lines(out)[:len(want)]
    check([l.lower() for l in got[:-1]] == [l.lower() for l in want[:-1]] and
          "nosuchmodule" in got[-1], "boot output:\n%s" % out)
    check(b.run("print(7 * 6)") == "42", "REPL after errors")
    b.write_file("main.py", "def f(:\n")  # a SyntaxError
    out = b.soft_reset()
    check("SyntaxError" in out and "main.py" in out, "syntax error report: %r" % out)
    b.write_file("main.py", "import sys\nprint('exiting')\nsys.exit()\n")
    out = b.soft_reset()  # sys.exit() ends main.py: the REPL follows, no reboot loop
    check(out.count("exiting") == 1 and "soft reboot" not in out, out)
    b.close()


@case
def soft_reset(tmp):
    """Ctrl-D, machine.soft_reset() and Ctrl-D in the raw REPL clear the heap and rerun boot"""
    b = Board(tmp)
    b.boot()
    b.run("import gc; gc.collect()")
    free = b.value("gc.mem_free()")
    b.write_file("main.py", "print('MAIN')\n")
    b.run("x = 1")
    b.run("junk = [bytearray(100) for i in range(50)]")
    out = b.soft_reset()
    check("MAIN" in out, "main.py after Ctrl-D: %r" % out)
    check("NameError" in b.run("x"), "x survived a soft reset")
    b.run("import gc; gc.collect()")
    after = b.value("gc.mem_free()")
    free = free
    check(abs(after - free) < 1024, "heap after soft reset: %d free, before: %d" % (after, free))
    b.send("import machine; machine.soft_reset()\r")
    b.expect(b"MPY: soft reboot\r\n")
    check("MAIN" in b.boot().decode(), "main.py after machine.soft_reset()")
    # raw REPL: Ctrl-D with an empty buffer soft-resets and comes back raw, without main.py
    b.send("\x01")
    b.expect(RAW_BANNER)
    b.send("\x04")
    b.expect(b"soft reboot\r\n")
    out = b.expect(RAW_BANNER)
    check(b"MAIN" not in out, "main.py ran after a raw-REPL soft reset: %r" % out)
    b.send("print('raw', 6 * 7)\x04")
    b.expect(b"OK")
    check(b.expect(b"\x04") == b"raw 42\r\n\x04", "raw REPL after soft reset")
    b.expect(b"\x04>")
    b.send("\x02")
    b.expect(BANNER + b">>> ")
    b.close()


@case
def fs_buffers_heap(tmp):
    """the flash volume's 1.5 KB of buffers are in the heap only while a file is open; with
    the heap full a file operation raises MemoryError, loses nothing, and works once there
    is room again"""
    b = Board(tmp)
    b.boot()
    b.write_file("keep.txt", "kept " * 100)
    b.run("import gc, os; gc.collect(); idle = gc.mem_free()")
    b.run("f = open('keep.txt'); f.read(1); gc.collect(); held = idle - gc.mem_free()")
    held = b.value("held")
    check(held >= 1536, "an open file holds the buffers: %d bytes" % held)
    b.run("f.close(); gc.collect(); back = idle - gc.mem_free()")
    back = b.value("back")  # the closed file object itself is still bound to f
    # 1536 bytes of buffers, less what the REPL lines in between keep (history, names)
    check(held - back >= 1280, "the buffers are given back at close: %d of %d" % (back, held))
    b.paste("hog = []\ntry:\n    while True: hog.append(bytearray(256))\n"
            "except MemoryError:\n    pass\nhog2 = []\ntry:\n"
            "    while True: hog2.append(bytearray(16))\nexcept MemoryError:\n    pass\n"
            "try:\n    os.listdir()\n    r = 'listed'\nexcept MemoryError:\n    r = 'MemoryError'\n"
            "hog = hog2 = None\ngc.collect()\n")
    b.expect(PROMPT)
    check(b.value("r") == "MemoryError", "a full heap: %r" % b.value("r"))
    check(b.value("open('keep.txt').read()") == "kept " * 100, "the file after MemoryError")
    check("keep.txt" in b.value("os.listdir()"), "listdir after MemoryError")
    b.close()


@case
def reset_cause(tmp):
    """PWRON_RESET at power-on, SOFT_RESET after machine.reset(), HARD_RESET after the RST pin,
    DEEPSLEEP_RESET after deep sleep; a soft reset keeps the cause"""
    b = Board(tmp, pins=True)
    b.boot()
    consts = b.value("[machine.PWRON_RESET, machine.HARD_RESET, machine.WDT_RESET, "
                     "machine.DEEPSLEEP_RESET, machine.SOFT_RESET, machine.DEEPSLEEP]")
    check(consts == [0, 6, 1, 5, 4, 4], "constants %r" % consts)
    check(b.value("machine.reset_cause()") == 0, "power-on cause")
    b.paste("try:\n    machine.reset()\nfinally:\n    print('finally ran')\n")
    out = b.boot().decode()
    check("\nfinally ran" not in out and "soft reboot" not in out, "hard reset: %r" % out)
    check(b.value("machine.reset_cause()") == 4, "after machine.reset()")
    pins = Pins(b.pins_path)
    check(pins.command("reset") == "ok", "reset command")
    b.boot()
    check(pins.collect(r"boot ")[-1] == "boot 6", "boot event")
    check(b.value("machine.reset_cause()") == 6, "after the RST pin")
    b.send("machine.deepsleep(50)\r")
    b.boot()
    check(b.value("machine.reset_cause()") == 5, "after deep sleep")
    b.soft_reset()
    check(b.value("machine.reset_cause()") == 5, "a soft reset changed the cause")
    # the RST pin while code runs, even code that catches SystemExit
    b.paste("while True:\n    try:\n        pass\n    except BaseException:\n        pass\n")
    time.sleep(0.2)
    check(pins.command("reset") == "ok", "reset command")
    b.boot()
    check(b.value("machine.reset_cause()") == 6, "RST during a loop")
    pins.close()
    b.close()


@case
def pins_blink(tmp):
    """main.py blinks GPIO2; a viewer on the pins socket sees every edge, in time"""
    b = Board(tmp, pins=True)
    b.boot()
    b.write_file("main.py", "from machine import Pin\nimport time\nled = Pin(2, Pin.OUT, value=1)\n"
                 "for i in range(6):\n    led.value(not led.value())\n    time.sleep_ms(30)\n"
                 "print('blinked', led)\n")
    pins = Pins(b.pins_path)
    state = pins.collect(r"pin 16 ")
    check("pin 2 1" in " ".join(state), "GPIO2 idles high (pull-up): %r" % state)
    out = b.soft_reset()
    check("blinked Pin(2)" in out, out)
    edges = [l.split() for l in pins.collect(r"pin 2 1 ", timeout=2) if l.startswith("pin 2 ")]
    while len(edges) < 6:
        edges += [l.split() for l in [pins.line()] if l.startswith("pin 2 ")]
    levels = [int(e[2]) for e in edges]
    check(levels == [0, 1, 0, 1, 0, 1], "edges %r" % edges)
    times = [int(e[3]) for e in edges]
    gaps = [t1 - t0 for t0, t1 in zip(times, times[1:])]
    check(all(25000 <= g < 1000000 for g in gaps), "edge spacing (us) %r" % gaps)
    b.run("led.off()")
    check(pins.line() .startswith("pin 2 0 "), "led.off() edge")
    check(pins.command("get 2") == "ok 0", "get 2")
    pins.close()
    b.close()


@case
def pins_drive(tmp):
    """the outside drives GPIO0 (a button) and main.py reads it; pulls and open drain"""
    b = Board(tmp, pins=True)
    b.boot()
    b.write_file("main.py", "from machine import Pin\nimport time\nbutton = Pin(0, Pin.IN)\n"
                 "print('ready', button.value())\nwhile button.value():\n    time.sleep_ms(5)\n"
                 "print('pressed', button.value())\nwhile not button():\n    time.sleep_ms(5)\n"
                 "print('released')\n")
    pins = Pins(b.pins_path)
    b.send("\x04")
    b.expect(b"ready 1\r\n")
    check(pins.command("drive 0 0") == "ok", "drive")
    b.expect(b"pressed 0\r\n")
    check(pins.command("release 0") == "ok", "release")
    b.expect(b"released\r\n")
    b.boot()
    check(b.value("Pin(4, Pin.IN).value()") == 0, "undriven GPIO4 reads 0")
    check(b.value("Pin(4, Pin.IN, Pin.PULL_UP).value()") == 1, "pull-up")
    check(pins.command("drive 4 0") == "ok", "drive 4")
    check(b.value("Pin(4).value()") == 0, "driven low over the pull-up")
    check(b.value("Pin(5, Pin.OPEN_DRAIN, value=1).value()") == 0, "open drain released, no pull")
    check(pins.command("drive 5 1") == "ok", "drive 5")
    check(b.value("Pin(5).value()") == 1, "open drain released, driven high outside")
    check(b.value("(Pin(5).off(), Pin(5).value())[1]") == 0, "open drain pulls low")
    for bad in ("drive 6 0", "drive 2 x", "get 99", "jump"):
        check(pins.command(bad).startswith("error"), "accepted %r" % bad)
    pins.close()
    b.close()


@case
def rtc_memory_deepsleep(tmp):
    """RTC memory survives deep sleep (and machine.reset), not power-off; files survive all"""
    b = Board(tmp)
    b.boot()
    b.write_file("main.py", "import machine\nrtc = machine.RTC()\nn = int(rtc.memory() or b'0') + 1\n"
                 "rtc.memory(str(n).encode())\nprint('wake', n, machine.reset_cause())\n"
                 "if n < 3:\n    machine.deepsleep(150)\nprint('done')\n")
    b.send("\x04")
    t0 = time.time()
    b.expect(b"wake 1 0\r\n")
    b.expect(b"wake 2 5\r\n")
    b.expect(b"wake 3 5\r\ndone\r\n")
    check(time.time() - t0 >= 0.3, "two deep sleeps of 150 ms took %.3f s" % (time.time() - t0))
    b.boot()
    check(b.value("len(rtc.memory(bytes(492)) or rtc.memory())") == 492, "492 bytes")
    check("ValueError: buffer too long" in b.run("rtc.memory(bytes(493))"), "493 bytes")
    b.run("rtc.memory(b'7')")
    b.send("machine.reset()\r")
    b.expect(b"wake 8 4\r\n")  # kept across machine.reset()
    b.boot()
    # the RTC alarm wakes from deepsleep() without a time
    b.send("rtc.memory(b'1'); rtc.irq(trigger=rtc.ALARM0, wake=machine.DEEPSLEEP); "
           "rtc.alarm(rtc.ALARM0, 100); machine.deepsleep()\r")
    b.expect(b"wake 2 5\r\n")
    b.expect(b"wake 3 5\r\ndone\r\n")
    b.boot()
    check(b.close() == 0, "exit status")
    b = Board(tmp)  # power-off and on: the RTC memory is gone, the files are not
    b.expect(b"wake 1 0\r\n")
    b.close()


@case
def rtc_datetime(tmp):
    """RTC.datetime() reads the host's clock at power-on and can be set"""
    b = Board(tmp)
    b.boot()
    now = time.gmtime()
    dt = b.value("machine.RTC().datetime()")
    check(len(dt) == 8 and dt[0] == now.tm_year and dt[1] == now.tm_mon and
          dt[3] == now.tm_wday, "datetime %r vs %r" % (dt, now))
    b.run("machine.RTC().datetime((2024, 2, 29, 0, 23, 59, 59, 0))")
    time.sleep(1.2)
    dt = b.value("machine.RTC().datetime()")
    check(dt[:6] == (2024, 3, 1, 4, 0, 0) and dt[6] < 5, "after a leap day %r" % (dt,))
    check("ValueError" in b.run("machine.RTC().datetime((2024, 13, 1, 0, 0, 0, 0, 0))"),
          "month 13")
    check("ValueError" in b.run("machine.RTC().datetime((2024, 1, 1))"), "short tuple")
    b.close()


@case
def machine_api(tmp):
    """machine and esp: what MicroPython's esp8266 port documents"""
    b = Board(tmp)
    b.boot()
    script = r"""
import machine, esp
from machine import Pin, Signal
def err(f):
    try:
        f()
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)
print([err(lambda: Pin(i)) for i in (6, 7, 11, 17, -1)])
print([Pin(i) for i in (0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16)])
print(Pin(2) is Pin(2), Pin.IN, Pin.OUT, Pin.OPEN_DRAIN, Pin.PULL_UP)
print(err(lambda: Pin(16, Pin.IN, Pin.PULL_UP)), err(lambda: Pin(2, 7)))
p = Pin(12, Pin.OUT, value=1)
print(p.value(), p(), (p.off(), p.value())[1], (p.on(), p())[1], (p.toggle(), p())[1])
p(1); p.value(0); print(p.value())
p.init(Pin.IN); print(p.value())
s = Signal(Pin(13, Pin.OUT), invert=True)
s.on(); print(Pin(13).value(), s.value(), s()); s.off(); print(Pin(13).value())
s2 = Signal(14, Pin.OUT, invert=False); s2.on(); print(Pin(14).value())
print(machine.freq(), (machine.freq(160000000), machine.freq())[1])
print(err(lambda: machine.freq(240000000)))
print(machine.unique_id(), len(machine.unique_id()))
print(type(machine.idle()).__name__, machine.lightsleep(5), machine.sleep(1))
st = machine.disable_irq(); print(machine.enable_irq(st))
print(machine.time_pulse_us(Pin(4, Pin.IN), 1, 2000), machine.time_pulse_us(Pin(4), 0, 2000))
print(err(lambda: machine.time_pulse_us(4, 0)))
print(esp.flash_size(), hex(esp.flash_user_start()), esp.flash_id() > 0)
print(esp.flash_read(esp.flash_user_start(), 3), len(esp.flash_read(esp.flash_user_start() + 510, 2)))
buf = bytearray(4); esp.flash_read(esp.flash_user_start() + 510, buf); print(buf[:2])
print(err(lambda: esp.flash_read(0, 4)), err(lambda: esp.flash_write(esp.flash_user_start(), b'abc')))
sec = esp.flash_user_start() // 4096 + 60
esp.flash_erase(sec); print(esp.flash_read(sec * 4096, 4))
esp.flash_write(sec * 4096, b'\x12\x34\x56\x78'); print(esp.flash_read(sec * 4096, 4))
print(err(lambda: esp.flash_erase(10)), err(lambda: esp.flash_erase(10 ** 6)))
print(esp.osdebug(None), esp.sleep_type(), esp.SLEEP_NONE, esp.SLEEP_LIGHT, esp.SLEEP_MODEM)
"""
    out, err = b.exec_raw(script)
    check(err == "", "error: " + err)
    want = [
        "['ValueError: invalid pin', 'ValueError: invalid pin', 'ValueError: invalid pin', "
        "'ValueError: invalid pin', 'ValueError: invalid pin']",
        "[Pin(0), Pin(1), Pin(2), Pin(3), Pin(4), Pin(5), Pin(12), Pin(13), Pin(14), Pin(15), "
        "Pin(16)]",
        "True 0 1 2 1",
        "ValueError: Pin(16) doesn't support pull ValueError: invalid pin mode",
        "1 1 0 1 0",
        "0",
        "0",
        "0 1 1",
        "1",
        "1",
        "80000000 160000000",
        "ValueError: frequency can only be either 80Mhz or 160MHz",
        "b'\\xc3\\xb2\\xa1\\x00' 4",
        "int None None",
        "None",
        "-2 -1",
        "ValueError: expecting a pin",
        "1048576 0x90000 True",
        "b'\\xeb<\\x90' 2",
        "bytearray(b'U\\xaa')",
        "OSError: [Errno 22] EINVAL ValueError: len must be multiple of 4",
        "b'\\xff\\xff\\xff\\xff'",
        "b'\\x124Vx'",
        "OSError: [Errno 22] EINVAL OSError: [Errno 22] EINVAL",
        "None 0 0 1 2",
    ]
    got = repl_lines(out)
    for i, w in enumerate(want):
        check(i < len(got) and got[i] == w, "line %d: want %r, got %r" % (
            i + 1, w, got[i] if i < len(got) else None))
    b.close()


@case
def files_and_imports(tmp):
    """modules on the flash (/ and /lib) import; open() in them reads the flash"""
    b = Board(tmp)
    b.boot()
    out, err = b.exec_raw("import os\nos.mkdir('lib')\n"
                          "open('data.txt', 'w').write('from the flash')\n"
                          "open('lib/helper.py', 'w').write('def read():\\n"
                          "    return open(\"/data.txt\").read()\\n')\n"
                          "open('top.py', 'w').write('from helper import read\\nVALUE = read()\\n')\n")
    check(err == "", err)
    check(b.value("__import__('top').VALUE") == "from the flash", "import from / and /lib")
    check(b.value("__import__('inisetup').__name__") == "inisetup", "a frozen module imports")
    check(b.value("[__import__(m).__name__ for m in ('os', 'uos', 'machine', 'umachine', 'esp', "
                  "'flashbdev')]") == ["os", "os", "machine", "machine", "esp", "flashbdev"],
          "board modules")
    check(b.value("__import__('os').listdir('/lib')") == ["helper.py"], "listdir /lib")
    b.close()


@case
def ctrl_c(tmp):
    """Ctrl-C stops `while True: pass` at the REPL, in main.py and in the raw REPL"""
    b = Board(tmp)
    b.boot()
    b.send("while True: pass\r\r")
    time.sleep(0.3)
    b.send("\x03")
    out = b.expect(PROMPT).decode()
    check("KeyboardInterrupt" in out, "REPL loop: %r" % out)
    check(b.run("print('alive')") == "alive", "REPL after Ctrl-C")
    b.write_file("main.py", "print('looping')\nwhile True:\n    pass\n")
    b.send("\x04")
    b.expect(b"looping\r\n")
    time.sleep(0.2)
    b.send("\x03")
    out = b.boot().decode()
    check("KeyboardInterrupt" in out and 'File "main.py", line' in out, "main.py: %r" % out)
    b.send("\x01")
    b.expect(RAW_BANNER)
    b.send("while True: pass\x04")
    b.expect(b"OK")
    time.sleep(0.2)
    b.send("\x03")
    check(b.expect(b"\x04") == b"\x04", "raw REPL stdout")
    check(b"KeyboardInterrupt" in b.expect(b"\x04"), "raw REPL traceback")
    b.expect(b">")
    b.send("\x02")
    b.boot()
    b.close()


@case
def pty_files(tmp):
    """a tool attaches to the PTY (115200, raw) and puts, gets, lists and runs files through
    the raw REPL; after machine.reset() and after a power cycle the files are still there"""
    text = "print('hello from the board')\nfor i in range(3):\n    print('line', i)\n"
    blob = bytes(range(256)) * 3 + b"\r\n\x00end"
    b = Board(tmp, pty=True)
    ser = Serial(b.pty_path)
    tool = RawTool(ser)
    tool.enter_raw_repl()
    tool.put("hello.py", text.encode())
    tool.put("blob.bin", blob)
    check(sorted(tool.ls()) == ["blob.bin", "boot.py", "hello.py"], "ls %r" % tool.ls())
    check(tool.get_mpremote("blob.bin") == blob, "get (mpremote) of a binary file")
    check(tool.get_ampy("blob.bin") == blob, "get (ampy) of a binary file")
    check(tool.run(text) == "hello from the board\r\nline 0\r\nline 1\r\nline 2\r\n", "run")
    check(tool.exec_("exec(open('hello.py').read())").decode().count("line") == 3, "exec")
    ser.write(b"import machine\nmachine.reset()\x04")  # the board reboots: no framing follows
    ser.read_until(b"OK")
    time.sleep(0.3)
    ser.close()
    ser = Serial(b.pty_path)  # as a tool reconnecting after the reset
    tool = RawTool(ser)
    tool.enter_raw_repl()
    check(tool.exec_("import machine\nprint(machine.reset_cause())") == b"4\r\n", "reset cause")
    check(tool.get_mpremote("hello.py") == text.encode(), "hello.py after machine.reset()")
    tool.exit_raw_repl()
    ser.close()
    b.kill()  # power off
    b = Board(tmp, pty=True)
    ser = Serial(b.pty_path)
    tool = RawTool(ser)
    tool.enter_raw_repl()
    check(sorted(tool.ls()) == ["blob.bin", "boot.py", "hello.py"], "ls after power cycle")
    check(tool.get_mpremote("blob.bin") == blob, "blob.bin after power cycle")
    check(tool.run("import hello") == "hello from the board\r\nline 0\r\nline 1\r\nline 2\r\n",
          "import hello")
    ser.close()
    b.kill()


@case
def chip_identity(tmp):
    """sys.platform, os.uname() and time as on MicroPython's esp8266: time follows the RTC and
    counts from 2000; the host's mote keeps its own"""
    b = Board(tmp)
    b.boot()
    check(b.value("__import__('sys').platform") == "esp8266", "sys.platform")
    u = b.value("tuple(__import__('os').uname())")
    check(u[0] == u[1] == "esp8266" and u[4] == "ESP module with ESP8266", "os.uname() %r" % (u,))
    check(b.value("__import__('os').uname().machine") == u[4], "uname attributes")
    b.run("import time, machine")
    check(b.value("time.gmtime(0)[:6]") == (2000, 1, 1, 0, 0, 0), "epoch 2000")
    b.run("machine.RTC().datetime((2024, 2, 29, 3, 23, 59, 58, 0))")
    t = b.value("time.localtime()")
    check(t[:5] == (2024, 2, 29, 23, 59) and t[6:] == (3, 60), "localtime after RTC set: %r" % (t,))
    check(b.value("time.mktime(time.localtime()) - int(time.time())") in (0, -1), "mktime")
    check(762566398 <= b.value("int(time.time())") <= 762566410, "time() from the RTC")
    b.soft_reset()  # the RTC keeps counting across a soft reset
    check(b.value("__import__('time').localtime()[:3]") in ((2024, 2, 29), (2024, 3, 1)), "RTC")
    b.close()
    host = subprocess.run([MOTE, "-c", "import sys, time; print(sys.platform, time.gmtime(0)[0])"],
                          capture_output=True, timeout=TIMEOUT).stdout.decode().split()
    check(host == ["linux", "1970"], "the host's platform and epoch: %r" % host)


@case
def ampy_commands(tmp):
    """ampy's put, get, ls, mkdir, rm and run, byte for byte as ampy sends them, on the PTY;
    then machine.reset() and a power cycle, and the files are where they were"""
    blob = bytes(range(256)) * 5 + b"\r\n\x00\xff'\"\\end"  # every byte value, quotes too
    text = "import sys\nprint('run on', sys.platform)\nfor i in range(3):\n    print(i * i)\n"
    b = Board(tmp, pty=True)
    ser = Serial(b.pty_path)
    ampy = Ampy(ser)
    ampy.put("blob.bin", blob)
    ampy.put("empty.txt", b"")
    ampy.mkdir("lib")
    util = b"def twice(x):\n    return 2 * x\n"
    ampy.put("lib/util.py", util)
    check(ampy.get("blob.bin") == blob, "ampy get: the bytes put")
    check(ampy.get("empty.txt") == b"", "ampy get of an empty file")
    check(ampy.get("boot.py") == b"".join(ampy.command("print(open('boot.py').read(), end='')")
                                          .split(b"\r")), "ampy get boot.py")
    listing = ["/blob.bin - %d bytes" % len(blob), "/boot.py - %d bytes" % len(ampy.get("boot.py")),
               "/empty.txt - 0 bytes", "/lib - 0 bytes"]
    check(ampy.ls() == listing, "ampy ls: %r" % ampy.ls())
    check(ampy.ls("/lib") == ["/lib/util.py - %d bytes" % len(util)], "ls /lib: %r" % ampy.ls("/lib"))
    check(ampy.run(text) == "run on esp8266\r\n0\r\n1\r\n4\r\n", "ampy run")
    check(ampy.run("import util\nprint(util.twice(21))") == "42\r\n", "a module in /lib")
    for what, fn, arg, errno in (("mkdir of an existing directory", ampy.mkdir, "lib", "17"),
                                 ("rm of a missing file", ampy.rm, "nothing.txt", "2"),
                                 ("get of a missing file", ampy.get, "nothing.txt", "2")):
        try:
            fn(arg)
            raise AssertionError(what + ": no error")
        except RuntimeError as e:  # ampy looks for "OSError" and the errno in the message
            check("OSError" in str(e) and errno in str(e), "%s: %s" % (what, e))
    ampy.rm("empty.txt")
    check([l.split(" - ")[0] for l in ampy.ls()] == ["/blob.bin", "/boot.py", "/lib"], "after rm")
    ampy.enter_raw_repl()
    ser.write(b"import machine\nmachine.reset()\x04")  # a reset: no framing follows
    ser.read_until(b"OK")
    time.sleep(0.3)
    ser.close()
    ser = Serial(b.pty_path)
    ampy = Ampy(ser)
    check(ampy.run("import machine\nprint(machine.reset_cause())") == "4\r\n", "reset cause")
    check(ampy.get("blob.bin") == blob, "blob.bin after machine.reset()")
    ser.close()
    b.kill()  # power off
    b = Board(tmp, pty=True)
    ser = Serial(b.pty_path)
    ampy = Ampy(ser)
    check([l.split(" - ")[0] for l in ampy.ls()] == ["/blob.bin", "/boot.py", "/lib"],
          "ls after a power cycle")
    check(ampy.get("blob.bin") == blob, "blob.bin after a power cycle")
    check(ampy.get("lib/util.py") == util, "lib/util.py after a power cycle")
    ser.close()
    b.kill()


@case
def pty_console(tmp):
    """the PTY is a terminal: the friendly REPL with its banner after Enter; output while no
    one is attached is dropped, not blocking the board"""
    b = Board(tmp, pty=True)
    time.sleep(0.3)
    ser = Serial(b.pty_path)
    ser.write(b"\r")
    ser.read_until(b">>> ")
    ser.write(b"for i in range(3000): print('x' * 60)\r\r")
    ser.close()  # nobody reads: the board must not hang on its output
    time.sleep(1.0)
    ser = Serial(b.pty_path)
    ser.write(b"\x03")
    ser.drain(0.3)
    ser.write(b"\x02")
    ser.read_until(BANNER + b">>> ")
    ser.write(b"print(6 * 7)\r")
    check(b"42\r\n>>> " in ser.read_until(b"42\r\n>>> "), "REPL on the PTY")
    ser.close()
    b.kill()


@case
def terminal_console(tmp):
    """on a terminal (make run): raw keys, Ctrl-C, and Ctrl-] powering the board off"""
    import pty
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(tmp)
        os.execv(MOTE, [MOTE, "--board", "esp8266", "--flash", os.path.join(tmp, "f.img"),
                        "--flash-size", "1M"])
    s = Stream(fd)
    try:
        s.expect(BANNER + b">>> ")
        os.write(fd, b"print(3 * 4)\r")
        check(s.expect(PROMPT).endswith(b"12" + PROMPT), "REPL on a terminal")
        os.write(fd, b"while True: pass\r\r")
        time.sleep(0.2)
        os.write(fd, b"\x03")
        check(b"KeyboardInterrupt" in s.expect(PROMPT), "Ctrl-C")
        os.write(fd, b"\x1d")
        s.expect(b"[power off]")
        _, status = os.waitpid(pid, 0)
        check(os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, "status %r" % status)
        pid = None
    finally:
        if pid:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        os.close(fd)


@case
def options(tmp):
    """bad options, a bad image, and --help mentioning the board"""
    def mote(*args):
        p = subprocess.run([MOTE] + list(args), stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT, cwd=tmp)
        return p.returncode, p.stderr.decode()

    code, err = mote("--board", "esp32")
    check(code == 2 and "unknown board 'esp32'" in err, (code, err))
    code, err = mote("--board", "esp8266", "--flash-size", "3M")
    check(code == 2 and "--flash-size" in err, (code, err))
    code, err = mote("--board", "esp8266", "--bogus")
    check(code == 2 and "unknown option '--bogus'" in err, (code, err))
    odd = os.path.join(tmp, "odd.img")
    with open(odd, "wb") as f:
        f.write(b"\xff" * 1000)
    code, err = mote("--board", "esp8266", "--flash", odd)
    check(code == 2 and "not the flash image" in err, (code, err))
    b = Board(tmp, image="one.img")
    b.boot()
    code, err = mote("--board", "esp8266", "--flash", b.image)
    check(code == 2 and "in use by another board" in err, (code, err))
    b.close()
    code, err = mote("--board", "esp8266", "--flash", b.image, "--flash-size", "4M")
    check(code == 2 and "another flash size" in err, (code, err))
    out = subprocess.run([MOTE, "--help"], capture_output=True, timeout=TIMEOUT).stdout.decode()
    check("--board esp8266" in out, "--help")


# ---- the runner -------------------------------------------------------------------------------


def probe():
    """why no board can run with this binary (None: it can)"""
    if not os.access(MOTE, os.X_OK):
        return "%s is not built" % MOTE
    tmp = tempfile.mkdtemp(prefix="mote-board-")
    try:
        p = subprocess.run([MOTE, "--board", "esp8266", "--flash", os.path.join(tmp, "f.img"),
                            "--flash-size", "1M"], stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT, cwd=tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if p.returncode != 0 or b">>> " not in p.stdout:
        return "%s does not run the board (status %d): %s" % (
            MOTE, p.returncode, p.stderr.decode(errors="replace").strip()[-500:])
    return None


def run_case(fn):
    tmp = tempfile.mkdtemp(prefix="mote-board-")
    t0 = time.time()
    try:
        fn(tmp)
        return fn.__name__, "pass", "", time.time() - t0
    except Skip as e:
        return fn.__name__, "skip", str(e), time.time() - t0
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        where = next((f"line {f.lineno}" for f in reversed(tb) if f.name == fn.__name__), "")
        return fn.__name__, "fail", "%s: %s (%s)" % (type(e).__name__, e, where), time.time() - t0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    global MOTE, BOARD_ARGS, TIMEOUT
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mote", default=MOTE)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("-j", "--jobs", type=int, default=6)
    ap.add_argument("--board-arg", action="append", default=[],
                    help="one more option for every board, e.g. --board-arg=-Xgcstress "
                         "(timeouts are then 5 times longer)")
    ap.add_argument("names", nargs="*", help="run only the cases with these names")
    a = ap.parse_args()
    MOTE = os.path.abspath(a.mote)
    BOARD_ARGS = a.board_arg
    if BOARD_ARGS:
        TIMEOUT *= 5
    cases = [c for c in CASES if not a.names or c.__name__ in a.names]
    counts = {"pass": 0, "fail": 0, "skip": 0}
    problem = probe()
    if problem:
        print("board: " + problem)
        print("0 passed, 1 failed, 0 skipped")
        return 1
    with concurrent.futures.ThreadPoolExecutor(max(1, a.jobs)) as pool:
        for name, result, msg, secs in pool.map(run_case, cases):
            counts[result] += 1
            if result == "fail" or a.verbose or result == "skip":
                print("board/%s: %s%s (%.1f s)" % (name, result.upper(),
                                                   ": " + msg if msg else "", secs))
    print("%d passed, %d failed, %d skipped" % (counts["pass"], counts["fail"], counts["skip"]))
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
