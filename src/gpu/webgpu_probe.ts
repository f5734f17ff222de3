/** What papermap needs to know about the WebGPU adapter before choosing a backend. */
export interface GpuAdapterSummary {
  /** "vendor (architecture)", e.g. "nvidia (hopper)" or "google (swiftshader)". */
  description: string;
  /** True for CPU emulations (SwiftShader, lavapipe/llvmpipe) and fallback adapters. */
  isSoftware: boolean;
  /** Whether the adapter offers 16-bit floats in shaders. */
  hasShaderF16: boolean;
}

// Minimal structural types: src/gpu compiles without the DOM or @webgpu/types libraries.
interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; description?: string };
  features?: { has(name: string): boolean };
}
interface GpuLike {
  requestAdapter(options?: { powerPreference?: string }): Promise<AdapterLike | null>;
}

/** Asks for a WebGPU adapter; returns null where there is none (no API, no adapter, or an error). */
export async function probeWebGpu(): Promise<GpuAdapterSummary | null> {
  const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return null;
    const vendor = adapter.info?.vendor || 'unknown vendor';
    const architecture = adapter.info?.architecture || adapter.info?.description || 'unknown';
    const text = `${vendor} ${architecture}`;
    return {
      description: `${vendor} (${architecture})`,
      isSoftware:
        adapter.isFallbackAdapter === true || /swiftshader|llvmpipe|lavapipe|software/i.test(text),
      hasShaderF16: adapter.features?.has('shader-f16') ?? false,
    };
  } catch {
    return null;
  }
}
