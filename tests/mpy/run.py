#!/usr/bin/env python3
"""Tests of precompiled bytecode (.mpy files, mote-cross, frozen modules).

    tests/mpy/run.py [--mote BINARY] [--cross BINARY] [-v] [FILTER ...]

mote-cross defaults to the mote-cross beside the mote binary. Cases:
  roundtrip:PROG[:ARCH]  each tests/mpy/progs/*.py imported from source and from its .mpy
                         (host, -march=lx106 and -O builds of it): same stdout, stderr, status
  order:*                source before .mpy on the same sys.path entry; .mpy found alone
  wordsize:*             -march=lx106 / -msmall-int-bits=31 files: header, big-int constants
  bad:*                  truncated, corrupted, wrong-version and wrong-feature files raise
                         ValueError "incompatible .mpy file: ..." on import, never crash
  crafted:*              hand-made files with a valid checksum (stack underflow and overflow,
                         jumps out of the code or into an instruction, bad indices, unknown
                         opcodes, misused stack slots ...): the verifier's ValueError
  lang:verified          every tests/lang program cross-compiles to a file the verifier passes
  mutate:*               every byte of a small file changed with a valid checksum: ValueError
                         or a clean run, never a crash
  frozen:*               the build under test freezes _boot and inisetup as bytecode; (tests/mpy/
                         frozen_check.sh) a frozen module is rebuilt when it changes, and make
                         regenerates the tables when the generator, the compiler or the
                         manifest changes
The last line is `N passed, N failed, N skipped`.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
HEADER_LEN = 12

results = {"pass": 0, "fail": 0, "skip": 0}
verbose = False


def report(name, ok, why=""):
    results["pass" if ok else "fail"] += 1
    if not ok or verbose:
        print("%s %s%s" % ("PASS" if ok else "FAIL", name, ("\n    " + why.replace("\n", "\n    ")) if why else ""))


def skip(name, why):
    results["skip"] += 1
    print("SKIP %s: %s" % (name, why))


def run(cmd, cwd, timeout=60):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return "timeout", "", ""


def cross(args, src, out, cwd):
    status, o, e = run([CROSS] + args + ["-o", out, src], cwd)
    if status != 0:
        raise RuntimeError("mote-cross %s failed: %s%s" % (src, o, e))
    with open(os.path.join(cwd, out), "rb") as f:
        return f.read()


def import_in(d, mod, opts=()):
    return run([MOTE] + list(opts) + ["-c", "import " + mod], d)


def crc_fixed(data):
    crc = zlib.crc32(data[HEADER_LEN:]) & 0xFFFFFFFF
    return data[:8] + crc.to_bytes(4, "little") + data[HEADER_LEN:]


# ---- round trips -----------------------------------------------------------------------

ARCHES = {"host": ([], []), "lx106": (["-march=lx106"], []), "O": (["-O"], ["-O"])}


def roundtrip(tmp, prog, arch):
    name = "roundtrip:%s:%s" % (prog, arch)
    cross_opts, mote_opts = ARCHES[arch]
    mod = "m_" + prog[:-3]
    src_dir, mpy_dir = os.path.join(tmp, name + "-src"), os.path.join(tmp, name + "-mpy")
    for d in (src_dir, mpy_dir):
        os.makedirs(d)
    shutil.copy(os.path.join(HERE, "progs", prog), os.path.join(src_dir, mod + ".py"))
    cross(cross_opts, mod + ".py", os.path.join(mpy_dir, mod + ".mpy"), src_dir)
    want = import_in(src_dir, mod, mote_opts)
    got = import_in(mpy_dir, mod)
    ok = want == got and isinstance(got[0], int) and got[0] >= 0
    report(name, ok, "" if ok else "source: %r\nmpy:    %r" % (want, got))


# ---- search order ----------------------------------------------------------------------


def order(tmp):
    d = os.path.join(tmp, "order")
    os.makedirs(os.path.join(d, "only"))
    with open(os.path.join(d, "both.py"), "w") as f:
        f.write("print('from source')\n")
    with open(os.path.join(d, "other.py"), "w") as f:
        f.write("print('from mpy')\n")
    cross([], "other.py", "both.mpy", d)
    cross([], "other.py", "only/alone.mpy", d)
    got = import_in(d, "both")
    report("order:source-first", got[1] == "from source\n", repr(got))
    got = run([MOTE, "-c", "import sys; sys.path.append('only'); import alone; print(alone.__file__)"], d)
    report("order:mpy-alone", got[1] == "from mpy\nonly/alone.mpy\n", repr(got))
    # a package of .mpy files: __init__.mpy, a submodule, a relative import between them
    os.makedirs(os.path.join(d, "src", "pk"))
    os.makedirs(os.path.join(d, "pk"))
    with open(os.path.join(d, "src", "pk", "__init__.py"), "w") as f:
        f.write("from .sub import VALUE\nprint('pk init', VALUE)\n")
    with open(os.path.join(d, "src", "pk", "sub.py"), "w") as f:
        f.write("VALUE = 42\n")
    cross([], "src/pk/__init__.py", "pk/__init__.mpy", d)
    cross([], "src/pk/sub.py", "pk/sub.mpy", d)
    got = run([MOTE, "-c", "import pk.sub; print(pk.sub.VALUE, pk.__name__)"], d)
    report("order:package", got[1] == "pk init 42\n42 pk\n", repr(got))


# ---- word size ---------------------------------------------------------------------------


def wordsize(tmp):
    d = os.path.join(tmp, "wordsize")
    os.makedirs(d)
    with open(os.path.join(d, "w.py"), "w") as f:
        f.write("X = 1099511627776\nY = -1073741825\nZ = 1073741823\nprint(X, Y, Z, X * X)\n")
    host = cross([], "w.py", "host.mpy", d)
    lx = cross(["-march=lx106"], "w.py", "lx.mpy", d)
    bits = cross(["-msmall-int-bits=31"], "w.py", "bits.mpy", d)
    report("wordsize:header", host[3] == 63 and lx[3] == 31, "host %d lx106 %d" % (host[3], lx[3]))
    report("wordsize:same-option", lx == bits)
    # 2**40 and -(2**30)-1 are small ints on the host but big ints (kind 'I') for lx106
    report("wordsize:big-consts", lx.count(b"I") >= host.count(b"I") + 2 and len(lx) > len(host))
    want = import_in(d, "w")
    for f in ("host", "lx"):
        shutil.copy(os.path.join(d, f + ".mpy"), os.path.join(d, "w_" + f + ".mpy"))
        got = import_in(d, "w_" + f)
        report("wordsize:run-" + f, got == want, "%r != %r" % (got, want))


# ---- bad files ---------------------------------------------------------------------------

CATCH = ("import sys\ntry:\n    import bad\n    print('imported')\n"
         "except ValueError as e:\n    print('ValueError', e)\n")


def try_bad(d, data):
    with open(os.path.join(d, "bad.mpy"), "wb") as f:
        f.write(data)
    return run([MOTE, "-c", CATCH], d, timeout=20)


def expect_value_error(name, d, data, words=()):
    status, out, err = try_bad(d, data)
    ok = status == 0 and out.startswith("ValueError incompatible .mpy file") and all(
        w in out for w in words)
    report(name, ok, "" if ok else "status %r out %r err %r" % (status, out, err[-300:]))


def bad(tmp):
    d = os.path.join(tmp, "bad")
    os.makedirs(d)
    shutil.copy(os.path.join(HERE, "progs", "nested.py"), os.path.join(d, "good.py"))
    good = cross([], "good.py", "good.mpy", d)
    for n in sorted({0, 1, 2, 5, 11, 12, 13, 20, len(good) // 2, len(good) - 1}):
        expect_value_error("bad:truncated-%d" % n, d, good[:n])
    for n in (1, 8):  # cut with the checksum recomputed: the structure itself is checked
        expect_value_error("bad:truncated-crc-%d" % n, d, crc_fixed(good[:-n]))
    expect_value_error("bad:trailing", d, crc_fixed(good + b"\0"), ["trailing"])
    for pos in (12, 20, len(good) // 3, len(good) // 2, len(good) - 2):
        data = bytearray(good)
        data[pos] ^= 0x55
        expect_value_error("bad:corrupted-%d" % pos, d, bytes(data), ["checksum"])
    data = bytearray(good)
    data[2] = 99
    expect_value_error("bad:version", d, bytes(data), ["version 99"])
    data = bytearray(good)
    data[3] = 127
    expect_value_error("bad:int-bits", d, bytes(data), ["127-bit small ints"])
    data = bytearray(good)
    data[4] = 7
    expect_value_error("bad:float-format", d, bytes(data), ["float format"])
    data = bytearray(good)
    data[5] ^= 1
    expect_value_error("bad:opcodes", d, bytes(data), ["opcode"])
    expect_value_error("bad:magic", d, b"XT" + good[2:], ["not a .mpy"])
    data = bytearray(good)
    data[HEADER_LEN + 2] = 0xFF  # first byte of the first name (count and length < 128)
    expect_value_error("bad:name-utf8", d, crc_fixed(bytes(data)), ["UTF-8"])
    expect_value_error("bad:source-text", d, b"print('hi')\n")


# ---- crafted files: the verifier (core/persist.c) ------------------------------------------


def opcodes():
    """opcode name -> number, from the MT_OPCODES list of core/bytecode.h"""
    import re
    with open(os.path.join(ROOT, "core", "bytecode.h")) as f:
        text = f.read()
    text = text[text.index("#define MT_OPCODES(X)"):]
    names = re.findall(r"X\((\w+), \w+, \d+, \d+, \w+, \w+\)", text)
    return {n: i for i, n in enumerate(names)}


def uint(x):
    out = bytearray()
    while True:
        out.append((x & 0x7F) | (0x80 if x > 0x7F else 0))
        x >>= 7
        if not x:
            return bytes(out)


def craft(ops, code, stack=4, blocks=0, flags=0x80, n_locals=0, consts=b"", n_consts=0,
          n_names=1):
    """a one-code-object module: `code` (bytes or a list of opcode names and raw ints)"""
    if isinstance(code, list):
        code = bytes(ops[x] if isinstance(x, str) else x & 0xFF for x in code)
    names = [b"<module>", b"crafted.py", b"x"]
    body = b"".join(uint(x) for x in (flags, 0, 0, 0, blocks, n_locals, 0, stack, 1))
    body += uint(0) + uint(0) + uint(1)  # name, qualname, filename
    body += uint(n_names) + uint(2) * n_names  # names: x (n_names times)
    body += uint(2) * n_locals  # varnames
    body += uint(len(code)) + code + uint(0) + uint(n_consts) + consts
    table = uint(len(names)) + b"".join(uint(len(n)) + n for n in names)
    head = b"MT\x01" + bytes([63, 1, len(ops), 0, 0]) + b"\0\0\0\0"
    return crc_fixed(head + table + body)


# name: (code, words of the message, craft() options)
CRAFTED = {
    "underflow": (["POP_TOP", "LOAD_NONE", "RETURN_VALUE"], ["stack underflow"], {}),
    "overflow": (["LOAD_NONE", "LOAD_NONE", "LOAD_NONE", "POP_TOP", "POP_TOP", "RETURN_VALUE"],
                 ["stack overflow"], {"stack": 2}),
    "jump-out": (["JUMP", 100, 0, "LOAD_NONE", "RETURN_VALUE"], ["jump out of the code"], {}),
    "jump-back-out": (["JUMP", 0xF0, 0xFF], ["jump out of the code"], {}),
    "jump-mid": (["LOAD_CONST", 0, "POP_TOP", "JUMP", 0xFB, 0xFF], ["middle of an instruction"],
                 {"consts": b"n", "n_consts": 1}),
    "const-index": (["LOAD_CONST", 5, "RETURN_VALUE"], ["operand out of range"],
                    {"consts": b"n", "n_consts": 1}),
    "name-index": (["LOAD_NAME", 1, "RETURN_VALUE"], ["operand out of range"], {}),
    "local-index": (["LOAD_FAST", 3, "RETURN_VALUE"], ["operand out of range"], {"n_locals": 1}),
    "unknown-opcode": ([250, "LOAD_NONE", "RETURN_VALUE"], ["unknown opcode"], {}),
    "off-the-end": (["LOAD_NONE", "POP_TOP"], ["runs off its end"], {}),
    "merge-depth": (["LOAD_TRUE", "POP_JUMP_IF_TRUE", 1, 0, "LOAD_NONE", "LOAD_NONE",
                     "RETURN_VALUE"], ["differ where paths meet"], {}),
    "handler-overflow": (["LOAD_NONE", "SETUP_HANDLER", 2, 0, "RETURN_VALUE", "POP_TOP",
                          "RETURN_VALUE"], ["stack overflow"], {"stack": 1, "blocks": 1}),
    "block-overflow": (["SETUP_HANDLER", 0, 0, "LOAD_NONE", "RETURN_VALUE"],
                       ["block stack overflow"], {"blocks": 0}),
    "pop-block": (["POP_BLOCK", "LOAD_NONE", "RETURN_VALUE"], ["POP_BLOCK without"], {}),
    "below-block": (["LOAD_NONE", "SETUP_HANDLER", 3, 0, "POP_TOP", "LOAD_NONE",
                     "RETURN_VALUE", "RETURN_VALUE"], ["below a block"], {"blocks": 1}),
    "null-self": (["LOAD_NONE", "LOAD_METHOD", 0, "ROT_TWO", "POP_TOP", "RETURN_VALUE"],
                  ["wrong kind"], {}),
    "iter-escape": (["LOAD_NONE", "GET_ITER_STACK", "DUP_TOP", "RETURN_VALUE"], ["wrong kind"],
                    {"stack": 8}),
    "iter-shuffle": (["LOAD_NONE", "GET_ITER_STACK", "ROT_TWO", "FOR_ITER", 0, 0, "RETURN_VALUE"],
                     ["wrong kind"], {"stack": 8}),
    "kw-name": (["LOAD_NONE", "LOAD_NONE", "LOAD_NONE", "CALL_FUNCTION", 0, 1, "RETURN_VALUE"],
                ["wrong kind"], {}),
    "fake-exc": (["LOAD_NONE", "PUSH_EXC_INFO", "RERAISE_EXC"], ["wrong kind"], {}),
    "deref-plain": (["LOAD_DEREF", 0, "RETURN_VALUE"], ["cell access"], {"n_locals": 1}),
    "fast-cell": (["MAKE_CELL", 0, "LOAD_FAST", 0, "RETURN_VALUE"], ["plain access"],
                  {"n_locals": 1}),
    "late-cell": (["LOAD_NONE", "MAKE_CELL", 0, "RETURN_VALUE"], ["MAKE_CELL after"],
                  {"n_locals": 1}),
    "yield": (["LOAD_NONE", "YIELD_VALUE", "RETURN_VALUE"], ["yield outside"], {}),
    "binop": (["LOAD_NONE", "LOAD_NONE", "BINARY_OP", 200, "RETURN_VALUE"], ["bad operand"], {}),
    "long-operand": (["LOAD_CONST", 0x80, 0x80, 0x80, 0x80, 0x80, 0, "RETURN_VALUE"],
                     ["operand too long"], {"consts": b"n", "n_consts": 1}),
    "generator-module": (["LOAD_NONE", "RETURN_VALUE"], ["not a module"], {"flags": 0x84}),
    # consts + names + varnames past the code object's 16-bit table size (found by review)
    "tables-too-large": (["LOAD_NONE", "RETURN_VALUE"], ["tables too large"],
                         {"consts": b"n" * 0x7FFF, "n_consts": 0x7FFF, "n_names": 0x7FFF,
                          "n_locals": 0xFFFF}),
}


def crafted(tmp):
    """hand-made files with a valid checksum that the verifier must refuse"""
    d = os.path.join(tmp, "crafted")
    os.makedirs(d)
    ops = opcodes()
    ok = craft(ops, ["LOAD_NONE", "RETURN_VALUE"])
    status, out, err = try_bad(d, ok)
    report("crafted:valid", status == 0 and out == "imported\n", repr((status, out, err)))
    for name, (code, words, opts) in sorted(CRAFTED.items()):
        expect_value_error("crafted:" + name, d, craft(ops, code, **opts), words)
    # verified code meets the VM's type checks: BUILD_STRING of bytes is a TypeError, never a
    # str holding bytes that are not UTF-8 (found by review)
    b2s = craft(ops, ["LOAD_CONST", 0, "BUILD_STRING", 1, "RETURN_VALUE"],
                consts=b"b" + uint(7) + b"\x80" * 7, n_consts=1)
    status, out, err = try_bad(d, b2s)
    report("crafted:bytes-to-str", status != 0 and "TypeError: must be str, not bytes" in err,
           repr((status, out, err[-300:])))


def lang(tmp):
    """every tests/lang program compiles to a file that passes the verifier (mote-cross loads
    what it writes before writing it: a refused file is a ValueError and exit status 1)"""
    d = os.path.join(tmp, "lang")
    os.makedirs(d)
    lang_dir = os.path.join(ROOT, "tests", "lang")
    progs = sorted(f for f in os.listdir(lang_dir) if f.endswith(".py"))
    failed = []
    for prog in progs:
        src = os.path.join(lang_dir, prog)
        status, o, e = run([CROSS, "-o", os.path.join(d, "t.mpy"), src], d)
        if status != 0 and "ValueError" in e:
            failed.append("%s: %s" % (prog, e.strip().splitlines()[-1]))
    report("lang:verified", not failed, "\n".join(failed[:20]))


def mutate(tmp):
    """every byte of a small file changed (checksum fixed): ValueError or a run, no crash"""
    d = os.path.join(tmp, "mutate")
    os.makedirs(d)
    with open(os.path.join(d, "s.py"), "w") as f:
        f.write("def f(a, b=2):\n    return [a + i for i in range(b)]\n"
                "class C:\n    x = (1, 'a', 2.5, 2**70)\nprint(f(1), C.x)\n")
    good = cross([], "s.py", "s.mpy", d)
    crashes = []
    for pos in range(HEADER_LEN, len(good)):
        for x in (0x01, 0x80, 0xFF):
            data = bytearray(good)
            data[pos] ^= x
            status, out, err = try_bad(d, crc_fixed(bytes(data)))
            if (not isinstance(status, int) or status < 0 or "Sanitizer" in err
                    or "runtime error:" in err):
                crashes.append("byte %d ^ 0x%02x: status %r %s" % (pos, x, status, err[-200:]))
    report("mutate:every-byte", not crashes, "\n".join(crashes[:10]))


# ---- frozen modules ------------------------------------------------------------------------


def frozen_boot():
    """the build under test freezes the board's boot modules as bytecode (no source path)"""
    gen = os.path.join(os.path.dirname(MOTE), "frozen", "frozen_mpy.c")
    if not os.path.exists(gen):
        skip("frozen:boot-modules", "no %s" % gen)
        return
    with open(gen) as f:
        text = f.read()
    for mod in ("_boot", "inisetup"):
        report("frozen:bytecode-" + mod, '{"%s", &' % mod in text, gen)


