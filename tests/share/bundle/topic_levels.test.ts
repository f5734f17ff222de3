import { describe, expect, it } from 'vitest';
import type { TopicHierarchy } from '../../../src/core/topics/topic';
import {
  bundleTopicsOf,
  hierarchyFromBundle,
} from '../../../src/share/bundle/bundle_topic_hierarchy';
import type { MapBundle } from '../../../src/share/bundle/map_bundle';
import { readBundle } from '../../../src/share/bundle/read_bundle';
import { writeBundle } from '../../../src/share/bundle/write_bundle';
import { realisticMap } from './bundle_fixtures';
import { closeBundle, getTyped, openBundle, setTyped } from './bundle_surgery';

const N = 60;

/** Two nested levels over N papers: 3 regions, each split in two. */
function twoLevels(): TopicHierarchy {
  const region = Int32Array.from({ length: N }, (_, i) => i % 3);
  const topic = Int32Array.from({ length: N }, (_, i) => 2 * (i % 3) + (i % 2));
  const label = (l: number, c: number) => ({
    label: `level ${l} topic ${c}`,
    keywords: [`k${l}${c}`],
  });
  return {
    levels: [
      {
        assignment: region,
        topics: [0, 1, 2].map((c) => ({
          id: String(c),
          level: 0,
          parent: -1,
          size: 20,
          ...label(0, c),
        })),
      },
      {
        assignment: topic,
        topics: [0, 1, 2, 3, 4, 5].map((c) => ({
          id: `${c >> 1}.${c & 1}`,
          level: 1,
          parent: c >> 1,
          size: 10,
          ...label(1, c),
        })),
      },
    ],
  };
}

function mapWithLevels(): MapBundle {
  return { ...realisticMap(N), ...bundleTopicsOf(twoLevels()) };
}

describe('topic levels in a bundle', () => {
  it('round-trip exactly, and rebuild the same hierarchy', () => {
    const map = mapWithLevels();
    const back = readBundle(writeBundle(map), 'map.papermap');
    expect(back.topics).toEqual(map.topics);
    expect(back.topicLevels!.map((l) => Array.from(l))).toEqual(
      map.topicLevels!.map((l) => Array.from(l)),
    );
    const hierarchy = hierarchyFromBundle(back);
    const expected = twoLevels();
    expect(hierarchy.levels.map((l) => l.topics)).toEqual(expected.levels.map((l) => l.topics));
    expect(openBundle(writeBundle(map)).header.topicLevels).toBe(2);
  });

  it('are optional: a bundle without them reads as before, with one level from its clusters', () => {
    const map = realisticMap(N);
    const back = readBundle(writeBundle(map), 'map.papermap');
    expect(back.topicLevels).toBeUndefined();
    expect(openBundle(writeBundle(map)).header.topicLevels).toBeUndefined();
    const hierarchy = hierarchyFromBundle(back);
    expect(hierarchy.levels).toHaveLength(1);
    expect(hierarchy.levels[0]!.topics.map((t) => t.label)).toEqual([
      'Cluster 1',
      'Language models',
      'Cluster 3',
      'Cluster 4',
    ]);
    expect(hierarchy.levels[0]!.topics.reduce((s, t) => s + t.size, 0)).toBe(N);
  });

  it('are checked by the writer: an assignment outside its level is refused', () => {
    const map = mapWithLevels();
    map.topicLevels![1]![7] = 6;
    expect(() => writeBundle(map)).toThrow(
      "section 'topics.assignment': level 1 gives paper 7 topic 6, outside [0, 6)",
    );
    const short = mapWithLevels();
    short.topicLevels![0] = short.topicLevels![0]!.subarray(1);
    expect(() => writeBundle(short)).toThrow('level 0 has 59 entries, expected n = 60');
  });

  it('are checked by the reader: a damaged assignment or a missing topic is named', () => {
    const good = writeBundle(mapWithLevels());
    const open = openBundle(good);
    const values = new Int32Array(getTyped(open, 'topics.assignment').buffer);
    values[N + 3] = -2;
    setTyped(open, 'topics.assignment', values);
    expect(() => readBundle(closeBundle(open), 'map.papermap')).toThrow(
      "map.papermap: section 'topics.assignment': level 1 gives paper 3 topic -2, outside [0, 6)",
    );
    const noSection = openBundle(good);
    noSection.header.topicLevels = 0;
    expect(() => readBundle(closeBundle(noSection), 'map.papermap')).toThrow(
      "section 'topics.assignment' is present, but topicLevels is 0",
    );
    const missing = openBundle(good);
    const topics = JSON.parse(new TextDecoder().decode(missing.sections.get('topics')));
    missing.sections.set(
      'topics',
      new TextEncoder().encode(JSON.stringify(topics.filter((_: unknown, i: number) => i !== 4))),
    );
    missing.header.sections.find((s) => s.name === 'topics')!.shape = [topics.length - 1];
    expect(() => readBundle(closeBundle(missing), 'map.papermap')).toThrow(
      'the 5 topics of level 1 should be numbered 0 to 4, each once',
    );
  });
});
