// runtime/host.ts: the "env" imports, against a real WebAssembly.Memory, and through a real
// wasm module where the boundary matters (i64 sizes, NaN signs, exceptions unwinding wasm).
// Expected strtod and NaN results are glibc's (gcc-compiled C, pasted as data).

import binaryen from "binaryen";
import { describe, expect, it } from "vitest";
import { HOST_IMPORTS } from "../runtime/abi.js";
import { hostImportNames, makeHostImports, ProgramAbort, ProgramExit } from "../runtime/host.js";

function setup(programName?: string) {
  const memory = new WebAssembly.Memory({ initial: 2 });
  const out: number[] = [];
  const err: number[] = [];
  const { env } = makeHostImports({
    memory: () => memory,
    stdout: (b) => out.push(...b),
    stderr: (b) => err.push(...b),
    programName,
  });
  const bytes = () => new Uint8Array(memory.buffer);
  const view = () => new DataView(memory.buffer);
  let heap = 1024;
  /** Writes a NUL-terminated string and returns its address. */
  const str = (text: string): number => {
    const at = heap;
    const b = new TextEncoder().encode(text);
    bytes().set(b, at);
    bytes()[at + b.length] = 0;
    heap += b.length + 1;
    return at;
  };
  const text = (list: number[]) => new TextDecoder().decode(Uint8Array.from(list));
  return { memory, env, out, err, bytes, view, str, text };
}

/** Builds a variadic area at 8192: ints, pointers, doubles in 8-byte slots. */
function slots(view: DataView, values: (["i", number] | ["d", number] | ["p", number] | ["l", bigint])[]): number {
  values.forEach(([t, v], k) => {
    const at = 8192 + 8 * k;
    if (t === "i") view.setInt32(at, v as number, true);
    else if (t === "d") view.setFloat64(at, v as number, true);
    else if (t === "p") view.setBigUint64(at, BigInt(v as number), true);
    else view.setBigInt64(at, v as bigint, true);
  });
  return 8192;
}

describe("__vsnprintf", () => {
  it("truncates to size-1 bytes, always writes the NUL, and returns the full length", () => {
    const h = setup();
    const fmt = h.str("%s-%d");
    const s = h.str("hello");
    const ap = slots(h.view(), [["p", s], ["i", 12345]]);
    const buf = 4096;
    const read = (n: number) => String.fromCharCode(...h.bytes().subarray(buf, buf + n));
    h.bytes().fill(0x23, buf, buf + 32);
    expect(h.env.__vsnprintf(buf, 32n, fmt, ap)).toBe(11);
    expect(read(12)).toBe("hello-12345\0");
    h.bytes().fill(0x23, buf, buf + 32);
    expect(h.env.__vsnprintf(buf, 5n, fmt, ap)).toBe(11);
    expect(read(6)).toBe("hell\0#");
    h.bytes().fill(0x23, buf, buf + 32);
    expect(h.env.__vsnprintf(buf, 1n, fmt, ap)).toBe(11);
    expect(read(2)).toBe("\0#");
    h.bytes().fill(0x23, buf, buf + 32);
    expect(h.env.__vsnprintf(buf, 0n, fmt, ap)).toBe(11);
    expect(read(1)).toBe("#");
    // sprintf passes the largest size; size_t -1 arrives as the i64 -1.
    expect(h.env.__vsnprintf(buf, -1n, fmt, ap)).toBe(11);
    expect(read(12)).toBe("hello-12345\0");
    expect(h.env.__vsnprintf(buf, 12, fmt, ap)).toBe(11);
  });

  it("returns -1 like glibc when the format ends inside a conversion", () => {
    const h = setup();
    expect(h.env.__vsnprintf(4096, 100n, h.str("abc%"), 8192)).toBe(-1);
    expect(String.fromCharCode(...h.bytes().subarray(4096, 4100))).toBe("abc\0");
  });
});

