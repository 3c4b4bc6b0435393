#!/usr/bin/env node
// `npm run test:e2e`: the mocha suite test/e2e/suite/ inside a real VS Code extension host, offline.
//
// VS Code is code-server 4.139.1 (VS Code 1.139.1 with a Node extension host) shown in headless Debian chromium
// through playwright-core. The tests travel in the workbench URL's payload (extensionTestsPath), as in VS Code's
// own web tests; the extension host's console and the exit code come back through two functions exposed on the page.
// Two phases, both by default:
//   dev   the checkout as extensionDevelopmentPath (what a developer runs with F5)
//   vsix  the packaged .vsix installed with `code-server --install-extension` into a fresh profile
// Usage: node scripts/e2e/run.mjs [--phase dev|vsix|all] [--no-build] [--grep REGEX]
// Env: GREENML_E2E_CACHE (tool cache), GREENML_E2E_TIMEOUT_MS (per phase, after code-server is up; default 240000),
//      CHROMIUM_PATH, GREENML_E2E_KEEP=1 (keep the scratch folders).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import { launchBrowser, installVsix, makeProfile, printLogs, startCodeServer, workbenchUrl } from './code-server.mjs';
import {
  CODE_SERVER_HOME,
  ROOT,
  buildExtension,
  buildSuite,
  ensureChromium,
  ensureCodeServer,
  log,
  sh,
} from './tools.mjs';
import { packageVsix } from '../package.mjs';

const { values: opts } = parseArgs({
  options: {
    phase: { type: 'string', default: 'all' },
    'no-build': { type: 'boolean', default: false },
    grep: { type: 'string' },
    vsix: { type: 'boolean', default: false }, // --vsix = --phase vsix
  },
});
const phases = opts.vsix ? ['vsix'] : opts.phase === 'all' ? ['dev', 'vsix'] : [opts.phase];
if (!phases.every((p) => p === 'dev' || p === 'vsix')) throw new Error(`unknown --phase ${opts.phase}`);
const PHASE_TIMEOUT_MS = Number(process.env.GREENML_E2E_TIMEOUT_MS || 240_000);
const ARTIFACTS = path.join(ROOT, '.e2e'); // git-ignored; CI can upload it

// A last-resort watchdog for the whole script (installs included), so CI never hangs.
setTimeout(() => {
  console.error('[e2e] FAILED: overall timeout (25 min)');
  process.exit(1);
}, 25 * 60_000).unref();

// The workbench's and the extension host's console, forwarded by the smoke-test driver (mocha's report included).
// Known offline noise is dropped: the marketplace (open-vsx.org) and the missing vsda module.
const NOISE = /ENOTFOUND open-vsx\.org|vsda|Resolv(ing|ed) connection token|Creating a socket/;
function forwardLog(type, args) {
  const text = format(...args);
  if (!NOISE.test(text)) console.log(`  [vscode${type === 'log' || type === 'info' ? '' : ` ${type}`}] ${text}`);
}

async function runPhase(phase, testsEntry, vsix) {
  const t0 = Date.now();
  const p = makeProfile(fs.mkdtempSync(path.join(os.tmpdir(), `greenml-e2e-${phase}-`)));
  const env = { GREENML_E2E_GREP: opts.grep ?? '' };
  // The workbench runs a payload's extensionTestsPath only in extension-development mode, so the vsix phase
  // names an empty extension as the one under development; the installed .vsix loads beside it as usual.
  let devPath = ROOT;
  let server, browser, code;
  const browserErrors = [];
  try {
    if (phase === 'vsix') {
      installVsix(p, vsix);
      devPath = path.join(p.dir, 'empty-extension');
      fs.mkdirSync(devPath);
      fs.writeFileSync(
        path.join(devPath, 'package.json'),
        JSON.stringify({
          name: 'e2e-empty',
          publisher: 'greenml-test',
          version: '0.0.0',
          engines: { vscode: '*' },
        }),
      );
      env.GREENML_E2E_EXPECT_EXTENSION_UNDER = p.extensions; // the tests check they run the installed copy
    }
    // code-server passes its environment on to the extension host, where the suite reads these.
    server = await startCodeServer(p, { env });
    browser = await launchBrowser(p);
    const { page } = browser;
    page.on('pageerror', (e) => browserErrors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') browserErrors.push(m.text());
    });
    code = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out after ${PHASE_TIMEOUT_MS} ms`)), PHASE_TIMEOUT_MS);
      page
        .exposeFunction('codeAutomationLog', forwardLog)
        .then(() =>
          page.exposeFunction('codeAutomationExit', (c) => {
            clearTimeout(timer);
            resolve(c);
          }),
        )
        .then(() =>
          page.goto(
            workbenchUrl(server, p.workspace, { extensionDevelopmentPath: devPath, extensionTestsPath: testsEntry }),
          ),
        )
        .catch((e) => {
          clearTimeout(timer);
          reject(e);
        });
    });
  } catch (e) {
    console.error(`[e2e] ${phase}: ${e.stack ?? e}`);
    code = 'error';
  }

  const ok = code === 0;
  if (!ok && browser) {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const shot = path.join(ARTIFACTS, `failure-${phase}.png`);
    await browser.page.screenshot({ path: shot }).then(
      () => console.error(`[e2e] screenshot: ${shot}`),
      (e) => console.error(`[e2e] no screenshot: ${e.message}`),
    );
    if (browserErrors.length)
      console.log(`\n===== browser console errors =====\n${browserErrors.slice(-50).join('\n')}`);
  }
  await browser?.ctx.close().catch(() => {});
  await server?.stop();
  if (!ok) printLogs(p); // after stopping, so the logs are complete
  if (ok && !process.env.GREENML_E2E_KEEP) fs.rmSync(p.dir, { recursive: true, force: true });
  else log(`scratch folder kept: ${p.dir}`);
  log(
    `${phase}: ${ok ? 'passed' : `FAILED (${code === 'error' ? 'see above' : `exit code ${code}`})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return ok;
}

// The suppression grammars (syntaxes/) against VS Code 1.139's own Python, YAML and shell grammars, which
// code-server ships; `npm run test:grammar` uses small stand-ins for them so that it needs no download.
function grammarTestsOnRealGrammars() {
  const ext = path.join(CODE_SERVER_HOME, 'lib', 'vscode', 'extensions');
  const grammars = ['python', 'yaml', 'shellscript'].flatMap((lang) => {
    const dir = path.join(ext, lang, 'syntaxes');
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => ['-g', path.join(dir, f)]);
  });
  sh(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js'),
      '--compact',
      ...grammars,
      'test/grammar/*.test.*',
    ],
    { cwd: ROOT },
  );
  log("grammar tests on VS Code's own grammars: passed");
}

const t0 = Date.now();
try {
  ensureChromium();
  ensureCodeServer();
  log(`tools ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  grammarTestsOnRealGrammars();
  if (!opts['no-build']) buildExtension();
  const testsEntry = await buildSuite();
  const vsix = phases.includes('vsix') ? await packageVsix({ build: false }) : undefined;
  let ok = true;
  for (const phase of phases) ok = (await runPhase(phase, testsEntry, vsix)) && ok;
  log(`${ok ? 'all phases passed' : 'FAILED'} (${phases.join(' + ')}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.exit(ok ? 0 : 1);
} catch (e) {
  console.error(`[e2e] FAILED: ${e.stack ?? e}`);
  process.exit(1);
}
