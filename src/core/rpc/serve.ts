import {
  transferablesOf,
  type CallContext,
  type MessageEndpoint,
  type RpcRequest,
  type RpcResponse,
} from './protocol';

type AnyHandler = (args: unknown, context: CallContext) => Promise<unknown>;

/**
 * Answers RPC calls arriving on a worker's endpoint with the given handlers. Each call gets its
 * own AbortController, aborted by a `cancel` message; errors travel back as messages, never as
 * uncaught exceptions, so one failed call leaves the worker serving.
 */
export function serve(endpoint: MessageEndpoint, handlers: object): void {
  const running = new Map<number, AbortController>();
  const send = (message: RpcResponse, transfer: ArrayBuffer[] = []): void =>
    endpoint.postMessage(message, transfer);

  endpoint.addEventListener('message', (event) => {
    const request = event.data as RpcRequest;
    if (request.type === 'cancel') {
      running.get(request.id)?.abort(abortError());
      return;
    }
    const handler = (handlers as Record<string, AnyHandler | undefined>)[request.method];
    const { id } = request;
    if (typeof handler !== 'function') {
      send({ type: 'error', id, name: 'Error', message: `Unknown method ${request.method}` });
      return;
    }
    const controller = new AbortController();
    running.set(id, controller);
    const context: CallContext = {
      signal: controller.signal,
      onProgress: (fraction, stage) => send({ type: 'progress', id, fraction, stage }),
      onPartial: (value, options) =>
        send({ type: 'partial', id, value }, options?.transfer ? transferablesOf(value, 8) : []),
    };
    handler(request.args, context)
      .then((value) => send({ type: 'result', id, value }, transferablesOf(value)))
      .catch((error: unknown) => {
        const err = error instanceof Error ? error : new Error(String(error));
        send({ type: 'error', id, name: err.name, message: err.message });
      })
      .finally(() => running.delete(id));
  });
}

/** The error a cancelled call rejects with; named like the platform's so callers can test for it. */
function abortError(): Error {
  const error = new Error('Cancelled');
  error.name = 'AbortError';
  return error;
}
