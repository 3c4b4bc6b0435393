#!/usr/bin/env node
// README screenshots, taken the way a person sees the product: code-server with the checkout as the extension
// under development, the fp32 fixture open, and the mouse and keyboard driven through playwright-core.
//   docs/images/diagnostic-hover.png  the GML101 squiggle with its hover card
//   docs/images/quick-fix.png         the Ctrl+. menu with "Use bf16 … saves ≈ … kWh"
//   docs/images/codelens.png          the run estimate above TrainingArguments( (and "Apply N safe fixes")
//   docs/images/status-menu.png       the status item's menu; set-hardware.png its "Set hardware…" picker
//   docs/images/footprint-view.png    the footprint view (Show Footprint)
//   docs/images/walkthrough.png       the Get Started walkthrough
// Usage: node scripts/e2e/screenshots.mjs [--no-build]   (tools as for npm run test:e2e)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, makeProfile, startCodeServer, workbenchUrl } from './code-server.mjs';
import { ROOT, buildExtension, ensureChromium, ensureCodeServer, log } from './tools.mjs';

const OUT = path.join(ROOT, 'docs', 'images');
const FILE = 'train_fp32.py';
const WAIT = { timeout: 60_000 };

ensureChromium();
ensureCodeServer();
if (!process.argv.includes('--no-build')) buildExtension();
const p = makeProfile(fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-shots-')));
// Bigger text than the default reads better in the README.
fs.writeFileSync(
  path.join(p.userData, 'User', 'settings.json'),
  JSON.stringify({
    ...JSON.parse(fs.readFileSync(path.join(p.userData, 'User', 'settings.json'), 'utf8')),
    'editor.fontSize': 15,
    'editor.minimap.enabled': false,
    'workbench.activityBar.location': 'hidden',
    'breadcrumbs.enabled': false,
    'workbench.colorTheme': 'Default Dark Modern',
  }),
);
const server = await startCodeServer(p);
const { ctx, page } = await launchBrowser(p);
// Hovers and menus fade in: wait for running CSS animations to end, or the picture shows them half transparent.
const settled = () => page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))));
let failed = false;
try {
  await page.setViewportSize({ width: 1280, height: 760 });
  await page.goto(workbenchUrl(server, p.workspace, { extensionDevelopmentPath: ROOT }));
  await page.waitForSelector('.monaco-workbench', WAIT);
  await page.waitForSelector(`.explorer-folders-view .monaco-list-row[aria-label*="${FILE}"]`, WAIT);
  await page.keyboard.press('Control+B'); // hide the side bar: the editor is the subject
  // Open the file with Quick Open, as a user would.
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', ...WAIT });
  await page.keyboard.type(FILE);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${FILE}"]`, WAIT);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab[aria-label*="${FILE}"]`, WAIT);

  // Jump to the end: the view then shows the training block (TrainingArguments( … trainer.train()).
  await page.waitForSelector('.monaco-editor .view-lines .view-line', WAIT);
  await page.keyboard.press('Control+End');

  const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'kWh' }).first();
  await lens.waitFor(WAIT);
  log('CodeLens:', await lens.textContent());
  const squiggle = page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-info').first();
  await squiggle.waitFor(WAIT);
  const editor = page.locator('.part.editor');
  fs.mkdirSync(OUT, { recursive: true });
  await page.mouse.move(5, 5);
  await settled();
  await editor.screenshot({ path: path.join(OUT, 'codelens.png') });

  // Hover the squiggle until the card shows the GML101 finding.
  const box = await squiggle.boundingBox();
  await page.mouse.move(box.x + Math.min(30, box.width / 2), box.y + box.height / 2 - 4);
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.monaco-hover')].some(
        (h) => /GML101/.test(h.textContent) && /kWh/.test(h.textContent),
      ),
    null,
    WAIT,
  );
  await settled();
  await editor.screenshot({ path: path.join(OUT, 'diagnostic-hover.png') });

  // Quick-fix menu: cursor on the squiggle, Ctrl+.
  await page.mouse.move(5, 5);
  await page.keyboard.press('Escape');
  await page.mouse.click(box.x + Math.min(30, box.width / 2), box.y + box.height / 2 - 4);
  await page.keyboard.press('Control+.');
  await page
    .locator('.action-widget', { hasText: /Use bf16.*kWh/ })
    .first()
    .waitFor(WAIT);
  await settled();
  await editor.screenshot({ path: path.join(OUT, 'quick-fix.png') });
  await page.keyboard.press('Escape');

  // The status item's menu, then its hardware picker filtered as a user would type.
  const whole = page.locator('.monaco-workbench');
  await page.locator('.statusbar-item', { hasText: 'kWh' }).first().click();
  await page.locator('.quick-input-widget', { hasText: 'Set hardware' }).waitFor(WAIT);
  await settled();
  await whole.screenshot({ path: path.join(OUT, 'status-menu.png') });
  await page.keyboard.type('hardware');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget', { hasText: 'accelerator the training runs on' }).waitFor(WAIT);
  await page.keyboard.type('h100');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'H100' }).first().waitFor(WAIT);
  await settled();
  await whole.screenshot({ path: path.join(OUT, 'set-hardware.png') });
  await page.keyboard.press('Escape');

  // The footprint view, from the command palette; its content lives in nested webview frames.
  const palette = async (command) => {
    await page.keyboard.press('Control+Shift+P');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', ...WAIT });
    await page.keyboard.type(command);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().waitFor(WAIT);
    await page.keyboard.press('Enter');
  };
  await palette('Green ML Review: Show Footprint');
  await page.waitForSelector('.tab[aria-label*="Green ML footprint"]', WAIT);
  const deadline = Date.now() + WAIT.timeout;
  for (;;) {
    const counts = await Promise.all(
      page.frames().map((f) =>
        f
          .locator('figure.chart svg')
          .count()
          .catch(() => 0),
      ),
    );
    if (counts.some((n) => n >= 2)) break;
    if (Date.now() > deadline) throw new Error('the footprint view showed no charts');
    await page.waitForTimeout(200);
  }
  await settled();
  await whole.screenshot({ path: path.join(OUT, 'footprint-view.png') });

  await palette('Welcome: Open Walkthrough');
  await page.keyboard.type('Green ML');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with Green ML Review' })
    .first()
    .waitFor(WAIT);
  await page.keyboard.press('Enter');
  await page.locator('.gettingStartedContainer', { hasText: 'Set the hardware and region' }).first().waitFor(WAIT);
  await settled();
  await whole.screenshot({ path: path.join(OUT, 'walkthrough.png') });
  log(`screenshots in ${path.relative(ROOT, OUT)}/`);
} catch (e) {
  failed = true;
  const shot = path.join(ROOT, '.e2e', 'screenshots-failure.png');
  fs.mkdirSync(path.dirname(shot), { recursive: true });
  await page.screenshot({ path: shot }).catch(() => {});
  console.error(`screenshots failed: ${e.message}\nwhat the page showed: ${shot}`);
} finally {
  await ctx.close().catch(() => {});
  await server.stop();
  fs.rmSync(p.dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
