import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCorpusFile } from '../../../src/core/corpus_file';
import type { Paper } from '../../../src/core/paper';
import { buildTopicHierarchy } from '../../../src/core/topics/build_topic_hierarchy';
import {
  buildSelectionLabeller,
  selectionLabel,
  type SelectionLabeller,
} from '../../../src/core/topics/selection_label';
import type { TopicHierarchy } from '../../../src/core/topics/topic';
import { tfidfKnn } from './text_knn';

const papers: readonly Paper[] = readCorpusFile(
  JSON.parse(readFileSync(new URL('../../../public/corpus/default.json', import.meta.url), 'utf8')),
  'default.json',
).papers;

describe('selectionLabel on the default corpus', () => {
  let topics: TopicHierarchy;
  let labeller: SelectionLabeller;
  beforeAll(async () => {
    topics = await buildTopicHierarchy(papers, await tfidfKnn(papers, 15), { seed: 42 });
    const finest = topics.levels.at(-1)!;
    labeller = await buildSelectionLabeller(papers, {
      assignment: finest.assignment,
      count: finest.topics.length,
    });
  }, 60_000);

  /** The papers of topic c at a level. */
  const membersOf = (level: number, c: number): Int32Array => {
    const { assignment } = topics.levels[level]!;
    return Int32Array.from(assignment.keys()).filter((i) => assignment[i] === c);
  };
  const firstTerm = (label: string) => label.split(' · ')[0]!;

  it('names a selected region as the topic hierarchy names it', () => {
    const regions = topics.levels[0]!.topics;
    expect(regions.length).toBeGreaterThan(2);
    regions.forEach((region, c) => {
      const { label } = selectionLabel(labeller, membersOf(0, c));
      expect(firstTerm(label)).toBe(firstTerm(region.label));
    });
  });

  it("names a selected finer topic by one of that topic's keywords", () => {
    const finest = topics.levels.length - 1;
    topics.levels[finest]!.topics.forEach((topic, c) => {
      if (topic.size < 8) return;
      const { label } = selectionLabel(labeller, membersOf(finest, c));
      expect(topic.keywords).toContain(firstTerm(label));
    });
  });

  it('names papers picked by a phrase in their titles after that phrase', () => {
    for (const [phrase, pattern] of [
      [/scaling law/i, /scaling law/i],
      [/retrieval/i, /retriev/i],
    ] as const) {
      const picked = Int32Array.from(papers.keys()).filter((i) => phrase.test(papers[i]!.title));
      expect(picked.length).toBeGreaterThan(5);
      expect(selectionLabel(labeller, picked).label).toMatch(pattern);
    }
  });

  it('ignores order and repeats, labels the whole corpus, and rejects a stranger', () => {
    const region = membersOf(0, 0);
    const label = selectionLabel(labeller, region);
    const shuffled = Int32Array.from([...region].reverse().concat([...region]));
    expect(selectionLabel(labeller, shuffled)).toEqual(label);
    expect(selectionLabel(labeller, new Int32Array(0))).toEqual({ label: '', keywords: [] });
    expect(selectionLabel(labeller, Int32Array.from(papers.keys())).label).not.toBe('');
    expect(() => selectionLabel(labeller, Int32Array.of(0, papers.length))).toThrow(
      /not in the corpus of 236 papers/,
    );
  });
});
