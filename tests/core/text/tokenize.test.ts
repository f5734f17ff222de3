import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGLISH_STOP_WORDS } from '../../../src/core/text/stop_words';
import { NGRAM_SEPARATOR, termsOf, tokenize } from '../../../src/core/text/tokenize';

describe('tokenize', () => {
  it('lower-cases and splits on spaces, punctuation and hyphens', () => {
    expect(tokenize('Vision-Language Models (VLMs) reach SOTA; fine_tuning helps!')).toEqual([
      'vision',
      'language',
      'models',
      'vlms',
      'reach',
      'sota',
      'fine',
      'tuning',
      'helps',
    ]);
  });

  it('drops stop words, one-character tokens and number-only tokens, keeps alphanumerics', () => {
    expect(tokenize('We train a 3D U-Net with L2 loss on 1024 images in 2023 via GPT4')).toEqual([
      'train',
      '3d',
      'net',
      'l2',
      'loss',
      'images',
      'gpt4',
    ]);
  });

  it('understands letters of any script and normalises ligatures, widths and accents', () => {
    expect(tokenize('Über naïve Straße résumé 東京 Ελληνικά')).toEqual([
      'über',
      'naïve',
      'straße',
      'résumé',
      '東京',
      'ελληνικά',
    ]);
    expect(tokenize('\ufb01ne-tuning on ＧＰＵ')).toEqual(['fine', 'tuning', 'gpu']);
    // A decomposed ï (i + combining diaeresis) matches the composed spelling.
    expect(tokenize('nai\u0308ve')).toEqual(tokenize('naïve'));
  });

  it('gives nothing for empty, numeric or stop-word-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('3.14 2023 42%')).toEqual([]);
    expect(tokenize('it is what it is, and that is all')).toEqual([]);
  });

  it('takes a custom stop-word set', () => {
    expect(tokenize('the graph model', new Set(['model']))).toEqual(['the', 'graph']);
  });

  it('never yields a stop word, a single character, a number or a separator (property)', () => {
    const unit = fc.constantFrom(...'aZé東 -.,3_\'"()\nIThe'.split(''), 'the', 'model', 'and');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        for (const token of tokenize(text)) {
          expect(token).toMatch(/^[\p{L}\p{M}\p{N}]{2,}$/u);
          expect(token).not.toMatch(/^\p{N}+$/u);
          expect(ENGLISH_STOP_WORDS.has(token)).toBe(false);
          expect(token).toBe(token.toLowerCase());
        }
      }),
    );
  });

  it('tokenises a concatenation as the concatenation of the tokens (property)', () => {
    const unit = fc.constantFrom(...'abcXYZé東 -.,3'.split(''), 'the', 'graph');
    const text = fc.string({ unit, maxLength: 30 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(tokenize(`${a} ${b}`)).toEqual([...tokenize(a), ...tokenize(b)]);
      }),
    );
  });
});

describe('termsOf', () => {
  it('adds bigrams of consecutive kept tokens after the unigrams', () => {
    const tokens = tokenize('The model of the world learns world models.');
    expect(tokens).toEqual(['model', 'world', 'learns', 'world', 'models']);
    expect(termsOf(tokens)).toEqual([
      ...tokens,
      'model world',
      'world learns',
      'learns world',
      'world models',
    ]);
  });

  it('keeps unigrams only when ngramMax is 1, and joins bigrams with NGRAM_SEPARATOR', () => {
    expect(termsOf(['graph', 'neural'], 1)).toEqual(['graph', 'neural']);
    expect(termsOf(['graph', 'neural'])[2]).toBe(`graph${NGRAM_SEPARATOR}neural`);
    expect(termsOf([])).toEqual([]);
    expect(termsOf(['alone'])).toEqual(['alone']);
  });
});
