// Bundle the command line and the source-side runtime.
// In: src/cli.ts and everything it imports; runtime/smarttap.ts; runtime/sim-worker.ts.
// Out: dist/enstage.mjs, one executable ESM file
// (the `bin` of package.json), so `enstage` starts without a TypeScript loader and without
// resolving hundreds of modules. chevrotain is bundled; binaryen and h5wasm stay external: each is a
// large self-contained emscripten build that gains nothing from bundling; so does the NATS client,
// whose CommonJS parts require Node modules at run time, which an ESM bundle cannot.
// The libc's C files travel inside the bundle: src/libc.ts reads them from disk when run from
// source, and here it is replaced by a module that imports each one as text.

import { build } from "esbuild";
import { chmodSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}dist/enstage.mjs`;
const started = performance.now();

/** src/libc.ts with every src/libc/*.c embedded by esbuild's text loader (same export). */
const embedLibc = {
  name: "embed-libc",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]libc\.ts$/ }, () => {
      const files = readdirSync(`${root}src/libc`).filter((f) => f.endsWith(".c")).sort();
      const imports = files.map((f, i) => `import f${i} from "./libc/${f}";`);
      const list = files.map((f, i) => `{ name: "libc/${f}", text: f${i} }`);
      return {
        contents: `${imports.join("\n")}\nexport function libcFiles() { return [${list.join(", ")}]; }\n`,
        loader: "js",
        resolveDir: `${root}src`,
      };
    });
  },
};

await build({
  entryPoints: [`${root}src/cli.ts`],
  outfile,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["binaryen", "h5wasm", "@nats-io/*"],
  loader: { ".c": "text" },
  plugins: [embedLibc],
  banner: { js: "#!/usr/bin/env node" },
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
});
chmodSync(outfile, 0o755);

// The source side carries no compiler: SmartTap (what a simulation's process loads) and the
// synthetic simulation's worker are bundled alone, and the build fails if either pulled in
// chevrotain, binaryen, ts-morph or anything under src/.
const sizes = [];
for (const [entry, out] of [["runtime/smarttap.ts", "dist/smarttap.mjs"], ["runtime/sim-worker.ts", "dist/sim-worker.mjs"]]) {
  const result = await build({
    entryPoints: [`${root}${entry}`],
    outfile: `${root}${out}`,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    minify: true,
    metafile: true,
    legalComments: "none",
    logLevel: "warning",
  });
  const inputs = Object.keys(result.metafile.inputs);
  const bad = inputs.filter((f) => /node_modules[\\/](chevrotain|binaryen|ts-morph|@chevrotain)|^src[\\/]/.test(f));
  if (bad.length > 0) throw new Error(`${out} must not contain the compiler, but it bundles ${bad.join(", ")}`);
  sizes.push(`${out} ${(statSync(`${root}${out}`).size / 1024).toFixed(1)} KiB`);
}

console.log(`built dist/enstage.mjs, ${sizes.join(", ")} in ${Math.round(performance.now() - started)} ms`);
