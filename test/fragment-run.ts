// Test helper: instantiate a compiled fragment module the way a host does (runtime/abi.ts):
// "env" from runtime/host.ts, the `param` values as module "params", and an aggregate's queues
// as module "enstage"; plus typed access to records in its memory.
import { makeHostImports } from "../runtime/host.js";
import { STACK_POINTER, type Manifest } from "../runtime/abi.js";

export interface Queue {
  /** Record addresses in wasm memory, oldest first. */
  items: number[];
  /** What EVsubmit_X received: [port, a copy of the record's bytes]. */
  submitted: [number, Uint8Array][];
}

export interface Instance {
  exports: Record<string, any>;
  memory: WebAssembly.Memory;
  stdout: string;
  queues: Map<string, Queue>;
  /** Carves `size` bytes (16-aligned) off the top of the stack, as a host does for buffers. */
  alloc(size: number): number;
  view(): DataView;
}

export async function instantiate(
  binary: Uint8Array,
  manifest: Manifest,
  params: Record<string, number | bigint> = {},
): Promise<Instance> {
  let memory: WebAssembly.Memory | undefined;
  let stdout = "";
  const { env } = makeHostImports({
    memory: () => memory!,
    stdout: (b) => (stdout += new TextDecoder().decode(b)),
    stderr: () => {},
  });
  const queues = new Map<string, Queue>();
  const queueOf = (tag: string) => {
    let q = queues.get(tag);
    if (!q) queues.set(tag, (q = { items: [], submitted: [] }));
    return q;
  };
  const enstage: Record<string, Function> = {};
  for (const imp of manifest.imports) {
    if (imp.module !== "enstage") continue;
    const [, verb, tag] = /^EV(count|data|discard|submit)_(\w+)$/.exec(imp.name)!;
    const size = manifest.structs.find((s) => s.name === `struct ${tag}`)?.size ?? 0;
    enstage[imp.name] =
      verb === "count" ? () => BigInt(queueOf(tag).items.length)
      : verb === "data" ? (i: bigint) => queueOf(tag).items[Number(i)] ?? 0
      : verb === "discard" ? (i: bigint) => void queueOf(tag).items.splice(Number(i), 1)
      : (port: number, addr: number) => void queueOf(tag).submitted.push([port, new Uint8Array(memory!.buffer, addr, size).slice()]);
  }
  // Params are imported mutable (runtime/abi.ts): each value as a WebAssembly.Global of its type.
  const globals: Record<string, WebAssembly.Global> = {};
  for (const p of manifest.params) {
    const v = params[p.name];
    if (v !== undefined && !p.bound) globals[p.name] = new WebAssembly.Global({ value: p.wasm as "i32", mutable: true }, (p.wasm === "i64" ? BigInt(v) : Number(v)) as number);
  }
  const { instance } = await WebAssembly.instantiate(binary as BufferSource, {
    env: env as WebAssembly.ModuleImports,
    params: globals as WebAssembly.ModuleImports,
    enstage: enstage as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as Record<string, any>;
  memory = exports.memory as WebAssembly.Memory;
  const sp = exports[STACK_POINTER] as WebAssembly.Global;
  return {
    exports,
    memory,
    get stdout() {
      return stdout;
    },
    queues,
    alloc(size: number) {
      sp.value = (sp.value - size) & ~15;
      return sp.value;
    },
    view: () => new DataView(memory!.buffer),
  };
}

/** `struct particle { double x, y, z, vx, vy, vz, energy; long id; }`, 64 bytes. */
export const PARTICLE = "struct particle { double x, y, z, vx, vy, vz, energy; long id; };";
export const PARTICLE_SIZE = 64;

export interface Particle {
  x: number;
  energy: number;
  id: bigint;
}

/** Deterministic particles: energies spread over [-1, 11), x over [-1, 1). */
export function particles(n: number, seed = 1): Particle[] {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return Array.from({ length: n }, (_, i) => ({ x: next() * 2 - 1, energy: next() * 12 - 1, id: BigInt(i + 1) }));
}

export function writeParticles(inst: Instance, at: number, ps: Particle[]): void {
  const dv = inst.view();
  ps.forEach((p, i) => {
    const b = at + i * PARTICLE_SIZE;
    for (let k = 0; k < 7; k++) dv.setFloat64(b + k * 8, 0, true);
    dv.setFloat64(b, p.x, true);
    dv.setFloat64(b + 48, p.energy, true);
    dv.setBigInt64(b + 56, p.id, true);
  });
}

export function readParticles(inst: Instance, at: number, n: number): Particle[] {
  const dv = inst.view();
  return Array.from({ length: n }, (_, i) => {
    const b = at + i * PARTICLE_SIZE;
    return { x: dv.getFloat64(b, true), energy: dv.getFloat64(b + 48, true), id: dv.getBigInt64(b + 56, true) };
  });
}
