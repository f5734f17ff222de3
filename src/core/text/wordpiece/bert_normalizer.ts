/**
 * BERT's text normaliser, as Hugging Face tokenizers' `BertNormalizer` (tokenizers/src/normalizers/
 * bert.rs) and the original BasicTokenizer (google-research/bert tokenization.py) define it.
 */

/** The options of a `BertNormalizer` in tokenizer.json; all default to true, stripAccents to lowercase. */
export interface BertNormalizerOptions {
  /** Drop control characters, NUL and U+FFFD; turn every whitespace character into a space. */
  cleanText: boolean;
  /** Put spaces around CJK ideographs so each becomes a word of its own. */
  handleChineseChars: boolean;
  /** Decompose (NFD) and drop non-spacing marks: "café" → "cafe". */
  stripAccents: boolean;
  /** Lower-case every character. */
  lowercase: boolean;
}

/** The options of bert-base-uncased and all-MiniLM-L6-v2: everything on. */
export const UNCASED_BERT_NORMALIZER: Readonly<BertNormalizerOptions> = {
  cleanText: true,
  handleChineseChars: true,
  stripAccents: true,
  lowercase: true,
};

// Control, format, private-use and unassigned characters; tab, newline and carriage return are
// among them (Cc) but BERT keeps them, as whitespace.
const CONTROL = /\p{C}/gu;
const BERT_WHITESPACE = /\s/gu;
const NON_SPACING_MARK = /\p{Mn}/gu;

/**
 * Whether a code point is a CJK ideograph, by the Unicode blocks BERT lists (Hangul and kana are
 * not: they are written with spaces and split like other letters).
 */
export function isCjkCodePoint(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b820 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

/** Puts a space on each side of every CJK ideograph. */
function spaceCjk(text: string): string {
  let out = '';
  for (const ch of text) out += isCjkCodePoint(ch.codePointAt(0)!) ? ` ${ch} ` : ch;
  return out;
}

/**
 * Normalises a text as BertNormalizer does, in its order: clean, space CJK, strip accents (NFD,
 * then drop Mn marks), lower-case.
 */
export function normalizeBert(text: string, options: Readonly<BertNormalizerOptions>): string {
  let out = text;
  if (options.cleanText) {
    out = out.replace(CONTROL, (ch) => (ch === '\t' || ch === '\n' || ch === '\r' ? ch : ''));
    out = out.replace(/[\0\ufffd]/g, '').replace(BERT_WHITESPACE, ' ');
  }
  if (options.handleChineseChars) out = spaceCjk(out);
  if (options.stripAccents) out = out.normalize('NFD').replace(NON_SPACING_MARK, '');
  if (options.lowercase) out = out.toLowerCase();
  return out;
}
