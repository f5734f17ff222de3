import type { StringChunks } from '../../core/packed_strings';
import type { OptionalStrings, PaperTable, StringLists } from '../../core/paper_table';
import { concatChunks } from '../../core/import/byte_stream';
import { align8 } from './bundle_layout';
import { count } from './map_bundle';

/**
 * The papers section of a version-3 bundle: the PaperTable the page receives, in bytes, so that
 * reading it is decoding a few hundred UTF-8 texts rather than parsing JSON into a million
 * strings (at 100k papers: ~0.3 s less in the worker, and far less garbage).
 *
 * Layout: u32 (LE) length of a JSON directory `{ per, fieldKeys, parts }`, the directory, then
 * the parts, each at a multiple of 8 from the section's start; `parts` maps each part's name to
 * its [offset, length] in the section. A column of strings is three parts: `<name>.lengths`
 * (int32, each string's length in UTF-16 units), `<name>.groups` (int32, the UTF-8 byte length
 * of each group of `per` strings) and `<name>.text` (the UTF-8 bytes). Optional strings add
 * `<name>.present` (uint8, 0 or 1; an absent value is an empty string), lists `<name>.counts`
 * (int32, −1 for no list) over a string column of their items, counts are `<name>` (float64, NaN
 * for none), and `fields` is `fields.present` plus one optional-strings column `fields.<j>` per
 * name in `fieldKeys`.
 *
 * `abstract.text` is the last part (most of a corpus's bytes): writeBundle puts this section last
 * in the file, so a reader of a stream has the whole map, titles included, before the abstracts.
 */

const TEXT = ['id', 'title', 'abstract'] as const;
const OPTIONAL = ['org', 'date', 'url', 'arxivId', 'doi'] as const;
const LISTS = ['authors', 'source', 'categories', 'flags'] as const;
const COUNTS = ['authorCount', 'upvotes'] as const;

/** Most strings a group may hold, and most field names. */
const MAX_PER = 65_536;
const MAX_FIELD_KEYS = 10_000;

interface Directory {
  per: number;
  fieldKeys: string[];
  parts: Record<string, [number, number]>;
}

/** The bytes of a table (see above). */
export function encodePaperTable(table: PaperTable): Uint8Array {
  const parts = new Map<string, Uint8Array>();
  const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const strings = (name: string, s: StringChunks) => {
    const lengths = new Int32Array(s.ends.length);
    s.ends.forEach((end, i) => (lengths[i] = end - (i % s.per === 0 ? 0 : s.ends[i - 1]!)));
    const encoder = new TextEncoder();
    const texts = s.texts.map((t) => encoder.encode(t));
    parts.set(`${name}.lengths`, bytes(lengths));
    parts.set(`${name}.groups`, bytes(Int32Array.from(texts, (t) => t.length)));
    parts.set(
      `${name}.text`,
      concatChunks(
        texts,
        texts.reduce((sum, t) => sum + t.length, 0),
      ),
    );
  };
  const optional = (name: string, o: OptionalStrings) => {
    parts.set(`${name}.present`, o.present);
    strings(name, o.values);
  };
  const list = (name: string, l: StringLists) => {
    parts.set(`${name}.counts`, bytes(l.counts));
    strings(name, l.items);
  };
  for (const name of TEXT) strings(name, table[name]);
  for (const name of OPTIONAL) optional(name, table[name]);
  for (const name of LISTS) list(name, table[name]);
  for (const name of COUNTS) parts.set(name, bytes(table[name]));
  parts.set('fields.present', table.fields.present);
  table.fields.columns.forEach((c, j) => optional(`fields.${j}`, c.values));
  const abstracts = parts.get('abstract.text')!;
  parts.delete('abstract.text');
  parts.set('abstract.text', abstracts);

  const directory: Directory = {
    per: table.id.per,
    fieldKeys: table.fields.columns.map((c) => c.key),
    parts: {},
  };
  // Offsets depend on the directory's length, which depends on the offsets' digits: place the
  // parts after a directory written with generous room, then pad the real one to that room.
  const draft = (start: number) => {
    let at = start;
    for (const [name, part] of parts) {
      directory.parts[name] = [at, part.length];
      at = align8(at + part.length);
    }
    return { json: new TextEncoder().encode(JSON.stringify(directory)), end: at };
  };
  const room = align8(4 + draft(1e12).json.length);
  const { json, end } = draft(room);
  const out = new Uint8Array(end);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  out.fill(0x20, 4 + json.length, room);
  for (const [name, part] of parts) out.set(part, directory.parts[name]![0]);
  return out;
}

