import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpusFile } from '../../src/core/corpus_file';
import type { Paper } from '../../src/core/paper';
import type { TopicHierarchy } from '../../src/core/topics/topic';
import {
  MAX_FIELD_VALUES,
  MAX_SWATCHES,
  colourBy,
  colourModes,
  monthLabel,
  type CategoricalLegend,
  type ContinuousLegend,
} from '../../src/map/colour_modes';

const corpus = readCorpusFile(
  JSON.parse(readFileSync('public/corpus/default.json', 'utf8')),
  'default.json',
);
const papers = corpus.papers;
const noTopics: TopicHierarchy = { levels: [] };

function paper(i: number, fields: Partial<Paper> = {}): Paper {
  return {
    id: `p${i}`,
    title: `Paper ${i}`,
    abstract: '',
    authors: [],
    authorCount: null,
    org: null,
    date: null,
    upvotes: null,
    url: null,
    source: [],
    ...fields,
  };
}

/** RGBA of point i. */
const rgba = (colours: Uint8Array, i: number) => Array.from(colours.subarray(4 * i, 4 * i + 4));
/** Perceived brightness of point i (for ramp order). */
const luma = (colours: Uint8Array, i: number) =>
  0.299 * colours[4 * i]! + 0.587 * colours[4 * i + 1]! + 0.114 * colours[4 * i + 2]!;

describe('colourModes', () => {
  it('offers topic, date, upvotes, source and organisation for the default corpus', () => {
    expect(colourModes(papers).map((m) => m.id)).toEqual([
      'topic',
      'date',
      'upvotes',
      'source',
      'org',
    ]);
  });

  it('offers only topics when no paper has any other value', () => {
    expect(colourModes([paper(0), paper(1)]).map((m) => m.id)).toEqual(['topic']);
  });

  it('offers categories and imported fields with few values, not fields with too many', () => {
    const many = Array.from({ length: MAX_FIELD_VALUES + 5 }, (_, i) =>
      paper(i, {
        categories: i % 2 ? ['cs.CL'] : ['cs.CV', 'cs.LG'],
        fields: { venue: i % 3 ? 'NeurIPS' : 'ICML', doi_note: `note ${i}`, empty: ' ' },
      }),
    );
    expect(colourModes(many).map((m) => m.id)).toEqual(['topic', 'category', 'field:venue']);
  });
});

describe('colourBy on the default corpus', () => {
  it('colours by source with one swatch per seed page whose counts sum to the corpus', () => {
    const { colours, legend } = colourBy(papers, noTopics, 'source');
    expect(colours.length).toBe(papers.length * 4);
    const cat = legend as CategoricalLegend;
    expect(cat.kind).toBe('categorical');
    const firstSources = new Set(papers.map((p) => p.source[0]));
    expect(cat.entries.map((e) => e.label).sort()).toEqual([...firstSources].sort());
    expect(cat.entries.reduce((s, e) => s + e.count, 0)).toBe(papers.length);
    // Commonest first, and papers of the same first page share a colour.
    const counts = cat.entries.map((e) => e.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const firstOf = new Map<string, number>();
    papers.forEach((p, i) => {
      const j = firstOf.get(p.source[0]!) ?? (firstOf.set(p.source[0]!, i), i);
      expect(rgba(colours, i)).toEqual(rgba(colours, j));
    });
  });

  it('colours by date with a ramp from the first to the last month, unknown dates grey', () => {
    const { colours, legend } = colourBy(papers, noTopics, 'date');
    const ramp = legend as ContinuousLegend;
    expect(ramp.kind).toBe('continuous');
    const months = papers.filter((p) => p.date).map((p) => p.date!.slice(0, 7));
    months.sort();
    const label = (ym: string) => monthLabel(Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5)) - 1);
    expect(ramp.min).toBe(label(months[0]!));
    expect(ramp.max).toBe(label(months.at(-1)!));
    expect(ramp.min).toMatch(/^[A-Z][a-z]{2} \d{4}$/);
    expect(ramp.unknown).toBe(papers.filter((p) => !p.date).length);
    const oldest = papers.findIndex((p) => p.date?.startsWith(months[0]!));
    const newest = papers.findIndex((p) => p.date?.startsWith(months.at(-1)!));
    const undated = papers.findIndex((p) => !p.date);
    // Viridis runs dark (old) to light (recent).
    expect(luma(colours, newest)).toBeGreaterThan(luma(colours, oldest) + 60);
    expect(rgba(colours, undated)[3]).toBeLessThan(rgba(colours, oldest)[3]!);
  });

  it('colours by upvotes on a log scale labelled with the fewest and most votes', () => {
    const { legend } = colourBy(papers, noTopics, 'upvotes');
    const ramp = legend as ContinuousLegend;
    const votes = papers.flatMap((p) => (p.upvotes === null ? [] : [p.upvotes]));
    expect(ramp.min).toBe(String(Math.min(...votes)));
    expect(ramp.max).toBe(String(Math.max(...votes)));
    expect(ramp.scale).toBe('log scale');
    expect(ramp.unknown).toBe(papers.length - votes.length);
  });

  it('colours by topic with the regions as the legend', () => {
    const assignment = new Int32Array(papers.length).map((_, i) => i % 3);
    const topics: TopicHierarchy = {
      levels: [
        {
          assignment,
          topics: [0, 1, 2].map((t) => ({
            id: String(t),
            level: 0,
            parent: -1,
            size: assignment.filter((a) => a === t).length,
            label: `region ${t}`,
            keywords: [],
          })),
        },
      ],
    };
    const { colours, legend } = colourBy(papers, topics, 'topic');
    expect((legend as CategoricalLegend).entries.map((e) => e.label)).toHaveLength(3);
    expect(rgba(colours, 0)).toEqual(rgba(colours, 3));
    expect(rgba(colours, 0)).not.toEqual(rgba(colours, 1));
  });
});

