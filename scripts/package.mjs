#!/usr/bin/env node
// `npm run package`: build, then `vsce package` into green-ml-review-<version>.vsix in the repository root.
// vsce runs on the cached Node 24 (scripts/e2e/tools.mjs installs it if absent): current @vscode/vsce releases
// need Node >= 22. Everything is bundled into dist/, hence --no-dependencies; .vscodeignore picks the files.
// Usage: node scripts/package.mjs [--no-build]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, buildExtension, ensureNode24, log, setLogPrefix, sh } from './e2e/tools.mjs';

export async function packageVsix({ build = true } = {}) {
  if (build) buildExtension();
  const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const out = path.join(ROOT, `${name}-${version}.vsix`);
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  sh(ensureNode24(), [vsce, 'package', '--no-dependencies', '--out', out], { cwd: ROOT });
  log(`packaged ${path.relative(ROOT, out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KiB)`);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  setLogPrefix('');
  packageVsix({ build: !process.argv.includes('--no-build') }).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
