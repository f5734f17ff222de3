/// <reference lib="webworker" />
// Thin entry: labelling a selection tokenises the whole corpus once, off the page's thread.
import { serve } from '../src/core/rpc/serve';
import type { MessageEndpoint } from '../src/core/rpc/protocol';
import { createSelectionLabelHandlers } from '../src/core/topics/selection_label_handlers';

serve(self as unknown as MessageEndpoint, createSelectionLabelHandlers());
