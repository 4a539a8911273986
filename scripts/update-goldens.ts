// Regenerates the `.wat` snapshot goldens: for each test/programs/wat/NNN-family.c, the module
// enstage makes at -O0 (our lowering as it is, with local names), written beside it as
// NNN-family.wat. Review the diff before committing: a change there is a change in code
// generation. `--check` writes nothing and exits 1 listing the stale snapshots.
//   npm run golden:update               regenerate
//   npm run golden:update -- --check    compare only
import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compileC } from "../test/wasm-run.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const watDir = join(root, "test", "programs", "wat");

/** The snapshot text of one program: its module at -O0, or its errors. */
export function watOf(file: string): string {
  const c = compileC(readFileSync(join(watDir, file), "utf8"), file, { optimize: 0, text: true });
  if (c.errors.length) return `;; errors\n${c.errors.map((e) => `;; ${e}`).join("\n")}\n`;
  return c.text!;
}

export function watPrograms(): string[] {
  return readdirSync(watDir)
    .filter((f) => f.endsWith(".c"))
    .sort();
}

function main(argv: string[]): number {
  const check = argv.includes("--check");
  const stale: string[] = [];
  for (const f of watPrograms()) {
    const out = join(watDir, f.replace(/\.c$/, ".wat"));
    const text = watOf(f);
    if (existsSync(out) && readFileSync(out, "utf8") === text) continue;
    stale.push(f);
    if (!check) writeFileSync(out, text);
  }
  for (const f of stale) process.stderr.write(`${check ? "stale" : "wrote"}: ${f.replace(/\.c$/, ".wat")}\n`);
  return check && stale.length ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
