/**
 * Author names from the shapes sources use: a delimited string ("A. Smith, B. Jones and C. Wu",
 * "Smith, Anna; Jones, Bo"), or an array of strings or of objects ({name}, {display_name},
 * {family, given}, {literal}).
 */
import { collapseWhitespace } from './text';

/** Most names kept per paper: collaborations list a few thousand, more is a mapping mistake. */
export const MAX_AUTHORS = 5_000;
const MAX_NAME_LENGTH = 200;

/** "Last, First" → "First Last", "Last, Jr., First" → "First Last Jr."; other names unchanged. */
export function invertName(name: string): string {
  const parts = name.split(',').map((p) => p.trim());
  if (parts.length === 2 && parts[0] && parts[1]) return `${parts[1]} ${parts[0]}`;
  if (parts.length === 3 && parts[0] && parts[2]) {
    return `${parts[2]} ${parts[0]}${parts[1] ? ` ${parts[1]}` : ''}`;
  }
  return name.trim();
}

/**
 * Splits a string of names: on ";" when present (each part may be "Last, First"), else on commas
 * and " and " / "&"; parenthesised affiliations ("A. Smith (1) ((1) MIT)") are dropped.
 */
export function splitAuthorString(text: string): string[] {
  let clean = text;
  // Innermost groups first, so nested affiliation lists go too.
  for (let pass = 0; pass < 3 && clean.includes('('); pass++) {
    clean = clean.replace(/\([^()]*\)/g, ' ');
  }
  clean = collapseWhitespace(clean);
  if (!clean) return [];
  const parts = clean.includes(';')
    ? clean.split(';').map(invertName)
    : clean.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s+&\s+/i);
  return finish(parts);
}

/** Names from a string, an array of strings or name objects, or a single name object. */
export function authorNames(value: unknown): string[] {
  if (typeof value === 'string') return splitAuthorString(value);
  if (Array.isArray(value)) {
    const names: string[] = [];
    for (const item of value.slice(0, MAX_AUTHORS)) {
      const name = typeof item === 'string' ? item : nameOfObject(item);
      if (name) names.push(name);
    }
    return finish(names);
  }
  const single = nameOfObject(value);
  return single ? finish([single]) : [];
}

/** The display name of a person object ({name}, {display_name}, {family, given}, …), or ''. */
export function nameOfObject(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const o = value as Record<string, unknown>;
  for (const key of ['name', 'display_name', 'displayName', 'fullName', 'full_name', 'literal']) {
    const v = o[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  // OpenAlex nests the person: {author: {display_name}}.
  if (typeof o.author === 'object' && o.author !== null) return nameOfObject(o.author);
  const given = str(o.given ?? o.first ?? o.firstName ?? o.given_name);
  const family = str(o.family ?? o.last ?? o.lastName ?? o.family_name);
  const particle = str(o['non-dropping-particle']);
  const suffix = str(o.suffix);
  return [given, particle, family, suffix].filter(Boolean).join(' ');
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function finish(names: string[]): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = collapseWhitespace(raw).slice(0, MAX_NAME_LENGTH);
    if (name && !/^(?:others|et al\.?)$/i.test(name)) out.push(name);
    if (out.length >= MAX_AUTHORS) break;
  }
  return out;
}
