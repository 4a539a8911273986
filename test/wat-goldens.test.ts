// The `.wat` snapshot goldens: one small program per construct family (test/programs/wat),
// compiled at -O0, must give exactly the module text stored beside it. Regenerate with
// `npm run golden:update` and review the diff.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { watDir, watOf, watPrograms } from "../scripts/update-goldens.js";

describe("wat snapshots", () => {
  it.each(watPrograms())("%s", (file) => {
    expect(watOf(file)).toBe(readFileSync(join(watDir, file.replace(/\.c$/, ".wat")), "utf8"));
  });
});
