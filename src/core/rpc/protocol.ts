/** Messages from the page to a worker. */
export type RpcRequest =
  { type: 'call'; id: number; method: string; args: unknown } | { type: 'cancel'; id: number };

/** Messages from a worker to the page, each tagged with the call id it answers. */
export type RpcResponse =
  | { type: 'progress'; id: number; fraction: number; stage: string }
  | { type: 'partial'; id: number; value: unknown }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; name: string; message: string };

/** What a worker handler gets besides its arguments: progress, streaming and cancellation. */
export interface CallContext {
  signal: AbortSignal;
  onProgress(fraction: number, stage: string): void;
  /**
   * Sends an intermediate result; its typed arrays are copied, so the sender may keep using them,
   * unless `transfer`: then their buffers move (however deep they lie), and the sender must not.
   */
  onPartial(value: unknown, options?: { transfer?: boolean }): void;
}

/**
 * A worker API: each method takes one structured-cloneable argument and a context.
 * Results' typed-array buffers are transferred, so a handler must not keep using them.
 */
export type RpcHandlers<Api> = {
  [M in keyof Api]: Api[M] extends (args: infer A) => Promise<infer R>
    ? (args: A, context: CallContext) => Promise<R>
    : never;
};

/** The smallest part of a Worker or worker global scope the RPC needs (no DOM types in core). */
export interface MessageEndpoint {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Collects the distinct ArrayBuffers behind typed arrays in a value (two levels deep). */
export function transferablesOf(value: unknown, depth = 2): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const visit = (v: unknown, d: number): void => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) found.add(v.buffer);
    } else if (v && typeof v === 'object' && d > 0) {
      for (const child of Object.values(v)) visit(child, d - 1);
    }
  };
  visit(value, depth);
  return [...found];
}
