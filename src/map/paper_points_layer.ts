import {
  Layer,
  color,
  type Accessor,
  type Color,
  type DefaultProps,
  type LayerDataSource,
  type LayerProps,
  type Position,
  type UpdateParameters,
} from '@deck.gl/core';
import type { Device } from '@luma.gl/core';
import { Model } from '@luma.gl/engine';
import type { ShaderModule } from '@luma.gl/shadertools';
import { layoutProjection } from './layout_projection';
import { unitRgba } from './unit_colour';

/**
 * Props of the PaperPointsLayer beyond deck.gl's common ones, of which it reads
 * highlightedObjectIndex and highlightColor (an RGBA array).
 */
export interface PaperPointsProps<D = unknown> {
  data: LayerDataSource<D>;
  /** Centre of each point in layout units. */
  getPosition?: Accessor<D, Position>;
  /** Radius of each point's fill in CSS pixels, before radiusMinPixels; default 1. */
  getRadius?: Accessor<D, number>;
  /** Fill colour, RGBA bytes; default opaque black. */
  getFillColor?: Accessor<D, Color>;
  /** The smallest radius drawn, in CSS pixels; default 0. */
  radiusMinPixels?: number;
  /** Width of every point's outline in CSS pixels, centred on the radius; default 1. */
  lineWidthPixels?: number;
  /** Colour of every point's outline, RGBA bytes; default opaque black. */
  lineColor?: Color;
}

type Rgba = [number, number, number, number];

type UniformProps = {
  radiusMinPixels: number;
  lineWidthPixels: number;
  lineColor: Rgba;
  highlightedIndex: number;
  highlightColor: Rgba;
};

const uniformBlock = /* glsl */ `\
layout(std140) uniform paperPointsUniforms {
  float radiusMinPixels;
  float lineWidthPixels;
  vec4 lineColor;
  float highlightedIndex;
  vec4 highlightColor;
} paperPoints;
`;

const paperPointsUniforms = {
  name: 'paperPoints',
  vs: uniformBlock,
  fs: uniformBlock,
  uniformTypes: {
    radiusMinPixels: 'f32',
    lineWidthPixels: 'f32',
    lineColor: 'vec4<f32>',
    highlightedIndex: 'f32',
    highlightColor: 'vec4<f32>',
  },
} as const satisfies ShaderModule<UniformProps>;

// The size is whole device pixels, so the sprite that gl_PointCoord spans is exactly the one the
// fragment shader measures in, whether or not the rasteriser rounds sizes.
const vs = /* glsl */ `\
#version 300 es
#define SHADER_NAME paper-points-layer-vertex-shader
in vec3 positions;
in float radii;
in vec4 fillColors;
out vec4 vFillColor;
out vec4 vLineColor;
flat out float vOuterRadius;
flat out float vSpriteSize;
flat out float vHighlighted;

void main(void) {
  geometry.worldPosition = positions;
  vHighlighted = float(gl_VertexID) == paperPoints.highlightedIndex ? 1.0 : 0.0;
  vOuterRadius = max(radii, paperPoints.radiusMinPixels) + paperPoints.lineWidthPixels / 2.0;
  float devicePixels = ceil(2.0 * (vOuterRadius + SMOOTH_EDGE_RADIUS) * project.devicePixelRatio);
  vSpriteSize = devicePixels / project.devicePixelRatio;
  gl_PointSize = devicePixels;
  gl_Position = layout_to_clipspace(positions);
  DECKGL_FILTER_GL_POSITION(gl_Position, geometry);
  vFillColor = vec4(fillColors.rgb, fillColors.a * layer.opacity);
  DECKGL_FILTER_COLOR(vFillColor, geometry);
  vLineColor = vec4(paperPoints.lineColor.rgb, paperPoints.lineColor.a * layer.opacity);
  DECKGL_FILTER_COLOR(vLineColor, geometry);
}
`;

// The same disc, outline and smoothed edges as deck.gl's ScatterplotLayer (stroked, filled), and
// the same highlight as deck.gl's picking module gives its highlighted object.
const fs = /* glsl */ `\
#version 300 es
#define SHADER_NAME paper-points-layer-fragment-shader
precision highp float;
in vec4 vFillColor;
in vec4 vLineColor;
flat in float vOuterRadius;
flat in float vSpriteSize;
flat in float vHighlighted;
out vec4 fragColor;

void main(void) {
  float distToCenter = length(gl_PointCoord - 0.5) * vSpriteSize;
  float inCircle = smoothedge(distToCenter, vOuterRadius);
  if (inCircle == 0.0) {
    discard;
  }
  float isLine = smoothedge(vOuterRadius - paperPoints.lineWidthPixels, distToCenter);
  fragColor = mix(vFillColor, vLineColor, isLine);
  fragColor.a *= inCircle;
  if (vHighlighted > 0.5) {
    float highlightAlpha = paperPoints.highlightColor.a;
    float alpha = highlightAlpha + fragColor.a * (1.0 - highlightAlpha);
    fragColor = vec4(mix(fragColor.rgb, paperPoints.highlightColor.rgb, highlightAlpha / alpha), alpha);
  }
  DECKGL_FILTER_COLOR(fragColor, geometry);
}
`;

