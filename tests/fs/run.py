#!/usr/bin/env python3
# skip: the file-system tests run through this script (make test-fs), not as Mote programs
"""Tests of Mote's flash file system (fs/) against the host's FAT tools.

    tests/fs/run.py [--mote BINARY] [--cuts N] [--seed S] [--results FILE] [-v] [FILTER ...]

Needs mtools (mcopy, mdir) and dosfstools (mkfs.fat, fsck.fat). Builds build/tests/fs/fattool
(tests/fs/fattool.c over build/libmote.a) and runs:

  interop   images made by Mote's mkfs and filled by Mote are accepted by fsck.fat -n and
            read back by mtools; images made by mkfs.fat (FAT12/16/32) and filled by mcopy are
            read by Mote, changed by Mote, and then still accepted and read by the host tools.
  corrupt   damaged, truncated and random images: a clean error, never a crash.
  enospc    filling the volume: ENOSPC, and the volume stays consistent.
  mote      Mote programs (tests/fs/mote_*.py) using the board's os over the flash (through
            the unix port's vfstest module), compared with their .exp files.
  powerloss a writer process is cut at random moments (in the middle of a flash write or
            erase, or killed by SIGKILL) --cuts times; each time the image must mount (the
            journal is replayed), fsck.fat -n must report nothing, and every file closed
            before the cut must be byte-identical.

With --sanitize (implied when --mote names a binary in a `sanitize` directory, as tests/run.py
does for its sanitize target), fattool is built with AddressSanitizer and UBSan, and any
report fails the test that caused it.

The last line is `N passed, N failed, N skipped` (each cut counts as a test).
"""
import argparse
import difflib
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(ROOT, "tests", "fs")
BUILD = os.path.join(ROOT, "build")
WORK = os.path.join(BUILD, "tests", "fs", "work")
TOOL = os.path.join(BUILD, "tests", "fs", "fattool")
MOTE = os.path.join(BUILD, "mote")
CFLAGS = ["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-Wno-unused-parameter",
          "-Wno-missing-field-initializers", "-g", "-O2"]
INCLUDES = ["-I" + os.path.join(ROOT, d) for d in ("core", "lib", "repl", "fs", "machine",
                                                  "ports/unix", "build")]
VERBOSE = False


class Failure(Exception):
    pass


def run(cmd, check=True, input=None, timeout=120, env=None):
    """(status, stdout, stderr) of cmd; with check, a non-zero status is a Failure; a sanitizer
    report always is"""
    p = subprocess.run(cmd, input=input, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=timeout, env=env)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if "Sanitizer" in err or "runtime error:" in err:
        raise Failure("%s: sanitizer report\n%s" % (" ".join(cmd), err[-3000:]))
    if check and p.returncode != 0:
        raise Failure("%s: status %d\n%s%s" % (" ".join(cmd), p.returncode, out[-2000:],
                                               err[-2000:]))
    return p.returncode, out, err


def tool(img, *args, size=None, check=True, cut=None):
    cmd = [TOOL] + (["-s", str(size)] if size else ["-r"])
    if cut:
        cmd += ["--cut", str(cut)]
    return run(cmd + [img] + [str(a) for a in args], check=check)


# the C parts under test, compiled into the tool itself (the rest comes from libmote.a)
FS_C = ["flash.c", "journal.c", "fat.c", "fat_dir.c", "fat_file.c", "fat_mkfs.c"]


SAN_FLAGS = ["-fsanitize=address,undefined", "-fno-sanitize-recover=undefined",
             "-fno-omit-frame-pointer"]
SAN_ENV = {"ASAN_OPTIONS": "detect_leaks=0:abort_on_error=0",
           "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1"}


