// SmartTap: the source side of the data path, inside the simulation's process.
// In: the simulation's `write(step, records)` calls, and the stager's messages over a Link
// (runtime/protocol.ts). Out: "data ready" announcements with each step's local partial state,
// and chunks (raw, or reduced by fragments the stager ships) when the stager pulls them.
//
// `write` copies the records into a pre-allocated pool slot, runs the local phase of a file with
// global params, announces, and returns: the simulation never waits for data to move. The slot
// stays held until the stager pulls that step. A pull may carry a module and steps to run on the
// buffered data first (a fragment placed at the source); the data then moves reduced. The raw
// slot buffer itself is transferred when nothing ran (no copy) and comes back with `release`.
// With a local phase, the pool lives in the phase instance's memory instead, so `write` copies
// the records once and the local phase reads them where they are; a step that moves raw is then
// copied out of the pool when staging pulls it (into a buffer that comes back with `release`).
// The phase functions so see the buffered steps, but they are code the compiler derives from the
// global params (in the hash-checked module of the setup) and only read their records; no
// fragment code ever runs in the phase instance, so none can reach the pool. A fragment staging
// ships works on a copy, in a memory of its own. A lone stateless transform of a generic module
// pulled with its param values (Pull.run.values) runs in a long-lived instance of that module
// kept for it (one per generic hash, compiled once), with the values set into its (mutable)
// param globals: no module load per step, only the copy of the slot into its memory. A fault
// drops that instance; the next such pull gets a fresh one.
// A full pool is backpressure, never loss: the configured policy blocks the write until a slot
// is drained (up to a timeout) or fails it at once, with a BackpressureError either way.
//
// Fragments run under runtime/sandbox.ts: a trap or exhausted fuel is a fault reported with the
// data, which passes on unmodified. A module whose bytes do not match its hash is refused.
// The step's module is the one the pull names, so a step runs entirely under one version.
//
// This file and what it imports are bundled into dist/smarttap.mjs without the compiler.

import type { Manifest } from "./abi.js";
import { instantiateForPhases, localPhase, localPhaseAt, reservePool } from "./phases.js";
import { sourceFuel } from "./operation.js";
import { wholeBuffer, type Announce, type Data, type Hello, type Link, type ModuleRef, type Pull, type Release, type Setup, type ToSource, type ToStager } from "./protocol.js";
import { setParams } from "./fragments.js";
import { loadGuarded, moduleHash, ReusedMemory, runGuarded, type FragmentFault, type GuardedModule } from "./sandbox.js";
import { extractState, installState } from "./state.js";

// What a simulation needs besides the tap: a link to put it on.
export { portLink } from "./protocol.js";
export type { Link, ToSource, ToStager } from "./protocol.js";

export class BackpressureError extends Error {
  override name = "BackpressureError";
}

export interface SmartTapOptions {
  /** This rank's id. */
  source: number;
  /** Pool slots (default 4) and the bytes each holds (the largest write). */
  slots?: number;
  slotBytes: number;
}

interface Slot {
  /** Its own buffer; absent while lent to the stager (transferred), until it comes back. */
  buffer?: ArrayBuffer;
  /** Or, with a local phase, where it is in the phase instance's memory. */
  at?: number;
  /** The step it holds, or -1 when free. */
  step: number;
  bytes: number;
}

type Phase = ReturnType<typeof instantiateForPhases>;

export class SmartTap {
  readonly source: number;
  private readonly link: Link<ToSource, ToStager>;
  private readonly slots: Slot[];
  private readonly slotBytes: number;
  private setup?: Setup;
  private phase?: Phase;
  /** The phase module's hash, told to staging with each announcement. */
  private phaseHash?: string;
  private readonly ready: Promise<void>;
  private closed!: Promise<void>;
  private readonly waiters: (() => void)[] = [];
  /** Buffers that raw steps were copied out of a pool in the phase memory into, back from staging. */
  private readonly spares: ArrayBuffer[] = [];
  /** Modules received, by hash: a pull names a known one without its bytes. */
  private readonly modules = new Map<string, { binary: Uint8Array; manifest: Manifest }>();
  private failure?: Error;
  /** Each pull instantiates its module afresh, into this memory: a new one would page-fault the whole chunk in again. */
  private readonly runMemory = new ReusedMemory();
  /** The instance a values-form pull runs in, by generic hash (runByValues); its own memory. */
  private readonly kept = new Map<string, GuardedModule>();
  /** Totals in ms, and bytes written. */
  writeMs = 0;
  /** Of writeMs, the time spent waiting for a free buffer (backpressure). */
  blockedMs = 0;
  runMs = 0;
  bytesWritten = 0;
  steps = 0;

