/**
 * BibTeX lexing: splits a stream into `@type{…}` entries (balanced braces, `@type(…)` too) and
 * reads an entry's key and fields (`name = {…}`, `"…"`, numbers, macros, `#` concatenation).
 * Text between entries is a comment, as in BibTeX itself. An entry whose braces never balance
 * ends where a line starts with the next `@type{`, so one typo costs one entry.
 */

/** One entry as written: its type in lower case, the text between its delimiters, its line. */
export interface RawEntry {
  type: string;
  body: string;
  line: number;
  /** False when the entry was cut off (unbalanced braces or end of input). */
  complete: boolean;
}

/** An entry's key and fields (names in lower case, values with macros expanded, LaTeX kept). */
export interface ParsedEntry {
  key: string;
  fields: Map<string, string>;
  problems: string[];
}

const HEADER = /@[ \t]*([A-Za-z][\w-]*)[ \t\r\n]*([{(])/y;
const NEXT_ENTRY = /[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]/y;
// Longest entry accepted; past it the entry is cut off at the next line-start "@".
const MAX_ENTRY_LENGTH = 4 * 1024 * 1024;

/** Splits BibTeX text pushed in chunks into raw entries; call end() after the last chunk. */
export class BibtexSplitter {
  private buf = '';
  private line = 1;
  private counted = 0;
  private entry: { type: string; close: string; start: number; line: number } | null = null;
  private scanPos = 0;
  private depth = 0;

  push(chunk: string): RawEntry[] {
    this.buf += chunk;
    return this.run(false);
  }

  end(): RawEntry[] {
    return this.run(true);
  }

  private run(final: boolean): RawEntry[] {
    const out: RawEntry[] = [];
    let pos = 0;
    const buf = this.buf;
    for (;;) {
      if (!this.entry) {
        const at = buf.indexOf('@', pos);
        if (at < 0) {
          pos = buf.length;
          break;
        }
        HEADER.lastIndex = at;
        const m = HEADER.exec(buf);
        if (!m) {
          // Wait when the header may still be arriving.
          if (!final && buf.length - at < 64) {
            pos = at;
            break;
          }
          pos = at + 1;
          continue;
        }
        this.lineAt(buf, at);
        const open = m[2] ?? '{';
        this.entry = {
          type: (m[1] ?? '').toLowerCase(),
          close: open === '{' ? '}' : ')',
          start: HEADER.lastIndex,
          line: this.line,
        };
        this.depth = 0;
        this.scanPos = HEADER.lastIndex;
        pos = at;
      }
      const entry = this.entry;
      const end = this.scan(buf, final);
      if (end === null) break;
      const body = buf.slice(entry.start, end.at);
      out.push({ type: entry.type, body, line: entry.line, complete: end.complete });
      this.entry = null;
      pos = end.next;
    }
    this.lineAt(buf, pos);
    this.buf = buf.slice(pos);
    this.counted -= pos;
    if (this.entry) {
      this.entry.start -= pos;
      this.scanPos -= pos;
    }
    return out;
  }

  /** Finds the end of the current entry: its closing delimiter or a line-start "@type{". */
  private scan(
    buf: string,
    final: boolean,
  ): { at: number; next: number; complete: boolean } | null {
    const entry = this.entry;
    if (!entry) return null;
    let i = this.scanPos;
    for (; i < buf.length; i++) {
      const ch = buf[i];
      if (ch === '\\') {
        // Skip the escaped character, unless it has not arrived yet.
        if (i + 1 >= buf.length && !final) break;
        i++;
      } else if (ch === '{') this.depth++;
      else if (ch === '}') {
        if (this.depth === 0 && entry.close === '}') return { at: i, next: i + 1, complete: true };
        this.depth = Math.max(0, this.depth - 1);
      } else if (ch === ')' && entry.close === ')' && this.depth === 0) {
        return { at: i, next: i + 1, complete: true };
      } else if (ch === '\n') {
        if (!final && buf.length - i < 80) break;
        NEXT_ENTRY.lastIndex = i + 1;
        if (NEXT_ENTRY.test(buf)) return { at: i, next: i + 1, complete: false };
      }
      if (i - entry.start > MAX_ENTRY_LENGTH && ch === '\n') {
        return { at: i, next: i + 1, complete: false };
      }
    }
    this.scanPos = Math.min(i, buf.length);
    if (final) return { at: buf.length, next: buf.length, complete: false };
    return null;
  }

  /** Advances the line count to position `to` of `buf`. */
  private lineAt(buf: string, to: number): void {
    for (let i = buf.indexOf('\n', this.counted); i >= 0 && i < to; i = buf.indexOf('\n', i + 1)) {
      this.line++;
    }
    this.counted = Math.max(this.counted, to);
  }
}

/** Reads the key and fields of an entry body; `strings` holds @string macros (lower-case names). */
export function parseEntryBody(
  body: string,
  strings: ReadonlyMap<string, string>,
  hasKey = true,
): ParsedEntry {
  const fields = new Map<string, string>();
  const problems: string[] = [];
  let i = 0;
  let key = '';
  if (hasKey) {
    const comma = body.indexOf(',');
    const eq = body.indexOf('=');
    if (comma >= 0 && (eq < 0 || comma < eq)) {
      key = body.slice(0, comma).trim();
      i = comma + 1;
    }
  }
  while (i < body.length) {
    while (i < body.length && /[\s,]/.test(body[i] ?? '')) i++;
    if (i >= body.length) break;
    const nameMatch = /[^\s=,{}"#]+/y;
    nameMatch.lastIndex = i;
    const name = nameMatch.exec(body)?.[0];
    if (!name) {
      problems.push(`unexpected "${body[i]}" where a field name was expected`);
      i = skipToComma(body, i + 1);
      continue;
    }
    i = skipSpace(body, i + name.length);
    if (body[i] !== '=') {
      problems.push(`field "${name}" has no "=" and value`);
      i = skipToComma(body, i);
      continue;
    }
    const value = readValue(body, skipSpace(body, i + 1), strings);
    fields.set(name.toLowerCase(), value.text);
    i = value.end;
  }
  return { key, fields, problems };
}

function readValue(
  body: string,
  start: number,
  strings: ReadonlyMap<string, string>,
): { text: string; end: number } {
  const pieces: string[] = [];
  let i = start;
  for (;;) {
    i = skipSpace(body, i);
    const ch = body[i];
    if (ch === '{' || ch === '"') {
      const end = balancedEnd(body, i, ch === '{' ? '}' : '"');
      pieces.push(body.slice(i + 1, end));
      i = end + 1;
    } else {
      const m = /[^\s,#{}"]+/y;
      m.lastIndex = i;
      const word = m.exec(body)?.[0] ?? '';
      pieces.push(strings.get(word.toLowerCase()) ?? word);
      i += word.length;
      if (!word) break;
    }
    i = skipSpace(body, i);
    if (body[i] !== '#') break;
    i++;
  }
  return { text: pieces.join(''), end: i };
}

/** Index of the closing `close` of the group opened at `start`, braces nested; body end if none. */
function balancedEnd(body: string, start: number, close: string): number {
  let depth = 0;
  for (let i = start + 1; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (ch === close && depth === 0) return i;
  }
  return body.length;
}

function skipSpace(body: string, i: number): number {
  while (i < body.length && /\s/.test(body[i] ?? '')) i++;
  return i;
}

function skipToComma(body: string, i: number): number {
  const comma = body.indexOf(',', i);
  return comma < 0 ? body.length : comma + 1;
}
