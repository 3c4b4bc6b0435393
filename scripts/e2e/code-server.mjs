// One code-server instance for one test phase, and the headless chromium that shows its workbench.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, NODE24, ROOT, ensureCodeServer, log, sh, spawnGroup } from './tools.mjs';

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net
      .createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => resolve(port));
      });
  });

/**
 * Lays out a scratch folder for one phase: user data, extensions, a copy of the fixture workspace (the tests
 * change its settings), and the logs. XDG_* keep code-server out of ~/.config and ~/.local.
 */
export function makeProfile(dir) {
  const p = {
    dir,
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
    workspace: path.join(dir, 'workspace'),
    serverLog: path.join(dir, 'code-server.log'),
  };
  fs.mkdirSync(path.join(p.userData, 'User'), { recursive: true });
  fs.mkdirSync(p.extensions, { recursive: true });
  fs.writeFileSync(path.join(p.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  fs.cpSync(path.join(ROOT, 'test', 'e2e', 'workspace'), p.workspace, { recursive: true });
  p.env = { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'xdg-config'), XDG_DATA_HOME: path.join(dir, 'xdg-data') };
  return p;
}

const commonArgs = (p) => ['--user-data-dir', p.userData, '--extensions-dir', p.extensions];

/** `code-server --install-extension <vsix>` into the profile's extensions folder. */
export function installVsix(p, vsix) {
  sh(NODE24, [ensureCodeServer(), ...commonArgs(p), '--install-extension', vsix], { env: p.env });
}

/** Starts code-server on a free port; resolves once /healthz answers. */
export async function startCodeServer(p, { env = {}, timeoutMs = 60_000 } = {}) {
  const port = await freePort();
  const server = spawnGroup(
    NODE24,
    [
      ensureCodeServer(),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      ...commonArgs(p),
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--reconnection-grace-time',
      '5', // a closed tab's extension host goes away quickly
      '--ignore-last-opened', // open exactly the ?folder= we ask for
      // Without the smoke-test driver the workbench silently ignores the extensionTestsPath payload.
      '--vscode-option',
      'enable-smoke-test-driver',
    ],
    { logFile: p.serverLog, env: { ...p.env, ...env } },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (server.exited) throw new Error(`code-server exited during start-up; see ${p.serverLog}`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, port, stop: server.stop };
}

/** Headless Debian chromium with a throw-away profile (never `playwright install`). */
export async function launchBrowser(p) {
  const ctx = await chromium.launchPersistentContext(path.join(p.dir, 'chromium'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox', // root in a container
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  return { ctx, page };
}

/** The workbench URL that opens `folder`, optionally with a test payload (extension tests inside the host). */
export function workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Prints code-server's own log, the extension-host logs and the extension's own output channels. */
export function printLogs(p) {
  const files = [p.serverLog];
  const walk = (d) => {
    for (const e of fs.existsSync(d) ? fs.readdirSync(d, { withFileTypes: true }) : []) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (/^remoteexthost\.log$/.test(e.name) || /green-ml-review|Green ML/i.test(f)) files.push(f);
    }
  };
  walk(path.join(p.userData, 'logs'));
  for (const f of files) {
    const text = fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '(missing)';
    console.log(
      `\n===== ${path.relative(p.dir, f)} (last 200 lines) =====\n${text.split('\n').slice(-200).join('\n')}`,
    );
  }
}
