#!/usr/bin/env python3
"""Mote's test runner: the one way to run the tests.

    tests/run.py [--target T] [-j N] [-v] [FILTER ...]

Python tests: every tests/<dir>/*.py (dirs with formats of their own, and files whose name
starts with '_', which are helper modules, are left out). A test passes when Mote prints on
stdout exactly what CPython 3 prints for the same file, and both exit with status 0 (or both
non-zero). CPython's output is computed by running python3 and cached by content in
build/exp-cache/. A `.exp` file beside a test gives the expected stdout instead (Mote's own
behaviour; the exit status must then be 0 unless the test says `# status: nonzero`).

Markers in the test's first lines:
    # skip: reason           never run (counted and shown as skipped, with the reason)
    # skip-chip: reason      not run on the chip (--target lx106); also skip-sanitize,
                             skip-gcstress, skip-host
    # status: nonzero        the test ends with an uncaught exception on purpose; otherwise a
                             test that CPython itself cannot run cleanly is reported as broken

Targets (the binary and how it runs):
    host       build/mote FILE
    sanitize   build/sanitize/mote FILE (AddressSanitizer + UBSan; any report fails)
    gcstress   build/mote -X gcstress FILE (collects at every allocation)
    lx106      the ESP8266 firmware under QEMU in program mode (--run), the file piped to
               its console

The host target also runs the C unit tests (build/tests/c/*, each prints its own
'N passed, N failed'); host and sanitize run the dirs with runners of their own
(SUB_RUNNERS: tests/cmdline/run.py, tests/repl/test_repl.py), folding in their totals; lx106
runs tests/repl/test_repl.py against the firmware's console (LX106_SUB_RUNNERS).

Other modes, used by `make test`:
    --format-check           clang-format check of every .c/.h outside build/ (one test a file)
    --fuzz SECONDS           run each build/fuzz/* fuzzer for a share of SECONDS
    --results FILE           also write this run's totals to FILE
    --combine FILE...        print the sum of totals files

The last line printed is always `N passed, N failed, N skipped`; exit status 1 if any failed.
"""
import argparse
import concurrent.futures
import difflib
import fnmatch
import hashlib
import json
import os
import re
import shutil
import shlex
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, "tests")
BUILD = os.path.join(ROOT, "build")  # --build changes it
# tests/ dirs that are not plain Python tests
NOT_PY_DIRS = {"c", "fuzz", "cmdline", "repl", "board", "fs", "mpy", "__pycache__"}
MARKER_LINES = 10
MARKER = re.compile(r"^#\s*(skip(?:-([a-z0-9]+))?|status):\s*(.*?)\s*$")
# the target a `# skip-NAME:` marker names
SKIP_ALIASES = {"chip": "lx106"}
PY_TIMEOUT = 60
DIFF_LINES = 120

# the firmware runs one program from its console and exits with its status (main.c --run);
# without --run it would be the board, with the REPL on its console
QEMU = ["qemu-system-xtensa", "-M", "sim", "-cpu", "lx106", "-semihosting",
        "-semihosting-config", "enable=on,arg=mote,arg=--run", "-display", "none",
        "-monitor", "none", "-serial", "none", "-kernel"]

TARGETS = {
    # name: (binary in the build dir, per-test timeout in seconds)
    "host": ("mote", 30),
    "sanitize": ("sanitize/mote", 120),
    "gcstress": ("mote", 300),
    "lx106": ("lx106/mote.elf", 120),
}

SANITIZER_ENV = {
    "ASAN_OPTIONS": "detect_leaks=0:abort_on_error=0:detect_stack_use_after_return=0",
    "UBSAN_OPTIONS": "print_stacktrace=1:halt_on_error=1",
}
SANITIZER_REPORT = re.compile(rb"(ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer)")


class Totals:
    def __init__(self, passed=0, failed=0, skipped=0):
        self.passed, self.failed, self.skipped = passed, failed, skipped

    def add(self, other):
        self.passed += other.passed
        self.failed += other.failed
        self.skipped += other.skipped

    def line(self):
        return "%d passed, %d failed, %d skipped" % (self.passed, self.failed, self.skipped)


