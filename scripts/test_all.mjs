// `npm test`: lint, typecheck, build, unit tests (vitest), browser tests (Chromium), then one
// closing line "N passed, N failed" with the totals of both runners, so an empty run shows.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
mkdirSync('test-results', { recursive: true });
rmSync('test-results/unit.json', { force: true });
rmSync('test-results/e2e.tap', { force: true });

const failedSteps = [];
for (const step of ['lint', 'typecheck', 'build']) {
  if (run(npm, ['run', step]) !== 0) failedSteps.push(step);
}
const unitStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/unit.json',
]);
const e2eStatus = failedSteps.includes('build') ? 1 : run(npm, ['run', 'test:e2e']);

let passed = 0;
let failed = 0;
if (existsSync('test-results/unit.json')) {
  const unit = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
} else if (unitStatus !== 0) failed += 1;
if (existsSync('test-results/e2e.tap')) {
  const tap = readFileSync('test-results/e2e.tap', 'utf8');
  passed += Number(tap.match(/^# pass (\d+)/m)?.[1] ?? 0);
  failed += Number(tap.match(/^# fail (\d+)/m)?.[1] ?? 0);
} else if (e2eStatus !== 0) failed += 1;
failed += failedSteps.length;
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && unitStatus === 0 && e2eStatus === 0 && passed > 0 ? 0 : 1);
