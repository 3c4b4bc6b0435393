#!/usr/bin/env node
// `npm run test:e2e:electron`: the same mocha suite (test/e2e/suite/) in a desktop VS Code that
// @vscode/test-electron downloads — for machines that can reach update.code.visualstudio.com. Offline machines
// and our CI use `npm run test:e2e` (code-server) instead.
// Env: VSCODE_VERSION (default 'stable'; anything >= 1.95), VSCODE_EXECUTABLE_PATH (use this VS Code, download nothing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { makeProfile } from './code-server.mjs';
import { ROOT, buildExtension, buildSuite } from './tools.mjs';

if (!process.argv.includes('--no-build')) buildExtension();
const extensionTestsPath = await buildSuite();
const p = makeProfile(fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-e2e-electron-')));
try {
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath,
    ...(process.env.VSCODE_EXECUTABLE_PATH
      ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH }
      : { version: process.env.VSCODE_VERSION || 'stable' }),
    // The fixture copy (the tests change its settings), a fresh profile, and no other extensions.
    launchArgs: [
      p.workspace,
      `--user-data-dir=${p.userData}`,
      `--extensions-dir=${p.extensions}`,
      '--disable-extensions',
    ],
  });
  fs.rmSync(p.dir, { recursive: true, force: true });
} catch (e) {
  console.error(`end-to-end tests failed: ${e.message ?? e}; VS Code's logs are in ${path.join(p.userData, 'logs')}`);
  process.exit(1);
}
