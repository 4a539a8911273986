// Builds dist/ once before the suite: the runtime tests start simulation ranks as worker
// threads from dist/sim-worker.mjs, which must match the sources being tested (`npm test`
// builds too, through pretest; this covers `npx vitest run test/x.test.ts`).
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "inherit" });
}
