// Code generation: constructs that stress the back end, each compiled by enstage and by gcc
// (the oracle) and run; stdout and exit status must agree. Plus the module's shape: validation
// at every optimization level, the manifest, link errors, and compile latency.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileC, runWasm } from "./wasm-run.js";

const work = mkdtempSync(join(tmpdir(), "enstage-codegen-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
function gcc(src: string): { stdout: string; exitCode: number } {
  const base = join(work, `p${n++}`);
  writeFileSync(`${base}.c`, src);
  const cc = spawnSync("gcc", ["-std=gnu11", "-O0", "-w", "-o", base, `${base}.c`, "-lm"], { encoding: "utf8" });
  if (cc.status !== 0) throw new Error(`gcc failed: ${cc.stderr}`);
  const r = spawnSync(base, [], { encoding: "utf8", timeout: 10_000 });
  return { stdout: r.stdout, exitCode: r.status ?? -1 };
}

async function ours(src: string, optimize: 0 | 1 | 2 | 3 | "s" = 2) {
  const c = compileC(src, "t.c", { optimize });
  expect(c.errors).toEqual([]);
  const r = await runWasm(c.binary);
  return { stdout: r.stdout, exitCode: r.exitCode, trap: r.trap };
}

async function sameAsGcc(src: string, optimize: 0 | 1 | 2 | 3 | "s" = 2) {
  const want = gcc(src);
  const got = await ours(src, optimize);
  expect(got.trap).toBeUndefined();
  expect(got.stdout).toBe(want.stdout);
  expect(got.exitCode).toBe(want.exitCode);
}

const prelude = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <stdarg.h>\n";

describe("constructs agree with gcc", () => {
  it("goto into and out of loops (Relooper)", () =>
    sameAsGcc(prelude + `
int f(int n) {
  int i = 0, acc = 0;
  if (n > 3) goto inside;
  for (i = 0; i < n; i++) {
  inside:
    acc += i * 3;
    if (acc > 50) goto out;
  }
out:
  return acc + i;
}
int main(void) {
  for (int k = 0; k < 8; k++) printf("%d ", f(k));
  int x = 0;
again:
  x++;
  if (x < 5) goto again;
  printf("\\n%d\\n", x);
  return 0;
}`));

  it("Duff's device and case labels inside blocks", () =>
    sameAsGcc(prelude + `
void copy(char *to, const char *from, int count) {
  int n = (count + 7) / 8;
  switch (count % 8) {
  case 0: do { *to++ = *from++;
  case 7:      *to++ = *from++;
  case 6:      *to++ = *from++;
  case 5:      *to++ = *from++;
  case 4:      *to++ = *from++;
  case 3:      *to++ = *from++;
  case 2:      *to++ = *from++;
  case 1:      *to++ = *from++;
          } while (--n > 0);
  }
}
int main(void) {
  char buf[64];
  for (int len = 1; len < 20; len += 3) {
    memset(buf, 0, sizeof buf);
    copy(buf, "abcdefghijklmnopqrstuvwxyz", len);
    printf("%d %s\\n", len, buf);
  }
  return 0;
}`));

  it("switch: dense tables, sparse values, ranges, long scrutinee, fallthrough", () =>
    sameAsGcc(prelude + `
const char *dense(int x) { switch (x) { case 0: return "zero"; case 1: return "one"; case 2: case 3: return "few";
  case 5: return "five"; case 6: return "six"; default: return "many"; } }
int sparse(unsigned x) { switch (x) { case 1: return 10; case 1000: return 20; case 4000000000u: return 30; } return -1; }
int ranges(char c) { switch (c) { case 'a' ... 'z': return 1; case '0' ... '9': return 2; default: return 0; } }
int wide(long v) { switch (v) { case -5: return 1; case 0: return 2; case 1: return 3; case 2: return 4; case 3: return 5;
  case 4: return 6; case 10000000000L: return 7; } return 0; }
int fall(int x) { int r = 0; switch (x) { case 1: r += 1; case 2: r += 2; break; case 3: r += 3; default: r += 100; } return r; }
int main(void) {
  for (int i = -1; i < 8; i++) printf("%s ", dense(i));
  printf("\\n%d %d %d %d\\n", sparse(1), sparse(1000), sparse(4000000000u), sparse(7));
  printf("%d %d %d\\n", ranges('q'), ranges('7'), ranges('#'));
  printf("%d %d %d %d %d\\n", wide(-5), wide(3), wide(10000000000L), wide(9), wide(4));
  for (int i = 0; i < 5; i++) printf("%d ", fall(i));
  printf("\\n");
  return 0;
}`));

  it("bit-fields: signed extraction, read-modify-write, compound assignment, values of assignments", () =>
    sameAsGcc(prelude + `
struct bf { unsigned a : 3; int b : 5; unsigned c : 12; long d : 40; unsigned char e : 1; };
int main(void) {
  struct bf s = { 5, -3, 4000, -123456789012L, 1 };
  printf("%u %d %u %ld %u size %zu\\n", s.a, s.b, s.c, s.d, s.e, sizeof s);
  s.a += 4; s.b -= 20; s.c *= 3; s.d >>= 3; s.e++;
  printf("%u %d %u %ld %u\\n", s.a, s.b, s.c, s.d, s.e);
  int v = (s.b = 17);
  unsigned w = (s.a = 15);
  printf("%d %d %u %u\\n", v, s.b, w, s.a);
  struct bf *p = &s;
  p->c = 0xfff; p->b = -16;
  printf("%u %d %u\\n", p->c, p->b, p->a);
  return 0;
}`));

  it("variadic functions of our own: int, long, double, pointers, structs", () =>
    sameAsGcc(prelude + `
struct pt { int x, y; double w; };
double sum(int n, ...) {
  va_list ap; va_start(ap, n);
  double s = 0;
  for (int i = 0; i < n; i++) {
    int kind = va_arg(ap, int);
    if (kind == 0) s += va_arg(ap, int);
    else if (kind == 1) s += va_arg(ap, long);
    else if (kind == 2) s += va_arg(ap, double);
    else if (kind == 3) s += strlen(va_arg(ap, char *));
    else { struct pt p = va_arg(ap, struct pt); s += p.x + p.y + p.w; }
  }
  va_end(ap);
  return s;
}
void logf2(const char *fmt, ...) { char buf[100]; va_list ap, aq; va_start(ap, fmt); va_copy(aq, ap);
  vsnprintf(buf, sizeof buf, fmt, aq); va_end(aq); printf("[%s]\\n", buf); va_end(ap); }
int main(void) {
  struct pt p = { 3, 4, 0.5 };
  printf("%.2f\\n", sum(5, 0, 7, 1, 10000000000L, 2, 2.25, 3, "hello", 4, p));
  float f = 1.5f; char c = 'x'; short sh = -2;
  printf("%.1f %c %d %s %ld %p\\n", f, c, sh, "str", -5L, (void *)0);
  logf2("%d-%s-%.3e", 42, "mid", 12345.678);
  return 0;
}`));

  it("structs by value: arguments, returns, chained members, assignment of calls", () =>
    sameAsGcc(prelude + `
typedef struct { double x, y, z; } vec;
typedef struct { vec a, b; char tag[8]; } seg;
vec add(vec p, vec q) { vec r = { p.x + q.x, p.y + q.y, p.z + q.z }; p.x = 1000; return r; }
vec scale(vec v, double k) { v.x *= k; v.y *= k; v.z *= k; return v; }
seg mk(const char *t) { seg s; memset(&s, 0, sizeof s); s.a = (vec){1, 2, 3}; s.b = scale(s.a, 2); strcpy(s.tag, t); return s; }
int main(void) {
  vec u = { 1, 2, 3 }, v = { 10, 20, 30 };
  vec w = add(u, scale(v, 0.5));
  printf("%g %g %g / %g\\n", w.x, w.y, w.z, u.x);
  seg s = mk("hi");
  printf("%g %g %s %g\\n", s.b.z, mk("yo").a.y, mk("abc").tag, add(s.a, s.b).x);
  seg t; t = s; t.a.x = 99; printf("%g %g\\n", s.a.x, t.a.x);
  vec arr[3]; for (int i = 0; i < 3; i++) arr[i] = scale(u, i);
  printf("%g %g\\n", arr[2].z, (1 ? arr[1] : arr[2]).y);
  return 0;
}`));

  it("function pointers, tables in static data, and callbacks into the libc", () =>
    sameAsGcc(prelude + `
static int dbl(int x) { return 2 * x; }
static int sq(int x) { return x * x; }
int neg(int x) { return -x; }
int (*ops[])(int) = { dbl, sq, neg, 0 };
struct cmd { const char *name; int (*fn)(int); } cmds[] = { { "dbl", dbl }, { "sq", &sq } };
int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
int apply(int (*f)(int), int v) { return f ? (*f)(v) : -1; }
int main(void) {
  for (int i = 0; ops[i]; i++) printf("%d ", ops[i](7));
  printf("\\n%s=%d %s=%d %d\\n", cmds[0].name, cmds[0].fn(5), cmds[1].name, apply(cmds[1].fn, 6), apply(0, 1));
  int xs[] = { 5, -2, 9, 0, 3 };
  qsort(xs, 5, sizeof xs[0], cmp);
  for (int i = 0; i < 5; i++) printf("%d ", xs[i]);
  printf("%d\\n", ops[0] == dbl);
  return 0;
}`));

  it("static data: address constants, strings, partial initialization, static locals", () =>
    sameAsGcc(prelude + `
int arr[10] = { 1, 2, 3, [7] = 70 };
int *p = &arr[2];
int *q = arr + 7;
char *names[] = { "alpha", "beta", "gamma" };
char buf[16] = "hey";
struct s { int a; char *s; double d; struct { short x, y; } in; } ss = { 1, "str", 2.5, { -1, 7 } };
struct s *sp = &ss;
short *yp = &ss.in.y;
long big = -1L;
unsigned char uc = 200;
double dd[] = { 1.5, -0.0, 1e300 };
int counter(void) { static int c = 10; static int *pc = &c; return (*pc)++; }
int main(void) {
  printf("%d %d %d %d %s %s %s\\n", *p, *q, arr[9], arr[7], names[1], buf, buf + 1);
  printf("%d %s %g %d %d %d\\n", sp->a, sp->s, sp->d, ss.in.x, *yp, (int)sizeof ss);
  printf("%ld %u %g %g %g\\n", big, uc, dd[0], dd[1], dd[2]);
  int c1 = counter(), c2 = counter(); printf("%d %d %d\\n", c1, c2, counter());
  return 0;
}`));

  it("integer semantics: widths, signedness, shifts, division, conversions", () =>
    sameAsGcc(prelude + `
int main(void) {
  unsigned char a = 250; a += 10; signed char b = 127; b++;
  unsigned short c = 65535; c += 2; short d = -32768; d--;
  unsigned u = 0; u--; int i = -7;
  long l = 1L << 40; unsigned long ul = -1;
  printf("%d %d %d %d %u %d %d\\n", a, b, c, d, u, i / 2, i % 3);
  printf("%ld %lu %ld %lu\\n", l >> 3, ul >> 60, -l / 3, ul / 7);
  printf("%d %d %u\\n", -1 >> 1, (int)(0x80000000u >> 31), 1u << 31);
  printf("%d %d %d\\n", (char)300, (unsigned char)-1, (short)70000);
  printf("%d %d %d %d\\n", (int)3.99, (int)-3.99, (unsigned)3.5e9 > 0, (_Bool)0.1);
  long long x = 0x123456789abcdefLL; printf("%llx %x %d\\n", x * 31, (unsigned)x, (int)(x % 1000));
  _Bool t = 5; t++; printf("%d %d\\n", t, !t);
  printf("%d %d\\n", 7 / -2, -7 % 2);
  int m = 5; m <<= 28; printf("%d\\n", m);
  return 0;
}`));

  it("floating semantics: float vs double, conversions, math intrinsics and host math", () =>
    sameAsGcc(prelude + `#include <math.h>
int main(void) {
  float f = 16777216.0f; f += 1.0f; double d = 0.1 + 0.2;
  printf("%.1f %.17g %.9g\\n", f, d, (float)d);
  printf("%g %g %g %g %g %g\\n", sqrt(2.0), fabs(-3.5), floor(-2.5), ceil(2.1), trunc(-2.7), rint(2.5));
  printf("%g %g %g %g\\n", sqrtf(2.0f), copysign(3.0, -1.0), round(2.5), fmin(1.0, NAN));
  printf("%.6f %.6f %.6f %.6f\\n", sin(1.0), pow(2.0, 0.5), log(10.0), atan2(1.0, 2.0));
  printf("%d %d %d\\n", isnan(NAN), isinf(-INFINITY) != 0, isfinite(1.0));
  double z = 0.0; printf("%g %g %d\\n", 1.0 / z, -1.0 / z, (0.0 / z) != (0.0 / z));
  long double ld = 1.25L; printf("%.2Lf %zu\\n", ld * 2, sizeof ld);
  return 0;
}`));

  it("statement expressions, comma, conditional lvalues through pointers, compound literals", () =>
    sameAsGcc(prelude + `
#define MAX(a, b) ({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
int main(void) {
  int i = 3, j = 9;
  int k = MAX(i++, j--);
  printf("%d %d %d\\n", i, j, k);
  int x = (i++, j += 2, i + j);
  int *pp = i > j ? &i : &j; *pp = 100;
  printf("%d %d %d\\n", x, i, j);
  int *cl = (int[]){ 4, 5, 6 };
  struct q { int a, b; } *qp = &(struct q){ .b = 8 };
  printf("%d %d %d\\n", cl[2], qp->a, qp->b);
  return 0;
}`));

  it("recursion with frames, arrays on the stack, address-taken locals", () =>
    sameAsGcc(prelude + `
void fill(int *p, int n, int v) { for (int i = 0; i < n; i++) p[i] = v + i; }
int deep(int n) { int local[16]; fill(local, 16, n); int *q = &n; if (n == 0) return local[15]; return deep(*q - 1) + local[3]; }
int main(void) { printf("%d\\n", deep(50)); char s[32]; sprintf(s, "%05d|%-4s|", 42, "ab"); puts(s); return 3; }`));

  it("the same output at every optimization level", async () => {
    const src = prelude + `int main(void) { long s = 0; for (int i = 0; i < 1000; i++) s += (long)i * i % 7; printf("%ld\\n", s); return 0; }`;
    const want = gcc(src);
    for (const level of [0, 1, 2, 3, "s"] as const) {
      const got = await ours(src, level);
      expect(got.stdout).toBe(want.stdout);
    }
  });
});

describe("the module", () => {
  it("reports an undefined reference as E5001", () => {
    const c = compileC("int nothere(int);\nint main(void) { return nothere(1); }\n");
    expect(c.diagnostics.filter((d) => d.code === "E5001").map((d) => `${d.span.line}:${d.span.col} ${d.args[0]}`)).toEqual(["2:25 nothere"]);
  });

  it("imports only the host functions the program reaches", () => {
    const c = compileC("#include <math.h>\n#include <stdio.h>\nint main(void) { printf(\"%f\\n\", sin(1.0)); return 0; }\n");
    expect(c.manifest!.imports.map((i) => i.name).sort()).toEqual(["__vfprintf", "sin"]);
    const empty = compileC("int f(int x) { return x + 1; }\n");
    expect(empty.manifest!.imports).toEqual([]);
  });

  it("describes exports and struct layouts in the manifest", () => {
    const c = compileC(`
struct particle { double x, y, z, vx, vy, vz, energy; long id; };
typedef struct { long n; double mean; } stats;
struct flags { unsigned a : 3, b : 5; char *name; };
static int helper(int x) { return x; }
double kernel(const struct particle *p, long n, stats *s, struct flags f) { return p[0].energy + n + s->mean + f.a + helper(1); }
struct particle make(void) { struct particle p = {0}; return p; }
`);
    const m = c.manifest!;
    expect(m.exports.map((e) => e.name)).toEqual(["kernel", "make"]);
    const k = m.exports[0];
    expect(k.params.map((p) => `${p.name}:${p.type}:${p.wasm}`)).toEqual([
      "p:const struct particle *:i32", "n:long:i64", "s:stats *:i32", "f:struct flags:i32",
    ]);
    expect(k.result).toEqual({ type: "double", wasm: "f64" });
    expect(m.exports[1].sret).toBe(true);
    const particle = m.structs.find((s) => s.name === "struct particle")!;
    expect(particle.size).toBe(64);
    expect(particle.fields.map((f) => `${f.name}@${f.offset}`).join(" ")).toBe("x@0 y@8 z@16 vx@24 vy@32 vz@40 energy@48 id@56");
    expect(m.structs.find((s) => s.name === "stats")?.size).toBe(16);
    const flags = m.structs.find((s) => s.name === "struct flags")!;
    expect(flags.fields.slice(0, 2)).toEqual([
      { name: "a", type: "unsigned int", offset: 0, size: 4, bitWidth: 3, bitOffset: 0 },
      { name: "b", type: "unsigned int", offset: 0, size: 4, bitWidth: 5, bitOffset: 3 },
    ]);
    expect(m.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names locals in unoptimized text", () => {
    const c = compileC("int add(int a, int b) { int s = a + b; return s; }\n", "t.c", { optimize: 0, text: true });
    expect(c.text).toContain("(param $a i32)");
    expect(c.text).toContain("(local $s i32)");
  });

  it("compiles a kernel fast once warm", () => {
    const src = `
struct particle { double x, y, z, vx, vy, vz, energy; long id; };
long count_in_box(const struct particle *p, long n, double lo, double hi) {
  long c = 0;
  for (long i = 0; i < n; i++)
    if (p[i].x >= lo && p[i].x < hi && p[i].y >= lo && p[i].y < hi && p[i].z >= lo && p[i].z < hi) c++;
  return c;
}`;
    for (let i = 0; i < 30; i++) compileC(src); // binaryen's own wasm tiers up over the first runs
    const times: number[] = [];
    for (let i = 0; i < 11; i++) {
      const t0 = performance.now();
      compileC(src);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`kernel compile (front end + codegen -O2), median ${times[5].toFixed(2)} ms`);
    expect(times[5]).toBeLessThan(200); // a regression guard; the figure itself goes to bench/
  });
});
