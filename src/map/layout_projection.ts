import { project } from '@deck.gl/core';
import type { ShaderModule } from '@luma.gl/shadertools';

/**
 * `layout_to_clipspace(position)`: a layout position (Cartesian, under the map's
 * OrthographicView) to clip space, with the uniforms of deck.gl's `project` module.
 *
 * Why not deck.gl's own project_position_to_clipspace: it branches at run time over every
 * coordinate system and projection deck.gl knows (Web Mercator, globe, 64-bit offsets), and a
 * software rasteriser compiles all of it into machine code on a layer's first draw. On llvmpipe
 * that made a layer's first frame cost 70–215 ms more than the same layer with a plain
 * projection, several times over on a first visit (docs/BENCHMARKS.md, "First frame").
 *
 * For the map's layers the general form reduces to this: the view's projection mode is IDENTITY,
 * the coordinate system Cartesian, there is no model matrix, and commonUnitsPerWorldUnit2 is zero.
 * deck.gl still does its precision trick: positions are taken relative to `coordinateOrigin`
 * (the view's centre) and `center` carries the translation, so deep zooms stay steady.
 */
export const layoutProjection = {
  name: 'layoutProjection',
  dependencies: [project],
  vs: /* glsl */ `\
vec4 layout_to_clipspace(vec3 position) {
  vec3 offset = (position - project.coordinateOrigin) * project.commonUnitsPerWorldUnit;
  return project.viewProjectionMatrix * vec4(offset, 1.0) + project.center;
}
`,
} as const satisfies ShaderModule;
