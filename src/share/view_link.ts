import { decodeFilter, encodeFilter } from '../core/filters/filter_codec';
import { isEmptyFilter, type PaperFilter } from '../core/filters/paper_filter';

/** What a shared link restores: the view, the selected paper, the search and the filter. */
export interface ViewLink {
  /** Centre (layout units) and zoom (log2 pixels per unit) of the map. */
  view?: { x: number; y: number; zoom: number };
  /** The selected paper's id. */
  paper?: string;
  /** The search box's text, at most MAX_QUERY characters. */
  query?: string;
  /** How the query searches; 'words' when absent. */
  mode?: 'words' | 'meaning';
  /** Which papers stay in full colour (filter_codec.ts's form in the `f` piece). */
  filter?: PaperFilter;
  /** How points are drawn, when not the default: colour mode, density shading, size. */
  style?: MapStyle;
}

/** The map's drawing choices a link carries; absent fields are the defaults. */
export interface MapStyle {
  /** A colour mode id (colour_modes.ts), e.g. 'date' or 'field:venue'; 'topic' when absent. */
  colour?: string;
  /** false when density shading is off. */
  density?: boolean;
  /** true when points are sized by upvotes. */
  sizeByUpvotes?: boolean;
}

/** The longest search query a link carries, in characters. */
export const MAX_QUERY = 500;

/** Ids as papermap makes them (hashes, arXiv ids, DOIs, source ids); anything else is refused. */
const ID_PATTERN = /^[\w.:~/()-]{1,200}$/;
const KNOWN = new Set(['view', 'paper', 'q', 'mode', 'f', 'colour', 'density', 'size']);
/** Colour mode ids: a name, or field:/category: and a column name of printable characters. */
const COLOUR_PATTERN = /^[\p{L}\p{N}_:. ()/-]{1,120}$/u;

/** Encodes a link's state as a URL hash body, e.g. `view=1.2345,-3.5,4.25&paper=2504.07164`. */
export function encodeViewLink(link: ViewLink): string {
  const parts: string[] = [];
  if (link.view) {
    const { x, y, zoom } = link.view;
    parts.push(`view=${round(x, 5)},${round(y, 5)},${round(zoom, 4)}`);
  }
  if (link.query) parts.push(`q=${encodeURIComponent(link.query.slice(0, MAX_QUERY))}`);
  if (link.query && link.mode === 'meaning') parts.push('mode=meaning');
  // The filter's form is already fragment-safe (its values are percent-encoded inside it).
  const filter = link.filter ? encodeFilter(link.filter) : '';
  if (filter) parts.push(`f=${filter}`);
  const style = link.style ?? {};
  if (style.colour && style.colour !== 'topic' && COLOUR_PATTERN.test(style.colour))
    parts.push(`colour=${encodeURIComponent(style.colour)}`);
  if (style.density === false) parts.push('density=off');
  if (style.sizeByUpvotes) parts.push('size=upvotes');
  if (link.paper && ID_PATTERN.test(link.paper))
    parts.push(`paper=${encodeURIComponent(link.paper)}`);
  return parts.join('&');
}

/**
 * Decodes a URL hash (with or without '#'). Each piece is checked on its own: a malformed or
 * unknown piece is left out and named in `problems`, the others still apply. Never throws.
 */
export function decodeViewLink(hash: string): { link: ViewLink; problems: string[] } {
  const link: ViewLink = {};
  const problems: string[] = [];
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body) return { link, problems };
  for (const piece of body.split('&')) {
    if (!piece) continue;
    const eq = piece.indexOf('=');
    const key = eq < 0 ? piece : piece.slice(0, eq);
    if (key === 'f') {
      // Read undecoded: decodeFilter decodes each value itself, piece by piece.
      const { filter, problems: filterProblems } = decodeFilter(piece.slice(eq + 1));
      if (!isEmptyFilter(filter)) link.filter = filter;
      problems.push(...filterProblems);
      continue;
    }
    let value: string;
    try {
      value = eq < 0 ? '' : decodeURIComponent(piece.slice(eq + 1));
    } catch {
      problems.push(`"${short(piece)}" is not valid URL encoding`);
      continue;
    }
    if (!KNOWN.has(key)) {
      problems.push(`unknown link setting "${short(key)}"`);
    } else if (key === 'view') {
      const numbers = value.split(',').map(Number);
      if (numbers.length === 3 && numbers.every(Number.isFinite) && Math.abs(numbers[2]!) < 60) {
        link.view = { x: numbers[0]!, y: numbers[1]!, zoom: numbers[2]! };
      } else {
        problems.push(`view "${short(value)}" should be x,y,zoom`);
      }
    } else if (key === 'q') {
      if (value.length <= MAX_QUERY) link.query = value;
      else problems.push(`the search is longer than ${MAX_QUERY} characters`);
    } else if (key === 'mode') {
      if (value === 'words' || value === 'meaning') link.mode = value;
      else problems.push(`search mode "${short(value)}" should be words or meaning`);
    } else if (key === 'colour') {
      if (COLOUR_PATTERN.test(value)) link.style = { ...link.style, colour: value };
      else problems.push(`colour "${short(value)}" is not a colour mode`);
    } else if (key === 'density') {
      if (value === 'off' || value === 'on')
        link.style = { ...link.style, density: value === 'on' };
      else problems.push(`density "${short(value)}" should be on or off`);
    } else if (key === 'size') {
      if (value === 'upvotes' || value === 'none')
        link.style = { ...link.style, sizeByUpvotes: value === 'upvotes' };
      else problems.push(`size "${short(value)}" should be upvotes or none`);
    } else if (key === 'paper') {
      if (ID_PATTERN.test(value)) link.paper = value;
      else problems.push(`paper id "${short(value)}" is not a valid id`);
    }
  }
  return { link, problems };
}

function round(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
