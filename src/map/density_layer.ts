import { Layer, type LayerProps, type UpdateParameters } from '@deck.gl/core';
import { Texture } from '@luma.gl/core';
import { Model } from '@luma.gl/engine';
import type { ShaderModule } from '@luma.gl/shadertools';
import { DENSITY_STYLE, type DensityShading } from './density_shading';
import { layoutProjection } from './layout_projection';
import { unitRgb, unitRgba } from './unit_colour';

/** Props of the DensityLayer beyond deck.gl's common ones. */
export interface DensityLayerProps {
  /** The density to draw (densityShading); null draws nothing. */
  shading: DensityShading | null;
}

type UniformProps = {
  bounds: [number, number, number, number];
  gridSize: [number, number];
  low: [number, number, number];
  high: [number, number, number];
  maxAlpha: number;
  levels: [number, number, number, number];
  lineColor: [number, number, number, number];
  lineWidthPixels: number;
};

const uniformBlock = /* glsl */ `\
layout(std140) uniform densityUniforms {
  vec4 bounds;
  vec2 gridSize;
  vec3 low;
  vec3 high;
  float maxAlpha;
  vec4 levels;
  vec4 lineColor;
  float lineWidthPixels;
} density;
`;

const densityUniforms = {
  name: 'density',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: {
    bounds: 'vec4<f32>',
    gridSize: 'vec2<f32>',
    low: 'vec3<f32>',
    high: 'vec3<f32>',
    maxAlpha: 'f32',
    levels: 'vec4<f32>',
    lineColor: 'vec4<f32>',
    lineWidthPixels: 'f32',
  },
} as const satisfies ShaderModule<UniformProps>;

// One quad over the bounds, corners from gl_VertexID: no vertex buffers at all.
const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME density-layer-vertex-shader
out vec2 vNode;
flat out float vLineWidth;

void main(void) {
  vec2 corner = vec2(float(gl_VertexID & 1), float(gl_VertexID >> 1));
  // bounds: left, bottom (largest y), right, top (smallest y); node i is the centre of cell i.
  vec2 position = mix(density.bounds.xw, density.bounds.zy, corner);
  vNode = corner * density.gridSize - 0.5;
  vLineWidth = density.lineWidthPixels * project.devicePixelRatio;
  gl_Position = layout_to_clipspace(vec3(position, 0.0));
}
`;

// The density between nodes is interpolated here, in floats, rather than by the texture unit:
// filtering hardware (and llvmpipe) interpolates in 8-bit steps, which makes contours drawn from
// derivatives ragged. Contours are where the fraction crosses a level, widened by fwidth to a
// line of vLineWidth device pixels with a one-pixel smoothed edge.
const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME density-layer-fragment-shader
precision highp float;
uniform highp sampler2D densityTexture;
in vec2 vNode;
flat in float vLineWidth;
out vec4 fragColor;

float fractionAt(ivec2 node) {
  return texelFetch(densityTexture, clamp(node, ivec2(0), ivec2(density.gridSize) - 1), 0).r;
}

void main(void) {
  vec2 node = clamp(vNode, vec2(0.0), density.gridSize - 1.0);
  ivec2 i = ivec2(floor(node));
  vec2 f = node - vec2(i);
  float v = mix(
    mix(fractionAt(i), fractionAt(i + ivec2(1, 0)), f.x),
    mix(fractionAt(i + ivec2(0, 1)), fractionAt(i + ivec2(1, 1)), f.x),
    f.y
  );
  // density^0.6 lifts the sparse outskirts; below a tenth the shade fades out quadratically, so
  // the map shows no rectangle where the grid ends.
  float t = pow(v, 0.6);
  float shadeAlpha = density.maxAlpha * (t < 0.1 ? t * t / 0.1 : t);
  vec3 shade = mix(density.low, density.high, t);
  float perPixel = max(fwidth(v), 1e-6);
  float line = 0.0;
  for (int k = 0; k < 4; k++) {
    float away = abs(v - density.levels[k]) / perPixel;
    line = max(line, clamp(0.5 * vLineWidth + 0.5 - away, 0.0, 1.0));
  }
  float lineAlpha = line * density.lineColor.a;
  float alpha = lineAlpha + shadeAlpha * (1.0 - lineAlpha);
  if (alpha <= 0.0) discard;
  vec3 rgb = density.lineColor.rgb * lineAlpha + shade * shadeAlpha * (1.0 - lineAlpha);
  fragColor = vec4(rgb / alpha, alpha);
}
`;

/**
 * The density under the points: a shade that deepens where papers crowd, and contour lines at
 * DENSITY_STYLE's levels, both computed per pixel from the density grid. One program and one
 * draw of four vertices: on a software rasteriser each extra program costs a first frame
 * 100–200 ms of compiling (docs/BENCHMARKS.md, "First frame"), and the contour lines stay sharp
 * and one pixel wide at every zoom.
 */
export class DensityLayer extends Layer<Required<DensityLayerProps> & LayerProps> {
  static override layerName = 'DensityLayer';
  static override defaultProps = { shading: null };

  declare state: { model?: Model; texture?: Texture };

  override getShaders(): ReturnType<Layer['getShaders']> {
    return super.getShaders({ vs, fs, modules: [layoutProjection, densityUniforms] });
  }

  /** No attributes: the quad's corners come from gl_VertexID. */
  override initializeState(): void {}

  override updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    if (params.changeFlags.extensionsChanged) {
      this.state.model?.destroy();
      this.state.model = new Model(this.context.device, {
        ...this.getShaders(),
        id: this.props.id,
        bufferLayout: [],
        topology: 'triangle-strip',
        vertexCount: 4,
        isInstanced: false,
        // Under everything else: it neither tests nor writes depth. (deck.gl applies the layer's
        // own parameters around each draw.)
        parameters: { depthCompare: 'always', depthWriteEnabled: false },
      });
    }
    if (params.props.shading !== params.oldProps.shading) this.uploadShading();
  }

  override finalizeState(context: Parameters<Layer['finalizeState']>[0]): void {
    super.finalizeState(context);
    this.state.texture?.destroy();
  }

  override draw(): void {
    const { model, texture } = this.state;
    const shading = this.props.shading;
    if (!model || !texture || !shading) return;
    const { low, high, maxAlpha, contourLevels, contourColour } = DENSITY_STYLE;
    const uniforms: UniformProps = {
      bounds: shading.bounds,
      gridSize: [shading.width, shading.height],
      low: unitRgb(low),
      high: unitRgb(high),
      maxAlpha: maxAlpha / 255,
      levels: [contourLevels[0], contourLevels[1], contourLevels[2], contourLevels[3]],
      lineColor: unitRgba(contourColour),
      lineWidthPixels: 1,
    };
    model.shaderInputs.setProps({ density: uniforms });
    model.setBindings({ densityTexture: texture });
    model.draw(this.context.renderPass);
  }

  /** The shading's fractions as a one-channel float texture, read texel by texel. */
  private uploadShading(): void {
    this.state.texture?.destroy();
    this.state.texture = undefined;
    const shading = this.props.shading;
    if (!shading) return;
    const texture = this.context.device.createTexture({
      format: 'r32float',
      width: shading.width,
      height: shading.height,
      mipLevels: 1,
      usage: Texture.SAMPLE | Texture.COPY_DST,
      sampler: { minFilter: 'nearest', magFilter: 'nearest' },
    });
    texture.writeData(shading.fractions);
    this.state.texture = texture;
  }
}