  constructor(link: Link<ToSource, ToStager>, options: SmartTapOptions) {
    this.source = options.source;
    this.link = link;
    this.slotBytes = options.slotBytes;
    // Their memory comes with the setup: in the local phase's instance, if there is one.
    this.slots = Array.from({ length: options.slots ?? 4 }, () => ({ step: -1, bytes: 0 }));
    let setupDone!: () => void;
    let closeDone!: () => void;
    this.ready = new Promise((r) => (setupDone = r));
    this.closed = new Promise((r) => (closeDone = r));
    link.onMessage((m) => {
      try {
        switch (m.type) {
          case "setup":
            this.onSetup(m);
            setupDone();
            break;
          case "pull":
            this.onPull(m);
            break;
          case "release":
            this.onRelease(m);
            break;
          case "close":
            closeDone();
            break;
        }
      } catch (e) {
        // A bug or a bad message must not take the simulation down: report it to staging.
        this.failure = e as Error;
        link.send({ type: "failure", source: this.source, message: (e as Error).message });
      }
    });
    const hello: Hello = { type: "hello", source: this.source, slots: this.slots.length, slotBytes: this.slotBytes };
    link.send(hello);
  }

  /** Resolves when the stager has set this tap up (its phase module and policy). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /**
   * Hands one step's records to the data path. Resolves once they are in the pool and
   * announced; rejects with a BackpressureError when the pool stays full.
   */
  async write(step: number, records: Uint8Array): Promise<void> {
    await this.ready;
    if (this.failure) throw this.failure;
    if (records.byteLength > this.slotBytes) {
      throw new RangeError(`write of ${records.byteLength} bytes at step ${step} exceeds the pool's slot size of ${this.slotBytes} bytes`);
    }
    const started = performance.now();
    let slot = this.freeSlot();
    if (!slot) {
      const setup = this.setup!;
      const held = this.slots.map((s) => s.step).filter((s) => s >= 0);
      const why = `the SmartTap pool of source ${this.source} is full (${this.slots.length} buffers hold steps ${held.join(", ")} not yet drained by staging)`;
      if (setup.policy === "fail") throw new BackpressureError(`write of step ${step} refused: ${why}`);
      const waitStarted = performance.now();
      slot = await this.waitForSlot(setup.timeoutMs);
      this.blockedMs += performance.now() - waitStarted;
      if (!slot) throw new BackpressureError(`write of step ${step} timed out after ${setup.timeoutMs} ms: ${why}`);
    }
    slot.step = step;
    slot.bytes = records.byteLength;
    const view = this.view(slot);
    view.set(records);
    // The local phase is compiled code too: if it traps, the step goes on without a partial
    // (staging then stores the step's data unprocessed) rather than failing the simulation.
    let partial: Uint8Array | undefined;
    let phaseFault: string | undefined;
    if (this.phase) {
      try {
        partial = slot.at !== undefined ? localPhaseAt(this.phase, slot.at, slot.bytes) : localPhase(this.phase, view);
      } catch (e) {
        phaseFault = (e as Error).message;
      }
    }
    const writeMs = performance.now() - started;
    this.writeMs += writeMs;
    this.bytesWritten += records.byteLength;
    this.steps++;
    const size = this.phase?.graph.recordSize;
    const announce: Announce = {
      type: "announce",
      source: this.source,
      step,
      bytes: records.byteLength,
      records: size ? records.byteLength / size : 0,
      writeMs,
      ...(partial ? { partial } : {}),
      ...(phaseFault ? { phaseFault } : {}),
      ...(this.phaseHash ? { phase: this.phaseHash } : {}),
    };
    this.link.send(announce, partial ? wholeBuffer(partial) : []);
  }

  /** Whether the buffer of `step` has left the pool (or was never written). */
  drained(step: number): boolean {
    return !this.slots.some((s) => s.step === step);
  }

