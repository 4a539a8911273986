// The messages between SmartTap (a simulation rank's side) and CStager (staging), and the link
// they travel on. Data movement is controlled from staging, as in DataTap: a source only
// announces what it has buffered; the stager decides when to pull it, and whether the source
// should first run fragments on it.
// In: nothing (types only, plus the in-process link). Out: the message types both runtimes
// speak, `Link` (one end of a bidirectional channel), and `portLink`, which puts a Link on a
// worker_threads MessagePort or Worker (structured clone; ArrayBuffers listed as transferable
// move without a copy). The NATS transport (issue 7) implements the same Link.
//
//   source                          stager
//   hello {source, pool}       ->
//                              <-   setup {phase module, policy}
//   announce {step, partial}   ->                       (one per write)
//                              <-   pull {step, run?}   (bounded number in flight)
//   data {step, bytes}         ->                       (the slot's buffer, transferred)
//                              <-   release {buffer}    (the buffer comes back to the pool)
//   done {steps}               ->
//                              <-   close

import type { Manifest } from "./abi.js";
import type { FragmentFault } from "./sandbox.js";

/** A compiled module as it travels: its bytes are omitted once the receiver has that hash. */
export interface ModuleRef {
  hash: string;
  manifest: Manifest;
  binary?: Uint8Array;
}

/** A fragment step to run on a chunk (`cap`: a per-buffer transform's output capacity). */
export interface RunStep {
  fragment: string;
  cap?: number;
}

export interface Hello {
  type: "hello";
  source: number;
  /** Pool slots and the bytes each can hold. */
  slots: number;
  slotBytes: number;
}

export interface Setup {
  type: "setup";
  /** The module whose local phase computes partial states at write time (files with globals). */
  phase?: ModuleRef;
  /** Host record layouts the source checks modules against (runtime/records.ts HostRecord). */
  policy: "block" | "fail";
  timeoutMs: number;
}

export interface Announce {
  type: "announce";
  source: number;
  step: number;
  /** Bytes and records buffered. */
  bytes: number;
  records: number;
  /** The local phase's partial state (a file with global params). */
  partial?: Uint8Array;
  /** The local phase trapped: no partial for this step. */
  phaseFault?: string;
  /** The hash of the generic module this source holds as its phase module (see Pull.run.values). */
  phase?: string;
  /** Time spent inside write for this step, in ms (copy + local phase). */
  writeMs: number;
}

export interface Pull {
  type: "pull";
  step: number;
  /**
   * Run these steps of this module on the buffered data before sending it. With `values`, the
   * module is the generic one (usually the setup's phase module, held without its bytes) and
   * these are its params' values for the step: the source runs it as the module specialized
   * with them would run, without a new module (in an instance of it kept for that, when it can).
   */
  run?: { module: ModuleRef; steps: RunStep[]; values?: Record<string, number | bigint>; arrays?: Record<string, bigint[]>; state?: Uint8Array };
}

export interface Data {
  type: "data";
  source: number;
  step: number;
  /** The chunk: raw records, or the last run step's output. */
  bytes: Uint8Array;
  /** How many of the pull's run steps were applied (a fault stops at the faulted step). */
  applied: number;
  faults: FragmentFault[];
  /** The module's state after running (when it has state), for the stager to keep. */
  state?: Uint8Array;
  /** Source-side time spent running the steps, in ms. */
  runMs: number;
  /** The module was refused (bad hash, corrupt, ...): nothing ran. */
  refused?: string;
}

export interface Release {
  type: "release";
  /** A pool buffer handed back after the stager consumed it. */
  buffer: ArrayBuffer;
}

export interface Done {
  type: "done";
  source: number;
  steps: number;
  /** Totals over the run, in ms: inside write, running pulled steps, and the whole simulation. */
  writeMs: number;
  /** Of writeMs, waiting for a free pool buffer (backpressure from staging). */
  blockedMs: number;
  runMs: number;
  stepMs: number;
  bytesWritten: number;
}

export interface Close {
  type: "close";
}

export interface Failure {
  type: "failure";
  source: number;
  message: string;
}

export type ToStager = Hello | Announce | Data | Done | Failure;
export type ToSource = Setup | Pull | Release | Close;
export type Message = ToStager | ToSource;

/** One end of a channel. `send` may move the listed buffers instead of copying them. */
export interface Link<In extends Message, Out extends Message> {
  send(message: Out, transfer?: ArrayBuffer[]): void;
  onMessage(handler: (message: In) => void): void;
  close(): void;
}

/** Something with postMessage and message events: a MessagePort, a Worker, or parentPort. */
export interface PortLike {
  postMessage(value: unknown, transfer?: readonly ArrayBuffer[]): void;
  on(event: "message", listener: (value: unknown) => void): unknown;
  close?(): void;
  unref?(): void;
}

export function portLink<In extends Message, Out extends Message>(port: PortLike): Link<In, Out> {
  return {
    send: (message, transfer) => port.postMessage(message, transfer ?? []),
    onMessage: (handler) => {
      port.on("message", (m) => handler(m as In));
    },
    close: () => port.close?.(),
  };
}

/**
 * The ArrayBuffer a Uint8Array views, when it views the whole of it (then it can be transferred
 * without taking neighbouring bytes along); otherwise none.
 */
export function wholeBuffer(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}
