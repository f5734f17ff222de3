import { BitmapLayer, LineLayer } from '@deck.gl/layers';
import type { DensityShading } from './density_shading';

/** The shading's image as deck.gl takes it; made once per shading, not per frame. */
const images = new WeakMap<DensityShading, ImageData>();

function imageOf(shading: DensityShading): ImageData {
  let image = images.get(shading);
  if (!image) {
    image = new ImageData(shading.rgba as Uint8ClampedArray<ArrayBuffer>, shading.width);
    images.set(shading, image);
  }
  return image;
}

/**
 * The two layers under the points: the density image ('density') and its contour lines
 * ('density-contours'). Ids stay the same whether shown or not; `visible` toggles them.
 */
export function densityLayers(
  shading: DensityShading | null,
  visible: boolean,
): [BitmapLayer, LineLayer] {
  const segments = shading?.contours ?? new Float32Array(0);
  return [
    new BitmapLayer({
      id: 'density',
      image: shading ? imageOf(shading) : null,
      bounds: shading?.bounds ?? [0, 0, 1, 1],
      visible: visible && !!shading,
      pickable: false,
    }),
    new LineLayer({
      id: 'density-contours',
      data: {
        length: segments.length / 4,
        attributes: {
          getSourcePosition: { value: segments, size: 2, stride: 16, offset: 0 },
          getTargetPosition: { value: segments, size: 2, stride: 16, offset: 8 },
        },
      },
      getColor: [96, 112, 150, 70],
      getWidth: 1,
      widthUnits: 'pixels',
      visible: visible && !!shading,
      pickable: false,
    }),
  ];
}
