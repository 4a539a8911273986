// Compiled modules in a JetStream Object Store bucket, keyed by their identity: the module hash
// (sha256 hex of the wasm bytes, as runtime/sandbox.ts computes it). A runtime that is told to run
// module H fetches object H and refuses it unless the bytes hash to H, so a bucket that was
// tampered with, or an object overwritten by mistake, can never run under another module's name.
// In: module bytes and their manifest (JSON text). Out: the hash; later the same bytes and
// manifest, verified. The manifest travels beside the module as object `<hash>.manifest.json`;
// the module object records the manifest's sha256, so the pair cannot be mixed up either.

import { createHash } from "node:crypto";
import type { NatsConnection } from "@nats-io/transport-node";
import { StorageType } from "@nats-io/jetstream";
import { Objm, type ObjectStore } from "@nats-io/obj";

export type { ObjectStore } from "@nats-io/obj";

export class ModuleStoreError extends Error {
  constructor(readonly hash: string, readonly reason: "missing" | "mismatch", message: string) {
    super(message);
    this.name = "ModuleStoreError";
  }
}

export interface StoredModule {
  hash: string;
  binary: Uint8Array;
  manifestJson: string;
}

const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");
const manifestName = (hash: string) => `${hash}.manifest.json`;

/** Open the module bucket, creating it on file storage the first time. */
export async function ensureModuleStore(nc: NatsConnection, bucket = "enstage-modules"): Promise<ObjectStore> {
  return new Objm(nc).create(bucket, { storage: StorageType.File, description: "enstage compiled modules by sha256" });
}

/** Store a module and its manifest; returns the module hash. Storing the same module again is harmless. */
export async function putModule(os: ObjectStore, binary: Uint8Array, manifestJson: string): Promise<string> {
  const hash = sha256(binary);
  // Manifest first: a module object that exists always has its manifest beside it.
  await os.putBlob({ name: manifestName(hash) }, new TextEncoder().encode(manifestJson));
  await os.putBlob({ name: hash, metadata: { "manifest-sha256": sha256(manifestJson) } }, binary);
  return hash;
}

/** Fetch a module by hash; throws ModuleStoreError if it is absent or its bytes are not that hash. */
export async function getModule(os: ObjectStore, hash: string): Promise<StoredModule> {
  const info = await os.info(hash);
  const binary = info ? await os.getBlob(hash) : null;
  if (!info || !binary) throw new ModuleStoreError(hash, "missing", `module ${hash} is not in the module store`);
  const actual = sha256(binary);
  if (actual !== hash) {
    throw new ModuleStoreError(hash, "mismatch", `refusing module ${hash}: its stored bytes hash to ${actual}`);
  }
  const manifestBytes = await os.getBlob(manifestName(hash));
  if (!manifestBytes) throw new ModuleStoreError(hash, "missing", `module ${hash} has no manifest in the module store`);
  const manifestJson = new TextDecoder().decode(manifestBytes);
  const expected = info.metadata?.["manifest-sha256"];
  if (expected !== sha256(manifestJson)) {
    throw new ModuleStoreError(hash, "mismatch", `refusing module ${hash}: its manifest is not the one stored with it`);
  }
  return { hash, binary, manifestJson };
}
