#!/usr/bin/env node
// Runs the TypeScript entry cli/papermap.ts through tsx (a devDependency of this repository).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../cli/papermap.ts', import.meta.url));
const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...process.argv.slice(2)], {
  stdio: 'inherit',
  // tsx is resolved from this repository, wherever the command is run from.
  cwd: process.cwd(),
  env: { ...process.env, NODE_PATH: fileURLToPath(new URL('../node_modules', import.meta.url)) },
});
if (result.error) {
  console.error(`papermap: could not start node with tsx: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