describe('colourBy on hand-built papers', () => {
  it('keeps the commonest values, folds the rest into Other and lists Unknown last', () => {
    const list: Paper[] = [];
    // Value v appears 20 − v times, for 14 values; then 5 papers with no organisation.
    for (let v = 0; v < 14; v++)
      for (let k = 0; k < 20 - v; k++) list.push(paper(list.length, { org: `org ${v}` }));
    for (let k = 0; k < 5; k++) list.push(paper(list.length));
    const legend = colourBy(list, noTopics, 'org').legend as CategoricalLegend;
    expect(legend.entries).toHaveLength(MAX_SWATCHES + 2);
    expect(legend.entries.slice(0, 3).map((e) => e.label)).toEqual(['org 0', 'org 1', 'org 2']);
    expect(legend.entries.at(-2)).toMatchObject({ label: 'Other', count: 10 + 9 + 8 + 7 });
    expect(legend.entries.at(-1)).toMatchObject({ label: 'Unknown', count: 5 });
    expect(legend.entries.reduce((s, e) => s + e.count, 0)).toBe(list.length);
    const colours = new Set(legend.entries.map((e) => e.colour));
    expect(colours.size).toBe(legend.entries.length);
  });

  it('colours by an imported field and by the first category', () => {
    const list = [
      paper(0, { fields: { venue: 'ACL' }, categories: ['cs.CL', 'cs.AI'] }),
      paper(1, { fields: { venue: 'ACL' }, categories: ['cs.CV'] }),
      paper(2, { fields: { venue: 'CVPR' } }),
    ];
    const venue = colourBy(list, noTopics, 'field:venue');
    expect(venue.legend.title).toBe('venue');
    expect((venue.legend as CategoricalLegend).entries.map((e) => [e.label, e.count])).toEqual([
      ['ACL', 2],
      ['CVPR', 1],
    ]);
    expect(rgba(venue.colours, 0)).toEqual(rgba(venue.colours, 1));
    const cats = colourBy(list, noTopics, 'category').legend as CategoricalLegend;
    expect(cats.entries.map((e) => [e.label, e.count])).toEqual([
      ['cs.CL', 1],
      ['cs.CV', 1],
      ['Unknown', 1],
    ]);
  });

  it('puts a single known value mid-ramp and orders upvotes on the ramp', () => {
    const one = colourBy([paper(0, { upvotes: 3 }), paper(1)], noTopics, 'upvotes');
    expect((one.legend as ContinuousLegend).min).toBe('3');
    const list = [0, 1, 10, 100, 1000].map((v, i) => paper(i, { upvotes: v }));
    const { colours } = colourBy(list, noTopics, 'upvotes');
    // Reversed plasma: more votes, darker.
    for (let i = 1; i < list.length; i++)
      expect(luma(colours, i)).toBeLessThan(luma(colours, i - 1));
  });
});