describe("__vfprintf and __write", () => {
  it("sends fd 1 to stdout and fd 2 to stderr, returning the byte count", () => {
    const h = setup();
    const ap = slots(h.view(), [["d", 2.5], ["i", -7]]);
    expect(h.env.__vfprintf(1, h.str("x=%.3f y=%+d\n"), ap)).toBe(13);
    expect(h.env.__vfprintf(2, h.str("err %%\n"), ap)).toBe(6);
    expect(h.env.__vfprintf(7, h.str("lost"), ap)).toBe(-1);
    expect(h.text(h.out)).toBe("x=2.500 y=-7\n");
    expect(h.text(h.err)).toBe("err %\n");
  });

  it("writes raw bytes, including NULs, and rejects unknown fds", () => {
    const h = setup();
    h.bytes().set([0x61, 0, 0x62, 0xff], 3000);
    expect(h.env.__write(1, 3000, 4)).toBe(4);
    expect(h.env.__write(2, 3000, 1)).toBe(1);
    expect(h.env.__write(3, 3000, 1)).toBe(-1);
    expect(h.env.__write(1, 3000, 0)).toBe(0);
    expect(h.out).toEqual([0x61, 0, 0x62, 0xff]);
    expect(h.err).toEqual([0x61]);
  });

  it("reads memory afresh after it grows", () => {
    const h = setup();
    h.memory.grow(3);
    const at = 3 * 65536 + 100;
    new Uint8Array(h.memory.buffer).set([0x68, 0x69, 0], at);
    expect(h.env.__write(1, at, 2)).toBe(2);
    expect(h.text(h.out)).toBe("hi");
  });
});

describe("exit, abort and assert", () => {
  it("exit and __exit throw ProgramExit with the code", () => {
    const h = setup();
    expect(() => h.env.__exit(3)).toThrow(ProgramExit);
    try {
      h.env.__exit(-1);
    } catch (e) {
      expect(e).toBeInstanceOf(ProgramExit);
      expect((e as ProgramExit).code).toBe(-1);
      expect((e as ProgramExit).status).toBe(255);
    }
    expect(() => h.env.exit(0)).toThrow(ProgramExit);
  });

  it("abort throws ProgramAbort with status 134 and prints nothing itself", () => {
    const h = setup();
    let caught: unknown;
    try {
      h.env.abort();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ProgramAbort);
    expect((caught as ProgramAbort).status).toBe(134);
    expect((caught as ProgramAbort).message).toBe("Aborted");
    expect(h.err).toEqual([]);
  });

  it("__assert_fail prints glibc's message, then aborts", () => {
    const h = setup("./prog");
    const args = [h.str("x > 0 && \"positive\""), h.str("t.c"), 42, h.str("main")];
    expect(() => h.env.__assert_fail(...args)).toThrow(ProgramAbort);
    expect(h.text(h.err)).toBe("./prog: t.c:42: main: Assertion `x > 0 && \"positive\"' failed.\n");
    h.err.length = 0;
    expect(() => h.env.__assert_fail(args[0], args[1], -1, 0)).toThrow(ProgramAbort);
    expect(h.text(h.err)).toBe("./prog: t.c:4294967295: Assertion `x > 0 && \"positive\"' failed.\n");
  });
});

// glibc's strtod on each input: [input, result bits, characters consumed].
const strtodCases: [string, string, number][] = [
  ["0", "0000000000000000", 1],
  ["  -0", "8000000000000000", 4],
  ["1.5", "3ff8000000000000", 3],
  ["+2.5e3x", "40a3880000000000", 6],
  ["1e", "3ff0000000000000", 1],
  ["1e+", "3ff0000000000000", 1],
  ["1e-2", "3f847ae147ae147b", 4],
  [".5", "3fe0000000000000", 2],
  ["5.", "4014000000000000", 2],
  [".", "0000000000000000", 0],
  ["-.e1", "0000000000000000", 0],
  ["abc", "0000000000000000", 0],
  ["", "0000000000000000", 0],
  ["  ", "0000000000000000", 0],
  ["0x1p3", "4020000000000000", 5],
  ["0x1.8p1", "4008000000000000", 7],
  ["-0x.8", "bfe0000000000000", 5],
  ["0x", "0000000000000000", 1],
  ["0xg", "0000000000000000", 1],
  ["0x1p", "3ff0000000000000", 3],
  ["0X1P-1074", "0000000000000001", 9],
  ["0x1p-1075", "0000000000000000", 9],
  ["0x1.0000000000001p-1075", "0000000000000001", 23],
  ["0x1.fffffffffffff8p1023", "7ff0000000000000", 23],
  ["0x1.fffffffffffff7p1023", "7fefffffffffffff", 23],
  ["1e400", "7ff0000000000000", 5],
  ["-1e400", "fff0000000000000", 6],
  ["1e-400", "0000000000000000", 6],
  ["2.2250738585072011e-308", "000fffffffffffff", 23],
  ["4.9406564584124654e-324", "0000000000000001", 23],
  ["2.4703282292062328e-324", "0000000000000001", 23],
  ["2.4703282292062327e-324", "0000000000000000", 23],
  ["inf", "7ff0000000000000", 3],
  ["-INFINITY", "fff0000000000000", 9],
  ["infinit", "7ff0000000000000", 3],
  ["nan", "7ff8000000000000", 3],
  ["-nan", "fff8000000000000", 4],
  ["NaN(123)", "7ff800000000007b", 8],
  ["nan(", "7ff8000000000000", 3],
  ["nan(abc", "7ff8000000000000", 3],
  ["123456789012345678901234567890", "45f8ee90ff6c373e", 30],
  ["0.1", "3fb999999999999a", 3],
  ["9007199254740993", "4340000000000000", 16],
  ["1.7976931348623158e308", "7fefffffffffffff", 22],
  ["1.7976931348623159e308", "7ff0000000000000", 22],
  ["\t\n42", "4045000000000000", 4],
  ["0x.p1", "0000000000000000", 1],
  ["0x1.8", "3ff8000000000000", 5],
  ["1.5e+03", "4097700000000000", 7],
  ["00012", "4028000000000000", 5],
  ["1_000", "3ff0000000000000", 1],
  ["0x10", "4030000000000000", 4],
  ["1e99999999999", "7ff0000000000000", 13],
  ["0e0", "0000000000000000", 3],
  ["0.000000000000000000000000000000000000000001e42", "3ff0000000000000", 47],
];

