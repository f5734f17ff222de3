import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BuiltMap } from '../../src/app/build_map';
import { FilterState } from '../../src/app/filter_state.svelte';
import { MapStyleState } from '../../src/app/map_style.svelte';
import type { Corpus, Paper } from '../../src/core/paper';

const papers = (
  JSON.parse(readFileSync('public/corpus/default.json', 'utf8')) as { papers: Paper[] }
).papers;
const n = papers.length;

/** A map of the default corpus with one topic level (every paper in region 0) and no layout work. */
function mapOf(corpus: Corpus): BuiltMap {
  const assignment = new Int32Array(corpus.papers.length);
  const topics = [{ id: '0', level: 0, parent: -1, size: n, label: 'all', keywords: [] }];
  return {
    corpus,
    projection: {
      layout: { xy: new Float32Array(2 * corpus.papers.length).map(Math.random), n, id: 't' },
      topics: { levels: [{ assignment, topics }] },
    },
  } as unknown as BuiltMap;
}

describe('the filter state', () => {
  it('belongs to its corpus: another corpus starts unfiltered, the same one keeps it', () => {
    let built: BuiltMap | null = mapOf({ papers, hash: 'a' });
    const filters = new FilterState(() => built);
    const source = papers[0]!.source[0]!;
    filters.set({ sources: [source] });
    const kept = papers.filter((p) => p.source.includes(source)).length;
    expect(filters.keptMask!.reduce((s, k) => s + k, 0)).toBe(kept);
    built = mapOf({ papers, hash: 'b' });
    expect(filters.filter).toEqual({});
    expect(filters.keptMask).toBeNull();
    built = mapOf({ papers, hash: 'a' });
    expect(filters.filter).toEqual({ sources: [source] });
  });

  it("drops a link's values this corpus lacks, and says which", () => {
    const filters = new FilterState(() => mapOf({ papers, hash: 'a' }));
    const notices: string[] = [];
    filters.applyLink({ sources: ['nowhere', papers[0]!.source[0]!] }, (t) => notices.push(t));
    expect(filters.filter.sources).toEqual([papers[0]!.source[0]!]);
    expect(notices).toEqual([expect.stringMatching(/nowhere/)]);
  });
});

describe('the map style state', () => {
  it('falls back to topics for a mode the corpus lacks, and links only what differs', () => {
    const style = new MapStyleState(
      () => mapOf({ papers, hash: 'a' }),
      () => false,
    );
    expect(style.linked).toEqual({});
    style.colourMode = 'category';
    expect(style.activeMode).toBe('topic');
    const notices: string[] = [];
    style.applyLink({ colour: 'date', density: false, sizeByUpvotes: true }, (t) =>
      notices.push(t),
    );
    expect(style.activeMode).toBe('date');
    expect(style.colouring!.legend.kind).toBe('continuous');
    expect(style.radii!.length).toBe(n);
    expect(style.linked).toEqual({ colour: 'date', density: false, sizeByUpvotes: true });
    style.applyLink({ colour: 'field:venue' }, (t) => notices.push(t));
    expect(notices).toEqual([expect.stringMatching(/"field:venue", which this map does not have/)]);
  });
});
