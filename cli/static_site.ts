import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from './make_map';

/** The built app this repository's `npm run build` writes. */
export const DIST_DIR = fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * Copies the built app (dist/) into `outDir`, so the folder is a complete static site; throws an
 * InputError that says to build first when dist/ is missing.
 */
export function copyBuiltApp(outDir: string, distDir = DIST_DIR): void {
  if (!existsSync(`${distDir}/index.html`)) {
    throw new InputError(`the built app is missing (${distDir}): run npm run build first`);
  }
  cpSync(distDir, outDir, { recursive: true });
}
