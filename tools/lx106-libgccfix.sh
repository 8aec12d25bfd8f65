#!/bin/sh
# Build libgccfix.a: the arithmetic helpers Debian bookworm's lx106 libgcc.a leaves out
# (32-bit division, soft float, float<->int). They are assembled from GCC's own Xtensa
# sources, taken from Debian's gcc-12-source package. The 64-bit division/multiply helpers
# that are also missing are plain C in ports/esp8266/gcchelp.c.
#
#   tools/lx106-libgccfix.sh OUTDIR        -> OUTDIR/libgccfix.a
#
# Link with -L OUTDIR --oslib=gccfix. The download (~85 MB) happens once: the extracted
# sources stay in OUTDIR, which `make clean` keeps.
set -eu
out=$(mkdir -p "$1" && cd "$1" && pwd)
cc=xtensa-lx106-elf-gcc
src=$out/gcc-src/libgcc/config/xtensa

if [ ! -f "$src/lib1funcs.S" ]; then
    tmp=$out/download
    rm -rf "$tmp" && mkdir -p "$tmp"
    (cd "$tmp" && apt-get download gcc-12-source >/dev/null)
    tarball=$(dpkg-deb --fsys-tarfile "$tmp"/gcc-12-source_*.deb | tar -t | grep 'gcc-12.*\.tar\.xz$' | head -n 1)
    mkdir -p "$out/gcc-src"
    dpkg-deb --fsys-tarfile "$tmp"/gcc-12-source_*.deb | tar -xO "$tarball" |
        tar -xJ -C "$out/gcc-src" --strip-components=1 --wildcards '*/libgcc/config/xtensa/*'
    rm -rf "$tmp"
fi

# xtensa-config.h describing the lx106 core ships with the compiler's plugin headers
inc=$(dirname "$($cc -print-libgcc-file-name)")/plugin/include
objs=$out/obj
rm -rf "$objs" && mkdir -p "$objs"
for fn in divsi3 udivsi3 umodsi3 umulsidi3 addsubsf3 mulsf3 fixunssfsi floatsisf floatunsisf \
          addsubdf3 muldf3 divdf3 fixdfsi fixunsdfsi floatsidf floatunsidf truncdfsf2 extendsfdf2; do
    $cc -c -O2 -DL_$fn -I"$inc" -x assembler-with-cpp "$src/lib1funcs.S" -o "$objs/_$fn.o"
done
rm -f "$out/libgccfix.a"
xtensa-lx106-elf-ar rcs "$out/libgccfix.a" "$objs"/*.o
echo "built $out/libgccfix.a"
