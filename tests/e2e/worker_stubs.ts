import type { BrowserContext } from 'playwright-core';

/**
 * Serves the compute worker's script with `prefix(n)` in front of it, n counting the workers
 * started in this context from 0 (a retry starts a new one): the prefix runs inside the real
 * worker before it serves, so it can stub navigator.gpu or crash it, with no test code in the app.
 * Module imports are hoisted, so the prefix runs after tfjs-core loads but before any backend
 * module (loaded on demand) and before the first message.
 */
export async function prefixComputeWorker(
  context: BrowserContext,
  prefix: (n: number) => string,
): Promise<void> {
  let started = 0;
  await context.route(/\/compute\.worker-[^/]+\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    await route.fulfill({ response, body: `${prefix(started++)}\n${body}` });
  });
}

/**
 * Runs `action` (worker JS, with `message` in scope) once, right after the worker posts its first
 * progress message of `stage` ('neighbours', 'layout', 'topics', or an embed stage).
 */
export function onFirstProgress(stage: string, action: string): string {
  return `{
  const post = self.postMessage.bind(self);
  let done = false;
  self.postMessage = (message, transfer) => {
    post(message, transfer);
    if (done || !message || message.type !== 'progress' || message.stage !== ${JSON.stringify(stage)}) return;
    done = true;
    ${action}
  };
}`;
}

/** Makes the worker die of an uncaught error, as an out-of-memory abort or a bad build would. */
export const CRASH = `setTimeout(() => { throw new Error('Simulated crash of the compute worker'); });`;

/** Hides WebGPU from the worker: navigator.gpu is undefined, as in browsers without it. */
export const NO_WEBGPU = `Object.defineProperty(WorkerNavigator.prototype, 'gpu', { get: () => undefined });`;

/** An adapter whose requestDevice rejects, as a GPU refused by the driver or the OS would. */
export const DEVICE_REFUSED = `GPUAdapter.prototype.requestDevice = () =>
  Promise.reject(new DOMException('The GPU process refused the device (stub)', 'OperationError'));`;

/** An adapter that does not offer shader-f16 (many integrated and older GPUs). */
export const NO_SHADER_F16 = `{
  const features = Object.getOwnPropertyDescriptor(GPUAdapter.prototype, 'features').get;
  Object.defineProperty(GPUAdapter.prototype, 'features', {
    get() {
      const real = features.call(this);
      const kept = [...real].filter((f) => f !== 'shader-f16');
      return Object.assign(new Set(kept), { has: (f) => f !== 'shader-f16' && real.has(f) });
    },
  });
}`;

/** Keeps the devices the worker creates in self.__devices, so a stub can lose them later. */
export const KEEP_DEVICES = `{
  const request = GPUAdapter.prototype.requestDevice;
  self.__devices = [];
  GPUAdapter.prototype.requestDevice = async function (...args) {
    const device = await request.apply(this, args);
    self.__devices.push(device);
    return device;
  };
}`;

/** Loses every WebGPU device: device.destroy() resolves device.lost, as a driver reset would. */
export const LOSE_DEVICES = `for (const device of self.__devices) device.destroy();`;
