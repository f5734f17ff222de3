import { colourBy, colourModes, type ColourModeId } from '../map/colour_modes';
import { densityShading } from '../map/density_shading';
import { upvoteRadii } from '../map/point_sizes';
import type { MapStyle } from '../share/view_link';
import type { BuiltMap } from './build_map';

/**
 * How the points of the map on screen are drawn: the colour mode the reader chose (topics when
 * the corpus lacks it), density shading, and size by upvotes, with what each of them computes.
 */
export class MapStyleState {
  colourMode = $state<ColourModeId>('topic');
  showDensity = $state(true);
  sizeByUpvotes = $state(false);

  /** The colour modes this corpus supports. */
  readonly modes = $derived.by(() => {
    const built = this.built();
    return built ? colourModes(built.corpus.papers) : [];
  });
  /** The chosen mode when this corpus supports it, else topics. */
  readonly activeMode = $derived<ColourModeId>(
    this.modes.some((m) => m.id === this.colourMode) ? this.colourMode : 'topic',
  );
  /** The points' colours under the active mode, and its legend. */
  readonly colouring = $derived.by(() => {
    const built = this.built();
    if (!built) return null;
    return colourBy(built.corpus.papers, built.projection.topics, this.activeMode, this.dark());
  });
  /** Once per layout: the density does not change with colours, search or zoom. */
  readonly density = $derived.by(() => {
    const built = this.built();
    return built ? densityShading(built.projection.layout.xy) : null;
  });
  readonly canSize = $derived(this.modes.some((m) => m.id === 'upvotes'));
  /** Point radii by upvotes, or null for the uniform size. */
  readonly radii = $derived.by(() => {
    const built = this.built();
    return built && this.canSize && this.sizeByUpvotes ? upvoteRadii(built.corpus.papers) : null;
  });

  constructor(
    private readonly built: () => BuiltMap | null,
    private readonly dark: () => boolean,
  ) {}

  /** What a shared link carries: only what differs from the defaults. */
  get linked(): MapStyle {
    return {
      colour: this.activeMode === 'topic' ? undefined : this.activeMode,
      density: this.showDensity ? undefined : false,
      sizeByUpvotes: this.sizeByUpvotes && this.canSize ? true : undefined,
    };
  }

  /** Applies a shared link's style; a colour mode this map lacks is named through `notify`. */
  applyLink(style: MapStyle, notify: (text: string) => void): void {
    if (style.colour && !this.modes.some((m) => m.id === style.colour))
      notify(`The link colours by "${style.colour}", which this map does not have.`);
    else if (style.colour) this.colourMode = style.colour as ColourModeId;
    if (style.density !== undefined) this.showDensity = style.density;
    if (style.sizeByUpvotes !== undefined) this.sizeByUpvotes = style.sizeByUpvotes;
  }
}
