// Record layouts a host supplies, and checking them against a compiled fragment's.
// In: CoD-style field lists (`FMField`: name, type, size, offset) for the records a simulation
// already has in memory, as JSON; a module's manifest. Out: normalized C types for each field
// (`normalizeField`), and `checkRecordLayouts`, which refuses a module whose expectation of a
// record differs from the host's description, naming the record and the field.
// No compiler imports: the runtimes use this at load time.

import type { Manifest } from "./abi.js";

export interface HostField {
  name: string;
  /** A C type (`double`, `unsigned int`, `char[16]`, `long`) or an FMField type (`integer`,
   *  `unsigned integer`, `float`, `char`, `boolean`, `string`), with `[N]` for arrays. */
  type: string;
  /** Bytes of one element (FMField's `size`); for an array, of the whole array is accepted too. */
  size: number;
  offset: number;
}

export interface HostRecord {
  /** The struct tag fragments use: `particle` for `struct particle`. */
  name: string;
  /** The record's size (its stride in a buffer). Default: the end of the last field. */
  size?: number;
  fields: HostField[];
}

export class RecordLayoutError extends Error {}

const intTypes: Record<number, [string, string]> = { 1: ["char", "unsigned char"], 2: ["short", "unsigned short"], 4: ["int", "unsigned int"], 8: ["long", "unsigned long"] };
const cSizes: Record<string, number> = {
  char: 1, "signed char": 1, "unsigned char": 1, _Bool: 1, short: 2, "unsigned short": 2, int: 4, "unsigned int": 4,
  long: 8, "unsigned long": 8, "long long": 8, "unsigned long long": 8, float: 4, double: 8, "char *": 8,
};

/**
 * The C type of a host field: its element type, array length, and element size. Throws a
 * `RecordLayoutError` naming the field when the type is unknown or disagrees with its size.
 */
export function normalizeField(record: string, f: HostField): { type: string; length?: number; elementSize: number } {
  const where = `field '${f.name}' of record '${record}'`;
  const m = /^\s*(.*?)\s*(?:\[\s*(\d+)\s*\])?\s*$/.exec(f.type);
  const base = (m?.[1] ?? "").replace(/\s+/g, " ");
  const length = m?.[2] !== undefined ? Number(m[2]) : undefined;
  // FMField gives an array's element size; a whole-array size is accepted too.
  const known = base in cSizes && base !== "float" ? cSizes[base] : undefined;
  const valid = (n: number) => (known !== undefined ? n === known : [1, 2, 4, 8].includes(n));
  const elementSize = length !== undefined && !valid(f.size) && valid(f.size / length) ? f.size / length : f.size;
  let type: string | undefined;
  if (base === "integer" || base === "unsigned integer" || base === "enumeration") type = intTypes[elementSize]?.[base === "unsigned integer" ? 1 : 0];
  else if (base === "float") type = elementSize === 4 ? "float" : elementSize === 8 ? "double" : undefined;
  else if (base === "boolean") type = elementSize === 1 ? "_Bool" : intTypes[elementSize]?.[0];
  else if (base === "string") type = "char *";
  else if (base === "signed char") type = "char"; // char is signed on the LP64 ABI
  else if (base in cSizes) type = base;
  if (type === undefined) throw new RecordLayoutError(`${where}: unknown type '${f.type}' of ${f.size} bytes`);
  if (cSizes[type] !== elementSize) throw new RecordLayoutError(`${where}: type '${f.type}' is ${cSizes[type]} bytes, not ${elementSize}`);
  return { type, length, elementSize };
}

/** The bytes a field occupies. */
function fieldBytes(record: string, f: HostField): number {
  const n = normalizeField(record, f);
  return n.elementSize * (n.length ?? 1);
}

/** Checks a host record's own consistency: fields inside the record, no two overlapping. */
export function validateHostRecord(r: HostRecord): number {
  if (!/^[A-Za-z_]\w*$/.test(r.name)) throw new RecordLayoutError(`record name '${r.name}' is not a C identifier`);
  const fields = [...r.fields].sort((a, b) => a.offset - b.offset);
  const names = new Set<string>();
  let end = 0;
  let last: HostField | undefined;
  for (const f of fields) {
    if (!/^[A-Za-z_]\w*$/.test(f.name)) throw new RecordLayoutError(`record '${r.name}': field name '${f.name}' is not a C identifier`);
    if (names.has(f.name)) throw new RecordLayoutError(`record '${r.name}': field '${f.name}' is described twice`);
    names.add(f.name);
    if (!Number.isInteger(f.offset) || f.offset < 0) throw new RecordLayoutError(`field '${f.name}' of record '${r.name}': offset ${f.offset} is not a byte offset`);
    if (f.offset < end) throw new RecordLayoutError(`field '${f.name}' of record '${r.name}' at offset ${f.offset} overlaps field '${last!.name}'`);
    end = f.offset + fieldBytes(r.name, f);
    last = f;
  }
  const size = r.size ?? end;
  if (size < end) throw new RecordLayoutError(`record '${r.name}' has size ${size}, but field '${last!.name}' ends at byte ${end}`);
  return size;
}

/**
 * Refuses a module whose records disagree with the host's description: a field the fragment
 * knows that the host does not have, or has at another offset, size or type; or another record
 * size (the stride of a buffer). Records the host does not describe are not checked.
 */
export function checkRecordLayouts(manifest: Manifest, host: HostRecord[]): void {
  for (const h of host) {
    const size = validateHostRecord(h);
    const mine = manifest.records.find((r) => r.name === `struct ${h.name}`);
    if (!mine) continue;
    const fields = new Map(h.fields.map((f) => [f.name, f]));
    for (const f of mine.fields) {
      if (f.name.startsWith("__enstage_pad")) continue;
      const theirs = fields.get(f.name);
      if (!theirs) throw new RecordLayoutError(`record '${h.name}': the fragment reads field '${f.name}', which the host's description does not have`);
      const n = normalizeField(h.name, theirs);
      const type = n.length !== undefined ? `${n.type} [${n.length}]` : n.type;
      if (theirs.offset !== f.offset || n.elementSize * (n.length ?? 1) !== f.size || type !== f.type) {
        throw new RecordLayoutError(
          `field '${f.name}' of record '${h.name}': the fragment expects ${f.type} at offset ${f.offset} (${f.size} bytes); the host describes ${type} at offset ${theirs.offset} (${theirs.size} bytes)`,
        );
      }
    }
    if (mine.size !== size) throw new RecordLayoutError(`record '${h.name}': the fragment expects ${mine.size}-byte records; the host's are ${size} bytes`);
  }
}
