// Bundle the command line.
// In: src/cli.ts and everything it imports. Out: dist/enstage.mjs, one executable ESM file
// (the `bin` of package.json), so `enstage` starts without a TypeScript loader and without
// resolving hundreds of modules. chevrotain is bundled; binaryen stays external because it is a
// large self-contained emscripten build that gains nothing from bundling and is only loaded by
// the stages that emit WebAssembly.

import { build } from "esbuild";
import { chmodSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}dist/enstage.mjs`;
const started = performance.now();

await build({
  entryPoints: [`${root}src/cli.ts`],
  outfile,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["binaryen"],
  banner: { js: "#!/usr/bin/env node" },
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
});
chmodSync(outfile, 0o755);

console.log(`built dist/enstage.mjs in ${Math.round(performance.now() - started)} ms`);
