import { describe, expect, it } from 'vitest';
import { listingOrder, topicBreakdown } from '../../src/app/selection_summary';
import type { Paper } from '../../src/core/paper';
import type { TopicLevel } from '../../src/core/topics/topic';

const topic = (id: string, label: string, size: number) => ({
  id,
  level: 0,
  parent: -1,
  size,
  label,
  keywords: [label],
});

describe('topicBreakdown', () => {
  const level: TopicLevel = {
    assignment: Int32Array.of(0, 1, 1, 2, 2, 2, 0),
    topics: [topic('0', 'robots', 2), topic('1', 'retrieval', 2), topic('2', 'diffusion', 3)],
  };

  it('counts the selected papers per topic, most first, leaving out empty topics', () => {
    expect(topicBreakdown(Int32Array.of(1, 2, 3, 6), level)).toEqual([
      { topic: 1, label: 'retrieval', count: 2 },
      { topic: 0, label: 'robots', count: 1 },
      { topic: 2, label: 'diffusion', count: 1 },
    ]);
    expect(topicBreakdown(new Int32Array(0), level)).toEqual([]);
    expect(topicBreakdown(Int32Array.of(0), undefined)).toEqual([]);
  });
});

describe('listingOrder', () => {
  it('lists the most upvoted first, papers without votes last, ties by index', () => {
    const votes = [5, null, 12, 5, 0];
    const papers = votes.map((upvotes) => ({ upvotes }) as Paper);
    const indices = Int32Array.of(0, 1, 2, 3, 4);
    expect(Array.from(listingOrder(indices, papers))).toEqual([2, 0, 3, 4, 1]);
    expect(Array.from(indices)).toEqual([0, 1, 2, 3, 4]);
  });
});
