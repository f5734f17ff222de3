import { mulberry32 } from '../../../src/core/random';
import type { EdgeList } from '../../../src/core/topics/weighted_graph';

/** A stochastic block model graph (seeded): blocks of equal size, edge probability pIn / pOut. */
export function plantedPartition(
  n: number,
  blocks: number,
  pIn: number,
  pOut: number,
  seed = 1,
): { edges: EdgeList; blocks: Int32Array } {
  const rand = mulberry32(seed);
  const block = Int32Array.from({ length: n }, (_, i) => i % blocks);
  const heads: number[] = [];
  const tails: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (rand() < (block[i] === block[j] ? pIn : pOut)) {
        heads.push(i);
        tails.push(j);
      }
    }
  }
  const weights = new Float32Array(heads.length).fill(1);
  return {
    edges: { n, heads: Int32Array.from(heads), tails: Int32Array.from(tails), weights },
    blocks: block,
  };
}

/** The adjusted Rand index of two labelings (Hubert & Arabie 1985): 1 for identical partitions. */
export function adjustedRandIndex(a: Int32Array, b: Int32Array): number {
  const n = a.length;
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]},${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1);
    cols.set(b[i]!, (cols.get(b[i]!) ?? 0) + 1);
  }
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const v of table.values()) index += pairs(v);
  let sumRows = 0;
  for (const v of rows.values()) sumRows += pairs(v);
  let sumCols = 0;
  for (const v of cols.values()) sumCols += pairs(v);
  const expected = (sumRows * sumCols) / pairs(n);
  const max = (sumRows + sumCols) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
