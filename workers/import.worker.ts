/// <reference lib="webworker" />
// Thin entry: serves src/core's import handlers, so parsing never blocks the page.
import { createImportHandlers } from '../src/core/import/import_handlers';
import type { MessageEndpoint } from '../src/core/rpc/protocol';
import { serve } from '../src/core/rpc/serve';

serve(self as unknown as MessageEndpoint, createImportHandlers());