def build(sanitize=False):
    global TOOL
    lib = os.path.join(BUILD, "libmote.a")
    status, out, err = run(["make", "-s", "-C", ROOT, "build/libmote.a"], check=False,
                           timeout=600)
    if status and not os.path.exists(lib):
        raise Failure("make build/libmote.a failed:\n" + out[-2000:] + err[-2000:])
    if status:
        print("note: make build/libmote.a failed; using the existing archive for the core")
    srcs = [os.path.join(HERE, "fattool.c")] + [os.path.join(ROOT, "fs", f) for f in FS_C]
    newest = max(os.path.getmtime(p) for p in srcs + [lib] + [
        os.path.join(ROOT, "fs", h) for h in os.listdir(os.path.join(ROOT, "fs")) if h.endswith(".h")])
    flags = CFLAGS
    if sanitize:
        TOOL += "-san"
        flags = CFLAGS[:-1] + ["-O1"] + SAN_FLAGS
        os.environ.update(SAN_ENV)
    if not os.path.exists(TOOL) or os.path.getmtime(TOOL) < newest:
        os.makedirs(os.path.dirname(TOOL), exist_ok=True)
        run(["cc"] + flags + INCLUDES + ["-o", TOOL] + srcs + [lib, "-lm"], timeout=300)


def fresh(name):
    d = os.path.join(WORK, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


def fsck(img):
    status, out, err = run(["fsck.fat", "-n", img], check=False)
    if status != 0:
        raise Failure("fsck.fat -n %s: status %d\n%s%s" % (img, status, out, err))


def crc(data):
    return "%08x" % (zlib.crc32(data) & 0xffffffff)


def host_tree(root):
    """{path: ('F', size, crc) | ('D',)} of a host directory, paths as '/a/b'"""
    tree = {}
    for dirpath, dirs, files in os.walk(root):
        rel = "/" + os.path.relpath(dirpath, root) if dirpath != root else ""
        for d in dirs:
            tree[rel + "/" + d] = ("D",)
        for f in files:
            with open(os.path.join(dirpath, f), "rb") as fh:
                data = fh.read()
            tree[rel + "/" + f] = ("F", len(data), crc(data))
    return tree


def mote_tree(img, size=None):
    _, out, _ = tool(img, "tree", size=size)
    return parse_tree(out)


def parse_tree(text):
    tree = {}
    for line in text.splitlines():
        if line.startswith("D "):
            tree[line[2:]] = ("D",)
        elif line.startswith("F "):
            path, size, c = line[2:].rsplit(" ", 2)
            tree[path] = ("F", int(size), c)
    return tree


def casefold(tree):
    """mcopy extracts short-only names with non-ASCII letters in upper case (an mtools quirk)"""
    return {p.upper(): v for p, v in tree.items()}


def compare_trees(want, got, what):
    # FAT names are case-insensitive but keep their case: compare as they are
    if want != got:
        lines = []
        for p in sorted(set(want) | set(got)):
            if want.get(p) != got.get(p):
                lines.append("  %s: expected %s, got %s" % (p, want.get(p), got.get(p)))
        raise Failure("%s differ:\n%s" % (what, "\n".join(lines[:40])))


# ---------------------------------------------------------------------------------------
# interop

NAMES = ["boot.py", "main.py", "README.TXT", "readme2.txt", "MixedCase.Py", "A Long File Name.txt",
         "Long Name 1.txt", "Long Name 2.txt", "Long Name 3.txt", "x", "a.b.c.d", "spaces in name",
         "\u00fcn\u00efc\u00f6d\u00e9.txt", "\u65e5\u672c\u8a9e.txt", "Gr\u00fc\u00dfe \u20acuro.txt",
         "verylongname" * 8 + ".data", "UPPER.TXT", "lower.txt", "+plus;semi=eq[br].x",
         ".hidden", "trailing.dot"]
SIZES = [0, 1, 100, 511, 512, 513, 4095, 4096, 4097, 12345, 65536, 100001]


def make_host_tree(root, rng, n_files=30, depth=2):
    made = []
    dirs = [root]
    for i in range(depth):
        d = os.path.join(dirs[-1], ["lib", "Sub Directory \u00e9"][i % 2])
        os.makedirs(d)
        dirs.append(d)
    for i in range(n_files):
        d = rng.choice(dirs)
        name = NAMES[i % len(NAMES)]
        path = os.path.join(d, name)
        if os.path.exists(path):
            continue
        size = SIZES[i % len(SIZES)]
        with open(path, "wb") as f:
            f.write(rng.randbytes(size))
        made.append(path)
    return made


def test_mkfs(size):
    d = fresh("mkfs%d" % size)
    img = os.path.join(d, "flash.img")
    tool(img, "mkfs", size=size)
    fsck(img)
    expect = {1: 0x6B000, 2: 0x16B000, 4: 0x36B000}[size]
    if os.path.getsize(img) != expect:
        raise Failure("image holds %d bytes, not the user area %d" % (os.path.getsize(img), expect))
    run(["mdir", "-i", img, "::/"])
    _, out, _ = tool(img, "mount", size=size)
    if "journaled" not in out:
        raise Failure("no journal: " + out)


def test_mote_to_mtools():
    d = fresh("m2t")
    img = os.path.join(d, "flash.img")
    src = os.path.join(d, "src")
    os.makedirs(src)
    rng = random.Random(1)
    files = make_host_tree(src, rng)
    tool(img, "mkfs", size=4)
    for sub in sorted({os.path.dirname(f) for f in files} - {src}, key=len):
        tool(img, "mkdir", "/" + os.path.relpath(sub, src), size=4)
    for f in files:
        tool(img, "put", f, "/" + os.path.relpath(f, src), size=4)
    fsck(img)
    compare_trees(host_tree(src), mote_tree(img, 4), "Mote's view of what it wrote")
    out_dir = os.path.join(d, "out")
    os.makedirs(out_dir)
    run(["mcopy", "-s", "-n", "-i", img, "::/*", out_dir])
    compare_trees(casefold(host_tree(src)), casefold(host_tree(out_dir)), "files mcopy read back")
    # the short names mtools sees: unique, and ~N tails for the long ones
    _, out, _ = run(["mdir", "-i", img, "::/"])
    if "LONGNA~1" not in out.upper() or "LONGNA~2" not in out.upper():
        raise Failure("expected numeric-tail short names in:\n" + out)


def test_mote_mkfs_types(kb, clus, fat):
    """Mote's mkfs of FAT16/FAT32 volumes (raw images): fsck.fat and mtools accept them"""
    d = fresh("mkfs%d" % fat)
    img = os.path.join(d, "raw.img")
    with open(img, "wb") as f:
        f.truncate(kb * 1024)
    tool(img, "mkfs", clus)
    _, out, _ = tool(img, "mount")
    if "FAT%d" % fat not in out:
        raise Failure("expected FAT%d: %s" % (fat, out))
    src = os.path.join(d, "src")
    os.makedirs(src)
    files = make_host_tree(src, random.Random(fat + 100))
    for sub in sorted({os.path.dirname(f) for f in files} - {src}, key=len):
        tool(img, "mkdir", "/" + os.path.relpath(sub, src))
    for f in files:
        tool(img, "put", f, "/" + os.path.relpath(f, src))
    fsck(img)
    out_dir = os.path.join(d, "out")
    os.makedirs(out_dir)
    run(["mcopy", "-s", "-n", "-i", img, "::/*", out_dir])
    compare_trees(casefold(host_tree(src)), casefold(host_tree(out_dir)), "files mcopy read back")


def mkfs_fat(img, kb, fat, extra=()):
    if os.path.exists(img):
        os.remove(img)
    run(["mkfs.fat", "-C", "-F", str(fat)] + list(extra) + [img, str(kb)])


def test_mtools_to_mote(fat, kb, extra=()):
    d = fresh("t2m%d" % fat)
    img = os.path.join(d, "host.img")
    src = os.path.join(d, "src")
    os.makedirs(src)
    make_host_tree(src, random.Random(fat))
    mkfs_fat(img, kb, fat, extra)
    run(["mcopy", "-s", "-i", img] + [os.path.join(src, n) for n in os.listdir(src)] + ["::/"])
    fsck(img)
    want = host_tree(src)
    compare_trees(want, mote_tree(img), "Mote's view of an mcopy'd FAT%d image" % fat)
    # Mote changes it: new files, a new directory, renames, removals
    newf = os.path.join(d, "new.bin")
    with open(newf, "wb") as f:
        f.write(random.Random(5).randbytes(70000))
    tool(img, "mkdir", "/Made By Mote")
    tool(img, "put", newf, "/Made By Mote/new file.bin")
    shutil.copy(newf, os.path.join(src, "new-top.bin"))
    tool(img, "put", newf, "/new-top.bin")
    os.makedirs(os.path.join(src, "Made By Mote"))
    shutil.copy(newf, os.path.join(src, "Made By Mote", "new file.bin"))
    top = sorted(n for n in os.listdir(src) if os.path.isfile(os.path.join(src, n)))
    tool(img, "mv", "/" + top[0], "/lib/" + top[0] + " renamed")
    os.rename(os.path.join(src, top[0]), os.path.join(src, "lib", top[0] + " renamed"))
    tool(img, "rm", "/" + top[1])
    os.remove(os.path.join(src, top[1]))
    fsck(img)
    want = host_tree(src)
    compare_trees(want, mote_tree(img), "Mote's view after its changes")
    out_dir = os.path.join(d, "out")
    os.makedirs(out_dir)
    run(["mcopy", "-s", "-n", "-i", img, "::/*", out_dir])
    compare_trees(casefold(want), casefold(host_tree(out_dir)), "mcopy's view after Mote's changes")


# ---------------------------------------------------------------------------------------
# corrupt images


def expect_clean_error(img, *args, size=None):
    status, out, err = tool(img, *args, size=size, check=False)
    if status < 0 or status > 2 or "Sanitizer" in err or "runtime error" in err:
        raise Failure("%s on a corrupt image: status %d\n%s%s" % (args, status, out[-500:],
                                                                   err[-500:]))
    return status, out


def test_corrupt():
    d = fresh("corrupt")
    base = os.path.join(d, "base.img")
    mkfs_fat(base, 4096, 16, ["-s", "1"])
    src = os.path.join(d, "src")
    os.makedirs(src)
    make_host_tree(src, random.Random(3))
    run(["mcopy", "-s", "-i", base] + [os.path.join(src, n) for n in os.listdir(src)] + ["::/"])
    with open(base, "rb") as f:
        good = f.read()
    rsvd, nf, root_ent, fatsz = (int.from_bytes(good[14:16], "little"), good[16],
                                 int.from_bytes(good[17:19], "little"),
                                 int.from_bytes(good[22:24], "little"))
    fat, root = rsvd * 512, (rsvd + nf * fatsz) * 512
    data = root + root_ent * 32
    rng = random.Random(4)
    small = os.path.join(d, "small.bin")
    with open(small, "wb") as f:
        f.write(rng.randbytes(20000))

    def patch(b, off, new):
        return b[:off] + new + b[off + len(new):]

    cases = {
        "zero boot sector": lambda b: patch(b, 0, bytes(512)),
        "no signature": lambda b: patch(b, 510, b"\0\0"),
        "bytes per sector 0": lambda b: patch(b, 11, b"\0\0"),
        "sectors per cluster 3": lambda b: patch(b, 13, b"\3"),
        "no FATs": lambda b: patch(b, 16, b"\0"),
        "volume beyond the image": lambda b: patch(b, 19, (len(b) // 512 + 32).to_bytes(2, "little")),
        "random": lambda b: rng.randbytes(len(b)),
        "random FAT": lambda b: patch(b, fat, rng.randbytes(fatsz * 512)),
        "random root": lambda b: patch(b, root, rng.randbytes(root_ent * 32)),
        "random data": lambda b: patch(b, data, rng.randbytes(len(b) - data)),
        "FAT loop": lambda b: patch(b, fat + 4, b"\x03\x00\x02\x00" * 64),
        "FAT out of range": lambda b: patch(b, fat + 4, b"\xf0\xff" * 200),
    }
    for name, mutate in cases.items():
        img = os.path.join(d, "c.img")
        with open(img, "wb") as f:
            f.write(mutate(good))
        status, out = expect_clean_error(img, "tree")
        if name in ("zero boot sector", "no signature", "bytes per sector 0",
                    "sectors per cluster 3", "no FATs", "random") and "ENODEV" not in out:
            raise Failure("%s: expected ENODEV, got %r" % (name, out[-200:]))
        if name == "volume beyond the image" and "EIO" not in out:
            raise Failure("%s: expected EIO (truncated), got %r" % (name, out[-200:]))
        for args in (["put", small, "/new.bin"], ["mkdir", "/d"], ["rm", "/boot.py"],
                     ["mv", "/main.py", "/lib/m.py"], ["df"], ["tree"]):
            expect_clean_error(img, *args)
    # a truncated image: the volume says it is larger than the device
    img = os.path.join(d, "t.img")
    with open(img, "wb") as f:
        f.write(good[:65536])
    status, out = expect_clean_error(img, "tree")
    if "EIO" not in out:
        raise Failure("truncated image: expected EIO, got %r" % out)
    # random bit flips in the metadata
    for i in range(60):
        b = bytearray(good)
        for _ in range(rng.randrange(1, 50)):
            b[rng.randrange(0, data + 8192)] ^= 1 << rng.randrange(8)
        with open(img, "wb") as f:
            f.write(b)
        expect_clean_error(img, "tree")
        expect_clean_error(img, "put", small, "/x.bin")
        expect_clean_error(img, "rm", "/lib/x")


# ---------------------------------------------------------------------------------------
# running out of space


def test_enospc():
    d = fresh("enospc")
    img = os.path.join(d, "flash.img")
    tool(img, "mkfs", size=1)
    blob = os.path.join(d, "blob")
    with open(blob, "wb") as f:
        f.write(random.Random(9).randbytes(150000))
    tool(img, "put", blob, "/one.bin", size=1)
    tool(img, "put", blob, "/two.bin", size=1)
    status, out, _ = tool(img, "put", blob, "/three.bin", size=1, check=False)
    if status != 1 or "ENOSPC" not in out:
        raise Failure("third copy: expected ENOSPC, got status %d %r" % (status, out))
    fsck(img)
    tree = mote_tree(img, 1)
    want = ("F", 150000, crc(open(blob, "rb").read()))
    if tree.get("/one.bin") != want or tree.get("/two.bin") != want:
        raise Failure("closed files changed by ENOSPC: %s" % tree)
    _, df, _ = tool(img, "df", size=1)
    bsize, total, free = map(int, df.split())
    if free != total - 2 * -(-150000 // bsize):
        raise Failure("free space after the failed write (never closed): %s" % df)
    tool(img, "rm", "/two.bin", size=1)
    tool(img, "put", blob, "/three.bin", size=1)
    fsck(img)
    # a full root directory (FAT12: fixed size)
    for i in range(400):
        status, out, _ = tool(img, "mkdir", "/directory number %d" % i, size=1, check=False)
        if status:
            break
    if "ENOSPC" not in out:
        raise Failure("filling the root: expected ENOSPC, got %r" % out)
    fsck(img)


# ---------------------------------------------------------------------------------------
# Mote programs over the board's os


def test_mote_program(p):
    """tests/fs/mote_*.py under build/mote; expected: its .exp file, else what python3 prints
    for it (the programs run on the host's file system under python3)"""
    if not os.path.exists(MOTE):
        raise Failure("%s missing (make)" % MOTE)
    d = fresh("mote_" + p[:-3])
    path = os.path.join(HERE, p)
    exp_file = path[:-3] + ".exp"
    if os.path.exists(exp_file):
        with open(exp_file, encoding="utf-8") as f:
            exp = f.read()
    else:
        _, exp, _ = run([sys.executable, path], timeout=300)
    status, out, err = run([MOTE, path, d], check=False, timeout=300)
    if status != 0 or out != exp:
        diff = "\n".join(difflib.unified_diff(exp.splitlines(), out.splitlines(), "expected",
                                                "mote", lineterm=""))
        raise Failure("status %d\n%s\n%s" % (status, diff[:3000], err[-1500:]))
    for img in sorted(os.listdir(d)):
        if img.endswith(".img"):
            fsck(os.path.join(d, img))


# ---------------------------------------------------------------------------------------
# power loss


def parse_log(text, start):
    """(state before the unfinished operation, that operation or None), from the state the
    writer started with (its own snapshot, "S" lines, may be cut short: not used)"""
    state, pending = dict(start), None
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith("S "):
            continue
        if line.startswith("B "):
            kind, path = line[2], line[4:]
            pending = (kind, path)
            if kind == "R":
                if i >= len(lines) or lines[i] == "" and i == len(lines) - 1:
                    pending = ("R", path, None)  # cut while logging: treat as not started
                else:
                    pending = ("R", path, lines[i])
                    i += 1
        elif line == "E":
            pending = None
        elif line.startswith("F "):
            path, size, c = line[2:].rsplit(" ", 2)
            state[path] = ("F", int(size), c)
        elif line.startswith("D "):
            state[line[2:]] = ("D",)
        elif line.startswith("- "):
            state.pop(line[2:], None)
    return state, pending


def check_after_cut(state, pending, got):
    """raise Failure unless got (the tree after the cut) is allowed"""
    free = set()
    if pending:
        kind, path = pending[0], pending[1]
        if kind == "W":
            if state.get(path, ("F",))[0] == "F" and got.get(path, ("F",))[0] != "F":
                raise Failure("file being written became %s" % (got.get(path),))
            if path in state and path not in got:
                raise Failure("file being written vanished: %s" % path)
            free.add(path)
        elif kind == "R" and pending[2] is not None:
            a, b = path, pending[2]
            old = (got.get(a) == state.get(a) and got.get(b) == state.get(b))
            new = (a not in got and got.get(b) == state.get(a))
            if not (old or new):
                raise Failure("rename %s -> %s half done: %s %s / %s %s" % (
                    a, b, state.get(a), state.get(b), got.get(a), got.get(b)))
            free |= {a, b}
        elif kind == "X":
            if path in got and got[path] != state.get(path):
                raise Failure("file being removed changed: %s" % path)
            free.add(path)
        elif kind in "MQ":
            if path in got and got[path] != ("D",):
                raise Failure("directory being made/removed is %s" % (got[path],))
            free.add(path)
    bad = [p for p in sorted(set(state) | set(got)) if p not in free and state.get(p) != got.get(p)]
    if bad:
        raise Failure("closed files changed by the cut:\n" + "\n".join(
            "  %s: expected %s, got %s" % (p, state.get(p), got.get(p)) for p in bad[:20]))


def powerloss(n_cuts, seed, report, clus=0, tag=""):
    """n_cuts cuts of a writer on a 1 MB board's flash formatted with clusters of clus bytes
    (0: the default, one erase block; smaller ones make files share erase blocks)"""
    d = fresh("powerloss" + tag)
    img = os.path.join(d, "flash.img")
    log = os.path.join(d, "log.txt")
    size = 1
    tool(img, "mkfs", *([clus] if clus else []), size=size)
    rng = random.Random(seed)
    n_ops = 12
    # flash operations in one writer run, to spread the cuts over it
    _, out, _ = tool(img, "writer", rng.randrange(1 << 30), log, n_ops, size=size)
    per_run = int(out.split()[0])
    fsck(img)
    before = mote_tree(img, size)
    for i in range(n_cuts):
        name = "powerloss%s cut %d" % (tag, i + 1)
        wseed = rng.randrange(1 << 30)
        shutil.copy(img, img + ".before")
        cmd = "fattool -s %d %s writer %d %s %d" % (size, img + ".before", wseed, log, n_ops)
        try:
            if i % 5 == 4:
                # a real SIGKILL at a random moment
                p = subprocess.Popen([TOOL, "-s", str(size), img, "writer", str(wseed), log,
                                      str(n_ops)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
                time.sleep(rng.uniform(0, 0.03))
                p.send_signal(signal.SIGKILL)
                p.wait()
                how = "SIGKILL"
            else:
                cut = rng.randrange(1, int(per_run * 1.2) + 2)
                status, out, err = tool(img, "writer", wseed, log, n_ops, size=size, cut=cut,
                                        check=False)
                if status not in (0, 99):
                    raise Failure("writer failed (status %d) before the cut:\n%s%s" % (
                        status, out[-1000:], err[-1000:]))
                how = "cut at flash operation %d" % cut
                cmd = cmd.replace("fattool", "fattool --cut %d" % cut)
            with open(log, encoding="utf-8", errors="replace") as f:
                state, pending = parse_log(f.read(), before)
            tool(img, "mount", size=size)  # replays the journal
            fsck(img)
            after = mote_tree(img, size)
            check_after_cut(state, pending, after)
            fsck(img)
            before = after
            report(name, True, "seed %d, %s, pending %s" % (wseed, how, pending))
        except (Failure, subprocess.TimeoutExpired) as e:
            keep = os.path.join(d, "failed-%d" % (i + 1))
            shutil.copy(img, keep + ".img")
            shutil.copy(img + ".before", keep + ".before")
            shutil.copy(log, keep + ".log")
            report(name, False, "%s\n  (kept: %s.img after, .before, .log; the writer ran as\n"
                   "  %s): %s" % (how if "how" in dir() else "", keep, cmd, e))
            tool(img, "mkfs", *([clus] if clus else []), size=size)
            before = {}


# ---------------------------------------------------------------------------------------


def main():
    global VERBOSE
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("filters", nargs="*")
    ap.add_argument("--mote", help="the Mote binary for the mote_*.py programs (build/mote)")
    ap.add_argument("--cuts", type=int, default=200, help="power cuts (default 200)")
    ap.add_argument("--sanitize", action="store_true", help="fattool with ASan and UBSan")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--results")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    VERBOSE = args.verbose
    global MOTE
    if args.mote:
        MOTE = os.path.abspath(args.mote)
    sanitize = args.sanitize or os.path.basename(os.path.dirname(MOTE)) == "sanitize"
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    totals = [0, 0, 0]

    def report(name, ok, detail=""):
        if ok:
            totals[0] += 1
            if VERBOSE:
                print("pass %s %s" % (name, detail))
        else:
            totals[1] += 1
            print("FAIL %s: %s" % (name, detail))
        sys.stdout.flush()

    def skip(name, why):
        totals[2] += 1
        print("skip %s: %s" % (name, why))

    tests = [("interop mkfs 1M", lambda: test_mkfs(1)), ("interop mkfs 2M", lambda: test_mkfs(2)),
             ("interop mkfs 4M", lambda: test_mkfs(4)),
             ("interop mote -> mtools", test_mote_to_mtools),
             ("interop mote mkfs FAT16", lambda: test_mote_mkfs_types(8192, 512, 16)),
             ("interop mote mkfs FAT32", lambda: test_mote_mkfs_types(40960, 512, 32)),
             ("interop mtools -> mote FAT12", lambda: test_mtools_to_mote(12, 1024)),
             ("interop mtools -> mote FAT16", lambda: test_mtools_to_mote(16, 16384, ["-s", "2"])),
             ("interop mtools -> mote FAT32", lambda: test_mtools_to_mote(32, 40960, ["-s", "1"])),
             ("corrupt images", test_corrupt), ("enospc", test_enospc)]
    tests += [("mote " + p[:-3], (lambda p: lambda: test_mote_program(p))(p))
              for p in sorted(os.listdir(HERE)) if p.startswith("mote_") and p.endswith(".py")]
    try:
        build(sanitize)
    except Failure as e:
        report("build fattool", False, str(e))
        tests = []
    for name, fn in tests:
        if args.filters and not any(f in name for f in args.filters):
            continue
        missing = [t for t in ("mcopy", "mdir", "mkfs.fat", "fsck.fat") if not shutil.which(t)]
        if name.startswith("mote ") and MOTE.endswith(".elf"):
            skip(name, "needs the host's mote (vfstest), not %s" % os.path.basename(MOTE))
            continue
        if missing:
            skip(name, "missing host tools: " + " ".join(missing))
            continue
        t0 = time.time()
        try:
            fn()
            report(name, True, "%.1fs" % (time.time() - t0))
        except (Failure, subprocess.TimeoutExpired) as e:
            report(name, False, str(e))
    if tests and (not args.filters or any("powerloss" in f for f in args.filters)):
        if not shutil.which("fsck.fat"):
            skip("powerloss", "fsck.fat missing")
        else:
            t0 = time.time()
            half = args.cuts // 2
            powerloss(args.cuts - half, seed, report)
            powerloss(half, seed + 1, report, clus=1024, tag=" 1K clusters")
            print("powerloss: %d cuts in %.0fs (seed %d)" % (args.cuts, time.time() - t0, seed))
    line = "%d passed, %d failed, %d skipped" % tuple(totals)
    if args.results:
        with open(args.results, "w") as f:
            f.write("%d %d %d\n" % tuple(totals))
    print(line)
    return 1 if totals[1] else 0


if __name__ == "__main__":
    sys.exit(main())
