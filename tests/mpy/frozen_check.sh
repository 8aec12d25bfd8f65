#!/bin/sh
# Stale-frozen check (run by tests/mpy/run.py): build mote with a frozen module from a temp
# manifest, import it, change the module (new text and a new name), rebuild, and see the change.
#   sh tests/mpy/frozen_check.sh TMPDIR     (from the repo root; prints PASS/FAIL lines)
set -u
T=${1:?usage: frozen_check.sh TMPDIR}/frozen
B=$T/build
mkdir -p "$T/src" "$T/run"
J=$(nproc 2>/dev/null || echo 4)
printf 'VERSION = "v1"\ndef f():\n    return [VERSION * 2 for _ in range(1)]\nprint("stalemod", VERSION, f())\n' >"$T/src/stalemod.py"
echo "$T/src/stalemod.py" >"$T/manifest"
build() {
    make -j"$J" -s BUILD="$B" FREEZE_MANIFEST="$T/manifest" \
        "$B/mote" >"$T/make.log" 2>&1 || { echo "FAIL frozen:build"; tail -20 "$T/make.log" >&2; exit 1; }
}
check() { # name expected-output
    got=$(cd "$T/run" && "$B/mote" -c "import stalemod" 2>&1)
    if [ "$got" = "$2" ]; then echo "PASS $1"; else echo "FAIL $1"; echo "got: $got" >&2; fi
}
build
check frozen:first "stalemod v1 ['v1v1']"
sleep 1
printf 'VERSION = "v2"\nfresh_name_q = 7\nprint("stalemod", VERSION, fresh_name_q)\n' >"$T/src/stalemod.py"
build
check frozen:rebuilt-after-change "stalemod v2 7"
# the code is not on the heap: importing allocates far less than the same module from source
cp "$T/src/stalemod.py" "$T/run/srcmod.py"
got=$(cd "$T/run" && "$B/mote" -c "
import gc
gc.collect(); a = gc.mem_alloc(); import stalemod; gc.collect(); fz = gc.mem_alloc() - a
gc.collect(); a = gc.mem_alloc(); import srcmod; gc.collect(); src = gc.mem_alloc() - a
print(fz < src)" 2>&1 | tail -1)
if [ "$got" = "True" ]; then echo "PASS frozen:less-heap"; else echo "FAIL frozen:less-heap"; echo "$got" >&2; fi
# the tables depend on the generator, the compiler and the manifest, not only on the modules
for f in tools/freeze.py core/compile.c core/persist.c "$T/manifest"; do
    if make -n -W "$f" BUILD="$B" FREEZE_MANIFEST="$T/manifest" "$B/mote" 2>/dev/null |
        grep -q "freeze.py --c"; then
        echo "PASS frozen:regenerated-after-$(basename "$f")"
    else
        echo "FAIL frozen:regenerated-after-$(basename "$f")"
    fi
done