/**
 * A table from its bytes, for n papers, checking every part's place and size, the UTF-8, and
 * that each group's lengths add up to its text; `fail` throws. The values themselves are checked
 * by checkPaperTable. `abstracts: false` leaves every abstract empty without reading them: the
 * section may then end where their text begins (abstractsTextPlace).
 */
export function decodePaperTable(
  section: Uint8Array,
  n: number,
  fail: (message: string) => never,
  options: { abstracts?: boolean } = {},
): PaperTable {
  const { dir, part, strings, int32, mask } = partsReader(section, n, fail);
  const optional = (name: string): OptionalStrings => ({
    present: mask(`${name}.present`),
    values: strings(name, n),
  });
  const list = (name: string): StringLists => {
    const counts = int32(`${name}.counts`, n);
    let items = 0;
    counts.forEach((c, i) => {
      if (c < -1) fail(`part '${name}.counts': entry ${i} is ${c}, expected a count or −1`);
      items += Math.max(0, c);
    });
    return { counts, items: strings(name, items) };
  };
  const floats = (name: string) => new Float64Array(part(name, 8, n).slice().buffer);
  return {
    n,
    id: strings('id', n),
    title: strings('title', n),
    abstract: options.abstracts === false ? noStrings(n, dir.per) : strings('abstract', n),
    org: optional('org'),
    date: optional('date'),
    url: optional('url'),
    arxivId: optional('arxivId'),
    doi: optional('doi'),
    authors: list('authors'),
    source: list('source'),
    categories: list('categories'),
    flags: list('flags'),
    authorCount: floats('authorCount'),
    upvotes: floats('upvotes'),
    fields: {
      present: mask('fields.present'),
      columns: dir.fieldKeys.map((key, j) => ({ key, values: optional(`fields.${j}`) })),
    },
  };
}

/**
 * Where the abstracts' text starts in a papers section, from the section's first bytes: undefined
 * while they are too few to hold its directory, null when the text is not the section's last
 * part (a file written before it was, see above). A damaged directory is null here: the full read
 * says what is wrong with it.
 */
export function abstractsTextPlace(start: Uint8Array): number | null | undefined {
  if (start.length < 4) return undefined;
  const length = new DataView(start.buffer, start.byteOffset, 4).getUint32(0, true);
  if (start.length < 4 + length) return undefined;
  let dir: Directory;
  try {
    dir = readDirectory(start.subarray(0, 4 + length), (message) => {
      throw new Error(message);
    });
  } catch {
    return null;
  }
  const places = Object.values(dir.parts);
  const text = Object.hasOwn(dir.parts, 'abstract.text') ? dir.parts['abstract.text'] : undefined;
  if (!Array.isArray(text) || !Number.isInteger(text[0])) return null;
  const last = places.every(
    (p) => p === text || (Array.isArray(p) && Number(p[0]) + Number(p[1]) <= text[0]),
  );
  return last ? text[0] : null;
}

/**
 * The abstracts alone from a papers section (decodePaperTable with `abstracts: false` leaves
 * them out), checked the same way.
 */
export function decodePaperAbstracts(
  section: Uint8Array,
  n: number,
  fail: (message: string) => never,
): StringChunks {
  return partsReader(section, n, fail).strings('abstract', n);
}

/** A column of n empty strings in groups of `per`, as decoded strings are. */
function noStrings(n: number, per: number): StringChunks {
  return {
    texts: Array.from({ length: Math.ceil(n / per) }, () => ''),
    ends: new Int32Array(n),
    per,
  };
}

