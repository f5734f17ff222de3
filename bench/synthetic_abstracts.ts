import { mulberry32 } from '../src/core/random';

const SHARED = (
  'we propose method model results show performance approach data task learning paper ' +
  'novel framework experiments demonstrate state art benchmark training evaluation improve ' +
  'existing large scale efficient analysis study significant new based using across'
).split(' ');

/**
 * n synthetic abstracts of about `words` words from `topics` topics: each topic has its own
 * 40-word vocabulary drawn from a pseudo-word generator, mixed with shared academic filler, so
 * TF-IDF has realistic sparsity and the map has real clusters. Seeded.
 */
export function syntheticAbstracts(n: number, topics = 30, words = 150, seed = 1): string[] {
  const rand = mulberry32(seed);
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ne',
    'ru',
    'ta',
    'vo',
    'xi',
    'ze',
    'po',
    'qua',
    'shi',
    'dra',
    'tem',
    'gol',
  ];
  const pseudoWord = () =>
    Array.from(
      { length: 2 + Math.floor(rand() * 3) },
      () => syllables[Math.floor(rand() * syllables.length)],
    ).join('');
  const vocab = Array.from({ length: topics }, () => Array.from({ length: 40 }, pseudoWord));
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    const topic = vocab[i % topics]!;
    const parts: string[] = [];
    for (let w = 0; w < words; w++) {
      const fromTopic = rand() < 0.45;
      const list = fromTopic ? topic : SHARED;
      // Zipf-like: early words of each list are much more frequent.
      parts.push(list[Math.floor(list.length * rand() ** 2)]!);
    }
    texts.push(parts.join(' '));
  }
  return texts;
}
