/**
 * Plain-text cleaning shared by the corpus formats: entity decoding, removal of the markup some
 * sources embed in titles and abstracts (JATS, HTML), whitespace collapsing and size caps. The UI
 * renders text, never HTML, so nothing here has to make text safe, only readable.
 */

// The XML entities and the HTML ones that turn up in paper metadata; others stay literal.
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  times: '\u00d7',
  minus: '\u2212',
  deg: '\u00b0',
  plusmn: '\u00b1',
  le: '\u2264',
  ge: '\u2265',
  alpha: '\u03b1',
  beta: '\u03b2',
  gamma: '\u03b3',
  delta: '\u03b4',
  epsilon: '\u03b5',
  lambda: '\u03bb',
  mu: '\u03bc',
  pi: '\u03c0',
  sigma: '\u03c3',
  copy: '\u00a9',
  reg: '\u00ae',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  oacute: '\u00f3',
  iacute: '\u00ed',
  uacute: '\u00fa',
  auml: '\u00e4',
  ouml: '\u00f6',
  uuml: '\u00fc',
  ccedil: '\u00e7',
  ntilde: '\u00f1',
  szlig: '\u00df',
};

const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,15});/gi;

/** Maximum abstract length in characters; longer abstracts are cut there (with a warning). */
export const MAX_ABSTRACT_LENGTH = 20_000;

/** Maximum title length in characters; a longer "title" is almost surely a mis-mapped column. */
export const MAX_TITLE_LENGTH = 1_000;

/** Decodes XML/HTML character references (`&amp;`, `&#233;`, `&#xE9;`); unknown ones stay as they are. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, name: string) => {
    if (name[0] === '#') {
      const hex = name[1] === 'x' || name[1] === 'X';
      const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
      // Lone surrogates and out-of-range code points would make the string ill-formed.
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

// A tag is "<", an optional "/", a letter, then anything but angle brackets: "a < b" survives.
const TAG = /<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>/g;
// Block-level tags separate words; inline ones (<i>, <sub>) must not split "H<sub>2</sub>O".
const BLOCK_TAG =
  /<\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|title|sec|jats:p|jats:title|jats:sec)\b[^<>]*>/gi;

/**
 * Removes embedded markup tags (`<i>`, `<jats:p>`, `<sub>`) and then decodes entities, for sources
 * whose text fields carry HTML or JATS; text that only looks like a tag ("a < b") is kept.
 */
export function stripMarkup(text: string): string {
  if (!text.includes('<')) return decodeEntities(text);
  return decodeEntities(text.replace(BLOCK_TAG, ' ').replace(TAG, ''));
}

/** Collapses every run of whitespace (newlines included) to one space and trims the ends. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts `text` to at most `max` characters without splitting a surrogate pair; reports whether it cut. */
export function capText(text: string, max: number): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: text.slice(0, end), cut: true };
}
