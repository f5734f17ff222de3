/// <reference lib="webworker" />
// Thin entry: the BM25 index lives here, so indexing 100k abstracts never blocks the page.
import { serve } from '../src/core/rpc/serve';
import type { MessageEndpoint } from '../src/core/rpc/protocol';
import { createSearchHandlers } from '../src/core/search/search_handlers';

serve(self as unknown as MessageEndpoint, createSearchHandlers());
