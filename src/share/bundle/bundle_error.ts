/**
 * Why a bundle could not be read or written; the message names the file and the section or
 * field, e.g. "map.papermap: section 'knn.indices' has 1,200 entries, expected n×k = 1,180".
 */
export class BundleError extends Error {
  override readonly name = 'BundleError';
}

/** Throws a BundleError whose message starts with the file name. */
export function failIn(file: string): (message: string) => never {
  return (message) => {
    throw new BundleError(`${file}: ${message}`);
  };
}
