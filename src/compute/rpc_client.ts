import type { RpcRequest, RpcResponse } from '../core/rpc/protocol';

/** Options of one call to the worker. */
export interface CallOptions<P = unknown> {
  onProgress?: (fraction: number, stage: string) => void;
  onPartial?: (value: P) => void;
  signal?: AbortSignal;
  /** Buffers to move to the worker instead of copying; the caller must not use them after. */
  transfer?: Transferable[];
}

/**
 * The error name of calls that fail because the worker itself died (an uncaught error, out of
 * memory, a failed import): the worker is gone, and only a new one can serve again.
 */
export const WORKER_CRASHED = 'WorkerCrashedError';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  options: CallOptions<never>;
}

/** The page's end of the RPC: one worker, many concurrent calls, each cancellable. */
export class RpcClient {
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;

  private worker: Worker | null;

  /** Wraps a worker; `label` names it in errors ("The import worker stopped: …"). */
  constructor(
    worker: Worker,
    private readonly label = 'compute worker',
  ) {
    this.worker = worker;
    worker.addEventListener('message', (event: MessageEvent<RpcResponse>) =>
      this.receive(event.data),
    );
    // A crashed worker (out of memory, a failed import) would otherwise leave every call hanging.
    // Its state is unknown after an uncaught error, so it is stopped rather than trusted again.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const error = new Error(`The ${this.label} stopped: ${event.message || 'unknown error'}`);
      error.name = WORKER_CRASHED;
      this.failAll(error);
      this.worker?.terminate();
      this.worker = null;
    });
    worker.addEventListener('messageerror', () =>
      this.failAll(new Error(`The ${this.label} sent a message that could not be read.`)),
    );
  }

  /** Calls a worker method; rejects with an AbortError when the signal aborts. */
  call<R, P = unknown>(method: string, args: unknown, options: CallOptions<P> = {}): Promise<R> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.worker) return Promise.reject(new Error(`The ${this.label} was destroyed.`));
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise<R>((resolve, reject) => {
      const { signal } = options;
      if (signal?.aborted) {
        reject(signal.reason instanceof Error ? signal.reason : abortError());
        return;
      }
      const onAbort = (): void => {
        worker.postMessage({ type: 'cancel', id } satisfies RpcRequest);
        this.settle(id);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: (v) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(v as R);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
        options: options as CallOptions<never>,
      });
      worker.postMessage(
        { type: 'call', id, method, args } satisfies RpcRequest,
        options.transfer ?? [],
      );
    });
  }

  /** Terminates the worker and rejects the calls still running; safe to call twice. */
  destroy(): void {
    if (!this.worker) return;
    this.worker.terminate();
    this.worker = null;
    this.failAll(new Error(`The ${this.label} was destroyed.`));
  }

  private receive(message: RpcResponse): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    switch (message.type) {
      case 'progress':
        pending.options.onProgress?.(message.fraction, message.stage);
        break;
      case 'partial':
        (pending.options.onPartial as ((v: unknown) => void) | undefined)?.(message.value);
        break;
      case 'result':
        this.settle(message.id);
        pending.resolve(message.value);
        break;
      case 'error': {
        this.settle(message.id);
        const error = new Error(message.message);
        error.name = message.name;
        pending.reject(error);
        break;
      }
    }
  }

  private settle(id: number): void {
    this.pending.delete(id);
  }

  private failAll(error: Error): void {
    this.failure ??= error;
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) call.reject(error);
  }
}

function abortError(): Error {
  const error = new Error('Cancelled');
  error.name = 'AbortError';
  return error;
}
