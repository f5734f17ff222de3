import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  packStringChunks,
  packStrings,
  sliceStringChunks,
  unpackStringChunks,
  unpackStrings,
} from '../../src/core/packed_strings';
import { createSearchHandlers } from '../../src/core/search/search_handlers';
import type { CallContext } from '../../src/core/rpc/protocol';

describe('packed strings', () => {
  it('give back exactly the strings packed, empty ones and astral characters included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' })), (strings) => {
        expect(unpackStrings(packStrings(strings))).toEqual(strings);
      }),
    );
    expect(unpackStrings(packStrings(['', '𝔸 x', '', '\u0000'])).length).toBe(4);
  });

  it('refuse ends that leave the text or go backwards', () => {
    expect(() => unpackStrings({ text: 'abc', ends: Int32Array.of(2, 5) })).toThrow(
      /string 1 ends outside/,
    );
    expect(() => unpackStrings({ text: 'abc', ends: Int32Array.of(2, 1) })).toThrow(RangeError);
  });

  it('in groups, give back exactly the strings packed, whatever the group size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 70 }),
        (strings, per) => {
          const packed = packStringChunks(strings, per);
          expect(packed.texts).toHaveLength(Math.ceil(strings.length / per));
          expect(unpackStringChunks(packed)).toEqual(strings);
        },
      ),
    );
  });

  it('in groups, refuse ends that leave their group or a group that is missing', () => {
    const packed = packStringChunks(['ab', 'c', 'de'], 2);
    expect(packed.texts).toEqual(['abc', 'de']);
    expect(() => unpackStringChunks({ ...packed, ends: Int32Array.of(2, 3, 3) })).toThrow(
      /string 2 ends outside its group/,
    );
    expect(() => unpackStringChunks({ ...packed, texts: ['abc'] })).toThrow(RangeError);
  });

  it('in groups, come apart into pieces of whole groups that together give the strings back', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 90 }),
        (strings, per, size) => {
          const pieces = sliceStringChunks(packStringChunks(strings, per), size);
          const back: string[] = [];
          for (const { first, chunks } of pieces) {
            expect(first).toBe(back.length);
            expect(first % per).toBe(0);
            expect(chunks.ends.length).toBeLessThanOrEqual(Math.max(per, size));
            back.push(...unpackStringChunks(chunks));
          }
          expect(back).toEqual(strings);
        },
      ),
    );
  });

  it('carry a corpus to the search index, which finds papers by their words', async () => {
    const handlers = createSearchHandlers();
    const papers = [
      { title: 'Scaling laws for language models', abstract: 'Loss falls as a power law.' },
      { title: 'Dense retrieval', abstract: 'Vectors for passages; retrieval-augmented answers.' },
    ];
    const ctx = {} as CallContext;
    const titles = packStrings(papers.map((p) => p.title));
    const abstracts = packStrings(papers.map((p) => p.abstract));
    expect(await handlers.setCorpus({ titles, abstracts }, ctx)).toEqual({ size: 2 });
    const hits = await handlers.searchWords({ query: 'passages' }, ctx);
    expect(hits.map((h) => h.index)).toEqual([1]);
    await expect(
      handlers.setCorpus({ titles, abstracts: packStrings(['one']) }, ctx),
    ).rejects.toThrow(/2 titles but 1 abstracts/);
  });
});
