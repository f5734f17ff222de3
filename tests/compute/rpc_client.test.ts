import { describe, expect, it } from 'vitest';
import { RpcClient, WORKER_CRASHED } from '../../src/compute/rpc_client';
import { ComputeClient } from '../../src/compute/compute_client';

/** Enough of a Worker for the RPC client: events in, messages out, terminate counted. */
class FakeWorker extends EventTarget {
  posted: unknown[] = [];
  terminated = 0;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated++;
  }
  /** An uncaught error inside the worker, as the browser reports it to the page. */
  crash(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }
}

describe('the RPC client when its worker crashes', () => {
  it('rejects every running call with a crash error, stops the worker, and refuses new calls', async () => {
    const worker = new FakeWorker();
    const rpc = new RpcClient(worker as unknown as Worker);
    const first = rpc.call('embed', {});
    const second = rpc.call('project', {});
    worker.crash('Out of memory');
    for (const call of [first, second]) {
      await expect(call).rejects.toMatchObject({
        name: WORKER_CRASHED,
        message: 'The compute worker stopped: Out of memory',
      });
    }
    expect(worker.terminated).toBe(1);
    await expect(rpc.call('init', {})).rejects.toMatchObject({ name: WORKER_CRASHED });
    rpc.destroy();
    rpc.destroy();
    expect(worker.terminated).toBe(1);
  });

  it('a compute client restarts on a fresh worker that serves again', async () => {
    const workers: FakeWorker[] = [];
    const start = (): Worker => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    };
    const client = new ComputeClient(undefined, start);
    const running = client.embedderId({ kind: 'lsa' });
    workers[0]!.crash('boom');
    await expect(running).rejects.toMatchObject({ name: WORKER_CRASHED });
    client.restart();
    expect(workers).toHaveLength(2);
    const answered = client.embedderId({ kind: 'lsa' });
    const request = workers[1]!.posted[0] as { id: number; method: string };
    expect(request.method).toBe('embedderId');
    workers[1]!.dispatchEvent(
      Object.assign(new Event('message'), {
        data: { type: 'result', id: request.id, value: 'lsa-v1' },
      }),
    );
    expect(await answered).toBe('lsa-v1');
    client.destroy();
    client.destroy();
    expect(workers[1]!.terminated).toBe(1);
  });
});
