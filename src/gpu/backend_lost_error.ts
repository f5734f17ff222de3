/**
 * The error name a compute call fails with when its GPU backend was lost mid-run (a lost WebGPU
 * device, a lost WebGL context): the caller chooses a backend again (the lost one is left out)
 * and reruns the call. It crosses the worker boundary by name (core/rpc/serve keeps names).
 * A file of its own so that the page can test for it without importing tfjs.
 */
export const BACKEND_LOST = 'BackendLostError';
