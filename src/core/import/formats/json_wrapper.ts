/**
 * Helpers of the JSON scanner for wrapper objects ({"meta": …, "results": [...]}): one spots the
 * key whose array holds the records, the other skips what follows that array.
 */

/** Keys whose array value, in a top-level object, holds the records (API pages, exports). */
export const WRAPPER_KEYS: readonly string[] = [
  'results',
  'data',
  'items',
  'papers',
  'records',
  'works',
  'entries',
  'rows',
  'hits',
  'docs',
];

/** Watches the top level of an object for `"key": [` with a key from `keys`. */
export class WrapperFinder {
  // 0 nothing, 1 inside a key string, 2 key read, 3 colon read.
  private state = 0;
  private key = '';

  constructor(private readonly keys: ReadonlySet<string>) {}

  reset(): void {
    this.state = 0;
    this.key = '';
  }

  /** A string opens at nesting `depth` (1 = the object's own keys). */
  stringStart(depth: number): void {
    if (depth === 1 && this.state === 0) {
      this.state = 1;
      this.key = '';
    }
  }

  /** Adds string content; only a key being read keeps it (64 characters at most). */
  stringText(text: string): void {
    if (this.state === 1 && this.key.length < 64) this.key += text;
  }

  stringEnd(): void {
    if (this.state === 1) this.state = 2;
  }

  /** Sees a structural character at `depth`; true when it opens the records' array. */
  significant(ch: string, depth: number): boolean {
    if (ch === '[' && depth === 1 && this.state === 3 && this.keys.has(this.key)) return true;
    this.state = depth === 1 && ch === ':' && this.state === 2 ? 3 : 0;
    return false;
  }
}

/** Skips the rest of a JSON value from inside it (strings respected) until it closes. */
export class ValueSkipper {
  private inString = false;
  private escape = false;

  constructor(private depth: number) {}

  /** Consumes one character; true once the value has closed. */
  step(ch: string): boolean {
    if (this.inString) {
      if (this.escape) this.escape = false;
      else if (ch === '\\') this.escape = true;
      else if (ch === '"') this.inString = false;
    } else if (ch === '"') this.inString = true;
    else if (ch === '{' || ch === '[') this.depth++;
    else if (ch === '}' || ch === ']') this.depth--;
    return this.depth <= 0;
  }
}
