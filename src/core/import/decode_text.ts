/** The text encodings papermap reads; anything that is not valid UTF-8 is read as windows-1252. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** How many leading bytes decide the encoding and the format (64 KiB). */
export const HEAD_BYTES = 64 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * The encoding of a file from its first bytes (up to HEAD_BYTES): a UTF-16 byte-order mark, else
 * UTF-16 text without a mark (NULs in every other byte), else UTF-8 when those bytes are valid
 * UTF-8 (with or without a BOM), else windows-1252, the superset of Latin-1 that browsers use.
 */
export function sniffEncoding(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const bomless = startsWithUtf8Bom(head) ? head.subarray(3) : head;
  const utf16 = utf16WithoutBom(bomless);
  if (utf16) return utf16;
  return isValidUtf8Prefix(bomless) ? 'utf-8' : 'windows-1252';
}

/**
 * Decodes a stream of bytes as text, chunk by chunk: characters split across chunks are joined,
 * a byte-order mark is dropped, and bytes invalid in the encoding become U+FFFD (never a throw).
 */
export async function* decodeChunks(
  bytes: AsyncIterable<Uint8Array>,
  encoding: TextEncodingName,
): AsyncGenerator<string> {
  // TextDecoder drops a UTF-8/UTF-16 BOM itself; a UTF-8 BOM before windows-1252 text is ours.
  const decoder = new TextDecoder(encoding);
  let pending: Uint8Array | null = encoding === 'windows-1252' ? new Uint8Array(0) : null;
  for await (const chunk of bytes) {
    let input = chunk;
    if (pending) {
      // Hold back the first bytes until three have come, so a BOM split across chunks is seen.
      input = concatBytes(pending, chunk);
      if (input.length < 3) {
        pending = input;
        continue;
      }
      pending = null;
      if (startsWithUtf8Bom(input)) input = input.subarray(3);
    }
    const text = decoder.decode(input, { stream: true });
    if (text) yield text;
  }
  const tail = pending?.length ? decoder.decode(pending, { stream: true }) : '';
  const rest = tail + decoder.decode();
  if (rest) yield rest;
}

/** Decodes the first bytes of a file for format detection; a character cut at the end is left out. */
export function decodeHead(head: Uint8Array, encoding: TextEncodingName): string {
  const body = encoding === 'windows-1252' && startsWithUtf8Bom(head) ? head.subarray(3) : head;
  return new TextDecoder(encoding).decode(body, { stream: true });
}

/**
 * What kind of binary file the first bytes show ("a PDF document", "a zip archive (.xlsx,
 * .docx?)", …), or null when they look like text. Parquet is not named here: it is a format.
 */
export function describeBinary(head: Uint8Array): string | null {
  for (const [magic, name] of MAGIC) {
    if (magic.every((byte, i) => head[i] === byte)) return name;
  }
  return looksBinary(head) ? 'a binary file' : null;
}

/**
 * Whether the first bytes are binary rather than text: NUL bytes (outside UTF-16 text) or more
 * than 5% control characters other than tab, newline, carriage return, form feed and escape.
 */
export function looksBinary(head: Uint8Array): boolean {
  const encoding = sniffEncoding(head);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return false;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if ((byte < 0x20 && !TEXT_CONTROLS.has(byte)) || byte === 0x7f) control++;
  }
  return control > head.length * 0.05;
}

const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x1b]);

/** Magic numbers of binary files people drop by mistake, with how the message names them. */
const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (an Excel .xlsx or Word .docx?)'],
  [[0x50, 0x4b, 0x05, 0x06], 'an empty zip archive'],
  [[0x1f, 0x8b], 'a gzip-compressed file'],
  [[0x42, 0x5a, 0x68], 'a bzip2-compressed file'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'an xz-compressed file'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'a zstd-compressed file'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-zip archive'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old Office file (.xls or .doc?)'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'an SQLite database'],
];

function startsWithUtf8Bom(bytes: Uint8Array): boolean {
  return UTF8_BOM.every((byte, i) => bytes[i] === byte);
}

/** Whether the bytes are valid UTF-8, allowing a character cut off at the very end. */
function isValidUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte, on one side only. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(bytes.length >> 1, 4096);
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  if (oddNul > pairs * 0.6 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.6 && oddNul < pairs * 0.05) return 'utf-16be';
  return null;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
