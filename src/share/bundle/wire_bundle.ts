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
