import type { Paper } from '../../../src/core/paper';
import { mulberry32 } from '../../../src/core/random';
import { paperOf } from './text_knn';

/**
 * Seeded papers whose words follow the leaves of nestedKnn: each leaf has its own small
 * vocabulary, mixed with a shared one, so label code has realistic amounts of text to read.
 */
export function syntheticPapers(n: number, leafSize = 30, abstractWords = 120, seed = 5): Paper[] {
  const rand = mulberry32(seed);
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'si', 'de', 'po', 'ga', 'zu'];
  const word = (i: number) => {
    let w = '';
    for (let x = i + 13; w.length < 6 || x > 0; x = Math.floor(x / 12)) w += syllables[x % 12];
    return w;
  };
  const shared = Array.from({ length: 300 }, (_, i) => word(i));
  const papers: Paper[] = [];
  for (let i = 0; i < n; i++) {
    const leaf = Math.floor(i / leafSize);
    const own = (r: number) => word(1000 + leaf * 8 + Math.floor(r * 8));
    const pick = () => (rand() < 0.3 ? own(rand()) : shared[Math.floor(rand() * shared.length)]!);
    const title = Array.from({ length: 8 }, pick).join(' ');
    const abstract = Array.from({ length: abstractWords }, pick).join(' ') + '.';
    papers.push(paperOf(String(i), title, abstract));
  }
  return papers;
}