const bitsOf = (x: number): string => {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getBigUint64(0).toString(16).padStart(16, "0");
};

describe("strtod", () => {
  it.each(strtodCases)("%j", (input, bits, consumed) => {
    const h = setup();
    const s = h.str(input);
    h.view().setBigUint64(5000, 0xdeadbeefdeadbeefn, true);
    const value = h.env.strtod(s, 5000);
    expect(bitsOf(value)).toBe(bits);
    expect(h.view().getUint32(5000, true) - s).toBe(consumed);
    expect(h.view().getUint32(5004, true)).toBe(0); // a pointer occupies 8 bytes
    expect(bitsOf(h.env.strtod(s, 0))).toBe(bits);
  });
});

describe("math imports", () => {
  const h = setup();
  const m = h.env;

  it("provide every host import of the ABI, and __exit", () => {
    for (const name of Object.keys(HOST_IMPORTS)) expect(typeof m[name], name).toBe("function");
    for (const name of hostImportNames) expect(typeof m[name], name).toBe("function");
    expect(typeof m.__exit).toBe("function");
  });

  it("follow C where C and JavaScript differ", () => {
    expect(m.pow(1, NaN)).toBe(1);
    expect(m.pow(NaN, 0)).toBe(1);
    expect(m.pow(-1, Infinity)).toBe(1);
    expect(m.pow(-1, -Infinity)).toBe(1);
    expect(m.pow(-8, 1 / 3)).toBeNaN();
    expect(m.pow(-0, 0.5)).toBe(0);
    expect(m.pow(-Infinity, 0.5)).toBe(Infinity);
    expect(m.fmod(-7, 3)).toBe(-1);
    expect(Object.is(m.fmod(-0, 3), -0)).toBe(true);
    expect(m.hypot(Infinity, NaN)).toBe(Infinity);
  });

  it("give glibc's NaN signs (measured with gcc): negative for domain errors except log10/asin/acos", () => {
    expect(bitsOf(m.log(-1))).toBe("fff8000000000000");
    expect(bitsOf(m.log2(-1))).toBe("fff8000000000000");
    expect(bitsOf(m.sin(Infinity))).toBe("fff8000000000000");
    expect(bitsOf(m.pow(-1.5, 0.5))).toBe("fff8000000000000");
    expect(bitsOf(m.fmod(1, 0))).toBe("fff8000000000000");
    expect(bitsOf(m.log10(-1))).toBe("7ff8000000000000");
    expect(bitsOf(m.asin(2))).toBe("7ff8000000000000");
    expect(bitsOf(m.acos(2))).toBe("7ff8000000000000");
    // A NaN argument comes back, sign kept.
    const negNaN = new DataView(new ArrayBuffer(8));
    negNaN.setBigUint64(0, 0xfff8000000000000n);
    expect(bitsOf(m.exp(negNaN.getFloat64(0)))).toBe("fff8000000000000");
    expect(bitsOf(m.atan2(NaN, 1))).toBe("7ff8000000000000");
  });

  it("compute integer powers correctly rounded, as glibc's pow does", () => {
    // glibc values (gcc-compiled pow), where V8's Math.pow is one ulp off.
    expect(bitsOf(m.pow(10, -29))).toBe("39e95a5efea6b347");
    expect(bitsOf(m.pow(10, -24))).toBe("3af357c299a88ea7");
    expect(bitsOf(m.pow(10, -23))).toBe("3b282db34012b251");
    for (let k = -22; k <= 22; k++) expect(m.pow(10, k)).toBe(Number(`1e${k}`));
    expect(m.pow(2, -1074)).toBe(5e-324);
    expect(m.pow(2, -1075)).toBe(0);
    expect(m.pow(2, 1024)).toBe(Infinity);
    expect(m.pow(-2, 3)).toBe(-8);
    expect(m.pow(-2, -3)).toBe(-0.125);
    expect(m.pow(1.0000001, 1000)).toBe(1.0001000049952247);
    expect(m.pow(0.1, 2)).toBe(0.010000000000000002);
    expect(m.pow(1.1, -9)).toBe(0.42409761837248461);
    expect(m.pow(3.7, 17)).toBe(4564879408.260355);
  });

  it("round the f32 versions to float", () => {
    expect(m.sinf(1)).toBe(Math.fround(Math.sin(1)));
    expect(m.powf(2, 0.5)).toBe(Math.fround(Math.SQRT2));
    expect(m.atan2f(1, 1)).toBe(Math.fround(Math.PI / 4));
  });
});

