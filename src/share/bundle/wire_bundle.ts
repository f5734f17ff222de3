import { unpackStringChunks, type StringChunks } from '../../core/packed_strings';
import { papersFromTable, type PaperTable } from '../../core/paper_table';
import type { MapBundle } from './map_bundle';

/**
 * A bundle as the bundle worker posts it to the page: its papers packed as a PaperTable, which
 * the page decodes several times faster than 100k paper objects (see paper_table.ts).
 */
export type WireBundle = Omit<MapBundle, 'corpus'> & {
  corpus: { table: PaperTable; hash: string };
};

/** The bundle with its papers as objects again. */
export function bundleFromWire(wire: WireBundle): MapBundle {
  const { table, hash } = wire.corpus;
  return { ...wire, corpus: { papers: papersFromTable(table), hash } };
}

/**
 * Gives papers `first`… of a bundle shown before its abstracts came (BundleApi.open) their
 * abstracts, in place: the map on screen keeps its corpus. Returns how many it gave.
 */
export function fillAbstracts(bundle: MapBundle, first: number, abstracts: StringChunks): number {
  const papers = bundle.corpus.papers;
  const count = abstracts.ends.length;
  if (!Number.isInteger(first) || first < 0 || first + count > papers.length) {
    throw new Error(
      `${bundle.name}: abstracts ${first}–${first + count - 1} came for ${papers.length} papers`,
    );
  }
  unpackStringChunks(abstracts).forEach((abstract, i) => (papers[first + i]!.abstract = abstract));
  return count;
}
