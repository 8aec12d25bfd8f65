#!/usr/bin/env python3
"""Code and data size of Mote per layer (core, lib, fs, repl, machine, port).

    tools/size.py [--host BUILD_DIR] [--lx106 build/lx106/mote.elf]

Host: `size` of the object files under BUILD_DIR/obj, summed per layer (what each layer
compiles to; the linked binary's total is shown too).
lx106: what the linker kept of each object, from the link map next to the ELF (mote.map),
so code that --gc-sections dropped is not counted; flash = text + rodata + data,
RAM = data + bss (the GC heap is part of the port's bss).
"""
import argparse
import os
import re
import subprocess
import sys

LAYERS = ["core", "lib", "fs", "repl", "machine", "port", "libc"]


def layer_of(path):
    path = path.replace("\\", "/")
    m = re.search(r"/obj/([^/]+)/", path)
    if not m:
        return "libc"
    top = m.group(1)
    return "port" if top == "ports" else top if top in LAYERS else "other"


def table(title, cols, rows):
    print(title)
    print("  %-8s" % "layer" + "".join("%10s" % c for c in cols))
    total = [0] * len(cols)
    for name in LAYERS + ["other"]:
        if name not in rows:
            continue
        vals = rows[name]
        total = [t + v for t, v in zip(total, vals)]
        print("  %-8s" % name + "".join("%10d" % v for v in vals))
    print("  %-8s" % "total" + "".join("%10d" % v for v in total))


def host_sizes(build):
    objs = []
    for dirpath, _, files in os.walk(os.path.join(build, "obj")):
        objs += [os.path.join(dirpath, f) for f in files
                 if f.endswith(".o") and layer_of(os.path.join(dirpath, f)) != "other"]
    if not objs:
        print("no objects under %s/obj: build first" % build)
        return
    out = subprocess.check_output(["size"] + sorted(objs)).decode()
    rows = {}
    for line in out.splitlines()[1:]:
        f = line.split()
        if len(f) < 6:
            continue
        vals = [int(f[0]), int(f[1]), int(f[2])]
        r = rows.setdefault(layer_of(f[5]), [0, 0, 0])
        rows[layer_of(f[5])] = [a + b for a, b in zip(r, vals)]
    table("host objects (%s/obj), bytes:" % build, ["text", "data", "bss"], rows)
    binary = os.path.join(build, "mote")
    if os.path.exists(binary):
        f = subprocess.check_output(["size", binary]).decode().splitlines()[1].split()
        print("  linked %s: text %s, data %s, bss %s" % (binary, f[0], f[1], f[2]))


# an input section in a GNU ld map: " .text.name  0xADDR  0xSIZE  file" (name may be on the
# line before, alone, when it is long)
INPUT = re.compile(r"^ (\S+)?\s+0x([0-9a-f]+)\s+0x([0-9a-f]+)\s+(\S.*)$")
OUTPUT = re.compile(r"^(\.\S+)\s+0x[0-9a-f]+\s+0x[0-9a-f]+")


def map_sizes(map_path):
    """{layer: [text, rodata, data, bss]} from a link map."""
    rows = {}
    out_sec, pending = None, None
    in_map = False
    with open(map_path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("Linker script and memory map"):
                in_map = True
                continue
            if not in_map:
                continue
            m = OUTPUT.match(line)
            if m or re.match(r"^\.\S+$", line):
                out_sec = (m.group(1) if m else line.strip())
                continue
            if re.match(r"^ \.\S+$", line) or re.match(r"^ COMMON$", line):
                pending = line.strip()
                continue
            m = INPUT.match(line)
            if not m:
                pending = None
                continue
            name = m.group(1) or pending
            pending = None
            size = int(m.group(3), 16)
            if not name or size == 0 or name.startswith("*"):
                continue
            if out_sec in (".irom", ".iram", ".resetvec"):
                col = 1 if name.startswith(".rodata") else 0
            elif out_sec == ".data":
                col = 2
            elif out_sec == ".bss":
                col = 3
            else:
                continue
            r = rows.setdefault(layer_of(m.group(4)), [0, 0, 0, 0])
            r[col] += size
    return rows


def lx106_sizes(elf):
    map_path = os.path.splitext(elf)[0] + ".map"
    if not os.path.exists(map_path):
        print("no link map %s: make lx106 first" % map_path)
        return
    rows = map_sizes(map_path)
    table("lx106 firmware (%s, linked), bytes:" % elf, ["text", "rodata", "data", "bss"], rows)
    t = [sum(r[i] for r in rows.values()) for i in range(4)]
    print("  flash %d bytes (text + rodata + data), RAM %d bytes of 80 KB (data + bss)" % (
        t[0] + t[1] + t[2], t[2] + t[3]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--host", metavar="BUILD_DIR")
    ap.add_argument("--lx106", metavar="ELF")
    args = ap.parse_args()
    if not args.host and not args.lx106:
        ap.print_help()
        return 2
    if args.host:
        host_sizes(args.host)
    if args.lx106:
        if args.host:
            print()
        lx106_sizes(args.lx106)
    return 0


if __name__ == "__main__":
    sys.exit(main())
