#!/usr/bin/env bash
# Tests src/libc/*.c with the system gcc, against glibc, before enstage can compile them.
# In: the libc sources and harness.c. Out: harness.c's report; exit 0 when every check agrees
# with glibc. Usage: test/libc-gcc/run.sh [-v]
#
# The libc is compiled freestanding (no libc headers, only gcc's <stdarg.h>), with every
# symbol it defines or imports renamed `enstage_NAME` by a generated header, so it links
# beside the real glibc in one program and the harness can call both and compare. The wasm
# intrinsics and the host imports are stubs in harness.c (the heap is a static arena).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
libc="$here/../../src/libc"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

intrinsics=(-include "$here/intrinsics.h")
cflags=(-std=c99 -O2 -g -ffreestanding -fno-builtin -fno-strict-aliasing -fwrapv
  -fno-tree-loop-distribute-patterns -nostdinc -isystem "$(gcc -print-file-name=include)"
  -Wall -Wextra -Werror -Wno-unused-parameter -Wno-builtin-declaration-mismatch
  -Wno-incompatible-library-redeclaration)

# First pass: which names does the libc define or need? Every one of them gets renamed.
for f in "$libc"/*.c; do
  gcc "${cflags[@]}" "${intrinsics[@]}" -c "$f" -o "$work/$(basename "$f" .c).o" 2>/dev/null || true
done
nm "$work"/*.o | awk '$2 ~ /^[TDBCUR]$/ {print $3} $1 == "U" {print $2}' | grep -v '^enstage_' | sort -u \
  | awk '{print "#define " $1 " enstage_" $1}' >"$work/rename.h"

objs=()
for f in "$libc"/*.c; do
  o="$work/$(basename "$f" .c).r.o"
  gcc "${cflags[@]}" "${intrinsics[@]}" -include "$work/rename.h" -c "$f" -o "$o"
  objs+=("$o")
done
gcc -std=gnu11 -O1 -g -fno-builtin -Wall -Wno-unused-function -o "$work/harness" "$here/harness.c" "${objs[@]}" -lm
"$work/harness" "$@"
