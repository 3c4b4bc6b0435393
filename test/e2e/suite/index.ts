// Entry point loaded by the extension host (extensionTestsPath): runs the mocha suites in this folder.
// scripts/e2e/build-suite.mjs bundles this file and each *.e2e.ts next to it into out/e2e/suite/;
// `vscode` and `mocha` stay external (the host provides `vscode`, mocha loads from node_modules).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false, // the output travels through the browser console; escape codes would only add noise
    timeout: Number(process.env.GREENML_E2E_TEST_TIMEOUT_MS ?? 60_000),
    grep: process.env.GREENML_E2E_GREP || undefined,
  });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.e2e.js'))
    .sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
  });
}
