/** The tfjs backends papermap can run on, fastest first on real hardware. */
export const BACKEND_ORDER = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;

/** A tfjs backend name. */
export type BackendName = (typeof BACKEND_ORDER)[number];