  /** Resolves when every written step has been drained by staging. */
  async flush(): Promise<void> {
    while (this.slots.some((s) => s.step >= 0 || (!s.buffer && s.at === undefined))) {
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }

  /**
   * The simulation is done: waits for staging to drain everything, reports the totals and
   * waits for the stager's close.
   */
  async finish(stepMs: number): Promise<void> {
    await this.flush();
    this.link.send({
      type: "done", source: this.source, steps: this.steps,
      writeMs: this.writeMs, blockedMs: this.blockedMs, runMs: this.runMs, stepMs, bytesWritten: this.bytesWritten,
    });
    await this.closed;
  }

  private freeSlot(): Slot | undefined {
    return this.slots.find((s) => s.step < 0 && (s.buffer || s.at !== undefined));
  }

  /** The bytes a slot holds. */
  private view(slot: Slot): Uint8Array {
    if (slot.at !== undefined) return new Uint8Array(this.phase!.memory.buffer, slot.at, slot.bytes);
    return new Uint8Array(slot.buffer!, 0, slot.bytes);
  }

  private waitForSlot(timeoutMs: number): Promise<Slot | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        done = true;
        resolve(undefined);
      }, timeoutMs);
      let done = false;
      const check = () => {
        if (done) return;
        const s = this.freeSlot();
        if (s) {
          done = true;
          clearTimeout(timer);
          resolve(s);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private onSetup(m: Setup): void {
    this.setup = m;
    if (m.phase) {
      const mod = this.receive(m.phase);
      this.phase = instantiateForPhases(mod.binary, mod.manifest);
      this.phaseHash = m.phase.hash;
      const at = reservePool(this.phase, this.slots.length, this.slotBytes);
      if (at) this.slots.forEach((s, i) => (s.at = at[i]));
      this.keep(m.phase.hash, mod);
    }
    // No local phase, or its memory cannot hold the pool: buffers of their own.
    for (const s of this.slots) if (s.at === undefined) s.buffer ??= new ArrayBuffer(this.slotBytes);
    // Pre-allocated means paid for now: new memory has no pages behind it until it is written,
    // and the first write into each slot would page-fault them all in (some 3 ms per 6.4 MB).
    for (const s of this.slots) {
      if (s.at !== undefined) new Uint8Array(this.phase!.memory.buffer, s.at, this.slotBytes).fill(0);
      else if (s.buffer) new Uint8Array(s.buffer).fill(0);
    }
  }

  /**
   * Whether a pull's steps run by param values in a kept instance of the generic module: it asks
   * for one transform of a module without state, with values (state and histogram arrays take
   * the loaded path).
   */
  private byValues(run: NonNullable<Pull["run"]>, manifest: Manifest): boolean {
    if (!run.values || run.steps.length !== 1 || run.arrays || run.state) return false;
    return manifest.state.length === 0 && manifest.fragments.some((f) => f.name === run.steps[0].fragment && f.kind === "transform");
  }

  /**
   * Loads the instance values-form pulls of this generic module will run in, now, in the setup:
   * compiling and instantiating it at the first pull would cost that step some 15 ms. Params at
   * zero until a pull sets them. Room for a slot's copy is paid for now too, as for the pool
   * (malloc grows the memory, the fill pages it in; freed, the first pull's malloc gets it back).
   * A module it cannot load is left to the first pull to report.
   */
  private keep(hash: string, mod: { binary: Uint8Array; manifest: Manifest }): void {
    if (mod.manifest.state.length > 0 || !mod.manifest.fragments.some((f) => f.kind === "transform")) return;
    const zeros = Object.fromEntries(mod.manifest.params.filter((p) => !p.bound).map((p) => [p.name, p.wasm === "i64" ? 0n : 0]));
    try {
      const guarded = loadGuarded(mod.binary, mod.manifest, { expectedHash: hash, fuel: sourceFuel, params: zeros });
      const fm = guarded.fragment;
      const malloc = fm.instance.exports.malloc as (n: bigint) => bigint;
      const at = Number(malloc(BigInt(this.slotBytes)));
      if (at !== 0) {
        new Uint8Array(fm.memory.buffer, at, this.slotBytes).fill(0);
        (fm.instance.exports.free as (p: number) => void)(at);
      }
      this.kept.clear();
      this.kept.set(hash, guarded);
    } catch {
      // The pull that needs it loads it again and reports why it cannot.
    }
  }

  /**
   * Runs the pull's one step in the instance kept for its generic module (loaded, checked and
   * compiled once), with the step's param values set, on a copy of the slot in that instance's
   * own memory, under fuel. Only the newest module's instance is kept. A fault drops it.
   */
  private runByValues(run: NonNullable<Pull["run"]>, mod: { binary: Uint8Array; manifest: Manifest }, input: Uint8Array, step: number) {
    const hash = run.module.hash;
    let guarded = this.kept.get(hash);
    if (!guarded) {
      guarded = loadGuarded(mod.binary, mod.manifest, { expectedHash: hash, fuel: sourceFuel, params: run.values });
      this.kept.clear();
      this.kept.set(hash, guarded);
    }
    const fragment = run.steps[0].fragment;
    try {
      setParams(guarded.fragment, run.values!);
    } catch (e) {
      return { ok: false as const, fault: { fragment, hash, step, source: this.source, reason: "error" as const, message: (e as Error).message } };
    }
    const r = runGuarded(guarded, fragment, input, { step, source: this.source, cap: run.steps[0].cap });
    if (!r.ok) this.kept.delete(hash);
    return r;
  }

  /** A module from staging: its bytes must hash to its name. Known ones come without bytes. */
  private receive(ref: ModuleRef): { binary: Uint8Array; manifest: Manifest } {
    const known = this.modules.get(ref.hash);
    if (known) return known;
    if (!ref.binary) throw new Error(`staging named module ${ref.hash.slice(0, 12)}… without sending it, and this source does not have it`);
    const actual = moduleHash(ref.binary);
    if (actual !== ref.hash) throw new Error(`module refused: its bytes hash to ${actual.slice(0, 12)}…, not ${ref.hash.slice(0, 12)}…`);
    const mod = { binary: ref.binary, manifest: ref.manifest };
    this.modules.set(ref.hash, mod);
    return mod;
  }

  private onRelease(m: Release): void {
    const slot = this.slots.find((s) => !s.buffer && s.at === undefined);
    if (!slot) {
      if (m.buffer.byteLength >= this.slotBytes && this.spares.length < this.slots.length) this.spares.push(m.buffer);
      return;
    }
    slot.buffer = m.buffer;
    slot.step = -1;
    slot.bytes = 0;
    this.wake();
  }

  private onPull(m: Pull): void {
    const slot = this.slots.find((s) => s.step === m.step && (s.buffer || s.at !== undefined));
    if (!slot) throw new Error(`staging pulled step ${m.step}, which source ${this.source} does not hold`);
    const raw = this.view(slot);
    let data: Uint8Array = raw;
    let applied = 0;
    const faults: FragmentFault[] = [];
    let state: Uint8Array | undefined;
    let refused: string | undefined;
    const started = performance.now();
    if (m.run) {
      try {
        const mod = this.receive(m.run.module);
        if (this.byValues(m.run, mod.manifest)) {
          const r = this.runByValues(m.run, mod, raw, m.step);
          if (r.ok) {
            data = r.output.records;
            applied = 1;
          } else faults.push(r.fault);
        } else {
          // `values`: the module is the generic one, run with these param values (not specialized).
          const params = m.run.values ? { params: m.run.values } : {};
          const guarded = loadGuarded(mod.binary, mod.manifest, { expectedHash: m.run.module.hash, fuel: sourceFuel, arrays: m.run.arrays, memory: this.runMemory, ...params });
          const hasState = mod.manifest.state.length > 0;
          if (hasState && m.run.state) installState(guarded.fragment.instance, mod.manifest, m.run.state);
          for (const step of m.run.steps) {
            const r = runGuarded(guarded, step.fragment, data, { step: m.step, source: this.source, cap: step.cap });
            if (!r.ok) {
              faults.push(r.fault);
              break;
            }
            data = r.output.records;
            applied++;
            // The state after each step that ran: a later step's fault renews the instance (its
            // memory is not trusted) but does not undo the steps before it, whose output moves on.
            if (hasState) state = extractState(guarded.fragment.instance, mod.manifest);
          }
        }
      } catch (e) {
        refused = (e as Error).message;
      }
    }
    const runMs = performance.now() - started;
    this.runMs += runMs;
    const reply = (bytes: Uint8Array): Data => ({
      type: "data", source: this.source, step: m.step, bytes, applied, faults, runMs,
      ...(state ? { state } : {}), ...(refused ? { refused } : {}),
    });
    if (data === raw && slot.buffer) {
      // Nothing reduced it: the pool's own buffer moves, and comes back with `release`.
      const buffer = slot.buffer;
      slot.buffer = undefined;
      slot.step = -1;
      slot.bytes = 0;
      this.link.send(reply(data), [buffer]);
      return;
    }
    let transfer = wholeBuffer(data);
    if (data === raw) {
      // Nothing reduced it, and the pool is in the phase memory: a copy moves, in a buffer
      // that comes back with `release` to be used again.
      const buffer = this.spares.pop() ?? new ArrayBuffer(this.slotBytes);
      data = new Uint8Array(buffer, 0, raw.byteLength);
      data.set(raw);
      transfer = [buffer];
    }
    slot.step = -1;
    slot.bytes = 0;
    this.link.send(reply(data), transfer);
    this.wake();
  }
}
