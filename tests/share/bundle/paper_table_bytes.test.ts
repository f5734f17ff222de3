import { describe, expect, it } from 'vitest';
import {
  papersFromTable,
  tableFromColumns,
  type PaperColumns,
  type PaperTable,
} from '../../../src/core/paper_table';
import { papersFirstEnd } from '../../../src/share/bundle/map_first';
import { readBundle, readWireBundle } from '../../../src/share/bundle/read_bundle';
import { unpackStringChunks } from '../../../src/core/packed_strings';
import { writeBundle } from '../../../src/share/bundle/write_bundle';
import { paperTableFromJson, papersToColumns } from '../../../src/share/bundle/paper_columns';
import {
  abstractsTextPlace,
  decodePaperAbstracts,
  decodePaperTable,
  encodePaperTable,
} from '../../../src/share/bundle/paper_table_bytes';
import { realisticMap, syntheticPapers } from './bundle_fixtures';
import { closeBundle, openBundle } from './bundle_surgery';

const N = 40;
const papers = syntheticPapers(N, 120, 4);
papers[0]!.title = 'ünïcödé 数学 😀 "quotes"';
papers[1]!.fields = { venue: 'ACL' };
const table = paperTableFromJson(papersToColumns(papers), N, 2, 'test');
const good = encodePaperTable(table);

const fail = (message: string): never => {
  throw new Error(message);
};

/** The section's directory and a way to write the bytes back with a changed directory. */
function directoryOf(bytes: Uint8Array) {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as {
    per: number;
    fieldKeys: string[];
    parts: Record<string, [number, number]>;
  };
}

