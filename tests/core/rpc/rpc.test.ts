import { afterEach, describe, expect, it } from 'vitest';
import { MessageChannel } from 'node:worker_threads';
import { serve } from '../../../src/core/rpc/serve';
import type { CallContext, MessageEndpoint } from '../../../src/core/rpc/protocol';
import { RpcClient } from '../../../src/compute/rpc_client';

/** A Worker-shaped end of a MessageChannel, so the real client and server talk as in a browser. */
function connect(handlers: object): { client: RpcClient; close(): void } {
  const { port1, port2 } = new MessageChannel();
  const listen = (port: typeof port1) => ({
    postMessage: (m: unknown, t?: ArrayBuffer[]) => port.postMessage(m, t),
    addEventListener: (_: 'message', fn: (e: { data: unknown }) => void) =>
      port.on('message', (data) => fn({ data })),
  });
  serve(listen(port2) as MessageEndpoint, handlers);
  const worker = {
    ...listen(port1),
    addEventListener: (type: string, fn: (e: { data: unknown }) => void) => {
      if (type === 'message') port1.on('message', (data) => fn({ data }));
    },
    terminate: () => port1.close(),
  };
  return { client: new RpcClient(worker as unknown as Worker), close: () => port1.close() };
}

describe('the worker RPC', () => {
  let close = () => {};
  afterEach(() => close());

  it('returns results with their typed arrays and forwards progress and partial results', async () => {
    const rpc = connect({
      square: async ({ values }: { values: Float32Array }, ctx: CallContext) => {
        ctx.onProgress(0.5, 'half');
        ctx.onPartial({ seen: values.length });
        return { out: values.map((v) => v * v) };
      },
    });
    close = rpc.close;
    const progress: [number, string][] = [];
    const partials: unknown[] = [];
    const result = await rpc.client.call<{ out: Float32Array }>(
      'square',
      { values: new Float32Array([1, 2, 3]) },
      {
        onProgress: (f, s) => progress.push([f, s]),
        onPartial: (p) => partials.push(p),
      },
    );
    expect(Array.from(result.out)).toEqual([1, 4, 9]);
    expect(result.out).toBeInstanceOf(Float32Array);
    expect(progress).toEqual([[0.5, 'half']]);
    expect(partials).toEqual([{ seen: 3 }]);
  });

  it('copies a partial result, or moves its buffers however deep when asked to', async () => {
    const kept = new Float32Array([1, 2, 3]);
    const moved = new Float32Array([4, 5, 6]);
    const rpc = connect({
      send: async (_: unknown, ctx: CallContext) => {
        ctx.onPartial({ a: { b: { c: kept } } });
        ctx.onPartial({ a: { b: { c: { d: { e: moved } } } } }, { transfer: true });
        return { keptLength: kept.length, movedLength: moved.length };
      },
    });
    close = rpc.close;
    const partials: unknown[] = [];
    const lengths = await rpc.client.call('send', {}, { onPartial: (p) => partials.push(p) });
    // The sender keeps the copied array; the moved one is gone from it, whole on the other side.
    expect(lengths).toEqual({ keptLength: 3, movedLength: 0 });
    expect(partials).toEqual([
      { a: { b: { c: new Float32Array([1, 2, 3]) } } },
      { a: { b: { c: { d: { e: new Float32Array([4, 5, 6]) } } } } },
    ]);
  });

  it('turns a handler error into a rejected call and keeps serving', async () => {
    const rpc = connect({
      fail: async () => {
        throw new RangeError('bad input at row 3');
      },
      ok: async () => 'fine',
    });
    close = rpc.close;
    await expect(rpc.client.call('fail', {})).rejects.toThrow('bad input at row 3');
    await expect(rpc.client.call('missing', {})).rejects.toThrow('Unknown method missing');
    await expect(rpc.client.call('ok', {})).resolves.toBe('fine');
  });

  it('cancels a running call: the handler sees its signal abort and the caller gets an AbortError', async () => {
    let handlerSawAbort = false;
    const rpc = connect({
      slow: async (_: unknown, ctx: CallContext) =>
        new Promise((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => {
            handlerSawAbort = true;
            reject(ctx.signal.reason);
          });
        }),
    });
    close = rpc.close;
    const controller = new AbortController();
    const call = rpc.client.call('slow', {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((r) => setTimeout(r, 20));
    expect(handlerSawAbort).toBe(true);
  });

  it('rejects pending calls on destroy, and destroy is idempotent', async () => {
    const rpc = connect({ never: () => new Promise(() => {}) });
    const call = rpc.client.call('never', {});
    rpc.client.destroy();
    rpc.client.destroy();
    await expect(call).rejects.toThrow('destroyed');
    await expect(rpc.client.call('never', {})).rejects.toThrow('destroyed');
  });
});