/** The section's directory and readers of its parts, each checking place, size and UTF-8. */
function partsReader(section: Uint8Array, n: number, fail: (message: string) => never) {
  const dir = readDirectory(section, fail);
  const { per } = dir;
  const part = (name: string, bytesPer: number, items: number): Uint8Array => {
    const place = Object.hasOwn(dir.parts, name) ? dir.parts[name] : undefined;
    if (!Array.isArray(place) || place.length !== 2) return fail(`part '${name}' is missing`);
    const [offset, length] = place;
    const fits =
      Number.isInteger(offset) &&
      Number.isInteger(length) &&
      offset >= 0 &&
      offset % 8 === 0 &&
      length >= 0 &&
      offset + length <= section.length;
    if (!fits) fail(`part '${name}' at [${offset}, ${length}] lies outside the section`);
    if (bytesPer > 0 && length !== items * bytesPer) {
      fail(`part '${name}' is ${count(length)} bytes, expected ${count(items * bytesPer)}`);
    }
    return section.subarray(offset, offset + length);
  };
  // Typed parts are copied: aligned, and small (a view would post the whole section with them).
  const int32 = (name: string, items: number) =>
    new Int32Array(part(name, 4, items).slice().buffer);
  const mask = (name: string): Uint8Array => {
    const present = part(name, 1, n).slice();
    const bad = present.findIndex((p) => p > 1);
    if (bad >= 0) fail(`part '${name}': entry ${bad} is ${present[bad]}, expected 0 or 1`);
    return present;
  };
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const strings = (name: string, items: number): StringChunks => {
    const lengths = int32(`${name}.lengths`, items);
    const groups = int32(`${name}.groups`, Math.ceil(items / per));
    const text = part(`${name}.text`, 0, 0);
    const ends = new Int32Array(items);
    const texts: string[] = [];
    let at = 0;
    groups.forEach((size, g) => {
      if (size < 0 || at + size > text.length) fail(`part '${name}.groups' runs past its text`);
      let decoded: string;
      try {
        decoded = decoder.decode(text.subarray(at, (at += size)));
      } catch {
        return fail(`part '${name}.text' is not valid UTF-8 (group ${g})`);
      }
      let end = 0;
      for (let i = g * per; i < Math.min(items, (g + 1) * per); i++) {
        const length = lengths[i]!;
        if (length < 0) fail(`part '${name}.lengths': entry ${i} is ${length}, below 0`);
        ends[i] = end += length;
      }
      if (end !== decoded.length) {
        fail(
          `part '${name}': group ${g}'s lengths add up to ${end}, its text has ${decoded.length}`,
        );
      }
      texts.push(decoded);
    });
    if (at !== text.length) fail(`part '${name}.groups' covers ${at} of ${text.length} bytes`);
    return { texts, ends, per };
  };
  return { dir, part, int32, mask, strings };
}

function readDirectory(section: Uint8Array, fail: (message: string) => never): Directory {
  if (section.length < 4) fail(`the section is ${section.length} bytes, too short`);
  const length = new DataView(section.buffer, section.byteOffset, 4).getUint32(0, true);
  if (4 + length > section.length) fail(`its directory runs past the section's end`);
  let dir: Partial<Directory>;
  try {
    dir = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(section.subarray(4, 4 + length)),
    );
  } catch {
    return fail('its directory is not valid JSON');
  }
  const { per, fieldKeys, parts } = dir ?? {};
  if (typeof per !== 'number' || !Number.isInteger(per) || per < 1 || per > MAX_PER) {
    fail(`its directory's group size should be a whole number in [1, ${count(MAX_PER)}]`);
  }
  if (
    !Array.isArray(fieldKeys) ||
    fieldKeys.length > MAX_FIELD_KEYS ||
    fieldKeys.some((k) => typeof k !== 'string') ||
    new Set(fieldKeys).size !== fieldKeys.length
  ) {
    fail(`its directory's field names should be at most ${count(MAX_FIELD_KEYS)} distinct strings`);
  }
  if (typeof parts !== 'object' || parts === null || Array.isArray(parts)) {
    fail("its directory's parts should be an object");
  }
  return dir as Directory;
}
