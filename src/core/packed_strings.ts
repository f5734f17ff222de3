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

/**
 * Many strings as a few: groups of `per` strings packed each into one text. Used for columns of
 * 100k abstracts sent from a worker to the page: V8 stores a string in two bytes per character
 * when any character needs it, so one text for the whole column would double the memory of
 * every abstract as soon as one has a Greek letter; a group of 16 doubles only its own (in the
 * seed corpus one abstract in 236 has such a character, so most groups stay one byte wide).
 */
export interface StringChunks {
  /** Text of group g holds strings g·per … g·per + per − 1. */
  texts: string[];
  /** ends[i] is the end of string i in its group's text; it starts at ends[i − 1] or 0. */
  ends: Int32Array;
  per: number;
}

/** Packs strings in groups of `per` (see StringChunks). */
export function packStringChunks(strings: readonly string[], per = 16): StringChunks {
  const ends = new Int32Array(strings.length);
  const texts: string[] = [];
  for (let start = 0; start < strings.length; start += per) {
    const group = strings.slice(start, start + per);
    let end = 0;
    group.forEach((s, j) => (ends[start + j] = end += s.length));
    texts.push(group.join(''));
  }
  return { texts, ends, per };
}

/** The strings a StringChunks holds, in order; throws on ends that do not fit their texts. */
export function unpackStringChunks({ texts, ends, per }: StringChunks): string[] {
  const out = new Array<string>(ends.length);
  for (let i = 0; i < ends.length; i++) {
    const text = texts[Math.floor(i / per)];
    const start = i % per === 0 ? 0 : ends[i - 1]!;
    const end = ends[i]!;
    if (text === undefined || end < start || end > text.length) {
      throw new RangeError(`packed string ${i} ends outside its group`);
    }
    out[i] = text.slice(start, end);
  }
  return out;
}

/**
 * The strings of `chunks` in consecutive pieces of about `size` strings (whole groups), each with
 * the index of its first string: a column of 100 MB of abstracts posted to the page as one
 * message is one long task there (the clone is read when the message is), in pieces it is many
 * short ones between frames.
 */
export function sliceStringChunks(
  chunks: StringChunks,
  size: number,
): { first: number; chunks: StringChunks }[] {
  const { texts, ends, per } = chunks;
  const groups = Math.max(1, Math.floor(size / per));
  const pieces: { first: number; chunks: StringChunks }[] = [];
  for (let g = 0; g < texts.length; g += groups) {
    const first = g * per;
    pieces.push({
      first,
      chunks: {
        texts: texts.slice(g, g + groups),
        ends: ends.slice(first, Math.min(ends.length, first + groups * per)),
        per,
      },
    });
  }
  return pieces;
}