const BLACK = [0, 0, 0, 255] as const;

const defaultProps: DefaultProps<PaperPointsProps> = {
  getPosition: { type: 'accessor', value: (d: unknown) => (d as { position: Position }).position },
  getRadius: { type: 'accessor', value: 1 },
  getFillColor: { type: 'accessor', value: BLACK },
  radiusMinPixels: { type: 'number', min: 0, value: 0 },
  lineWidthPixels: { type: 'number', min: 0, value: 1 },
  lineColor: { type: 'color', value: BLACK },
};

/**
 * Round, outlined points drawn as one vertex each (point sprites, topology 'point-list') rather
 * than the ScatterplotLayer's four-vertex instanced quad: on a software rasteriser (llvmpipe)
 * vertex work is half the cost of a frame of 100k points. Not pickable: the map finds the paper
 * under the pointer itself (PointPicker), so the layer leaves deck.gl's picking module out
 * (~10 ms less a frame at 100k points on llvmpipe) and highlights point highlightedObjectIndex
 * itself. Points are at most maxPointSize(device) device pixels across: check it first.
 * Positions are the map's Cartesian layout (layoutProjection), not longitudes and latitudes.
 */
export class PaperPointsLayer<D = unknown> extends Layer<
  Required<PaperPointsProps<D>> & LayerProps
> {
  static override layerName = 'PaperPointsLayer';
  static override defaultProps = defaultProps;

  declare state: { model?: Model };

  override getShaders(): ReturnType<Layer['getShaders']> {
    return super.getShaders({
      vs,
      fs,
      modules: [layoutProjection, color, paperPointsUniforms],
    });
  }

  override initializeState(): void {
    this.getAttributeManager()!.add({
      positions: {
        size: 3,
        type: 'float64',
        fp64: this.use64bitPositions(),
        accessor: 'getPosition',
      },
      radii: { size: 1, accessor: 'getRadius', defaultValue: 1 },
      fillColors: { size: 4, type: 'unorm8', accessor: 'getFillColor', defaultValue: [...BLACK] },
    });
  }

  override updateState(params: UpdateParameters<this>): void {
    super.updateState(params);
    if (params.changeFlags.extensionsChanged) {
      this.state.model?.destroy();
      this.state.model = new Model(this.context.device, {
        ...this.getShaders(),
        id: this.props.id,
        bufferLayout: this.getAttributeManager()!.getBufferLayouts(),
        topology: 'point-list',
        vertexCount: 0,
        isInstanced: false,
        // deck.gl keeps layers in order with a polygon offset of the depth, which points do not
        // get: without this, whatever a layer under the points left in the depth buffer could
        // hide them. (deck.gl applies the layer's own parameters around each draw.)
        parameters: { depthCompare: 'always' },
      });
      this.getAttributeManager()!.invalidateAll();
    }
  }

  override draw(): void {
    const model = this.state.model;
    if (!model) return;
    const { radiusMinPixels, lineWidthPixels, lineColor } = this.props;
    const { highlightedObjectIndex, highlightColor } = this.props;
    const uniforms: UniformProps = {
      radiusMinPixels,
      lineWidthPixels,
      lineColor: unitRgba(lineColor),
      highlightedIndex: highlightedObjectIndex ?? -1,
      highlightColor: unitRgba(Array.isArray(highlightColor) ? highlightColor : [0, 0, 128, 128]),
    };
    model.shaderInputs.setProps({ paperPoints: uniforms });
    model.setVertexCount(this.getNumInstances());
    model.draw(this.context.renderPass);
  }
}

/**
 * The largest point sprite `device` draws, in device pixels (WebGL's ALIASED_POINT_SIZE_RANGE);
 * 0 where it has none (WebGPU) or cannot say.
 */
export function maxPointSize(device: Device): number {
  const gl = (device as Device & { gl?: WebGL2RenderingContext }).gl;
  if (!gl) return 0;
  const range = gl.getParameter(gl.ALIASED_POINT_SIZE_RANGE) as Float32Array | null;
  return range?.[1] ?? 0;
}
