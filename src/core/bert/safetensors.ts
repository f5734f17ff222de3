import { ModelLoadError } from '../model_load_error';
import { bfloat16ToFloat32, float16ToFloat32 } from './float16';

/** One tensor of a safetensors file: dtype, shape, and where its bytes lie in the file. */
export interface SafetensorsEntry {
  /** As written in the header: "F32", "F16", "BF16", "I64", … */
  dtype: string;
  shape: readonly number[];
  /** Byte range [begin, end) in the whole file (header included). */
  begin: number;
  end: number;
}

/** A parsed safetensors file: its header and its bytes. */
export interface Safetensors {
  tensors: ReadonlyMap<string, SafetensorsEntry>;
  /** The header's `__metadata__` string map; {} when absent. */
  metadata: Readonly<Record<string, string>>;
  buffer: ArrayBuffer;
}

/** Bytes per element of every dtype of the format (huggingface/safetensors, safetensors/src/tensor.rs). */
const DTYPE_BYTES: Readonly<Record<string, number>> = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  F8_E5M2: 1,
  F8_E4M3: 1,
  I16: 2,
  U16: 2,
  F16: 2,
  BF16: 2,
  I32: 4,
  U32: 4,
  F32: 4,
  F64: 8,
  I64: 8,
  U64: 8,
};

/** A header larger than this is not a real header (the format caps it at 100 MB). */
const MAX_HEADER_BYTES = 100_000_000;

/**
 * Parses the header of a safetensors file (https://github.com/huggingface/safetensors: an 8-byte
 * little-endian header length N, N bytes of JSON {name: {dtype, shape, data_offsets}} with an
 * optional `__metadata__`, then the data) and checks every entry: known dtype, offsets inside the
 * file, and shape × dtype size equal to the byte length. Throws ModelLoadError naming the problem.
 */
export function parseSafetensors(buffer: ArrayBuffer, file = 'model.safetensors'): Safetensors {
  const bad = (message: string): never => {
    throw new ModelLoadError('format', `${file} ${message}`, file);
  };
  const size = buffer.byteLength;
  if (size < 8) bad(`is truncated: ${size} bytes, too short for a safetensors file`);
  const view = new DataView(buffer);
  const headerBytes = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  if (headerBytes > MAX_HEADER_BYTES) bad('is not a safetensors file (implausible header length)');
  if (8 + headerBytes > size) {
    bad(`is truncated: its header needs ${8 + headerBytes} bytes but the file has ${size}`);
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, headerBytes)));
  } catch {
    bad('is not a safetensors file (its header is not JSON)');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    bad('is not a safetensors file (its header is not a JSON object)');
  }
  const dataStart = 8 + headerBytes;
  const tensors = new Map<string, SafetensorsEntry>();
  let metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      metadata = (value ?? {}) as Record<string, string>;
      continue;
    }
    const entry = value as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const dtype = String(entry?.dtype);
    const shape = entry?.shape;
    const offsets = entry?.data_offsets;
    const elementBytes = DTYPE_BYTES[dtype];
    if (elementBytes === undefined) bad(`has tensor "${name}" of unknown dtype ${dtype}`);
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
      bad(`has tensor "${name}" with an invalid shape ${JSON.stringify(shape)}`);
    }
    const [begin, end] = Array.isArray(offsets) ? offsets : [];
    if (!Number.isInteger(begin) || !Number.isInteger(end) || begin < 0 || end < begin) {
      bad(`has tensor "${name}" with invalid data_offsets ${JSON.stringify(offsets)}`);
    }
    if (dataStart + end > size) {
      bad(
        `is truncated: tensor "${name}" ends at byte ${dataStart + end} but the file has only ` +
          `${size} bytes (an interrupted download?)`,
      );
    }
    const count = (shape as number[]).reduce((a, b) => a * b, 1);
    if (count * elementBytes! !== end - begin) {
      bad(
        `is corrupt: tensor "${name}" has shape [${shape}] of ${dtype} (${count * elementBytes!} ` +
          `bytes) but data_offsets span ${end - begin} bytes`,
      );
    }
    tensors.set(name, {
      dtype,
      shape: shape as number[],
      begin: dataStart + begin,
      end: dataStart + end,
    });
  }
  return { tensors, metadata, buffer };
}

/**
 * The values of one F32, F16 or BF16 tensor as float32 (half precision widened exactly); a view
 * of the file's bytes when F32 and 4-byte aligned, else a copy. Assumes a little-endian host, as
 * every browser is. Throws ModelLoadError for a missing tensor or another dtype.
 */
export function readFloat32(
  st: Safetensors,
  name: string,
  file = 'model.safetensors',
): Float32Array {
  const entry = st.tensors.get(name);
  if (!entry) throw new ModelLoadError('mismatch', `${file} has no tensor "${name}"`, file);
  const count = (entry.end - entry.begin) / DTYPE_BYTES[entry.dtype]!;
  switch (entry.dtype) {
    case 'F32':
      return entry.begin % 4 === 0
        ? new Float32Array(st.buffer, entry.begin, count)
        : new Float32Array(st.buffer.slice(entry.begin, entry.end));
    case 'F16':
    case 'BF16': {
      const halves =
        entry.begin % 2 === 0
          ? new Uint16Array(st.buffer, entry.begin, count)
          : new Uint16Array(st.buffer.slice(entry.begin, entry.end));
      return entry.dtype === 'F16' ? float16ToFloat32(halves) : bfloat16ToFloat32(halves);
    }
    default:
      throw new ModelLoadError(
        'unsupported',
        `${file}: tensor "${name}" is ${entry.dtype}; papermap reads F32, F16 and BF16 weights`,
        file,
      );
  }
}
