// ASCII punctuation and symbols ($ + < = > ^ ` | ~ are Unicode symbols, not punctuation, but BERT
// splits on every non-alphanumeric printable ASCII character), plus Unicode punctuation (P*):
// `_is_punctuation` in google-research/bert tokenization.py.
const PUNCTUATION = /[!-/:-@[-`{-~]|\p{P}/u;
const WHITESPACE = /\s/u;

/**
 * Splits normalised text into words as Hugging Face's `BertPreTokenizer` does: whitespace
 * separates words and is dropped; every punctuation character is a word of its own.
 */
export function preTokenizeBert(text: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const ch of text) {
    if (WHITESPACE.test(ch)) {
      if (word) words.push(word);
      word = '';
    } else if (PUNCTUATION.test(ch)) {
      if (word) words.push(word);
      words.push(ch);
      word = '';
    } else {
      word += ch;
    }
  }
  if (word) words.push(word);
  return words;
}
