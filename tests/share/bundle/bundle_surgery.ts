import { align8 } from '../../../src/share/bundle/bundle_layout';
import { shuffleBytes, unshuffleBytes } from '../../../src/share/bundle/byte_shuffle';
import { crc32, crc32Hex } from '../../../src/share/bundle/crc32';
import { papersFromTable } from '../../../src/core/paper_table';
import { decodePaperTable } from '../../../src/share/bundle/paper_table_bytes';

/** A bundle container taken apart: the header JSON and each section's stored bytes. */
export interface OpenBundle {
  header: Record<string, unknown> & { sections: Record<string, unknown>[] };
  sections: Map<string, Uint8Array>;
}

/** Takes a well-formed container apart, so a test can change one thing and put it back. */
export function openBundle(bytes: Uint8Array): OpenBundle {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + length)));
  const sections = new Map<string, Uint8Array>();
  for (const s of header.sections) sections.set(s.name, bytes.slice(s.offset, s.offset + s.length));
  return { header, sections };
}

/**
 * Puts a container back together with fresh offsets and checksums (unless `keepChecksums`), so
 * only the change a test made is wrong.
 */
export function closeBundle(
  open: OpenBundle,
  options: { keepChecksums?: boolean } = {},
): Uint8Array {
  const { header, sections } = open;
  // A test may have replaced the table itself: then there are no sections to place.
  const table = (Array.isArray(header.sections) ? header.sections : []).filter(
    (s) => typeof s === 'object' && s !== null && !Array.isArray(s),
  );
  let start = 1024;
  for (;;) {
    let offset = start;
    for (const s of table) {
      const bytes = sections.get(s.name as string) ?? new Uint8Array(0);
      s.offset = offset;
      s.length = bytes.length;
      if (!options.keepChecksums) s.crc32 = crc32Hex(bytes);
      offset = align8(offset + bytes.length);
    }
    const json = new TextEncoder().encode(JSON.stringify(header));
    if (16 + json.length > start) {
      start = align8(16 + json.length);
      continue;
    }
    const out = new Uint8Array(offset);
    out.set(new TextEncoder().encode('PMAPBNDL'));
    out.fill(0x20, 16, start);
    out.set(json, 16);
    const view = new DataView(out.buffer);
    view.setUint32(8, start - 16, true);
    view.setUint32(12, crc32(out.subarray(16, start)), true);
    for (const s of table) {
      out.set(sections.get(s.name as string) ?? new Uint8Array(0), s.offset as number);
    }
    return out;
  }
}

/** A typed section's values (unshuffled), for a test to change and put back with setTyped. */
export function getTyped(open: OpenBundle, name: string): Uint8Array {
  return unshuffleBytes(open.sections.get(name)!, 4);
}

/** Stores changed values of a 4-byte typed section, shuffled as the writer stores them. */
export function setTyped(open: OpenBundle, name: string, array: Int32Array | Float32Array): void {
  open.sections.set(name, shuffleBytes(new Uint8Array(array.buffer), 4));
}

/** The header's entry of a section, to change in place. */
export function entryOf(open: OpenBundle, name: string): Record<string, unknown> {
  return open.header.sections.find((s) => s.name === name)!;
}

/** A container's papers (any version) as one record per paper, for a test to edit. */
export function paperRecords(open: OpenBundle): Record<string, unknown>[] {
  const bytes = open.sections.get('papers')!;
  if (open.header.version === 3) {
    const fail = (message: string): never => {
      throw new Error(message);
    };
    const table = decodePaperTable(bytes, open.header.n as number, fail);
    return papersFromTable(table) as unknown as Record<string, unknown>[];
  }
  const columns = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown[]>;
  return Array.from({ length: columns.id!.length }, (_, i) => {
    const record: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(columns)) {
      if (column[i] !== null || !['arxivId', 'doi', 'categories', 'fields', 'flags'].includes(key))
        record[key] = column[i];
    }
    return record;
  });
}

/**
 * Stores papers as JSON text the way versions 1 and 2 do (columns in 2, records in 1), turning a
 * version-3 container into a version-2 one: only JSON can hold papers of the wrong types.
 */
export function setPapersJson(open: OpenBundle, json: string): void {
  if (open.header.version === 3) open.header.version = 2;
  open.sections.set('papers', new TextEncoder().encode(json));
  Object.assign(entryOf(open, 'papers'), { dtype: 'json', shape: [open.header.n] });
}
