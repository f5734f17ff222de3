import * as tf from '@tensorflow/tfjs-core';
import type { CallContext, RpcHandlers } from '../core/rpc/protocol';
import { BACKEND_LOST } from './backend_lost_error';
import type { BackendName } from './backend_names';

/** Backends lost in this worker, with why; chooseBackend leaves them out from then on. */
const lost = new Map<BackendName, string>();

/** The backends lost so far in this realm, each with a user-facing reason. */
export function lostBackends(): ReadonlyMap<BackendName, string> {
  return lost;
}

/** Records that `name` stopped working; chooseBackend will not pick it again. */
export function markBackendLost(name: BackendName, why: string): void {
  if (!lost.has(name)) lost.set(name, why);
}

// Structural types: src/gpu compiles without @webgpu/types or the DOM.
interface DeviceLostInfo {
  reason?: string;
  message?: string;
}
interface WebGpuBackendLike {
  device?: { lost?: Promise<DeviceLostInfo> };
}
interface WebGlBackendLike {
  gpgpu?: { gl?: { isContextLost?(): boolean } };
}

/**
 * Watches the backend tfjs now runs on: a WebGPU device whose `lost` promise resolves marks
 * webgpu lost (a driver reset, a GPU hang, an unplugged eGPU, `device.destroy()`).
 */
export function watchBackend(name: BackendName): void {
  if (name !== 'webgpu') return;
  const device = (tf.backend() as unknown as WebGpuBackendLike).device;
  void device?.lost?.then((info) => {
    const detail = [info.reason, info.message?.replace(/\.$/, '')].filter(Boolean).join(': ');
    markBackendLost('webgpu', `the WebGPU device was lost${detail ? ` (${detail})` : ''}`);
  });
}

/** Whether the current tfjs backend has been lost (checked on failure, so cheap and never throws). */
function currentBackendLost(): BackendName | null {
  const name = tf.getBackend() as BackendName | undefined;
  if (!name) return null;
  if (lost.has(name)) return name;
  if (name === 'webgl') {
    try {
      const gl = (tf.backend() as unknown as WebGlBackendLike).gpgpu?.gl;
      if (gl?.isContextLost?.()) {
        markBackendLost('webgl', 'the WebGL context was lost');
        return name;
      }
    } catch {
      return null;
    }
  }
  return null;
}

function backendLostError(name: BackendName): Error {
  const error = new Error(`${name} stopped working: ${lost.get(name) ?? 'the GPU was lost'}`);
  error.name = BACKEND_LOST;
  return error;
}

/**
 * Wraps compute handlers so that a call running on a backend that is lost (before or during the
 * call) fails with a {@link BACKEND_LOST} error instead of a driver's message or a wrong result.
 * `init` and `embedderId` pass through: init is how the caller recovers.
 */
export function guardBackendLoss<Api>(handlers: RpcHandlers<Api>): RpcHandlers<Api> {
  const guarded = { ...handlers } as Record<string, unknown>;
  for (const [method, handler] of Object.entries(handlers)) {
    if (method === 'init' || method === 'embedderId') continue;
    const run = handler as (args: unknown, ctx: CallContext) => Promise<unknown>;
    guarded[method] = async (args: unknown, ctx: CallContext): Promise<unknown> => {
      const before = currentBackendLost();
      if (before) throw backendLostError(before);
      try {
        return await run(args, ctx);
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        // device.lost resolves in its own task, possibly just after the failed read it caused.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const after = currentBackendLost();
        throw after ? backendLostError(after) : error;
      }
    };
  }
  return guarded as RpcHandlers<Api>;
}
