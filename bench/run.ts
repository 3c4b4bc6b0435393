// Performance benchmark (npm run bench). Budgets from ARCHITECTURE.md, measured as ratios against a baseline taken in
// the same run — never as a timed unit test:
//   1. re-analysis after an edit of a 2,000-line script (a Hugging Face script; a hand-written training loop): p95
//      warm, and its ratio to a bare full tree-sitter parse;
//   2. server start to first diagnostics (over stdio), and RSS with 100 files open;
//   3. CLI over a tree of 1,000 files: files/s;
//   4. CLI over a 20,000-file repository: wall-clock ≤ 20 s and peak RSS ≤ 500 MB;
//   5. hostile inputs (a YAML alias bomb, a script whose import reaches a 4,000-function module): time as a ratio to
//      the same analysis of an ordinary input of that kind (the tests only guard against hangs);
//   6. re-analysis after an edit of a script with a launcher beside it (its own run, then the run the launcher starts:
//      engine/link.ts `linkFile`), as a ratio to the same edit of the script alone;
//   7. analysis of a data module (a DataLoader) in a repository of 150 other scripts, which engine/link/importer-runs.ts
//      searches for the training script that imports it: none importing it, and three, as ratios to the module alone.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mergeSettings } from '../engine/settings';
import { memoryReader } from '../engine/link';
import { analyzeText } from '../server/review/analyze-file';
import { analyzeDocument, analyzePython } from '../server/review/analyze';
import { editFor, parsePython, pythonParser } from '../engine/parse/python';
import { startServer } from '../test/helpers/lsp-client';
import { writeBigRepo } from './big-repo';
import { padded, runCli, writeCliTree } from './cli-tree.mjs';

const HEADER = fs.readFileSync('examples/hf-finetune-fp32/train.py', 'utf8');
// A hand-written PyTorch loop: a file with a training step, which the per-step analyses (host reads, evaluation,
// saving) walk in full; the HF script above has none.
const LOOP_HEADER = `import torch
from torch.utils.data import DataLoader


def train_step(model, batch, optimizer):
    out = model(batch["x"])
    loss = torch.nn.functional.cross_entropy(out, batch["y"])
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    return loss


def main():
    model = torch.nn.Linear(10, 2).cuda()
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)
    loader = DataLoader(range(100), batch_size=32)
    for epoch in range(10):
        for batch in loader:
            loss = train_step(model, batch, optimizer)
            print(loss.item())
`;

