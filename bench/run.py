#!/usr/bin/env python3
"""Run the benchmark programs under Mote and CPython and compare them.

    bench/run.py [--mote build/mote] [--repeat N] [--callgrind] [--record] [NAME ...]

For each bench/programs/*.py: wall time (best of --repeat runs), peak RSS of each
interpreter, and Mote's peak GC-heap use (reported by `mote` at exit when MOTE_HEAP_STATS=1
is set), plus the time of `mote -c pass` (start-up). Outputs of the two interpreters are
compared: a program whose output differs is marked and left out of the means.
With --callgrind, instruction counts from valgrind --tool=callgrind replace wall time as the
measure (they do not drift with machine load). Ratios are Mote / CPython (lower is better
for Mote); the last row is their geometric mean.
--record appends the table to bench/RESULTS.md with the commit id and date.
"""
import argparse
import math
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "bench", "programs")
RESULTS = os.path.join(ROOT, "bench", "RESULTS.md")
TIMEOUT = 600
# what `mote` prints on stderr at exit with MOTE_HEAP_STATS=1, e.g. "heap: peak 123456 bytes",
# or micropython.mem_info() prints ("GC: peak used: 123456, ...")
PEAK_HEAP = re.compile(rb"peak[ _a-z]*[:=]?\s*(\d+)")
# when mote has no MOTE_HEAP_STATS: run the program through exec() and ask mem_info (this
# counts the program's source text too)
HEAP_PROBE = ("import micropython\n"
              "exec(open(%r).read(), {'__name__': '__main__'})\n"
              "micropython.mem_info(1)\n")
COLLECTED = re.compile(rb"Collected\s*:\s*(\d+)")


class Run:
    def __init__(self, out=b"", err=b"", status=0, seconds=0.0, rss_kb=0, instructions=0):
        self.out, self.err, self.status = out, err, status
        self.seconds, self.rss_kb, self.instructions = seconds, rss_kb, instructions


def run_once(cmd, env=None):
    """Run cmd to completion; time it, and take its peak RSS from GNU time (a child forked
    straight from this Python process would report this process's RSS as its own peak)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as rss:
        t0 = time.perf_counter()
        try:
            p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name] + cmd, cwd=ROOT,
                               env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                               timeout=TIMEOUT)
            status = p.returncode
        except subprocess.TimeoutExpired:
            status = -9
        seconds = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        m = re.search(r"(\d+)\s*$", rss.read())
        return Run(out.read(), err.read(), status, seconds, int(m.group(1)) if m else 0)


def measure(cmd, repeat, callgrind, env=None):
    if callgrind:
        # instructions under callgrind; time, RSS and heap from a plain run
        vg = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
        m = COLLECTED.search(run_once(vg + cmd, env).err)
        r = run_once(cmd, env)
        r.instructions = int(m.group(1)) if m else 0
        return r
    best = None
    for _ in range(repeat):
        r = run_once(cmd, env)
        if best is None or r.seconds < best.seconds:
            best = r
    return best


def geomean(xs):
    xs = [x for x in xs if x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else 0.0


def fmt_count(n):
    return "%.1fM" % (n / 1e6) if n >= 1e6 else "%d" % n


def fmt_kb(kb):
    return "%.1f MB" % (kb / 1024) if kb >= 1024 else "%d KB" % kb


def fmt_bytes(n):
    if n is None:
        return "-"
    return "%.1f KB" % (n / 1024) if n < 1 << 20 else "%.2f MB" % (n / (1 << 20))


def table(rows, callgrind):
    measure_name = "instructions" if callgrind else "time"
    head = ["program", "mote " + measure_name, "cpython " + measure_name, "ratio",
            "mote RSS", "cpython RSS", "mote peak heap", "output"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        lines.append("| " + " | ".join(r) + " |")
    return "\n".join(lines)


def commit_id():
    """HEAD's short id, with +dirty when tracked files differ from it"""
    try:
        head = subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                       stderr=subprocess.DEVNULL).decode().strip()
        dirty = subprocess.check_output(["git", "status", "--porcelain", "--untracked-files=no"],
                                        cwd=ROOT, stderr=subprocess.DEVNULL).strip()
        return head + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*", help="run only these programs (name without .py)")
    ap.add_argument("--mote", default=os.path.join(ROOT, "build", "mote"))
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--callgrind", action="store_true")
    ap.add_argument("--record", action="store_true", help="append the table to RESULTS.md")
    args = ap.parse_args()
    if not os.path.exists(args.mote):
        sys.exit("%s does not exist: run make first" % args.mote)

    env = dict(os.environ, MOTE_HEAP_STATS="1", PYTHONHASHSEED="0")
    progs = sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py"))
    if args.names:
        progs = [p for p in progs if p in args.names]
    rows, ratios, failures = [], [], 0
    for name in progs:
        path = os.path.join("bench", "programs", name + ".py")
        m = measure([args.mote, path], args.repeat, args.callgrind, env)
        c = measure([args.python, path], args.repeat, args.callgrind, env)
        ok = m.status == 0 and m.out == c.out
        failures += not ok
        mv, cv = (m.instructions, c.instructions) if args.callgrind else (m.seconds, c.seconds)
        ratio = mv / cv if cv and ok else 0.0
        if ok:
            ratios.append(ratio)
        peak = PEAK_HEAP.search(m.err)
        if not peak and m.status == 0:
            probe = run_once([args.mote, "-c", HEAP_PROBE % path])
            peak = PEAK_HEAP.search(probe.out)
        show = fmt_count if args.callgrind else (lambda s: "%.3f s" % s)
        why = "same" if ok else ("exit %d" % m.status if m.status else "DIFFERS")
        rows.append([name, show(mv), show(cv), "%.2f" % ratio if ok else "-", fmt_kb(m.rss_kb),
                     fmt_kb(c.rss_kb), fmt_bytes(int(peak.group(1)) if peak else None), why])
        print("%-12s %s" % (name, " ".join(rows[-1][1:])), file=sys.stderr, flush=True)
    rows.append(["**geometric mean**", "", "", "%.2f" % geomean(ratios), "", "", "", ""])
    start_m = measure([args.mote, "-c", "pass"], max(args.repeat, 5), args.callgrind)
    start_c = measure([args.python, "-c", "pass"], max(args.repeat, 5), args.callgrind)
    if args.callgrind:
        start = "start-up (`-c pass`): mote %s instructions, cpython %s" % (
            fmt_count(start_m.instructions), fmt_count(start_c.instructions))
    else:
        start = "start-up (`-c pass`): mote %.1f ms, %s RSS; cpython %.1f ms, %s RSS" % (
            start_m.seconds * 1000, fmt_kb(start_m.rss_kb), start_c.seconds * 1000,
            fmt_kb(start_c.rss_kb))
    text = table(rows, args.callgrind) + "\n\n" + start + "\n"
    print(text)
    if args.record:
        with open(RESULTS, "a") as f:
            f.write("\n## %s, commit %s%s\n\n%s" % (time.strftime("%Y-%m-%d"), commit_id(),
                                                     " (callgrind)" if args.callgrind else "",
                                                     text))
        print("recorded in " + os.path.relpath(RESULTS, ROOT))
    print("%d programs, %d with output different from CPython" % (len(progs), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
