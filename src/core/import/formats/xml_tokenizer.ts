/**
 * A small streaming XML tokenizer, enough for Atom feeds in a worker (which has no DOMParser):
 * elements with attributes, text with entities decoded (numeric ones too), CDATA; comments,
 * processing instructions and doctypes are skipped. Namespaces stay as prefixes ("arxiv:doi").
 * It is forgiving: a "<" that starts no tag is text, an over-long or unterminated tag is reported
 * and read as text, so one broken spot never hides the rest of the file.
 */
import { decodeEntities } from './text';

/** One token; `line` is the 1-based line where it starts. */
export type XmlToken =
  | {
      type: 'open';
      name: string;
      attrs: Record<string, string>;
      selfClosing: boolean;
      line: number;
    }
  | { type: 'close'; name: string; line: number }
  | { type: 'text'; text: string; line: number }
  | { type: 'error'; message: string; line: number };

// Longest tag, comment or doctype accepted; past it the "<" is taken for text.
const MAX_MARKUP_LENGTH = 1 << 16;
const NAME_START = /[A-Za-z_:]/;
const ATTRIBUTE = /([^\s=/>"']+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

/** Tokenizes XML pushed in chunks of any size; call end() after the last chunk. */
export class XmlTokenizer {
  private buf = '';
  private line = 1;
  // Where to resume searching for the delimiter that the buffer's start is waiting for.
  private searchFrom = 0;
  private tokens: XmlToken[] = [];

  /** Adds a chunk; returns the tokens it completed. */
  push(chunk: string): XmlToken[] {
    this.buf += chunk;
    this.run(false);
    return this.take();
  }

  /** Flushes what is left at the end of input. */
  end(): XmlToken[] {
    this.run(true);
    return this.take();
  }

  private take(): XmlToken[] {
    const tokens = this.tokens;
    this.tokens = [];
    return tokens;
  }

  private run(final: boolean): void {
    let pos = 0;
    const buf = this.buf;
    while (pos < buf.length) {
      const consumed = this.next(buf, pos, final);
      if (consumed === 0) break;
      this.countLines(buf, pos, pos + consumed);
      pos += consumed;
      this.searchFrom = 0;
    }
    this.buf = buf.slice(pos);
    this.searchFrom = Math.max(0, this.searchFrom - pos);
  }

  /** Emits the construct at `pos`; returns its length, or 0 when more input is needed. */
  private next(buf: string, pos: number, final: boolean): number {
    const line = this.line;
    if (buf[pos] !== '<') {
      const lt = buf.indexOf('<', Math.max(pos, this.searchFrom));
      if (lt < 0 && !final) {
        this.searchFrom = buf.length;
        return 0;
      }
      const end = lt < 0 ? buf.length : lt;
      this.tokens.push({ type: 'text', text: decodeEntities(buf.slice(pos, end)), line });
      return end - pos;
    }
    const head = buf.slice(pos, pos + 9);
    // A chunk may end inside "<!--" or "<![CDATA[": wait rather than misread it as a doctype.
    if (!final && head.length < 9 && ('<![CDATA['.startsWith(head) || '<!--'.startsWith(head))) {
      return 0;
    }
    if (buf.startsWith('<!--', pos)) return this.until(buf, pos, '-->', final, () => undefined);
    if (buf.startsWith('<![CDATA[', pos)) {
      return this.until(
        buf,
        pos,
        ']]>',
        final,
        (end) => {
          this.tokens.push({ type: 'text', text: buf.slice(pos + 9, end), line });
        },
        Infinity,
      );
    }
    if (buf.startsWith('<?', pos)) return this.until(buf, pos, '?>', final, () => undefined);
    if (buf.startsWith('<!', pos)) return this.until(buf, pos, '>', final, () => undefined);
    if (pos + 1 >= buf.length && !final) return 0;
    const second = buf[pos + 1] ?? '';
    if (second !== '/' && !NAME_START.test(second)) return this.literalLt(line);
    const end = tagEnd(buf, pos);
    if (end < 0) {
      if (end === -2 || final || buf.length - pos > MAX_MARKUP_LENGTH) {
        this.tokens.push({ type: 'error', message: 'unterminated tag: read as text', line });
        return this.literalLt(line);
      }
      this.searchFrom = Math.max(pos, buf.length - 1);
      return 0;
    }
    this.tag(buf.slice(pos + 1, end), line);
    return end + 1 - pos;
  }

  private literalLt(line: number): number {
    this.tokens.push({ type: 'text', text: '<', line });
    return 1;
  }

  /** Consumes up to `delimiter`, calling `emit` with the delimiter's index. */
  private until(
    buf: string,
    pos: number,
    delimiter: string,
    final: boolean,
    emit: (end: number) => void,
    maxLength = MAX_MARKUP_LENGTH,
  ): number {
    const end = buf.indexOf(delimiter, Math.max(pos, this.searchFrom - delimiter.length));
    if (end >= 0) {
      emit(end);
      return end + delimiter.length - pos;
    }
    if (!final && buf.length - pos <= maxLength) {
      this.searchFrom = buf.length;
      return 0;
    }
    this.tokens.push({
      type: 'error',
      message: `"${delimiter}" missing: read as text`,
      line: this.line,
    });
    return this.literalLt(this.line);
  }

  private tag(body: string, line: number): void {
    if (body.startsWith('/')) {
      this.tokens.push({ type: 'close', name: body.slice(1).trim(), line });
      return;
    }
    const selfClosing = body.endsWith('/');
    const inner = selfClosing ? body.slice(0, -1) : body;
    const nameEnd = inner.search(/[\s/]/);
    const name = nameEnd < 0 ? inner : inner.slice(0, nameEnd);
    const attrs: Record<string, string> = {};
    if (nameEnd >= 0) {
      ATTRIBUTE.lastIndex = nameEnd;
      for (let m = ATTRIBUTE.exec(inner); m; m = ATTRIBUTE.exec(inner)) {
        const key = m[1] ?? '';
        if (key && !(key in attrs)) attrs[key] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
      }
    }
    this.tokens.push({ type: 'open', name, attrs, selfClosing, line });
  }

  private countLines(buf: string, from: number, to: number): void {
    for (let i = buf.indexOf('\n', from); i >= 0 && i < to; i = buf.indexOf('\n', i + 1)) {
      this.line++;
    }
  }
}

/**
 * Index of the ">" closing the tag at `pos` (quotes respected); -1 when not yet in `buf`, -2 when
 * a "<" comes first (the tag is broken).
 */
function tagEnd(buf: string, pos: number): number {
  let quote = '';
  const limit = Math.min(buf.length, pos + MAX_MARKUP_LENGTH);
  for (let i = pos + 1; i < limit; i++) {
    const ch = buf[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
    // A new "<" outside quotes means this tag was never closed.
    else if (ch === '<') return -2;
  }
  return -1;
}