/** Good bytes with one change to a part's bytes, then the decoder's complaint. */
function complaint(change: (bytes: Uint8Array, parts: Record<string, [number, number]>) => void) {
  const bytes = good.slice();
  change(bytes, directoryOf(bytes).parts);
  try {
    decodePaperTable(bytes, N, fail);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the section was read without complaint');
}

/** Good bytes with a changed directory (in the room the writer left for it), then the complaint. */
function directoryComplaint(edit: (dir: ReturnType<typeof directoryOf>) => void) {
  const dir = directoryOf(good);
  const room = Math.min(...Object.values(dir.parts).map(([offset]) => offset)) - 4;
  edit(dir);
  const json = new TextEncoder().encode(JSON.stringify(dir));
  expect(json.length).toBeLessThanOrEqual(room);
  const bytes = good.slice();
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  try {
    decodePaperTable(bytes, N, fail);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the section was read without complaint');
}

const int32At = (bytes: Uint8Array, offset: number) => new DataView(bytes.buffer, offset, 4);

describe('the papers section of a version-3 bundle', () => {
  it('decodes to exactly the papers encoded', () => {
    expect(papersFromTable(decodePaperTable(good, N, fail))).toStrictEqual(papers);
  });

  it('stores the abstracts last, so all but them decode from the bytes before them', () => {
    const start = abstractsTextPlace(good)!;
    const { parts } = directoryOf(good);
    expect(start).toBe(parts['abstract.text']![0]);
    // The last part: only the padding to a multiple of 8 comes after it.
    expect(good.length - (start + parts['abstract.text']![1])).toBeLessThan(8);
    // Too few bytes to read the directory: not known yet.
    expect(abstractsTextPlace(good.subarray(0, 10))).toBeUndefined();
    const early = decodePaperTable(good.subarray(0, start), N, fail, { abstracts: false });
    expect(papersFromTable(early).map((p) => p.title)).toEqual(papers.map((p) => p.title));
    expect(papersFromTable(early).every((p) => p.abstract === '')).toBe(true);
    expect(unpackStringChunks(decodePaperAbstracts(good, N, fail))).toEqual(
      papers.map((p) => p.abstract),
    );
  });

  it('says when a section written otherwise cannot give its map before its abstracts', () => {
    const bytes = good.slice();
    const dir = directoryOf(bytes);
    // The abstracts' text moved before the titles': it is no longer the last part.
    const [a, b] = [dir.parts['abstract.text']!, dir.parts['title.text']!];
    dir.parts['abstract.text'] = b;
    dir.parts['title.text'] = a;
    const json = new TextEncoder().encode(JSON.stringify(dir));
    const length = new DataView(bytes.buffer).getUint32(0, true);
    expect(json.length).toBeLessThanOrEqual(length + 8);
    bytes.fill(0x20, 4, 4 + length);
    bytes.set(json, 4);
    new DataView(bytes.buffer).setUint32(0, json.length, true);
    expect(abstractsTextPlace(bytes)).toBeNull();
    // A directory that is not JSON: null here, and the full read says what is wrong.
    const broken = good.slice();
    broken[6] = 0x7b;
    expect(abstractsTextPlace(broken)).toBeNull();
  });

  it('in a bundle, gives the map from the bytes before the abstracts, and no fewer', () => {
    const container = writeBundle(realisticMap(30));
    const end = papersFirstEnd(container, 'm.papermap') as number;
    expect(typeof end).toBe('number');
    expect(papersFirstEnd(container.subarray(0, 20), 'm.papermap')).toEqual({
      wait: expect.any(Number),
    });
    const map = readWireBundle(container.subarray(0, end), 'm.papermap', { abstracts: false });
    const whole = readBundle(container, 'm.papermap');
    expect(map.layout.xy).toEqual(whole.layout.xy);
    expect(papersFromTable(map.corpus.table).map((p) => p.title)).toEqual(
      whole.corpus.papers.map((p) => p.title),
    );
    // Fewer bytes are refused, naming a section.
    const clusters = openBundle(container).header.sections.find((e) => e.name === 'clusters')!;
    const cut = (clusters.offset as number) + 4;
    expect(() =>
      readWireBundle(container.subarray(0, cut), 'm.papermap', { abstracts: false }),
    ).toThrow(/^m\.papermap: section '/);
  });

  it('keeps each group of strings its own text', () => {
    const back: PaperTable = decodePaperTable(good, N, fail);
    expect(back.abstract.texts).toHaveLength(Math.ceil(N / back.abstract.per));
  });

  it('rejects text that is not UTF-8, naming the part and group', () => {
    expect(
      complaint((bytes, parts) => {
        const [offset] = parts['title.text']!;
        bytes[offset + 1] = 0xff;
      }),
    ).toBe("part 'title.text' is not valid UTF-8 (group 0)");
  });

  it('rejects lengths that do not add up to the text', () => {
    expect(
      complaint((bytes, parts) => {
        const [offset] = parts['abstract.lengths']!;
        const view = int32At(bytes, offset);
        view.setInt32(0, view.getInt32(0, true) + 1, true);
      }),
    ).toMatch(/^part 'abstract': group 0's lengths add up to \d+, its text has \d+$/);
    expect(
      complaint((bytes, parts) => int32At(bytes, parts['id.lengths']![0]).setInt32(0, -3, true)),
    ).toBe("part 'id.lengths': entry 0 is -3, below 0");
    expect(
      complaint((bytes, parts) =>
        int32At(bytes, parts['url.groups']![0]).setInt32(0, 1 << 30, true),
      ),
    ).toBe("part 'url.groups' runs past its text");
  });

  it('rejects presence flags other than 0 and 1, and list counts below −1', () => {
    expect(complaint((bytes, parts) => (bytes[parts['doi.present']![0] + 2] = 2))).toBe(
      "part 'doi.present': entry 2 is 2, expected 0 or 1",
    );
    expect(
      complaint((bytes, parts) =>
        int32At(bytes, parts['authors.counts']![0] + 4).setInt32(0, -2, true),
      ),
    ).toBe("part 'authors.counts': entry 1 is -2, expected a count or −1");
  });

  it('rejects a directory with parts missing, misplaced or of the wrong size', () => {
    expect(directoryComplaint((d) => delete d.parts['upvotes'])).toBe("part 'upvotes' is missing");
    expect(directoryComplaint((d) => (d.parts['upvotes']![0] = 1e9))).toMatch(
      /^part 'upvotes' at \[1000000000, \d+\] lies outside the section$/,
    );
    expect(directoryComplaint((d) => (d.parts['upvotes']![1] -= 8))).toBe(
      `part 'upvotes' is ${N * 8 - 8} bytes, expected ${N * 8}`,
    );
    expect(directoryComplaint((d) => (d.per = 0))).toMatch(/group size should be a whole number/);
    expect(directoryComplaint((d) => (d.fieldKeys = ['a', 'a']))).toMatch(
      /field names should be at most 10,000 distinct strings/,
    );
    expect(complaint((bytes) => (bytes[5] = 0x7b))).toBe('its directory is not valid JSON');
  });

  it('in a bundle, checks the values too, naming the paper and field', () => {
    const map = realisticMap(N);
    const open = openBundle(writeBundle(map));
    const twin = structuredClone(map.corpus.papers);
    twin[7]!.id = twin[3]!.id;
    // Packed without the checks, as a hand-made file could be.
    const columns = papersToColumns(twin) as unknown as PaperColumns;
    open.sections.set('papers', encodePaperTable(tableFromColumns(columns, N)));
    expect(() => readBundle(closeBundle(open), 'map.papermap')).toThrow(
      `map.papermap: section 'papers': papers[7].id should be unique (papers[3] has it too), but is "${twin[3]!.id}".`,
    );
  });
});
