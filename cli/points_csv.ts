import type { MapBundle } from '../src/share/bundle/map_bundle';

/** The header row of points.csv. */
export const POINTS_CSV_HEADER = ['id', 'title', 'x', 'y', 'topic', 'topic_label'];

/**
 * The map's points as RFC 4180 CSV (CRLF line ends, fields with commas, quotes or line breaks
 * quoted, quotes doubled): id, title, x, y, topic id and label. The topic is the paper's level-0
 * topic where the bundle has topic levels, else its k-means cluster, labelled by the bundle's
 * level-0 topics where it has them, else "Cluster N".
 */
export function pointsCsv(map: MapBundle): string {
  const labels = new Map<number, string>();
  for (const t of map.topics) if (t.level === 0) labels.set(t.cluster, t.label);
  const topics = map.topicLevels?.[0] ?? map.clusters;
  const rows = [POINTS_CSV_HEADER.join(',')];
  const { xy } = map.layout;
  map.corpus.papers.forEach((paper, i) => {
    const topic = topics[i]!;
    const label = labels.get(topic) ?? `Cluster ${topic}`;
    const fields = [
      paper.id,
      paper.title,
      shortestFloat32(xy[2 * i]!),
      shortestFloat32(xy[2 * i + 1]!),
      String(topic),
      label,
    ];
    rows.push(fields.map(csvField).join(','));
  });
  return `${rows.join('\r\n')}\r\n`;
}

/** One CSV field, quoted only when it must be. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The shortest decimal that reads back as the same float32 (0.1f is "0.1", not 0.10000000149). */
export function shortestFloat32(value: number): string {
  for (let digits = 1; digits <= 9; digits++) {
    const text = value.toPrecision(digits);
    if (Math.fround(Number(text)) === value) return String(Number(text));
  }
  return String(value);
}
