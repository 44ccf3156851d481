// Installs what the project needs from Debian's packages (the offline dev database and the browser for tests),
// once: `npm start` and `npm test` run it first. Skips what is present; needs root (or sudo) only to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PYTHON = '/usr/bin/python3';
const wants = [];
const hasPython =
  existsSync(PYTHON) &&
  spawnSync(PYTHON, ['-c', 'import mockupdb, mongomock'], { stdio: 'ignore' }).status === 0;
if (!hasPython) wants.push('python3', 'python3-mockupdb', 'python3-mongomock');
if (process.argv.includes('--with-browser') && !existsSync('/usr/bin/chromium')) {
  wants.push('chromium');
}
if (wants.length === 0) process.exit(0);

if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
  console.error(
    `Leadrelay needs these Debian/Ubuntu packages: ${wants.join(' ')}. Install them, or set MONGODB_URI.`,
  );
  process.exit(1);
}
const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
const run = (args) => {
  console.log(`setup: ${[...asRoot, ...args].join(' ')}`);
  execFileSync(asRoot[0] ?? args[0], asRoot.length ? args : args.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
};
run(['apt-get', 'update', '-qq']);
run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...wants]);
