/// <reference lib="webworker" />
// Thin entry: serves src/gpu's compute handlers; the wasm binaries are bundled by Vite.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { serve } from '../src/core/rpc/serve';
import type { MessageEndpoint } from '../src/core/rpc/protocol';
import { guardBackendLoss } from '../src/gpu/backend_loss';
import { createComputeHandlers } from '../src/gpu/compute_handlers';

const handlers = createComputeHandlers();
const init = handlers.init;
handlers.init = (args, ctx) =>
  init(
    {
      ...args,
      wasmPaths: {
        'tfjs-backend-wasm.wasm': wasmPlain,
        'tfjs-backend-wasm-simd.wasm': wasmSimd,
        'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
      },
    },
    ctx,
  );
// A call on a GPU lost mid-run fails as BackendLostError, so the page re-chooses and reruns.
serve(self as unknown as MessageEndpoint, guardBackendLoss(handlers));
