/** The reader's theme choice: follow the system (`auto`), or always light or dark. */
export type ThemeChoice = 'auto' | 'light' | 'dark';

const KEY = 'papermap.theme';
const ORDER: readonly ThemeChoice[] = ['auto', 'light', 'dark'];

/** Reads the remembered choice; `auto` when none or storage is unavailable. */
function remembered(): ThemeChoice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

/**
 * The app's colour theme: the reader's choice (remembered in localStorage), resolved against
 * `prefers-color-scheme`, and applied as `data-theme` on <html>, which app.css's variables follow.
 */
export class Theme {
  choice = $state<ThemeChoice>(remembered());
  private systemDark = $state(false);
  /** The theme in use now. */
  readonly resolved = $derived<'light' | 'dark'>(
    this.choice === 'auto' ? (this.systemDark ? 'dark' : 'light') : this.choice,
  );
  private readonly query = matchMedia('(prefers-color-scheme: dark)');
  private readonly onSystem = (e: MediaQueryListEvent): void => {
    this.systemDark = e.matches;
  };

  constructor() {
    this.systemDark = this.query.matches;
    this.query.addEventListener('change', this.onSystem);
  }

  /** Sets <html data-theme> to the resolved theme; call from an effect. */
  apply(): void {
    document.documentElement.dataset.theme = this.resolved;
  }

  /** Moves to the next choice: auto → light → dark → auto, and remembers it. */
  cycle(): void {
    this.choice = ORDER[(ORDER.indexOf(this.choice) + 1) % ORDER.length]!;
    try {
      if (this.choice === 'auto') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, this.choice);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }

  /** Stops following the system; safe to call twice. */
  destroy(): void {
    this.query.removeEventListener('change', this.onSystem);
  }
}
