/**
 * The state machine behind jsonElements (json_stream.ts): scans characters, buffers the current
 * element, finds a wrapper's record array, and recovers after malformed elements by reading again
 * from the line after a broken element's first line.
 */
import type { JsonEvent, JsonStreamOptions } from './json_stream';
import { ValueSkipper, WRAPPER_KEYS, WrapperFinder } from './json_wrapper';
import { TextCursor } from './text_cursor';

type Context = 'top' | 'array' | 'wrapper-rest';
type Mode = 'between' | 'element' | 'recover';

const STRING_STOP = /["\\\n]/g;

/** Scans JSON text pushed in chunks into element events; call end() after the last chunk. */
export class JsonScanner {
  private readonly maxLength: number;
  private events: JsonEvent[] = [];
  // Position of the next character.
  private readonly at = new TextCursor();
  private ctx: Context = 'top';
  private mode: Mode = 'between';
  private seenTopValue = false;
  private index = 0;
  // The element being read.
  private parts: string[] = [];
  private partStart = 0;
  private length = 0;
  private depth = 0;
  private inString = false;
  private escape = false;
  private scalar = false;
  private start = { line: 0, offset: 0, column: 0 };
  private lastSignificant = '';
  // A first top-level object may be a wrapper whose array holds the records.
  private wrapperCandidate = false;
  private readonly finder: WrapperFinder;
  private inWrapper = false;
  private skipper: ValueSkipper | null = null;
  private recoverColumn = 0;
  // JSON Lines: top-level values one per line, so a line break inside one means it is broken.
  private jsonl = false;
  private lastTopOneLine = false;
  // Start column of the last element that parsed: where its siblings are likely to start too.
  private goodColumn = 0;

  constructor(options: JsonStreamOptions) {
    this.finder = new WrapperFinder(new Set(options.wrapperKeys ?? WRAPPER_KEYS));
    this.maxLength = options.maxElementLength ?? 32 * 1024 * 1024;
  }

  push(chunk: string): JsonEvent[] {
    // A re-feed replaces the text being scanned: the element's tail comes from the final text.
    const text = this.scan(chunk);
    if (this.mode === 'element') {
      this.parts.push(text.slice(this.partStart));
      this.length += text.length - this.partStart;
      if (this.length > this.maxLength) {
        this.fail(`element longer than ${this.maxLength} characters: skipped`);
        this.startRecovery();
      }
    }
    this.partStart = 0;
    return this.events.splice(0);
  }

  end(): JsonEvent[] {
    const events: JsonEvent[] = [];
    while (this.mode === 'element') {
      if (this.scalar) {
        this.complete('');
        break;
      }
      const body = this.parts.join('');
      this.fail('unexpected end of input: the element is not closed');
      const rest = this.refeed(body);
      events.push(...this.events.splice(0));
      if (rest) events.push(...this.push(rest));
    }
    events.push(...this.events.splice(0));
    return events;
  }

  private scan(chunk: string): string {
    let text = chunk;
    let i = 0;
    while (i < text.length) {
      if (this.mode === 'element' && this.inString && !this.escape) {
        // Skip plain string content in one step.
        STRING_STOP.lastIndex = i;
        const found = STRING_STOP.exec(text);
        const stop = found ? found.index : text.length;
        if (this.wrapperCandidate) this.finder.stringText(text.slice(i, stop));
        this.at.advance(text, i, stop);
        i = stop;
        if (i >= text.length) break;
      }
      const ch = text[i] ?? '';
      const next = this.step(text, i, ch);
      if (next !== undefined) {
        text = next;
        i = 0;
        continue;
      }
      this.at.advance(text, i, i + 1);
      i++;
    }
    return text;
  }

  /** Handles text[i]; returns replacement text when scanning must restart (a re-feed). */
  private step(text: string, i: number, ch: string): string | undefined {
    const ws = ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';
    if (this.mode === 'recover') {
      if (!this.at.atLineStart || ws) return undefined;
      if (ch === '{' && this.at.column <= this.recoverColumn) this.begin(i, ch);
      else if (ch === ']' && this.ctx === 'array' && this.at.column < this.recoverColumn) {
        this.mode = 'between';
        this.closeArray();
      } else this.at.atLineStart = false;
      return undefined;
    }
    if (this.mode === 'between') {
      if (ws) return undefined;
      if (this.ctx === 'wrapper-rest') {
        if (this.skipper?.step(ch)) this.ctx = 'top';
        return undefined;
      }
      if (this.ctx === 'array') {
        if (ch === ',') return undefined;
        if (ch === ']') return this.closeArray();
        return this.begin(i, ch);
      }
      if (ch === '[') {
        this.ctx = 'array';
        this.seenTopValue = true;
        return undefined;
      }
      if (ch === '{') return this.begin(i, ch);
      this.index++;
      this.start = { line: this.at.line, offset: this.at.offset, column: this.at.column };
      this.fail(`unexpected "${ch}": expected a JSON object or array`);
      this.recoverColumn = Number.MAX_SAFE_INTEGER;
      this.mode = 'recover';
      return undefined;
    }
    return this.stepElement(text, i, ch, ws);
  }

  private stepElement(text: string, i: number, ch: string, ws: boolean): string | undefined {
    if (this.inString) {
      if (this.escape) this.escape = false;
      else if (ch === '\\') this.escape = true;
      else if (ch === '"') {
        this.inString = false;
        this.lastSignificant = '"';
        this.finder.stringEnd();
        if (this.depth === 0) this.complete(text.slice(this.partStart, i + 1));
      } else if (ch === '\n') {
        this.fail('line break inside a string: the element is malformed');
        this.startRecovery();
      }
      return undefined;
    }
    if (this.scalar) {
      if (ws || ch === ',' || ch === ']' || ch === '}') {
        this.complete(text.slice(this.partStart, i));
        return this.step(text, i, ch);
      }
      return undefined;
    }
    if (this.at.atLineStart && !ws && ch === '{' && this.isBrokenBy()) {
      this.fail(`element not closed before line ${this.at.line}`);
      // Its own lines may hold elements it swallowed (a "}" missing on an earlier line).
      const body = this.parts.join('') + text.slice(this.partStart, i);
      return this.refeed(body) + text.slice(i);
    }
    if (ch === '\n' && this.jsonl && this.ctx === 'top') {
      this.fail('the line ends before its JSON value is closed');
      return this.startRecovery();
    }
    if (ws) return undefined;
    const depthBefore = this.depth;
    this.lastSignificant = ch;
    if (ch === '"') {
      this.inString = true;
      if (this.wrapperCandidate) this.finder.stringStart(depthBefore);
      return undefined;
    }
    if (this.wrapperCandidate && this.finder.significant(ch, depthBefore)) {
      // The records are this array's elements: forget the wrapper's text read so far.
      this.parts = [];
      this.length = 0;
      this.index--;
      this.mode = 'between';
      this.ctx = 'array';
      this.inWrapper = true;
      return undefined;
    }
    if (ch === '{' || ch === '[') {
      this.depth++;
      return undefined;
    }
    if (ch === '}' || ch === ']') {
      this.depth--;
      if (this.depth === 0) return this.complete(text.slice(this.partStart, i + 1), text, i + 1);
    }
    return undefined;
  }

  /** True when an object opening a line, at the element's indentation or less, is a new element. */
  private isBrokenBy(): boolean {
    if (this.depth <= 0 || this.at.column > this.start.column) return false;
    // Unindented pretty-printing puts nested objects at column 0 after "[", "," or ":".
    return !(this.start.column === 0 && /[[,:]/.test(this.lastSignificant));
  }

  private begin(i: number, ch: string): undefined {
    this.mode = 'element';
    this.index++;
    this.parts = [];
    this.partStart = i;
    this.length = 0;
    this.inString = ch === '"';
    this.escape = false;
    this.scalar = !(ch === '{' || ch === '[' || ch === '"');
    this.depth = ch === '{' || ch === '[' ? 1 : 0;
    this.start = { line: this.at.line, offset: this.at.offset, column: this.at.column };
    this.lastSignificant = ch;
    this.wrapperCandidate = this.ctx === 'top' && !this.seenTopValue && ch === '{';
    this.finder.reset();
    if (this.ctx === 'top') {
      // Lines of JSON Lines start at column 0; a recovered fragment further right is no evidence.
      if (this.seenTopValue && this.lastTopOneLine && this.at.column === 0) this.jsonl = true;
      this.seenTopValue = true;
    }
    return undefined;
  }

  /** Finishes the element whose last piece is `tail`; on a parse failure, re-feeds what follows its first line. */
  private complete(tail: string, text?: string, resume?: number): string | undefined {
    this.parts.push(tail);
    const body = this.parts.join('');
    this.parts = [];
    this.mode = 'between';
    if (this.ctx === 'top') {
      this.lastTopOneLine = this.start.line === this.at.line && this.start.column === 0;
    }
    try {
      const value: unknown = JSON.parse(body);
      this.goodColumn = this.start.column;
      const { line, offset } = this.start;
      this.events.push({ kind: 'value', value, index: this.index, line, offset });
      return undefined;
    } catch (error) {
      this.fail(`malformed JSON: ${error instanceof Error ? error.message : String(error)}`);
      if (text === undefined || resume === undefined || !body.includes('\n')) {
        return this.startRecovery();
      }
      // The element swallowed lines that may hold valid elements (a missing "}"): read them again.
      const rest = this.refeed(body);
      return rest + text.slice(resume);
    }
  }

  /** Rewinds the position to the line after the failed element's first line; returns that text. */
  private refeed(body: string): string {
    const newline = body.indexOf('\n');
    const rest = newline < 0 ? '' : body.slice(newline + 1);
    this.startRecovery();
    if (newline >= 0) this.at.moveToLineStart(this.start.line + 1, this.start.offset + newline + 1);
    return rest;
  }

  private startRecovery(): undefined {
    this.mode = 'recover';
    this.parts = [];
    this.inString = false;
    // One column of slack: a broken element may start a column off (a stray character before it).
    this.recoverColumn = Math.max(this.start.column, this.goodColumn) + 1;
    this.at.atLineStart = false;
    return undefined;
  }

  private fail(message: string): void {
    const { line, offset } = this.start;
    this.events.push({ kind: 'error', message, index: this.index, line, offset });
  }

  private closeArray(): undefined {
    this.ctx = this.inWrapper ? 'wrapper-rest' : 'top';
    if (this.inWrapper) this.skipper = new ValueSkipper(1);
    this.inWrapper = false;
    return undefined;
  }
}
