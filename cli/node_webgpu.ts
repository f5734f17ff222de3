/**
 * Gives Node a `navigator.gpu` from the npm package `webgpu` (Dawn) where it and a Vulkan driver
 * exist. Must run before '@tensorflow/tfjs-backend-webgpu' is imported: that backend registers
 * itself only when navigator.gpu exists at import time. Returns false when unavailable.
 */
export async function installNodeWebGpu(): Promise<boolean> {
  const g = globalThis as { navigator?: { gpu?: unknown } };
  if (g.navigator?.gpu) return true;
  try {
    const { create, globals } = await import('webgpu');
    Object.assign(globalThis, globals);
    // Node 21+ has a read-only navigator object: set .gpu on it rather than replacing it.
    if (!g.navigator)
      Object.defineProperty(globalThis, 'navigator', { value: {}, configurable: true });
    g.navigator!.gpu = create([]);
    return true;
  } catch {
    return false;
  }
}
