import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTokenizerJson } from '../../../../src/core/text/wordpiece/tokenizer_json';
import { createWordPieceTokenizer } from '../../../../src/core/text/wordpiece/wordpiece_tokenizer';
import { bertTokenizerJson } from '../../../helpers/tiny_bert';

// A hand-written vocabulary: every expected id below is its index here.
const VOCAB = [
  '[PAD]', // 0
  '[UNK]', // 1
  '[CLS]', // 2
  '[SEP]', // 3
  '[MASK]', // 4
  'cafe', // 5
  'naive', // 6
  'un', // 7
  '##aff', // 8
  '##able', // 9
  'hello', // 10
  ',', // 11
  'world', // 12
  '!', // 13
  'the', // 14
  '.', // 15
  '$', // 16
  '##s', // 17
  'model', // 18
  '中', // 19
  '国', // 20
  'a', // 21
  '##b', // 22
  '-', // 23
  'state', // 24
  'of', // 25
  'art', // 26
  '##ing', // 27
  'learn', // 28
  '(', // 29
  ')', // 30
];
const [CLS, SEP, UNK] = [2, 3, 1];

function tokenizer(edit: (json: Record<string, unknown>) => void = () => {}) {
  const json = bertTokenizerJson(VOCAB);
  edit(json);
  return createWordPieceTokenizer(parseTokenizerJson(JSON.stringify(json)));
}

const TOKENIZER = tokenizer();
const encode = (text: string, maxTokens = 256) => Array.from(TOKENIZER.encode(text, maxTokens));

describe('the WordPiece tokenizer', () => {
  it('strips accents and lower-cases: "Café naïve" → cafe naive', () => {
    expect(encode('Café naïve')).toEqual([CLS, 5, 6, SEP]);
    expect(encode('CAFÉ')).toEqual([CLS, 5, SEP]);
  });

  it('splits on punctuation and whitespace, every punctuation mark a token', () => {
    expect(encode('Hello, world!')).toEqual([CLS, 10, 11, 12, 13, SEP]);
    expect(encode('state-of-the-art')).toEqual([CLS, 24, 23, 25, 23, 14, 23, 26, SEP]);
    expect(encode('  hello\t\n(world)  ')).toEqual([CLS, 10, 29, 12, 30, SEP]);
  });

  it('treats ASCII symbols as punctuation as BERT does: "$5" → $ [UNK]', () => {
    expect(encode('$5')).toEqual([CLS, 16, UNK, SEP]);
  });

  it('splits words greedily into ## pieces: "unaffable" → un ##aff ##able', () => {
    expect(encode('unaffable')).toEqual([CLS, 7, 8, 9, SEP]);
    expect(encode('learning models')).toEqual([CLS, 28, 27, 18, 17, SEP]);
    expect(encode('ab')).toEqual([CLS, 21, 22, SEP]);
  });

  it('maps a word with no full segmentation to a single [UNK]', () => {
    expect(encode('xyz hello')).toEqual([CLS, UNK, 10, SEP]);
    // un ##aff ##able matches, but "x" has no "##x": the whole word is unknown.
    expect(encode('unaffablex')).toEqual([CLS, UNK, SEP]);
  });

  it('maps a word longer than max_input_chars_per_word to [UNK]', () => {
    const short = tokenizer((json) => {
      (json.model as Record<string, unknown>).max_input_chars_per_word = 4;
    });
    expect(Array.from(short.encode('hello the', 16))).toEqual([CLS, UNK, 14, SEP]);
    expect(encode('hello the')).toEqual([CLS, 10, 14, SEP]);
  });

  it('makes each CJK character a word of its own', () => {
    expect(encode('中国model')).toEqual([CLS, 19, 20, 18, SEP]);
    expect(encode('the中国')).toEqual([CLS, 14, 19, 20, SEP]);
  });

  it('drops control and format characters and keeps whitespace as a separator', () => {
    expect(encode('hel\u0007lo')).toEqual([CLS, 10, SEP]);
    expect(encode('hello\u200b\u0000world')).toEqual([CLS, UNK, SEP]); // "helloworld"
    expect(encode('hello\u00a0world')).toEqual([CLS, 10, 12, SEP]);
  });

  it('gives [CLS] [SEP] for an empty or blank text', () => {
    expect(encode('')).toEqual([CLS, SEP]);
    expect(encode(' \n ')).toEqual([CLS, SEP]);
  });

  it('truncates to maxTokens, keeping [SEP] at the end', () => {
    expect(encode('hello world hello world', 4)).toEqual([CLS, 10, 12, SEP]);
    expect(encode('unaffable', 4)).toEqual([CLS, 7, 8, SEP]);
    expect(encode('hello world', 2)).toEqual([CLS, SEP]);
    expect(() => TOKENIZER.encode('hello', 1)).toThrow(RangeError);
  });

  it('reads [CLS] and [SEP] from a BertProcessing post-processor too', () => {
    const json = bertTokenizerJson(VOCAB, 'bert');
    const bert = createWordPieceTokenizer(parseTokenizerJson(json));
    expect(Array.from(bert.encode('hello', 8))).toEqual([CLS, 10, SEP]);
  });

  it('keeps case and accents when the normaliser says so', () => {
    const cased = tokenizer((json) => {
      json.normalizer = { type: 'BertNormalizer', lowercase: false, strip_accents: false };
    });
    expect(Array.from(cased.encode('Hello hello café', 8))).toEqual([CLS, UNK, 10, UNK, SEP]);
  });

  it('always gives [CLS] … [SEP] within maxTokens and ids inside the vocabulary', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.integer({ min: 2, max: 20 }),
        (text, max) => {
          const ids = TOKENIZER.encode(text, max);
          expect(ids.length).toBeLessThanOrEqual(max);
          expect(ids[0]).toBe(CLS);
          expect(ids[ids.length - 1]).toBe(SEP);
          for (const id of ids) expect(id >= 0 && id < VOCAB.length).toBe(true);
        },
      ),
    );
  });

  it('gives a prefix of the full encoding when truncating', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 2, max: 12 }), (text, max) => {
        const full = encode(text);
        const cut = encode(text, max);
        expect(cut.slice(0, -1)).toEqual(full.slice(0, cut.length - 1));
      }),
    );
  });
});
