// Host-supplied record layouts as C (issue: "record types").
// In: CoD-style field lists (runtime/records.ts `HostRecord`). Out: C text defining each as a
// struct whose fields sit exactly at the host's offsets: fields in offset order, explicit
// `char __enstage_padN[k]` gaps, packed (so a foreign, unaligned offset is kept, and wasm reads
// it as it is), and a tail pad to the host's record size (the stride of a buffer). The fragment
// then reads the simulation's records byte for byte, in place.

import { normalizeField, validateHostRecord, type HostRecord } from "../runtime/records.js";

export const RECORDS_FILE = "<records>";

export function recordDefinitions(records: HostRecord[]): string {
  return records.map(recordDefinition).join("\n");
}

function recordDefinition(r: HostRecord): string {
  const size = validateHostRecord(r);
  const lines: string[] = [];
  let at = 0;
  let pad = 0;
  for (const f of [...r.fields].sort((a, b) => a.offset - b.offset)) {
    if (f.offset > at) lines.push(`char __enstage_pad${pad++}[${f.offset - at}];`);
    const n = normalizeField(r.name, f);
    lines.push(`${n.type} ${f.name}${n.length !== undefined ? `[${n.length}]` : ""};`);
    at = f.offset + n.elementSize * (n.length ?? 1);
  }
  if (size > at) lines.push(`char __enstage_pad${pad++}[${size - at}];`);
  return `struct ${r.name} {\n${lines.map((l) => `  ${l}`).join("\n")}\n} __attribute__((packed));\n`;
}