describe("through a wasm module", () => {
  // Calls the imports from wasm: i64 sizes arrive as BigInt, NaN bits survive the boundary
  // (f64 and f32), and the exceptions unwind through wasm frames to the caller.
  const wat = `(module
    (import "env" "__vsnprintf" (func $vsnprintf (param i32 i64 i32 i32) (result i32)))
    (import "env" "__exit" (func $exit (param i32)))
    (import "env" "log" (func $log (param f64) (result f64)))
    (import "env" "logf" (func $logf (param f32) (result f32)))
    (import "env" "log10f" (func $log10f (param f32) (result f32)))
    (memory (export "memory") 1)
    (data (i32.const 1024) "%d|%s|%.2f\\00ok\\00")
    (func (export "fmt") (param $size i64) (result i32)
      (i32.store (i32.const 2048) (i32.const -5))
      (i64.store (i32.const 2056) (i64.const 1035))
      (f64.store (i32.const 2064) (f64.const 3.14159))
      (call $vsnprintf (i32.const 4096) (local.get $size) (i32.const 1024) (i32.const 2048)))
    (func (export "logbits") (param f64) (result i64) (i64.reinterpret_f64 (call $log (local.get 0))))
    (func (export "logfbits") (param f32) (result i32) (i32.reinterpret_f32 (call $logf (local.get 0))))
    (func (export "log10fbits") (param f32) (result i32) (i32.reinterpret_f32 (call $log10f (local.get 0))))
    (func (export "quit") (param i32) (call $exit (local.get 0)) (unreachable)))`;
  async function instantiate() {
    const mod = binaryen.parseText(wat);
    const binary = mod.emitBinary();
    mod.dispose();
    let memory: WebAssembly.Memory | undefined;
    const { env } = makeHostImports({ memory: () => memory!, stdout: () => {}, stderr: () => {} });
    const instance = new WebAssembly.Instance(new WebAssembly.Module(binary as Uint8Array<ArrayBuffer>), { env: env as WebAssembly.ModuleImports });
    memory = instance.exports.memory as WebAssembly.Memory;
    return { exports: instance.exports as Record<string, Function>, memory };
  }

  it("formats with an i64 size", async () => {
    const { exports, memory } = await instantiate();
    expect(exports.fmt(100n)).toBe(10);
    expect(String.fromCharCode(...new Uint8Array(memory.buffer, 4096, 11))).toBe("-5|ok|3.14\0");
    expect(exports.fmt(4n)).toBe(10);
    expect(String.fromCharCode(...new Uint8Array(memory.buffer, 4096, 4))).toBe("-5|\0");
  });

  it("passes glibc's NaN signs through f64 and f32 results", async () => {
    const { exports } = await instantiate();
    expect(BigInt.asUintN(64, exports.logbits(-1)).toString(16)).toBe("fff8000000000000");
    expect((exports.logfbits(-1) >>> 0).toString(16)).toBe("ffc00000");
    expect((exports.log10fbits(-1) >>> 0).toString(16)).toBe("7fc00000");
  });

  it("unwinds exit through wasm as ProgramExit", async () => {
    const { exports } = await instantiate();
    expect(() => exports.quit(7)).toThrow(ProgramExit);
  });
});
