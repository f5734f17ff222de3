/**
 * Many strings as one: their concatenation and where each ends. Posting 100k short strings to a
 * worker clones 100k objects on the sending thread (a long task on the page); one string and an
 * Int32Array clone in a few milliseconds.
 */
export interface PackedStrings {
  text: string;
  /** ends[i] is the end of string i in `text`; string i starts at ends[i − 1] (0 for the first). */
  ends: Int32Array;
}

/** Packs strings into one (see PackedStrings). */
export function packStrings(strings: readonly string[]): PackedStrings {
  const ends = new Int32Array(strings.length);
  let end = 0;
  for (let i = 0; i < strings.length; i++) ends[i] = end += strings[i]!.length;
  return { text: strings.join(''), ends };
}

/** The strings a PackedStrings holds, in order; throws on ends that do not fit the text. */
export function unpackStrings({ text, ends }: PackedStrings): string[] {
  const out = new Array<string>(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (end < start || end > text.length) throw new RangeError(`packed string ${i} ends outside`);
    out[i] = text.slice(start, end);
    start = end;
  }
  return out;
}
