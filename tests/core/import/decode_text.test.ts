import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeChunks,
  decodeHead,
  describeBinary,
  looksBinary,
  sniffEncoding,
  type TextEncodingName,
} from '../../../src/core/import/decode_text';

async function decodeAll(chunks: Uint8Array[], encoding: TextEncodingName): Promise<string> {
  async function* source() {
    yield* chunks;
  }
  let text = '';
  for await (const piece of decodeChunks(source(), encoding)) text += piece;
  return text;
}

/** Splits bytes into chunks of the given sizes (cycling), to cut characters in two. */
function split(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

const utf16le = (text: string, bom = true): Uint8Array => {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[(bom ? 2 : 0) + 2 * i] = text.charCodeAt(i) & 0xff;
    out[(bom ? 2 : 0) + 2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
};
const utf16be = (text: string, bom = true): Uint8Array => {
  const le = utf16le(text, false);
  const out = new Uint8Array((bom ? 2 : 0) + le.length);
  if (bom) out.set([0xfe, 0xff]);
  for (let i = 0; i < le.length; i += 2) {
    out[(bom ? 2 : 0) + i] = le[i + 1]!;
    out[(bom ? 2 : 0) + i + 1] = le[i]!;
  }
  return out;
};
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withUtf8Bom = (bytes: Uint8Array): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);

describe('sniffEncoding', () => {
  it('reads a UTF-8 BOM as UTF-8 and decoding drops the BOM', async () => {
    const bytes = withUtf8Bom(utf8('title\nSchrödinger'));
    expect(sniffEncoding(bytes)).toBe('utf-8');
    expect(await decodeAll([bytes], 'utf-8')).toBe('title\nSchrödinger');
  });

  it('reads UTF-16 LE and BE by their byte-order marks', async () => {
    const text = 'title,abstract\nSchrödinger’s cat,∑ x';
    expect(sniffEncoding(utf16le(text))).toBe('utf-16le');
    expect(sniffEncoding(utf16be(text))).toBe('utf-16be');
    expect(await decodeAll(split(utf16le(text), 3), 'utf-16le')).toBe(text);
    expect(await decodeAll(split(utf16be(text), 5), 'utf-16be')).toBe(text);
  });

  it('reads UTF-16 without a BOM from the NULs in every other byte', () => {
    expect(sniffEncoding(utf16le('title,abstract\nA paper,text', false))).toBe('utf-16le');
    expect(sniffEncoding(utf16be('title,abstract\nA paper,text', false))).toBe('utf-16be');
  });

  it('falls back to windows-1252 for Latin-1 bytes without a BOM ("Schrödinger" with 0xF6)', async () => {
    const bytes = new Uint8Array([
      ...utf8('title\nSchr'),
      0xf6,
      ...utf8('dinger, na'),
      0xef,
      0x76,
      0x65,
    ]);
    expect(sniffEncoding(bytes)).toBe('windows-1252');
    expect(await decodeAll([bytes], 'windows-1252')).toBe('title\nSchrödinger, naïve');
  });

  it('falls back to windows-1252 for Latin-1 bytes behind a UTF-8 BOM, and drops the BOM', async () => {
    const bytes = withUtf8Bom(new Uint8Array([0x53, 0x63, 0x68, 0x72, 0xf6, 0x64]));
    expect(sniffEncoding(bytes)).toBe('windows-1252');
    expect(await decodeAll(split(bytes, 1), 'windows-1252')).toBe('Schröd');
    expect(decodeHead(bytes, 'windows-1252')).toBe('Schröd');
  });

  it('treats windows-1252 punctuation bytes (0x93 0x94 0x96) as curly quotes and dashes', async () => {
    const bytes = new Uint8Array([0x93, 0x41, 0x94, 0x20, 0x96, 0x20, 0x80]);
    expect(sniffEncoding(bytes)).toBe('windows-1252');
    expect(await decodeAll([bytes], 'windows-1252')).toBe('“A” – €');
  });

  it('keeps UTF-8 when the head ends in the middle of a multi-byte character', () => {
    const bytes = utf8('aaaa ö');
    expect(sniffEncoding(bytes.subarray(0, bytes.length - 1))).toBe('utf-8');
  });
});

describe('decodeChunks', () => {
  it('joins multi-byte characters split across chunks, whatever the chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        fc.integer({ min: 1, max: 7 }),
        async (text, size) => {
          expect(await decodeAll(split(utf8(text), size), 'utf-8')).toBe(text);
        },
      ),
    );
  });

  it('turns invalid bytes later in a UTF-8 file into U+FFFD instead of throwing', async () => {
    const bytes = new Uint8Array([...utf8('ok '), 0xff, ...utf8(' ok')]);
    expect(await decodeAll([bytes], 'utf-8')).toBe('ok \ufffd ok');
  });

  it('yields nothing for no bytes', async () => {
    expect(await decodeAll([], 'utf-8')).toBe('');
    expect(await decodeAll([new Uint8Array(0)], 'windows-1252')).toBe('');
  });
});

describe('binary detection', () => {
  it('names PDFs, zips, PNGs and gzip files', () => {
    expect(describeBinary(utf8('%PDF-1.7\n%\u00e2\u00e3'))).toBe('a PDF document');
    expect(describeBinary(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0]))).toMatch(/zip archive/);
    expect(describeBinary(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]))).toBe(
      'a PNG image',
    );
    expect(describeBinary(new Uint8Array([0x1f, 0x8b, 8, 0]))).toBe('a gzip-compressed file');
  });

  it('calls bytes with NULs or many control characters binary, and text not', () => {
    expect(looksBinary(new Uint8Array([0x41, 0x00, 0x00, 0x00, 0x42, 0x00, 0x01, 0x02]))).toBe(
      true,
    );
    expect(
      looksBinary(new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 2 : 65)))),
    ).toBe(true);
    expect(looksBinary(utf8('title\tabstract\r\nA,B\f'))).toBe(false);
    expect(looksBinary(utf16le('title,abstract'))).toBe(false);
    expect(describeBinary(utf8('title,abstract\n'))).toBeNull();
  });
});
