/** One search result: a paper's position in the corpus and its score (higher is better). */
export interface SearchHit {
  index: number;
  score: number;
}

/**
 * The k best entries of a score array, best first, ties by lower index, as a binary min-heap of
 * size k over the candidates (default: every index): O(m log k) for m candidates, no full sort.
 * Candidates with a NaN score are skipped; k ≤ 0 gives [].
 */
export function selectTopK(
  scores: ArrayLike<number>,
  k: number,
  candidates?: ArrayLike<number>,
): SearchHit[] {
  const m = candidates ? candidates.length : scores.length;
  const size = Math.min(Math.max(0, Math.floor(k)), m);
  if (size === 0) return [];
  const heapIndex = new Int32Array(size);
  const heapScore = new Float64Array(size);
  let count = 0;
  // a is worse than b: a lower score, or the same score at a later index.
  const worse = (sa: number, ia: number, sb: number, ib: number) =>
    sa < sb || (sa === sb && ia > ib);
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (
        left < count &&
        worse(heapScore[left]!, heapIndex[left]!, heapScore[worst]!, heapIndex[worst]!)
      )
        worst = left;
      if (
        right < count &&
        worse(heapScore[right]!, heapIndex[right]!, heapScore[worst]!, heapIndex[worst]!)
      )
        worst = right;
      if (worst === i) return;
      [heapScore[i], heapScore[worst]] = [heapScore[worst]!, heapScore[i]!];
      [heapIndex[i], heapIndex[worst]] = [heapIndex[worst]!, heapIndex[i]!];
      i = worst;
    }
  };
  for (let c = 0; c < m; c++) {
    const index = candidates ? candidates[c]! : c;
    const score = scores[index]!;
    if (Number.isNaN(score)) continue;
    if (count < size) {
      // Sift up.
      let i = count++;
      heapScore[i] = score;
      heapIndex[i] = index;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heapScore[i]!, heapIndex[i]!, heapScore[parent]!, heapIndex[parent]!)) break;
        [heapScore[i], heapScore[parent]] = [heapScore[parent]!, heapScore[i]!];
        [heapIndex[i], heapIndex[parent]] = [heapIndex[parent]!, heapIndex[i]!];
        i = parent;
      }
    } else if (worse(heapScore[0]!, heapIndex[0]!, score, index)) {
      heapScore[0] = score;
      heapIndex[0] = index;
      siftDown(0);
    }
  }
  const hits: SearchHit[] = [];
  for (let i = 0; i < count; i++) hits.push({ index: heapIndex[i]!, score: heapScore[i]! });
  return hits.sort((a, b) => b.score - a.score || a.index - b.index);
}
