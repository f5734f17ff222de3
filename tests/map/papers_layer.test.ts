import { describe, expect, it } from 'vitest';
import type { Device } from '@luma.gl/core';
import { pointSpritesFit } from '../../src/map/papers_layer';
import { maxPointSize } from '../../src/map/paper_points_layer';
import { labelCharacterSet } from '../../src/map/label_font';

/** A WebGL device whose points are at most `max` device pixels across. */
const deviceWithPoints = (max: number): Device =>
  ({
    gl: { ALIASED_POINT_SIZE_RANGE: 0x846d, getParameter: () => new Float32Array([1, max]) },
  }) as unknown as Device;

describe('papers layer', () => {
  it('draws point sprites where the device draws points as large as the largest paper', () => {
    expect(pointSpritesFit(deviceWithPoints(256), 1)).toBe(true);
    expect(pointSpritesFit(deviceWithPoints(256), 3)).toBe(true);
  });

  it('falls back to quads where the largest paper would be cut to the maximum point size', () => {
    expect(pointSpritesFit(deviceWithPoints(16), 1)).toBe(false);
    expect(pointSpritesFit(deviceWithPoints(64), 3)).toBe(false);
  });

  it('reads no point size off a device without WebGL', () => {
    expect(maxPointSize({} as Device)).toBe(0);
    expect(pointSpritesFit({} as Device, 1)).toBe(false);
  });
});

describe('label character set', () => {
  it("takes the labels' own characters, or a single one when there are none", () => {
    expect(labelCharacterSet(3)).toBe('auto');
    expect(labelCharacterSet(0)).toHaveLength(1);
  });
});
