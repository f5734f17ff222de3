import { describe, expect, it } from 'vitest';
import { ModelLoadError } from '../../../../src/core/model_load_error';
import { parseTokenizerJson } from '../../../../src/core/text/wordpiece/tokenizer_json';
import { bertTokenizerJson } from '../../../helpers/tiny_bert';

const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'hello'];

function expectLoadError(run: () => unknown, failure: string, message: RegExp) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as ModelLoadError).failure).toBe(failure);
    expect((error as Error).message).toMatch(message);
    return;
  }
  throw new Error('expected a ModelLoadError');
}

describe('parseTokenizerJson', () => {
  it('reads the vocabulary, specials, padding id and normaliser of a BERT tokenizer.json', () => {
    const spec = parseTokenizerJson(JSON.stringify(bertTokenizerJson(VOCAB)));
    expect(spec.model.vocab.get('hello')).toBe(4);
    expect(spec.model.unkId).toBe(1);
    expect(spec.model.continuingSubwordPrefix).toBe('##');
    expect(spec.model.maxInputCharsPerWord).toBe(100);
    expect(spec.prefixIds).toEqual([2]);
    expect(spec.suffixIds).toEqual([3]);
    expect(spec.padId).toBe(0);
    expect(spec.vocabSize).toBe(5);
    expect(spec.normalizer).toEqual({
      cleanText: true,
      handleChineseChars: true,
      stripAccents: true,
      lowercase: true,
    });
  });

  it('rejects a BPE tokenizer (RoBERTa, GPT-2) naming WordPiece', () => {
    const json = { ...bertTokenizerJson(VOCAB), model: { type: 'BPE', vocab: {}, merges: [] } };
    expectLoadError(() => parseTokenizerJson(json), 'unsupported', /tokenizer is BPE.*WordPiece/);
  });

  it('rejects a Unigram tokenizer and one whose model has no type but merges', () => {
    const unigram = { ...bertTokenizerJson(VOCAB), model: { type: 'Unigram', vocab: [] } };
    expectLoadError(() => parseTokenizerJson(unigram), 'unsupported', /Unigram/);
    const untyped = { ...bertTokenizerJson(VOCAB), model: { vocab: {}, merges: [] } };
    expectLoadError(() => parseTokenizerJson(untyped), 'unsupported', /BPE/);
  });

  it('rejects other pre-tokenizers and normalisers by name', () => {
    const metaspace = { ...bertTokenizerJson(VOCAB), pre_tokenizer: { type: 'Metaspace' } };
    expectLoadError(
      () => parseTokenizerJson(metaspace),
      'unsupported',
      /pre-tokenizer is Metaspace/,
    );
    const nfkc = { ...bertTokenizerJson(VOCAB), normalizer: { type: 'NFKC' } };
    expectLoadError(() => parseTokenizerJson(nfkc), 'unsupported', /normalizer is NFKC/);
  });

  it('rejects text that is not JSON, and a vocabulary without its unknown token', () => {
    expectLoadError(
      () => parseTokenizerJson('<html>'),
      'format',
      /tokenizer.json is not valid JSON/,
    );
    const json = bertTokenizerJson(['[CLS]', '[SEP]', 'hello']);
    expectLoadError(() => parseTokenizerJson(json), 'format', /unknown token "\[UNK\]"/);
  });
});