const bigScript = (lines: number, header = HEADER) => padded(header, lines);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function editLatency(label: string, header: string, anchor: string) {
  const parser = await pythonParser();
  const settings = mergeSettings({ values: { hardware: 'a100-80gb' }, source: 'bench' });
  let text = bigScript(2000, header);
  const file = '/bench/train.py';
  // Baseline: bare full parse of the same text.
  const full: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    parsePython(parser, text).delete();
    full.push(performance.now() - t0);
  }
  let tree = parsePython(parser, text);
  const edit: number[] = [];
  const at = text.indexOf(anchor);
  const cpu = process.cpuUsage();
  for (let i = 0; i < 200; i++) {
    const insert = i % 2 === 0 ? '1' : '';
    const start = at + anchor.length;
    const end = i % 2 === 0 ? start : start + 1;
    const t0 = performance.now();
    tree.edit(editFor(text, start, end, insert));
    text = text.slice(0, start) + insert + text.slice(end);
    const next = parsePython(parser, text, tree);
    tree.delete();
    tree = next;
    analyzePython(file, text, tree, settings);
    edit.push(performance.now() - t0);
  }
  const used = process.cpuUsage(cpu);
  const warm = edit.slice(20);
  const p95 = pct(warm, 95);
  const fullMedian = pct(full.slice(5), 50);
  console.log(
    `edit → re-analysis (2,000 lines, ${label}): p50 ${pct(warm, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (budget 15 ms); ` +
      `CPU ${((used.user + used.system) / 1000 / edit.length).toFixed(2)} ms per edit; load average ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log(
    `bare full parse of it (baseline): median ${fullMedian.toFixed(2)} ms; ratio p95/full-parse = ${(p95 / fullMedian).toFixed(2)} (budget ≤ 2)`,
  );
}

/**
 * 6. The same edits as case 1 on a script a launcher beside it starts (`torchrun --nproc_per_node 8 train.py`), read
 * through an in-memory reader, against the same script alone in a folder of its own: each copy edited and analysed in
 * turn, edit by edit, so that the machine's load weighs on both alike. The ratio is what the launched run costs on
 * the editor's per-edit path.
 */
async function launcherEdit(label: string, header: string, anchor: string) {
  const parser = await pythonParser();
  const settings = mergeSettings({ values: { hardware: 'a100-80gb' }, source: 'bench' });
  const launcher = 'torchrun --nproc_per_node 8 train.py --bf16 --per_device_train_batch_size 4\n';
  const copies = (['alone', 'launched'] as const).map((name) => {
    const text = bigScript(2000, header);
    return { name, file: `/bench/${name}/train.py`, text, tree: parsePython(parser, text), times: [] as number[] };
  });
  const at = copies[0].text.indexOf(anchor) + anchor.length;
  let launchedRuns = 0;
  for (let i = 0; i < 120; i++) {
    const insert = i % 2 === 0 ? '1' : '';
    const end = i % 2 === 0 ? at : at + 1;
    for (const c of copies) {
      const t0 = performance.now();
      c.tree.edit(editFor(c.text, at, end, insert));
      c.text = c.text.slice(0, at) + insert + c.text.slice(end);
      const next = parsePython(parser, c.text, c.tree);
      c.tree.delete();
      c.tree = next;
      const files: Record<string, string> = { [c.file]: c.text };
      if (c.name === 'launched') files['/bench/launched/run.sh'] = launcher;
      const r = analyzeDocument(c.file, c.text, settings, { tree: c.tree, parser, reader: memoryReader(files) });
      c.times.push(performance.now() - t0);
      if (c.name === 'launched' && i === 0) launchedRuns = (r.linked ?? []).filter((x) => x.plan.launchedBy).length;
    }
  }
  const [a, l] = copies.map((c) => pct(c.times.slice(20), 50));
  console.log(
    `edit → re-analysis (2,000 lines, ${label}) with a launcher beside it (${launchedRuns} launched run): p50 ${l.toFixed(2)} ms ` +
      `vs ${a.toFixed(2)} ms alone; ratio ${(l / a).toFixed(2)}; load average ${os.loadavg()[0].toFixed(1)}`,
  );
}

async function serverStart() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-bench-'));
  fs.writeFileSync(path.join(dir, 'greenml.toml'), 'hardware = "a100"\n');
  const t0 = performance.now();
  const s = await startServer(dir);
  const uri = s.open(path.join(dir, 'train.py'), HEADER);
  await s.diagnostics(uri);
  console.log(`server start → first diagnostics: ${(performance.now() - t0).toFixed(0)} ms (budget 500 ms)`);
  const big = bigScript(600);
  const uris = [];
  for (let i = 0; i < 100; i++) uris.push(s.open(path.join(dir, `f${i}.py`), big));
  await Promise.all(uris.map((u) => s.diagnostics(u)));
  const rss = Number(fs.readFileSync(`/proc/${s.process.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
  console.log(`server RSS with 100 files of 600 lines open: ${rss.toFixed(0)} MB (budget 150 MB)`);
  await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

function cliThroughput() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-bench-cli-'));
  writeCliTree(dir, bigScript(150));
  const t0 = performance.now();
  const r = runCli('.', ['check', dir, '--exit-zero', '--format', 'json'], { time: '%U %S' });
  const s = (performance.now() - t0) / 1000;
  const m = /GREENML_TIME ([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  const noop = performance.now();
  runCli('.', ['rules']);
  const startup = (performance.now() - noop) / 1000;
  console.log(
    `CLI over 1,000 files: ${s.toFixed(2)} s = ${(1000 / s).toFixed(0)} files/s (budget ≥ 300; CLI start-up alone ${startup.toFixed(2)} s)` +
      (m ? `; ${(Number(m[1]) + Number(m[2])).toFixed(1)} s CPU` : '') +
      `; load average ${os.loadavg()[0].toFixed(1)}${r.status !== 0 ? `; exit ${r.status}` : ''}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * 4. A 20,000-file repository (a quarter each scripts, YAML configs, launchers, utilities; bench/big-repo.ts) through
 * `greenml check --format json`: wall-clock, CPU and peak RSS (GNU time's %M, which covers the worker threads).
 */
function bigRepo() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-bench-20k-'));
  writeBigRepo(dir, 20_000);
  const t0 = performance.now();
  const r = runCli('.', ['check', dir, '--exit-zero', '--format', 'json'], { time: '%U %S %M' });
  const s = (performance.now() - t0) / 1000;
  const m = /GREENML_TIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  const files = (JSON.parse(r.stdout) as { files: unknown[] }).files.length;
  const load = os.loadavg()[0];
  console.log(
    `CLI over a 20,000-file repository (${files} reviewed): ${s.toFixed(1)} s wall (budget ≤ 20 s)` +
      (m
        ? `, ${(Number(m[1]) + Number(m[2])).toFixed(1)} s CPU, peak RSS ${(Number(m[3]) / 1024).toFixed(0)} MB (budget ≤ 500 MB)`
        : ', peak RSS not measured (no /usr/bin/time)') +
      `; load average ${load.toFixed(1)} on ${os.availableParallelism?.() ?? os.cpus().length} cores${r.status !== 0 ? `; exit ${r.status}` : ''}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Median ms of `n` analyses of `target` in an in-memory project. */
async function medianAnalysis(files: Record<string, string>, target: string, n = 5): Promise<number> {
  const settings = mergeSettings({ values: { hardware: 'a100' }, source: 'bench' });
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await analyzeText(target, files[target], settings, memoryReader(files));
    times.push(performance.now() - t0);
  }
  return pct(times, 50);
}

/** 5. Hostile inputs against an ordinary input of the same kind, analysed the same way. */
async function hostileInputs() {
  let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 0; i < 9; i++) {
    const [me, prev] = [String.fromCharCode(98 + i), String.fromCharCode(97 + i)];
    bomb += `${me}: &${me} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
  }
  const tail = 'base_model: Qwen/Qwen2.5-0.5B\ndatasets: []\nmicro_batch_size: 4\n';
  const plain = Array.from({ length: 10 }, (_, i) => `k${i}: [${Array(9).fill('"lol"').join(',')}]`).join('\n');
  const yb = await medianAnalysis({ '/b/bomb.yml': bomb + tail }, '/b/bomb.yml');
  const yp = await medianAnalysis({ '/b/plain.yml': `${plain}\n${tail}` }, '/b/plain.yml');
  console.log(
    `YAML alias bomb (9^10 if expanded): ${yb.toFixed(1)} ms vs ${yp.toFixed(1)} ms plain; ratio ${(yb / yp).toFixed(1)}`,
  );
  const chain = (n: number) =>
    [
      'import torch',
      ...Array.from({ length: n - 1 }, (_, i) => `def f${i}(model, x):\n    return f${i + 1}(model, x)\n`),
      `def f${n - 1}(model, x):\n    model(x).mean().backward()\n`,
    ].join('\n');
  const script =
    'import torch\nfrom workers import f0\n\nm = torch.nn.Linear(2, 2)\nfor e in range(3):\n    f0(m, None)\n';
  const long = await medianAnalysis({ '/c/train.py': script, '/c/workers.py': chain(4000) }, '/c/train.py', 3);
  const short = await medianAnalysis({ '/c/train.py': script, '/c/workers.py': chain(40) }, '/c/train.py', 3);
  console.log(
    `script importing a 4,000-function module: ${long.toFixed(0)} ms vs ${short.toFixed(0)} ms for 40 functions; ratio ${(long / short).toFixed(1)} (module parse included)`,
  );
}

/**
 * 7. A data module (a Dataset and its DataLoader) is judged with the run of the training script that imports it
 * (engine/link/importer-runs.ts), found by reading up to 150 Python files of its repository. Three projects, analysed
 * the same way in turn: the module alone; the module among 150 scripts (400 lines each) that do not import it; the
 * same with three training scripts that do. Ratios to the module alone.
 */
async function importerSearch() {
  const data = [
    'import torch',
    'from torch.utils.data import DataLoader, Dataset',
    '',
    'class Pairs(Dataset):',
    '    def __len__(self):',
    '        return 1000',
    '    def __getitem__(self, i):',
    '        return torch.zeros(8), 0',
    '',
    'def train_loader(batch_size):',
    '    return DataLoader(Pairs(), batch_size=batch_size, shuffle=True)',
    '',
  ].join('\n');
  const other = bigScript(400);
  const importer = (i: number) =>
    `import torch\nfrom data import train_loader\n\nmodel = torch.nn.Linear(8, 2).cuda()\nopt = torch.optim.AdamW(model.parameters())\n` +
    `for epoch in range(${10 + i}):\n    for x, y in train_loader(64):\n        loss = model(x.cuda()).sum()\n        loss.backward()\n        opt.step()\n        opt.zero_grad()\n`;
  const target = '/r/data.py';
  const project = (importers: number): Record<string, string> => {
    const files: Record<string, string> = { '/r/README.md': '# bench\n', [target]: data };
    for (let i = 0; i < 150; i++) files[`/r/pkg${i % 10}/m${i}.py`] = other;
    for (let i = 0; i < importers; i++) files[`/r/train_${i}.py`] = importer(i);
    return files;
  };
  const alone = await medianAnalysis({ '/r/README.md': '# bench\n', [target]: data }, target, 7);
  const none = await medianAnalysis(project(0), target, 7);
  const three = await medianAnalysis(project(3), target, 7);
  console.log(
    `data module with its importers looked for (importer-runs): alone ${alone.toFixed(1)} ms; among 150 scripts, none importing it ` +
      `${none.toFixed(1)} ms (ratio ${(none / alone).toFixed(1)}); three importing it ${three.toFixed(1)} ms (ratio ${(three / alone).toFixed(1)}); ` +
      `load average ${os.loadavg()[0].toFixed(1)}`,
  );
}

// `npm run bench -- edit cli`: only the cases named (hostile, edit, launcher, importers, server, cli, big); all by default.
const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

void (async () => {
  console.log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism?.() ?? os.cpus().length} cores`);
  if (wanted('hostile')) await hostileInputs();
  if (wanted('edit')) {
    await editLatency('Hugging Face script', HEADER, 'learning_rate=2e-');
    await editLatency('training loop', LOOP_HEADER, 'lr=3e-');
  }
  if (wanted('launcher')) {
    await launcherEdit('Hugging Face script', HEADER, 'learning_rate=2e-');
    await launcherEdit('training loop', LOOP_HEADER, 'lr=3e-');
  }
  if (wanted('importers')) await importerSearch();
  if (wanted('server')) await serverStart();
  if (wanted('cli')) cliThroughput();
  if (wanted('big')) bigRepo();
})();
