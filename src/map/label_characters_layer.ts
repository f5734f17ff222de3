import { project32 } from '@deck.gl/core';
import { _MultiIconLayer as MultiIconLayer } from '@deck.gl/layers';
import { layoutProjection } from './layout_projection';

// The glyph quads of one character each, as deck.gl's MultiIconLayer lays them out, for text that
// is what the map's labels are: sized in CSS pixels, facing the screen, never rotated, never
// clipped to a box. deck.gl's own vertex shader decides each of those at run time, and a software
// rasteriser compiles every branch (docs/BENCHMARKS.md, "First frame").
const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME label-characters-vertex-shader
in vec2 positions;
in vec3 instancePositions;
in float instanceSizes;
in vec4 instanceColors;
in float rowIndexes;
in vec4 instanceIconFrames;
in vec2 instanceOffsets;
in vec2 instancePixelOffset;
out vec4 vColor;
out vec2 vTextureCoords;
out vec2 uv;

void main(void) {
  geometry.worldPosition = instancePositions;
  geometry.uv = positions;
  geometry.pickingColor = picking_getPickingColorFromIndex(rowIndexes);
  uv = positions;
  vec2 iconSize = instanceIconFrames.zw;
  float sizePixels = clamp(instanceSizes * icon.sizeScale, icon.sizeMinPixels, icon.sizeMaxPixels);
  // Glyph offsets were laid out at text.fontSize; y grows down on screen, up in clip space.
  vec2 pixelOffset = (positions / 2.0 * iconSize + instanceOffsets) * (sizePixels / text.fontSize);
  pixelOffset += instancePixelOffset;
  pixelOffset.y *= -1.0;
  gl_Position = layout_to_clipspace(instancePositions);
  gl_Position.xy += project_pixel_size_to_clipspace(pixelOffset);
  vTextureCoords = mix(
    instanceIconFrames.xy,
    instanceIconFrames.xy + iconSize,
    (positions + 1.0) / 2.0
  ) / icon.iconsTextureDim;
  vColor = instanceColors;
  DECKGL_FILTER_COLOR(vColor, geometry);
}
`;

/**
 * TextLayer's characters for the map's labels (`_subLayerProps: { characters: { type } }`):
 * deck.gl's MultiIconLayer with a vertex shader for pixel-sized, upright, unclipped text in the
 * map's Cartesian layout (layoutProjection). getAngle, sizeUnits other than 'pixels', billboard
 * false and content boxes are not supported. The fragment shader (SDF and outline) is deck.gl's.
 */
export class LabelCharactersLayer extends MultiIconLayer<unknown> {
  static override layerName = 'LabelCharactersLayer';

  override getShaders(): ReturnType<MultiIconLayer<unknown>['getShaders']> {
    const shaders = super.getShaders();
    return {
      ...shaders,
      vs,
      modules: shaders.modules.map((m: unknown) => (m === project32 ? layoutProjection : m)),
    };
  }
}
