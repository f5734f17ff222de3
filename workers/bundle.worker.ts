/// <reference lib="webworker" />
// Thin entry: reads and writes map bundles off the main thread.
import { serve } from '../src/core/rpc/serve';
import type { MessageEndpoint } from '../src/core/rpc/protocol';
import { createBundleHandlers } from '../src/share/bundle/bundle_handlers';

serve(self as unknown as MessageEndpoint, createBundleHandlers());
