import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { float16ToFloat32 } from '../../../src/core/bert/float16';
import { parseSafetensors, readFloat32 } from '../../../src/core/bert/safetensors';
import { ModelLoadError } from '../../../src/core/model_load_error';
import { float32ToFloat16Bits, writeSafetensors } from '../../helpers/safetensors_writer';

/** Writes a file by hand: header JSON then `data` bytes. */
function rawFile(header: unknown, dataBytes: number): ArrayBuffer {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const file = new Uint8Array(8 + json.length + dataBytes);
  new DataView(file.buffer).setUint32(0, json.length, true);
  file.set(json, 8);
  return file.buffer;
}

function loadError(run: () => unknown): ModelLoadError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelLoadError);
    return error as ModelLoadError;
  }
  throw new Error('expected a ModelLoadError');
}

/** The value of a half bit pattern by the IEEE 754 formula, in float64. */
function halfValue(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

describe('safetensors', () => {
  it('reads back F32 and F16 tensors and the metadata it wrote', () => {
    const a = Float32Array.from([1.5, -2, 3.25, 0, 1e-3, 65504]);
    const file = writeSafetensors(
      { a: { dtype: 'F32', shape: [2, 3], data: a }, b: { dtype: 'F16', shape: [6], data: a } },
      { format: 'pt', note: 'x' },
    );
    const st = parseSafetensors(file.buffer as ArrayBuffer);
    expect(st.metadata).toEqual({ format: 'pt', note: 'x' });
    expect(st.tensors.get('a')!.shape).toEqual([2, 3]);
    expect(Array.from(readFloat32(st, 'a'))).toEqual(Array.from(a));
    const halves = readFloat32(st, 'b');
    expect(halves[3]).toBe(0);
    expect(halves[5]).toBe(65504);
    expect(Math.abs(halves[4]! - 1e-3)).toBeLessThan(1e-6);
  });

  it('round-trips any float32 values and shapes (F32 exactly)', () => {
    const tensor = fc.array(fc.float({ noNaN: true }), { maxLength: 24 }).map((values) => ({
      dtype: 'F32' as const,
      shape: [values.length],
      data: Float32Array.from(values),
    }));
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tensor), (tensors) => {
        fc.pre(!('__metadata__' in tensors));
        const st = parseSafetensors(writeSafetensors(tensors).buffer as ArrayBuffer);
        for (const [name, t] of Object.entries(tensors)) {
          expect(Array.from(readFloat32(st, name))).toEqual(Array.from(t.data));
        }
      }),
    );
  });

  it('widens every one of the 65536 half bit patterns exactly', () => {
    const all = Uint16Array.from({ length: 65536 }, (_, i) => i);
    const widened = float16ToFloat32(all);
    const wrong: number[] = [];
    for (let bits = 0; bits < 65536; bits++) {
      const expected = halfValue(bits);
      const ok = Number.isNaN(expected)
        ? Number.isNaN(widened[bits])
        : Object.is(widened[bits], expected);
      if (!ok) wrong.push(bits);
    }
    expect(wrong).toEqual([]);
  });

  it('rounds float32 to half to nearest even (test helper), agreeing with the widening', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, min: -60000, max: 60000 }), (x) => {
        const bits = float32ToFloat16Bits(x);
        const value = halfValue(bits);
        // No other half is nearer: the neighbours' distances are no smaller.
        for (const other of [bits - 1, bits + 1]) {
          if (other < 0 || other > 0xffff || (other & 0x7c00) === 0x7c00) continue;
          if (Math.sign(halfValue(other)) * Math.sign(value) < 0) continue;
          expect(Math.abs(value - x)).toBeLessThanOrEqual(Math.abs(halfValue(other) - x));
        }
      }),
    );
  });

  it('says a file shorter than its header or its data is truncated', () => {
    const file = writeSafetensors({ w: { dtype: 'F32', shape: [4], data: new Float32Array(4) } });
    expect(loadError(() => parseSafetensors(file.slice(0, 5).buffer)).message).toMatch(
      /model.safetensors is truncated: 5 bytes/,
    );
    expect(loadError(() => parseSafetensors(file.slice(0, 20).buffer)).message).toMatch(
      /is truncated: its header needs/,
    );
    const cut = loadError(() => parseSafetensors(file.slice(0, file.length - 3).buffer));
    expect(cut.failure).toBe('format');
    expect(cut.message).toMatch(/is truncated: tensor "w" ends at byte \d+ but the file has only/);
  });

  it('rejects offsets outside the data, sizes that disagree with the shape, and unknown dtypes', () => {
    const outside = rawFile({ w: { dtype: 'F32', shape: [2], data_offsets: [8, 16] } }, 8);
    expect(loadError(() => parseSafetensors(outside)).message).toMatch(/truncated: tensor "w"/);
    const backwards = rawFile({ w: { dtype: 'F32', shape: [0], data_offsets: [8, 4] } }, 8);
    expect(loadError(() => parseSafetensors(backwards)).message).toMatch(/invalid data_offsets/);
    const size = rawFile({ w: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, 8);
    expect(loadError(() => parseSafetensors(size)).message).toMatch(
      /tensor "w" has shape \[3\] of F32 \(12 bytes\) but data_offsets span 8 bytes/,
    );
    const dtype = rawFile({ w: { dtype: 'Q4', shape: [2], data_offsets: [0, 8] } }, 8);
    expect(loadError(() => parseSafetensors(dtype)).message).toMatch(/unknown dtype Q4/);
  });

  it('rejects a file whose header is not JSON, and reading an integer tensor as float', () => {
    const garbage = new Uint8Array(64).fill(0x41);
    // An HTML error page saved under the file's name reads as an absurd header length.
    expect(loadError(() => parseSafetensors(garbage.buffer)).message).toMatch(
      /not a safetensors file \(implausible header length\)/,
    );
    new DataView(garbage.buffer).setBigUint64(0, 16n, true);
    expect(loadError(() => parseSafetensors(garbage.buffer)).message).toMatch(/header is not JSON/);
    const ints = rawFile({ ids: { dtype: 'I64', shape: [1], data_offsets: [0, 8] } }, 8);
    const st = parseSafetensors(ints);
    expect(loadError(() => readFloat32(st, 'ids')).message).toMatch(/"ids" is I64/);
  });
});
