import { highlightRanges } from '../core/search/highlight';

/** A piece of text and whether it matched the query: rendered as text spans, never HTML. */
export interface Segment {
  text: string;
  match: boolean;
}

/** Splits text into matched and unmatched segments for a query (search by words). */
export function highlightSegments(text: string, query: string): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of highlightRanges(text, query)) {
    if (start > at) segments.push({ text: text.slice(at, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), match: false });
  return segments;
}
