#!/usr/bin/env bash
# Expected outputs of the libc programs (programs/*.c), from the system gcc and glibc.
# In: programs/NAME.c. Out: programs/NAME.expected, stdout byte for byte then `[exit N]` on a
# line of its own (the golden corpus' format). test/libc-run.test.ts compares enstage's runs
# with these. Usage: test/libc-gcc/oracle.sh [--check]
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for c in "$here"/programs/*.c; do
  name="$(basename "$c" .c)"
  gcc -std=gnu11 -O0 -w -o "$work/$name" "$c" -lm || { echo "gcc failed: $name"; status=1; continue; }
  (cd "$work" && LC_ALL=C timeout 10 "./$name" </dev/null >"$work/$name.out" 2>/dev/null)
  code=$?
  out="$work/$name.out"
  if [ -s "$out" ] && [ "$(tail -c1 "$out" | od -An -tx1 | tr -d ' ')" != "0a" ]; then echo >>"$out"; fi
  echo "[exit $code]" >>"$out"
  if [ "${1:-}" = "--check" ]; then
    cmp -s "$out" "$here/programs/$name.expected" || { echo "differs: $name"; status=1; }
  else
    cp "$out" "$here/programs/$name.expected"
  fi
done
exit $status