class Result:
    """The outcome of one test (or of `count` tests reported as one): status is 'pass',
    'fail' or 'skip'."""

    def __init__(self, name, status, detail="", count=1):
        self.name, self.status, self.detail, self.count = name, status, detail, count


def rel(path):
    return os.path.relpath(path, ROOT)


# ---------------------------------------------------------------------------------------
# Python tests


def discover_py():
    files = []
    for d in sorted(os.listdir(TESTS)):
        full = os.path.join(TESTS, d)
        if d in NOT_PY_DIRS or not os.path.isdir(full):
            continue
        for f in sorted(os.listdir(full)):
            if f.endswith(".py") and not f.startswith("_"):
                files.append(os.path.join(full, f))
    return files


def read_markers(path):
    """{'skip': reason, 'skip-lx106': reason, 'status': 'nonzero'} from the first lines."""
    markers = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for _, line in zip(range(MARKER_LINES), f):
            m = MARKER.match(line)
            if not m:
                continue
            key, target, value = m.groups()
            if target:
                key = "skip-" + SKIP_ALIASES.get(target, target)
            markers[key] = value or "no reason given"
    return markers


def run_proc(cmd, timeout, stdin_data=None, env=None, cwd=ROOT):
    """Run cmd; returns (status, stdout, stderr, timed_out). status < 0: killed by signal."""
    try:
        p = subprocess.Popen(cmd, cwd=cwd, env=env, start_new_session=True,
                             stdin=subprocess.PIPE if stdin_data is not None else subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        return 127, b"", str(e).encode(), False
    try:
        out, err = p.communicate(stdin_data, timeout=timeout)
        return p.returncode, out, err, False
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        return p.returncode, out, err, True


def cpython_env():
    env = dict(os.environ)
    env.update(PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1", PYTHONIOENCODING="utf-8")
    return env


_helper_digests = {}


def helper_digest(d):
    """A digest of the helper modules (names starting with '_') in test dir d"""
    if d not in _helper_digests:
        h = hashlib.sha256()
        for entry in sorted(os.listdir(d)):
            if not entry.startswith("_") or entry == "__pycache__":
                continue
            for dirpath, dirnames, files in os.walk(os.path.join(d, entry)):
                dirnames.sort()
                for f in sorted(files) if files else []:
                    if f.endswith(".py"):
                        with open(os.path.join(dirpath, f), "rb") as fh:
                            h.update(f.encode() + b"\0" + fh.read())
            if entry.endswith(".py"):
                with open(os.path.join(d, entry), "rb") as fh:
                    h.update(entry.encode() + b"\0" + fh.read())
        _helper_digests[d] = h.digest()
    return _helper_digests[d]


def expected_output(path):
    """(stdout bytes, status, stderr bytes) that CPython gives for the test, cached by its
    content and, for tests that import, the helper modules beside it."""
    with open(path, "rb") as f:
        content = f.read()
    key = hashlib.sha256(sys.version.encode() + b"\0" + rel(path).encode() + b"\0" + content)
    if b"import" in content:
        key.update(helper_digest(os.path.dirname(path)))
    cache = os.path.join(BUILD, "exp-cache", key.hexdigest()[:32] + ".json")
    try:
        with open(cache) as f:
            c = json.load(f)
        return c["out"].encode("utf-8", "surrogateescape"), c["status"], c["err"].encode(
            "utf-8", "surrogateescape")
    except (OSError, ValueError, KeyError):
        pass
    status, out, err, timed_out = run_proc([sys.executable, rel(path)], PY_TIMEOUT,
                                           env=cpython_env())
    if timed_out:
        status = "timeout"
    os.makedirs(os.path.dirname(cache), exist_ok=True)
    tmp = cache + ".%d.tmp" % os.getpid()
    with open(tmp, "w") as f:
        json.dump({"out": out.decode("utf-8", "surrogateescape"), "status": status,
                   "err": err[-2000:].decode("utf-8", "surrogateescape")}, f)
    os.replace(tmp, cache)
    return out, status, err


def mote_command(target, binary, path):
    """(argv, stdin bytes or None) running the test file on target"""
    if target == "lx106":
        with open(path, "rb") as f:
            return ["timeout", "-s", "KILL", str(TARGETS["lx106"][1] + 5)] + QEMU + [binary], f.read()
    if target == "gcstress":
        return [binary, "-X", "gcstress", rel(path)], None
    return [binary, rel(path)], None


def tail(data, n=20):
    lines = data.decode("utf-8", "replace").splitlines()
    return "\n".join(("    " + l) for l in lines[-n:])


def diff(expected, got, name):
    a = expected.decode("utf-8", "replace").splitlines(keepends=True)
    b = got.decode("utf-8", "replace").splitlines(keepends=True)
    lines = list(difflib.unified_diff(a, b, "expected (" + name + ")", "mote"))
    text = "".join(l if l.endswith("\n") else l + "\n\\ no newline at end\n" for l in lines)
    text_lines = text.splitlines()
    if len(text_lines) > DIFF_LINES:
        text_lines = text_lines[:DIFF_LINES] + ["... (%d more diff lines)" %
                                                (len(text_lines) - DIFF_LINES)]
    return "\n".join(text_lines)


def describe_status(status):
    if isinstance(status, int) and status < 0:
        try:
            return "killed by " + signal.Signals(-status).name
        except ValueError:
            return "killed by signal %d" % -status
    return "exit status %s" % status


def run_py_test(path, target, binary, timeout):
    name = rel(path)
    markers = read_markers(path)
    for key in ("skip", "skip-" + target):
        if key in markers:
            return Result(name, "skip", markers[key])
    exp_file = path[:-3] + ".exp"
    want_nonzero = markers.get("status", "").startswith("nonzero")
    if os.path.exists(exp_file):
        with open(exp_file, "rb") as f:
            expected = f.read()
        exp_status = 1 if want_nonzero else 0
    else:
        expected, exp_status, exp_err = expected_output(path)
        if exp_status == "timeout" or (exp_status != 0) != want_nonzero:
            why = "timed out" if exp_status == "timeout" else describe_status(exp_status)
            return Result(name, "fail", "BROKEN TEST: CPython %s\n%s" % (why, tail(exp_err)))
    cmd, stdin_data = mote_command(target, binary, path)
    env = dict(os.environ, **SANITIZER_ENV) if target == "sanitize" else None
    t0 = time.time()
    status, out, err, timed_out = run_proc(cmd, timeout, stdin_data, env)
    elapsed = time.time() - t0
    problems = []
    if timed_out:
        problems.append("timed out after %ds" % timeout)
    elif target == "lx106" and status in (124, 137):
        problems.append("QEMU killed by timeout")
    elif status < 0 or (target == "lx106" and status >= 99):
        problems.append("crashed: " + describe_status(status))
    elif (status != 0) != (exp_status != 0):
        problems.append("%s, CPython gives %s" % (describe_status(status),
                                                 describe_status(exp_status)))
    if target == "sanitize" and (SANITIZER_REPORT.search(err) or SANITIZER_REPORT.search(out)):
        problems.append("sanitizer report")
    if out != expected:
        problems.append("output differs")
    if not problems:
        return Result(name, "pass", "%.1fs" % elapsed)
    detail = "; ".join(problems)
    if out != expected:
        detail += "\n" + diff(expected, out, name)
    if err.strip():
        detail += "\n  stderr:\n" + tail(err)
    return Result(name, "fail", detail)


# ---------------------------------------------------------------------------------------
# C unit tests and command-line tests


def run_c_test(path):
    """A C test binary prints its own 'N passed, N failed' as its last such line."""
    name = rel(path)
    status, out, err, timed_out = run_proc([path], 120)
    m = None
    for m in re.finditer(rb"(\d+) passed, (\d+) failed", out):
        pass
    results = []
    if m:
        passed, failed = int(m.group(1)), int(m.group(2))
        results.append(Result(name, "pass", count=passed))
        if failed:
            results.append(Result(name, "fail", "%d failed:\n%s" % (failed, tail(out, 40)),
                                  failed))
    if timed_out or status != 0 or not m:
        why = "timed out" if timed_out else describe_status(status)
        if not any(r.status == "fail" for r in results):
            results.append(Result(name, "fail", "%s\n%s\n%s" % (why, tail(out), tail(err))))
    return results


def discover_c():
    d = os.path.join(BUILD, "tests", "c")
    if not os.path.isdir(d):
        return []
    return [os.path.join(d, f) for f in sorted(os.listdir(d))
            if os.access(os.path.join(d, f), os.X_OK) and not os.path.isdir(os.path.join(d, f))
            and "." not in f]


# tests/<dir>/ with a runner of their own: called with --mote BINARY, they print
# `N passed, N failed, N skipped` as their last line (formats in each dir's README/docstring)
SUB_RUNNERS = {"cmdline": "run.py", "repl": "test_repl.py", "board": "run.py", "fs": "run.py",
               "mpy": "run.py"}
# those that also run against the lx106 firmware under QEMU: dir -> (script, its arguments)
LX106_SUB_RUNNERS = {"repl": ("test_repl.py", ["--target", "lx106"])}


def run_sub_runner(d, script, binary, extra=()):
    name = "tests/%s/%s" % (d, script)
    cmd = [sys.executable, os.path.join(TESTS, d, script), "--mote", binary, *extra]
    status, out, err, timed_out = run_proc(cmd, 900)
    text = (out + err).decode("utf-8", "replace")
    m = None
    for m in re.finditer(r"(\d+) passed, (\d+) failed(?:, (\d+) skipped)?", text):
        pass
    if not m or timed_out:
        why = "timed out" if timed_out else "no totals line (%s)" % describe_status(status)
        return [Result(name, "fail", why + "\n" + tail(out + err, 30))]
    passed, failed, skipped = (int(g or 0) for g in m.groups())
    report = "\n".join("    " + l for l in text[:m.start()].rstrip().splitlines()[-60:])
    results = [Result(name, "pass", count=passed)]
    if skipped:
        results.append(Result(name, "skip", "%d skipped by its runner" % skipped, skipped))
    if failed:
        results.append(Result(name, "fail", "%d failed:\n%s" % (failed, report), failed))
    return results


def sub_runners(filters, target):
    """(dir, script, arguments) of the sub-runners to run for target: all, or with filters
    those a filter names"""
    table = LX106_SUB_RUNNERS if target == "lx106" else {
        d: (script, []) for d, script in SUB_RUNNERS.items()}
    out = []
    for d, (script, extra) in sorted(table.items()):
        if not os.path.exists(os.path.join(TESTS, d, script)):
            continue
        if filters and not any(d in f for f in filters):
            continue
        out.append((d, script, extra))
    return out


# ---------------------------------------------------------------------------------------
# format check and fuzzing


def c_sources():
    out = []
    for dirpath, dirnames, files in os.walk(ROOT):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "build")
        out += [os.path.join(dirpath, f) for f in sorted(files) if f.endswith((".c", ".h"))]
    return out


def check_format(path):
    name = rel(path)
    status, out, err, _ = run_proc(["clang-format", "--dry-run", "--Werror", name], 60)
    if status == 0:
        return Result(name, "pass")
    first = err.decode("utf-8", "replace").splitlines()[:3]
    return Result(name, "fail", "not formatted (run `make format`); first difference:\n" +
                  "\n".join("    " + l for l in first))


# seed corpora besides tests/fuzz/seeds/<target>/: the test programs for the compiler
FUZZ_SEEDS = {"fuzz_compile": ["tests/lang", "tests/lib"], "fuzz_parse": ["tests/lang"]}
# targets whose inputs are whole console sessions (slow: ~100-200 runs/s): with --fuzz-runs N
# they run N // this many, so the fuzz stage of `make test` stays within seconds
FUZZ_RUNS_DIVISOR = {"fuzz_readline": 2, "fuzz_rawrepl": 4}


def run_fuzzer(path, seconds, runs=None):
    """Fuzz for `seconds`; crashes, sanitizer reports and hangs (-timeout) are failures.
    The corpus grows in build/fuzz-corpus/<target>; crash inputs land in build/fuzz-artifacts.
    The fuzzer runs in a scratch directory: programs it makes up may write files.
    With `runs` (make test), the run is reproducible instead: the seeds, then `runs`
    mutations from a fixed random seed, in a fresh corpus; the same tree gives the same
    verdict on every machine."""
    name = rel(path)
    target = os.path.basename(path)
    corpus = os.path.join(BUILD, "fuzz-corpus", target)
    if runs is not None:
        corpus = os.path.join(BUILD, "fuzz-scratch", target + "-corpus")
        shutil.rmtree(corpus, ignore_errors=True)
    artifacts = os.path.join(BUILD, "fuzz-artifacts")
    scratch = os.path.join(BUILD, "fuzz-scratch", target)
    for d in (corpus, artifacts, scratch):
        os.makedirs(d, exist_ok=True)
    seeds = [os.path.join(TESTS, "fuzz", "seeds", target)]
    seeds += [os.path.join(ROOT, d) for d in FUZZ_SEEDS.get(target, [])]
    if runs is not None:
        runs = max(1, runs // FUZZ_RUNS_DIVISOR.get(target, 1))
    limit = ["-runs=%d" % runs, "-seed=1"] if runs is not None else ["-max_total_time=%d" % seconds]
    cmd = [path, *limit, "-timeout=10", "-rss_limit_mb=2048",
           "-max_len=4096", "-print_final_stats=1", "-artifact_prefix=" + artifacts + "/",
           corpus] + [d for d in seeds if os.path.isdir(d)]
    env = dict(os.environ, **SANITIZER_ENV)
    status, out, err, timed_out = run_proc(cmd, (seconds or 0) + 600, env=env, cwd=scratch)
    runs = re.search(rb"stat::number_of_executed_units:\s*(\d+)", err)
    runs = "%s runs" % runs.group(1).decode() if runs else "?"
    if status == 0 and not timed_out:
        return Result(name, "pass", "%s" % runs)
    return Result(name, "fail", "fuzzer found a problem (%s after %s)\n%s" % (
        "timed out" if timed_out else describe_status(status), runs, fuzz_report(err)))


def fuzz_report(err):
    """The sanitizer's or libFuzzer's error with the top of its stack, and the saved input."""
    lines = err.decode("utf-8", "replace").splitlines()
    start = next((i for i, l in enumerate(lines) if "ERROR:" in l or "runtime error" in l),
                 max(0, len(lines) - 20))
    keep = lines[start:start + 16]
    keep += [l for l in lines if "Test unit written to" in l]
    return "\n".join("    " + l for l in keep)


def discover_fuzzers():
    d = os.path.join(BUILD, "fuzz")
    if not os.path.isdir(d):
        return []
    return [os.path.join(d, f) for f in sorted(os.listdir(d))
            if f.startswith("fuzz_") and "." not in f and os.access(os.path.join(d, f), os.X_OK)]


# ---------------------------------------------------------------------------------------


def selected(name, filters):
    if not filters:
        return True
    for f in filters:
        f_rel = rel(os.path.abspath(f)) if os.path.exists(f) else f
        if f_rel in name or fnmatch.fnmatch(name, f_rel) or fnmatch.fnmatch(
                os.path.basename(name), f_rel):
            return True
    return False


def report(results, verbose):
    totals = Totals()
    for r in sorted(results, key=lambda r: r.name):
        if r.count == 0:
            continue
        if r.status == "fail":
            print("FAIL %s: %s" % (r.name, r.detail))
            totals.failed += r.count
        elif r.status == "skip":
            print("skip %s: %s" % (r.name, r.detail))
            totals.skipped += r.count
        else:
            if verbose:
                print("pass %s %s" % (r.name, r.detail or "(%d)" % r.count))
            totals.passed += r.count
    return totals


def combine(files):
    """Sum the totals files of the stages, listing each"""
    totals = Totals()
    for path in files:
        try:
            with open(path) as f:
                p, fl, s = (int(x) for x in f.read().split())
        except (OSError, ValueError):
            print("missing or bad totals file %s: counted as 1 failure" % path)
            p, fl, s = 0, 1, 0
        print("  %-10s %s" % (os.path.basename(path), Totals(p, fl, s).line()))
        totals.add(Totals(p, fl, s))
    return totals


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("filters", nargs="*", help="substrings or globs of test paths")
    ap.add_argument("--target", choices=sorted(TARGETS), default="host")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1, help="parallel jobs")
    ap.add_argument("-v", "--verbose", action="store_true", help="list passing tests too")
    ap.add_argument("--binary", help="the Mote binary (default: the target's)")
    ap.add_argument("--timeout", type=int, help="seconds per test (default: the target's)")
    ap.add_argument("--no-py", action="store_true", help="leave out the Python tests")
    ap.add_argument("--no-c", action="store_true", help="host: leave out the C unit tests")
    ap.add_argument("--no-sub", action="store_true",
                    help="leave out the dirs with runners of their own (cmdline, repl)")
    ap.add_argument("--format-check", action="store_true")
    ap.add_argument("--fuzz", type=int, metavar="SECONDS")
    ap.add_argument("--fuzz-runs", type=int, metavar="N",
                    help="reproducible fuzzing: the seeds then N mutations per target (seed 1)")
    ap.add_argument("--results", metavar="FILE")
    ap.add_argument("--combine", nargs="+", metavar="FILE")
    ap.add_argument("--started", type=int, help="with --combine: the start (epoch seconds)")
    ap.add_argument("--title", help="a heading printed before the results")
    ap.add_argument("--tests-dir", help="run the tests of another tree (default: tests/)")
    ap.add_argument("--build", help="the build directory (default: build/)")
    return ap.parse_args()


def main():
    global TESTS, BUILD
    args = parse_args()
    if args.build:
        BUILD = os.path.abspath(args.build)
    if args.tests_dir:
        TESTS = os.path.abspath(args.tests_dir)
    if args.combine:
        totals = combine(args.combine)
        if args.started:
            print("(%d s in all)" % (time.time() - args.started))
        print(totals.line())
        return 1 if totals.failed else 0
    if args.title:
        print("==== " + args.title, flush=True)
    jobs = max(1, args.j)
    results = []
    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        if args.format_check:
            futs = [pool.submit(check_format, p) for p in c_sources() if selected(rel(p),
                                                                                   args.filters)]
        elif args.fuzz is not None or args.fuzz_runs is not None:
            fuzzers = [p for p in discover_fuzzers() if selected(rel(p), args.filters)]
            share = max(1, (args.fuzz or 0) // max(1, len(fuzzers)))
            # fuzzers are memory hungry and multi-process: one at a time
            futs = [concurrent.futures.Future() for _ in fuzzers]
            for fut, path in zip(futs, fuzzers):
                fut.set_result(run_fuzzer(path, share, args.fuzz_runs))
        else:
            binary, timeout = TARGETS[args.target]
            binary = os.path.abspath(args.binary or os.path.join(BUILD, binary))
            timeout = args.timeout or timeout
            if not os.path.exists(binary):
                print("%s does not exist: build it first (make, make lx106, make sanitize-build)"
                      % rel(binary))
                print(Totals(0, 1, 0).line())
                return 1
            tests = [] if args.no_py else [p for p in discover_py()
                                           if selected(rel(p), args.filters)]
            subs = [] if args.target == "gcstress" or args.no_sub else sub_runners(
                args.filters, args.target)
            futs = []
            if args.target == "lx106":  # the REPL cases (one long job) first, beside the programs
                futs += [pool.submit(run_sub_runner, d, script, binary, extra)
                         for d, script, extra in subs]
                subs = []
            futs += [pool.submit(run_py_test, p, args.target, binary, timeout) for p in tests]
            if args.target == "host" and not args.no_c:
                futs += [pool.submit(run_c_test, p) for p in discover_c()
                         if selected(rel(p), args.filters)]
            futs += [pool.submit(run_sub_runner, d, script, binary, extra)
                     for d, script, extra in subs]
        for fut in futs:
            r = fut.result()
            results += r if isinstance(r, list) else [r]
    totals = report(results, args.verbose)
    print("(%.1fs)" % (time.time() - t0))
    if args.results:
        os.makedirs(os.path.dirname(os.path.abspath(args.results)), exist_ok=True)
        with open(args.results, "w") as f:
            f.write("%d %d %d\n" % (totals.passed, totals.failed, totals.skipped))
    print(totals.line())
    return 1 if totals.failed else 0


if __name__ == "__main__":
    sys.exit(main())
