/** A position in streamed text: line, column and offset, and whether only blanks precede it on its line. */
export class TextCursor {
  /** 1-based line. */
  line = 1;
  /** 0-based column, in UTF-16 code units. */
  column = 0;
  /** Offset from the start of the text, in UTF-16 code units. */
  offset = 0;
  /** True while everything since the last line break is a space, tab or "\r". */
  atLineStart = true;

  /** Moves the position over text[from, to). */
  advance(text: string, from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const code = text.charCodeAt(k);
      if (code === 10) {
        this.line++;
        this.column = 0;
        this.atLineStart = true;
      } else {
        this.column++;
        if (code !== 32 && code !== 9 && code !== 13) this.atLineStart = false;
      }
    }
    this.offset += to - from;
  }

  /** Puts the position at the start of a line, e.g. to read text again. */
  moveToLineStart(line: number, offset: number): void {
    this.line = line;
    this.offset = offset;
    this.column = 0;
    this.atLineStart = true;
  }
}
