import { parseMonth } from './months';
import type { PaperFilter } from './paper_filter';

/**
 * A compact text form of a PaperFilter for share links, e.g.
 * `d:2023-01..2024-06;u:5;a:2..10;o:Tencent,Apple;s:Daily%20Papers%20%C2%B7%20Nov%2024`:
 * pieces `key:value` joined by `;`; ranges `from..to` with either end open; lists joined by `,`
 * with each value percent-encoded (so `,;:&=#` inside a name cannot break the form). Every
 * character of the result is allowed in a URL fragment as it stands.
 */
export function encodeFilter(filter: PaperFilter): string {
  const pieces: string[] = [];
  const { date, minUpvotes, authors } = filter;
  if (date && (validMonth(date.from) || validMonth(date.to))) {
    pieces.push(
      `d:${validMonth(date.from) ? date.from : ''}..${validMonth(date.to) ? date.to : ''}`,
    );
  }
  if (wholeNumber(minUpvotes)) pieces.push(`u:${minUpvotes}`);
  if (authors && (wholeNumber(authors.min) || wholeNumber(authors.max))) {
    pieces.push(
      `a:${wholeNumber(authors.min) ? authors.min : ''}..${wholeNumber(authors.max) ? authors.max : ''}`,
    );
  }
  for (const [key, values] of [
    ['o', filter.orgs],
    ['c', filter.categories],
    ['s', filter.sources],
  ] as const) {
    const kept = values?.filter((v) => v !== '');
    if (kept?.length) pieces.push(`${key}:${kept.map(encodeValue).join(',')}`);
  }
  return pieces.join(';');
}

/**
 * Reads encodeFilter's form. Each piece is checked on its own: a malformed or unknown piece is
 * left out and described in `problems`, the others still apply. Never throws.
 */
export function decodeFilter(text: string): { filter: PaperFilter; problems: string[] } {
  const filter: PaperFilter = {};
  const problems: string[] = [];
  for (const piece of text.split(';')) {
    if (!piece) continue;
    const colon = piece.indexOf(':');
    const key = colon < 0 ? piece : piece.slice(0, colon);
    const value = colon < 0 ? '' : piece.slice(colon + 1);
    const problem = (why: string): void => {
      problems.push(`filter "${short(piece)}": ${why}`);
    };
    if (key === 'd') {
      const range = splitRange(value, parseMonth);
      if (!range) problem('the date range should be YYYY-MM..YYYY-MM');
      else if (range.from !== undefined && range.to !== undefined && range.from > range.to)
        problem('the date range ends before it starts');
      else filter.date = dropUndefined({ from: range.fromText, to: range.toText });
    } else if (key === 'u') {
      if (/^\d{1,9}$/.test(value)) filter.minUpvotes = Number(value);
      else problem('the minimum of upvotes should be a whole number');
    } else if (key === 'a') {
      const range = splitRange(value, (t) => (/^\d{1,9}$/.test(t) ? Number(t) : null));
      if (!range) problem('the author range should be min..max, whole numbers');
      else if (range.from !== undefined && range.to !== undefined && range.from > range.to)
        problem('the author range ends before it starts');
      else filter.authors = dropUndefined({ min: range.from, max: range.to });
    } else if (key === 'o' || key === 'c' || key === 's') {
      const values = decodeList(value);
      if (!values) problem('a value is empty or not valid URL encoding');
      else if (key === 'o') filter.orgs = values;
      else if (key === 'c') filter.categories = values;
      else filter.sources = values;
    } else {
      problems.push(`unknown filter "${short(key)}"`);
    }
  }
  return { filter, problems };
}

/** `from..to` with either end (not both) empty; null when malformed. */
function splitRange(
  text: string,
  parse: (end: string) => number | null,
): { from?: number; to?: number; fromText?: string; toText?: string } | null {
  const parts = text.split('..');
  if (parts.length !== 2 || (!parts[0] && !parts[1])) return null;
  const [fromText, toText] = parts as [string, string];
  const from = fromText ? parse(fromText) : undefined;
  const to = toText ? parse(toText) : undefined;
  if (from === null || to === null) return null;
  return { from, to, fromText: fromText || undefined, toText: toText || undefined };
}

function decodeList(text: string): string[] | null {
  const values: string[] = [];
  for (const item of text.split(',')) {
    try {
      const value = decodeURIComponent(item);
      if (!value) return null;
      values.push(value);
    } catch {
      return null;
    }
  }
  return values;
}

/** encodeURIComponent, with lone surrogates (which it refuses) replaced by U+FFFD. */
function encodeValue(value: string): string {
  return encodeURIComponent(
    value.replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    ),
  );
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function validMonth(text: string | undefined): text is string {
  return text !== undefined && parseMonth(text) !== null;
}

function wholeNumber(n: number | undefined): n is number {
  return n !== undefined && Number.isInteger(n) && n >= 0 && n < 1e9;
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
