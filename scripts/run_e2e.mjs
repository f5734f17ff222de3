// Runs every tests/e2e/*.test.ts with Node's test runner (through tsx) against the built dist/.
// Prints the spec report and writes a TAP copy to test-results/e2e.tap for the totals line.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('dist/index.html')) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
mkdirSync('test-results', { recursive: true });
const files = readdirSync('tests/e2e')
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .map((f) => `tests/e2e/${f}`);
const args = ['--import', 'tsx', '--test', '--test-concurrency=1'];
args.push('--test-reporter=spec', '--test-reporter-destination=stdout');
args.push('--test-reporter=tap', '--test-reporter-destination=test-results/e2e.tap');
const result = spawnSync(process.execPath, [...args, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
