/**
 * A streaming RFC 4180 reader for CSV and TSV: quoted fields may hold delimiters, doubled quotes
 * and line breaks; CRLF, LF and CR all end records; records may span chunk boundaries. It is
 * lenient where exporters are sloppy (a quote inside an unquoted field is a character), and an
 * unterminated quote swallows at most one record: at the end of input, or past MAX_FIELD_LENGTH,
 * the text after the line where the quote opened is read again as records.
 */

/** One record: its fields, the line it starts on, and a problem that cut it short, if any. */
export interface CsvRow {
  fields: string[];
  line: number;
  problem?: string;
}

const MISCLOSED = 'unterminated quoted field';
// Longest quoted field before its quote is taken to be unterminated, in characters.
const MAX_FIELD_LENGTH = 4 * 1024 * 1024;

/** Splits delimited text pushed in chunks into rows; call end() after the last chunk. */
export class CsvSplitter {
  private rows: CsvRow[] = [];
  private fields: string[] = [];
  private field: string[] = [];
  private fieldLength = 0;
  private inQuotes = false;
  // A quote that ended a chunk inside a quoted field: closing, or the first of a doubled pair.
  private quoteAtEnd = false;
  private quoted = false;
  private pendingCr = false;
  private line = 1;
  private recordLine = 1;
  private raw: string[] = [];
  private rawLength = 0;
  private quoteOpenedAt = 0;
  private recordHasContent = false;

  constructor(private readonly delimiter: string) {}

  push(chunk: string): CsvRow[] {
    // An empty chunk would hide whether a quote that ended the last one is doubled.
    if (chunk) this.scan(chunk);
    return this.take();
  }

  end(): CsvRow[] {
    for (;;) {
      if (this.quoteAtEnd) {
        this.quoteAtEnd = false;
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        const rest = this.refeed('unterminated quoted field');
        if (rest) {
          this.scan(rest);
          continue;
        }
      } else if (this.recordHasContent || this.fields.length) this.endRecord();
      return this.take();
    }
  }

  private take(): CsvRow[] {
    const rows = this.rows;
    this.rows = [];
    return rows;
  }

  private scan(text: string): void {
    let i = 0;
    let rawStart = 0;
    const flushRaw = (to: number) => {
      this.raw.push(text.slice(rawStart, to));
      this.rawLength += to - rawStart;
      rawStart = to;
    };
    if (this.pendingCr && text.startsWith('\n')) i = 1;
    this.pendingCr = false;
    rawStart = i;
    if (this.quoteAtEnd) {
      this.quoteAtEnd = false;
      if (text[i] === '"') {
        this.add('"');
        i++;
      } else if (this.misclosed(text[i])) {
        this.scan(this.refeed(MISCLOSED) + text.slice(i));
        return;
      } else this.inQuotes = false;
    }
    while (i < text.length) {
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        const end = q < 0 ? text.length : q;
        this.add(text.slice(i, end));
        this.countLines(text, i, end);
        i = end;
        if (this.fieldLength > MAX_FIELD_LENGTH) {
          flushRaw(i);
          const rest = this.refeed(`quoted field longer than ${MAX_FIELD_LENGTH} characters`);
          this.scan(rest + text.slice(i));
          return;
        }
        if (q < 0) break;
        if (q + 1 >= text.length) {
          this.quoteAtEnd = true;
          i = q + 1;
          break;
        }
        if (text[q + 1] === '"') {
          this.add('"');
          i = q + 2;
        } else if (this.misclosed(text[q + 1])) {
          flushRaw(q);
          this.scan(this.refeed(MISCLOSED) + text.slice(q));
          return;
        } else {
          this.inQuotes = false;
          i = q + 1;
        }
        continue;
      }
      const ch = text[i];
      if (ch === this.delimiter) {
        this.endField();
        this.recordHasContent = true;
      } else if (ch === '\n' || ch === '\r') {
        this.line++;
        flushRaw(i + 1);
        if (ch === '\r') {
          if (i + 1 >= text.length) this.pendingCr = true;
          else if (text[i + 1] === '\n') i++;
        }
        this.endRecord();
        rawStart = i + 1;
        this.recordLine = this.line;
      } else if (ch === '"' && this.fieldLength === 0 && !this.quoted) {
        this.inQuotes = true;
        this.quoted = true;
        this.recordHasContent = true;
        this.quoteOpenedAt = this.rawLength + (i - rawStart);
      } else {
        this.add(ch ?? '');
        this.recordHasContent = true;
      }
      i++;
    }
    flushRaw(Math.max(rawStart, Math.min(i, text.length)));
  }

  /**
   * A quote that closes a multi-line field but is followed by more text is most likely the
   * opening quote of a later field: the real opening quote was never closed.
   */
  private misclosed(after: string | undefined): boolean {
    if (after === undefined || after === this.delimiter || after === '\n' || after === '\r')
      return false;
    return this.field.some((part) => part.includes('\n'));
  }

  private add(text: string): void {
    if (!text) return;
    this.field.push(text);
    this.fieldLength += text.length;
  }

  private endField(): void {
    this.fields.push(this.field.join('').replace(/\r\n?/g, '\n'));
    this.field = [];
    this.fieldLength = 0;
    this.quoted = false;
  }

  private endRecord(problem?: string): void {
    if (this.recordHasContent || this.fields.length || this.fieldLength) {
      this.endField();
      const row: CsvRow = { fields: this.fields, line: this.recordLine };
      if (problem) row.problem = problem;
      this.rows.push(row);
    }
    this.fields = [];
    this.field = [];
    this.fieldLength = 0;
    this.quoted = false;
    this.recordHasContent = false;
    this.raw = [];
    this.rawLength = 0;
  }

  /** Reports the record as cut short; returns the text after the line where its quote opened. */
  private refeed(problem: string): string {
    const raw = this.raw.join('');
    const newline = raw.indexOf('\n', this.quoteOpenedAt);
    const rest = newline < 0 ? '' : raw.slice(newline + 1);
    const lineOfRest = this.recordLine + countNewlines(raw, 0, newline + 1);
    this.inQuotes = false;
    this.quoteAtEnd = false;
    this.endRecord(problem);
    this.line = lineOfRest;
    this.recordLine = lineOfRest;
    return rest;
  }

  private countLines(text: string, from: number, to: number): void {
    this.line += countNewlines(text, from, to);
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
