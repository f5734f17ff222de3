import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import type { CallContext, RpcHandlers } from '../../src/core/rpc/protocol';
import { chooseBackend } from '../../src/gpu/backend';
import { guardBackendLoss, markBackendLost } from '../../src/gpu/backend_loss';
import { BACKEND_LOST } from '../../src/gpu/backend_lost_error';

interface Api {
  init(args: object): Promise<string>;
  work(args: { lose: boolean }): Promise<number>;
}

const context = (signal = new AbortController().signal): CallContext => ({
  signal,
  onProgress: () => {},
  onPartial: () => {},
});

describe('a backend lost mid-run', () => {
  it('is left out when the backend is chosen again, with the reason in the report', async () => {
    markBackendLost('wasm', 'the test lost it');
    const report = await chooseBackend({ preferred: 'wasm', exclude: ['webgpu', 'webgl'] });
    expect(report.name).toBe('cpu');
    expect(report.skipped).toContain('wasm: the test lost it');
  });

  it('leaves ordinary failures and cancellations as they are', async () => {
    await tf.setBackend('cpu');
    const failing = guardBackendLoss<Pick<Api, 'work'>>({
      work: async () => {
        throw new Error('a bad corpus');
      },
    });
    await expect(failing.work({ lose: false }, context())).rejects.toThrow(/a bad corpus/);
    const controller = new AbortController();
    controller.abort();
    await expect(failing.work({ lose: false }, context(controller.signal))).rejects.toThrow(
      /a bad corpus/,
    );
  });

  it('turns the failing call and every later one into a BackendLostError; init still runs', async () => {
    await tf.setBackend('cpu');
    let runs = 0;
    const handlers: RpcHandlers<Api> = {
      init: async () => 'chosen',
      work: async ({ lose }) => {
        runs++;
        if (lose) {
          markBackendLost('cpu', 'the device went away');
          throw new Error('mapAsync: device is lost');
        }
        return 7;
      },
    };
    const guarded = guardBackendLoss(handlers);
    expect(await guarded.work({ lose: false }, context())).toBe(7);
    await expect(guarded.work({ lose: true }, context())).rejects.toMatchObject({
      name: BACKEND_LOST,
      message: 'cpu stopped working: the device went away',
    });
    await expect(guarded.work({ lose: false }, context())).rejects.toMatchObject({
      name: BACKEND_LOST,
    });
    expect(runs).toBe(2);
    expect(await guarded.init({}, context())).toBe('chosen');
  });
});
