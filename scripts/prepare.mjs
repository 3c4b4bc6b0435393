// `prepare`: builds dist/ when this repository is installed from git — how pre-commit installs the `greenml` hook
// (`npm install -g git+file://…`). npm then prepares the clone with an `npm install` that inherits the global
// install's config (pre-commit's nodeenv npmrc), which puts the dev dependencies somewhere the build cannot import
// them from; in that case they are installed locally first, scripts off (no recursion, nothing else runs).
// In a normal checkout `npm install` has already installed them, and this is just `npm run build`.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let hasEsbuild = true;
try {
  require.resolve('esbuild');
} catch {
  hasEsbuild = false;
}
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (!hasEsbuild)
  run('npm', [
    'install',
    '--global=false',
    '--include=dev',
    '--ignore-scripts',
    '--no-save',
    '--no-audit',
    '--no-fund',
  ]);
run(process.execPath, ['scripts/build.mjs']);
