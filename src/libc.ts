// The libc's C sources (src/libc/*.c), for the pipeline to check and link with every program.
// In: nothing. Out: the files as `{ name: "libc/ctype.c", text }`, sorted by name, so the link
// order (and with it every emitted module) is the same on every machine.
//
// Run from source (tsx, vitest) the files are read from src/libc/ beside this module. In the
// bundle, scripts/build.mjs replaces this module with one that imports each file statically
// through esbuild's text loader, so dist/enstage.mjs carries its libc and works from any
// directory. Static `.c` imports cannot live here: Node (and so tsx) refuses to load them.

import { readdirSync, readFileSync } from "node:fs";

export interface LibcFile {
  name: string;
  text: string;
}

export function libcFiles(): LibcFile[] {
  const dir = new URL("./libc/", import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".c"))
    .sort()
    .map((f) => ({ name: `libc/${f}`, text: readFileSync(new URL(f, dir), "utf8") }));
}
