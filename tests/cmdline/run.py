#!/usr/bin/env python3
"""Run the command-line tests (tests/cmdline/*.json; format in tests/cmdline/README.md)."""
import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def expand(s, tmp=""):
    return s.replace("{dir}", HERE).replace("{cwd}", HERE).replace("{tmp}", tmp)


def load_cases(names):
    cases = []
    for fn in sorted(os.listdir(HERE)):
        if not fn.endswith(".json"):
            continue
        stem = fn[:-5]
        with open(os.path.join(HERE, fn)) as f:
            data = json.load(f)
        if isinstance(data, dict):
            data = [data]
        for i, case in enumerate(data):
            full = "%s:%s" % (stem, case.get("name", i))
            if names and not any(n == stem or n == full for n in names):
                continue
            cases.append((full, case))
    return cases


def diff(what, expected, got):
    lines = difflib.unified_diff(expected.splitlines(True), got.splitlines(True),
                                 "expected " + what, "got " + what)
    return "".join(lines) or "%s: expected %r, got %r\n" % (what, expected, got)


def run_case(mote, case):
    """Returns a list of problems (empty: passed)."""
    with tempfile.TemporaryDirectory(prefix="mote-cmdline-") as tmp:
        return check(case, *run_proc(mote, case, tmp))


def run_proc(mote, case, tmp):
    env = dict(os.environ)
    env.pop("PYTHONUNBUFFERED", None)
    env.pop("MOTEPATH", None)
    env.update({k: expand(v, tmp) for k, v in case.get("env", {}).items()})
    args = [mote] + [expand(a, tmp) for a in case.get("args", [])]
    merge = case.get("stderr_to_stdout", False)
    try:
        p = subprocess.run(args, input=expand(case.get("stdin", ""), tmp).encode(), cwd=HERE,
                           env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT if merge else subprocess.PIPE, timeout=30)
    except subprocess.TimeoutExpired:
        return None, "", ""
    return p.returncode, p.stdout.decode("utf-8", "replace"), \
        (p.stderr or b"").decode("utf-8", "replace")


def check(case, returncode, out, err):
    if returncode is None:
        return ["timed out after 30 s"]
    problems = []
    status = case.get("status", 0)
    if returncode != status:
        problems.append("exit status: expected %d, got %d\n" % (status, returncode))
    if "stdout" in case or "stdout_contains" not in case:
        exp = expand(case.get("stdout", ""))
        if out != exp:
            problems.append(diff("stdout", exp, out))
    for s in case.get("stdout_contains", []):
        if expand(s) not in out:
            problems.append("stdout lacks %r; it was:\n%s" % (expand(s), out))
    if "stderr" in case:
        if case["stderr"] is not None and err != expand(case["stderr"]):
            problems.append(diff("stderr", expand(case["stderr"]), err))
    elif "stderr_contains" not in case and err:
        problems.append(diff("stderr", "", err))
    for s in case.get("stderr_contains", []):
        if expand(s) not in err:
            problems.append("stderr lacks %r; it was:\n%s" % (expand(s), err))
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mote", default=os.path.join(HERE, "..", "..", "build", "mote"))
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("names", nargs="*", help="file stems or file:case names")
    a = ap.parse_args()
    mote = os.path.abspath(a.mote)
    passed = failed = skipped = 0
    for name, case in load_cases(a.names):
        if "skip" in case:
            skipped += 1
            print("SKIP %s: %s" % (name, case["skip"]))
            continue
        problems = run_case(mote, case)
        if problems:
            failed += 1
            print("FAIL %s\n%s" % (name, "".join("  " + l + "\n" for p in problems
                                                 for l in p.rstrip("\n").split("\n"))))
        else:
            passed += 1
            if a.verbose:
                print("pass %s" % name)
    print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