def frozen(tmp):
    frozen_boot()
    script = os.path.join(HERE, "frozen_check.sh")
    if not os.path.exists(script):
        skip("frozen:stale", "no frozen_check.sh")
        return
    status, out, err = run(["sh", script, tmp], ROOT, timeout=900)
    for line in out.splitlines():
        if line.startswith(("PASS ", "FAIL ")):
            report(line[5:], line.startswith("PASS"), err[-2000:] if line.startswith("FAIL") else "")
        elif line.startswith("SKIP "):
            skip(line[5:], "")
    if status != 0 and "FAIL" not in out:
        report("frozen:script", False, out[-1000:] + err[-2000:])


def main():
    global MOTE, CROSS, STRICT, verbose
    ap = argparse.ArgumentParser()
    ap.add_argument("--mote", default=os.path.join(ROOT, "build", "mote"))
    ap.add_argument("--cross")
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--strict", action="store_true", help="(kept for old scripts: no effect)")
    ap.add_argument("filters", nargs="*")
    a = ap.parse_args()
    verbose = a.v
    STRICT = a.strict
    MOTE = os.path.abspath(a.mote)
    CROSS = os.path.abspath(a.cross or os.path.join(os.path.dirname(MOTE), "mote-cross"))
    groups = {"roundtrip": None, "order": order, "wordsize": wordsize, "bad": bad,
              "crafted": crafted, "lang": lang, "mutate": mutate, "frozen": frozen}
    want = lambda g: not a.filters or any(f in g for f in a.filters)
    if not os.path.exists(CROSS):
        for g in groups:
            skip(g, "no %s (make builds it)" % CROSS)
    else:
        with tempfile.TemporaryDirectory(prefix="mote-mpy-") as tmp:
            if want("roundtrip"):
                for prog in sorted(os.listdir(os.path.join(HERE, "progs"))):
                    if prog.endswith(".py"):
                        for arch in ARCHES:
                            roundtrip(tmp, prog, arch)
            for g, fn in groups.items():
                if fn and want(g):
                    try:
                        fn(tmp)
                    except Exception as e:  # a broken tool is a failure, not a crash
                        report(g, False, "%s: %s" % (type(e).__name__, e))
    print("%d passed, %d failed, %d skipped" % (results["pass"], results["fail"], results["skip"]))
    sys.exit(1 if results["fail"] else 0)


if __name__ == "__main__":
    main()
