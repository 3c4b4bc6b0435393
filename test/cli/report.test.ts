// `greenml report`: Markdown for a pull request, JSON data, and one self-contained HTML file whose SVG charts are
// rendered offline and which a real browser (headless Debian chromium through playwright-core, as the e2e suite
// drives it) shows with no script, no request and no console error. UPDATE_SCREENSHOTS=1 refreshes
// docs/images/report.png from that browser.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { tempWorkspace } from '../helpers/workspace';

const BIN = path.resolve('bin/greenml.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const workspace = (files: Record<string, string>) => tempWorkspace('report', files);

const FP32 = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-1B")
args = TrainingArguments(output_dir="o", num_train_epochs=3, per_device_train_batch_size=8)
Trainer(model=model, args=args).train()
`;
const BF16 = FP32.replace('per_device_train_batch_size=8', 'per_device_train_batch_size=8, bf16=True');
const TOML = 'hardware = "a100-80gb"\ndevices = 2\nregion = "aws:us-east-1"\n';

test('report --format json: every run, its findings, and what-if cells consistent with the estimate', () => {
  const dir = workspace({ 'greenml.toml': TOML, 'fp32/train.py': FP32, 'bf16/train.py': BF16 });
  const r = run(['report', dir, '--format', 'json']);
  assert.equal(r.code, 0, r.err);
  const d = JSON.parse(r.out);
  const check = JSON.parse(run(['check', dir, '--format', 'json']).out);
  assert.equal(d.runs.length, check.runs.length);
  const fp32 = d.runs.find((x: { path: string }) => x.path.includes('fp32'));
  assert.ok(
    fp32.findings.some(
      (f: { code: string; savingKWh?: { mid: number } }) => f.code === 'GML101' && f.savingKWh && f.savingKWh.mid > 0,
    ),
  );
  assert.ok(fp32.assumptions.length > 3);
  const e = fp32.estimate;
  assert.ok(e.energyKWh.low < e.energyKWh.mid && e.energyKWh.mid < e.energyKWh.high);
  // The what-if cell for today's hardware and region is the run's own estimate.
  const w = fp32.whatIf;
  assert.ok(w.hardware[0].current && w.regions[0].current, JSON.stringify(w.regions));
  assert.ok(Math.abs(w.cells[0][0].kWh - e.energyKWh.mid) / e.energyKWh.mid < 1e-9);
  // A cleaner grid lowers CO2e but not the accelerator's energy in the same provider's data centres.
  const stockholm = w.regions.findIndex((g: { id: string }) => g.id === 'aws:eu-north-1');
  assert.ok(stockholm > 0);
  assert.ok(w.cells[0][stockholm].kg < w.cells[0][0].kg / 5);
  assert.ok(d.co2ByRegion.length >= 3 && d.co2ByRegion.some((g: { current: boolean }) => g.current));
  assert.equal(d.totals.findings, check.files.flatMap((f: { findings: unknown[] }) => f.findings).length);
  assert.equal(d.filesWithFindings, 1);
});

test('report as Markdown: summary, rules, each run with its range, findings, what-if table and assumptions', () => {
  const dir = workspace({ 'greenml.toml': TOML, 'fp32/train.py': FP32, 'bf16/train.py': BF16 });
  const md = run(['report', dir]).out;
  assert.match(md, /^# Green ML Review — footprint report/);
  assert.match(md, /^2 runs ≈ [\d.]+ kWh · [\d.]+ kg CO2e .* in 1 of 2 files · the fixes could save ≈/m);
  assert.match(md, /^\| GML101 mixed-precision-off \| 1 \| [\d.]+ kWh/m);
  assert.equal((md.match(/^### `.*train\.py:4` Trainer \(hf-trainer\)$/gm) ?? []).length, 2);
  assert.match(md, /^\| Energy \| [\d.]+ kWh \| \*\*[\d.]+ kWh\*\* \| [\d.]+ kWh \|$/m);
  assert.match(md, /^\| Hardware \\ Region \| aws:us-east-1 \(396 g\) — now \|/m);
  assert.match(md, /^\| NVIDIA H100 SXM5 80 GB \|/m);
  assert.match(md, /<details><summary>Assumptions<\/summary>/);
});

test('report -o report.html: one self-contained file with three SVG charts', () => {
  const dir = workspace({ 'greenml.toml': TOML, 'fp32/train.py': FP32, 'bf16/train.py': BF16 });
  const file = path.join(dir, 'report.html');
  const r = run(['report', dir, '-o', file]);
  assert.equal(r.code, 0, r.err);
  const html = fs.readFileSync(file, 'utf8');
  assert.equal((html.match(/<svg\b/g) ?? []).length, 3);
  assert.doesNotMatch(html, /<script|<link|src="http|href="http/);
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
});

test('the HTML report renders in headless chromium: charts drawn, nothing fetched, no errors', async (t) => {
  if (!fs.existsSync(CHROMIUM)) {
    t.skip(`no chromium at ${CHROMIUM} (scripts/ci-e2e.sh installs it and runs this test)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const dir = workspace({ 'greenml.toml': TOML, 'fp32/train.py': FP32, 'bf16/train.py': BF16 });
  const file = path.join(dir, 'report.html');
  assert.equal(run(['report', dir, '-o', file]).code, 0);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (q) => !q.url().startsWith('file:') && requests.push(q.url()));
    await page.goto(`file://${file}`);
    const figures = await page.$$eval('figure.chart svg', (svgs) =>
      svgs.map((s) => {
        const b = s.getBoundingClientRect();
        return { w: b.width, h: b.height, bars: s.querySelectorAll('path[aria-roledescription="bar"]').length };
      }),
    );
    assert.equal(figures.length, 3);
    for (const f of figures) assert.ok(f.w > 200 && f.h > 60, JSON.stringify(f));
    assert.equal(figures[0].bars, 2, 'one bar per run in the energy chart');
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, []);
    assert.equal(await page.locator('section.run').count(), 2);
    if (process.env.UPDATE_SCREENSHOTS) {
      const shown = path.join(dir, 'examples.html');
      assert.equal(run(['report', 'examples', '-o', shown]).code, 0);
      await page.goto(`file://${shown}`);
      await page.screenshot({ path: path.resolve('docs/images/report.png') });
    }
  } finally {
    await browser.close();
  }
});
