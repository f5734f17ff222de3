import { WORKER_CRASHED } from '../compute/rpc_client';
import type { BackendName, BackendReport } from '../gpu/backend';
import { BACKEND_LOST } from '../gpu/backend_lost_error';

/** Whether a compute call failed because its GPU backend was lost mid-run (see gpu/backend_loss.ts). */
export function isBackendLost(error: unknown): boolean {
  return error instanceof Error && error.name === BACKEND_LOST;
}

/** Whether a compute call failed because the worker itself crashed (see compute/rpc_client). */
export function isWorkerCrash(error: unknown): boolean {
  return error instanceof Error && error.name === WORKER_CRASHED;
}

/**
 * The notice to show when the backend asked for (`?backend=`) could not be used, naming the
 * backend that runs instead and why; null when the asked-for one runs or none was asked for.
 */
export function backendNotice(backend: BackendReport, preferred?: BackendName): string | null {
  if (!preferred || backend.name === preferred) return null;
  const why = backend.skipped.find((s) => s.startsWith(`${preferred}:`));
  const reason = why ? why.slice(preferred.length + 1).trim() : 'it did not initialise';
  return `${preferred} could not be used (${reason}); the map is computed on ${backend.name}.`;
}
