/**
 * Cheap LaTeX-to-text conversion for the names, titles and abstracts of BibTeX files and the arXiv
 * metadata snapshot: accent commands (\'a, \"{o}, {\c c}), letter macros (\ss, \o, \aa), escaped
 * specials (\&, \%), text-style commands (\emph{x} → x), dashes and ties; then protective braces
 * ({BERT}) go. Math is kept as written, minus the dollar signs, since there is no good plain form.
 */

// Combining marks for the accent commands; NFC folds letter + mark into the precomposed letter.
const ACCENTS: Readonly<Record<string, string>> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
  d: '\u0323',
  b: '\u0331',
};

const LETTERS: Readonly<Record<string, string>> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  ng: 'ŋ',
  NG: 'Ŋ',
  S: '§',
  P: '¶',
  textendash: '–',
  textemdash: '—',
  textquoteright: '’',
  textquoteleft: '‘',
  ldots: '…',
  dots: '…',
  LaTeX: 'LaTeX',
  TeX: 'TeX',
};

// Symbol accents (\'a) may drop the braces; letter accents (\c c) need a space or braces.
const SYMBOL_ACCENT = /\\(['`^"~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))/g;
const LETTER_ACCENT = /\\([uvHckrdb])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+(\\?[A-Za-z]))/g;
const LETTER_MACRO = /\\([A-Za-z]+)(?![A-Za-z])\s?(?:\{\})?/g;
// Commands whose argument is the text to keep.
const TEXT_COMMAND =
  /\\(?:emph|textit|textbf|textsc|textrm|texttt|textsf|textup|textnormal|mathrm|mathit|mathbf|mathcal|mathbb|mathsf|text|url|href\{[^{}]*\})\s*\{([^{}]*)\}/g;

/** True when `text` holds something that latexToText would change. */
export function hasLatex(text: string): boolean {
  return /[\\{}~$]|--/.test(text);
}

/**
 * Turns LaTeX-ish text into plain text: "Bal\\'azs" → "Balázs", "{\\"U}ber {BERT}" → "Über BERT";
 * unknown commands lose only their backslash.
 */
export function latexToText(text: string): string {
  if (!hasLatex(text)) return text;
  let out = text;
  // Twice, for nesting such as \emph{\'e}.
  for (let pass = 0; pass < 2; pass++) {
    out = out.replace(TEXT_COMMAND, '$1');
    out = out.replace(SYMBOL_ACCENT, (_m, accent: string, braced?: string, bare?: string) =>
      accented(braced ?? bare ?? '', ACCENTS[accent] ?? ''),
    );
    out = out.replace(LETTER_ACCENT, (_m, accent: string, braced?: string, bare?: string) =>
      accented(braced ?? bare ?? '', ACCENTS[accent] ?? ''),
    );
  }
  out = out.replace(/\\([&%$#_{}])/g, (_m, ch: string) => `\uE000${ch}`);
  out = out.replace(LETTER_MACRO, (_m, name: string) => LETTERS[name] ?? name);
  out = out
    .replace(/\\\\/g, ' ')
    .replace(/\\,|\\;|\\!|\\ /g, ' ')
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/~/g, ' ')
    .replace(/``|''/g, '"')
    .replace(/[{}$]/g, '')
    .replace(/\uE000(.)/g, '$1');
  return out.replace(/ {2,}/g, ' ').normalize('NFC');
}

function accented(letter: string, mark: string): string {
  // \i and \j are the dotless letters that take accents in LaTeX.
  const base = letter === '\\i' ? 'i' : letter === '\\j' ? 'j' : letter.replace('\\', '');
  return `${base}${mark}`;
}
