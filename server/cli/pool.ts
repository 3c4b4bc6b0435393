// Analyzes many files on all cores: the tree-sitter parse dominates the CLI's time, so large trees are split across
// worker threads (the same bundle, started as a worker). Small runs stay on the main thread: a worker costs ~50 ms
// to start.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Settings } from '../../engine/settings';
import { analyzeText, MAX_FILE_BYTES } from '../review/analyze-file';
import type { AnalyzedRun } from '../../engine/types';
import type { FileResult } from './output';

export interface PoolResult {
  results: FileResult[];
  errors: { path: string; message: string }[];
}

const PARALLEL_MIN_FILES = 64;

async function analyzeOne(
  file: string,
  settings: Settings,
): Promise<{ result?: FileResult; errors: { path: string; message: string }[] }> {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES)
      return { errors: [{ path: file, message: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: skipped` }] };
    text = fs.readFileSync(file).toString('utf8');
  } catch (e) {
    return { errors: [{ path: file, message: (e as Error).message }] };
  }
  const a = await analyzeText(file, text, settings);
  return {
    result: { path: file, text, findings: a.findings, runs: a.runs, linked: a.linked, sources: a.sources },
    errors: a.messages.map((m) => ({ path: file, message: m })),
  };
}

/** Plans carry an editor function, which cannot cross a thread boundary; the CLI's outputs do not need it. */
function transferable(r: FileResult): FileResult {
  const strip = (run: AnalyzedRun) => ({ ...run, plan: { ...run.plan, edit: undefined } });
  return { ...r, runs: r.runs.map(strip), linked: r.linked?.map(strip) };
}

export async function analyzeFiles(
  files: string[],
  settings: Settings,
  tick: (file: string) => void,
): Promise<PoolResult> {
  const out: PoolResult = { results: [], errors: [] };
  const threads = Math.min(os.availableParallelism?.() ?? os.cpus().length, 8);
  if (files.length < PARALLEL_MIN_FILES || threads < 2) {
    for (const f of files) {
      tick(f);
      const r = await analyzeOne(f, settings);
      if (r.result) out.results.push(r.result);
      out.errors.push(...r.errors);
    }
    return out;
  }
  const slots: ({ result?: FileResult; errors: PoolResult['errors'] } | undefined)[] = new Array(files.length);
  const chunks = Array.from({ length: threads }, (_, t) =>
    files.map((f, i) => [i, f] as const).filter(([i]) => i % threads === t),
  );
  await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(__filename, { workerData: { greenmlWorker: true, files: chunk, settings } });
          w.on('message', (m: { index: number; file: string; result?: FileResult; errors: PoolResult['errors'] }) => {
            tick(m.file);
            slots[m.index] = { result: m.result, errors: m.errors };
          });
          w.on('error', reject);
          w.on('exit', () => resolve());
        }),
    ),
  );
  for (const s of slots) {
    if (s?.result) out.results.push(s.result);
    out.errors.push(...(s?.errors ?? []));
  }
  return out;
}

/** Worker side: analyze the files handed over, one message per file, in order. */
export async function workerMain(): Promise<boolean> {
  if (isMainThread || !workerData?.greenmlWorker) return false;
  const { files, settings } = workerData as { files: [number, string][]; settings: Settings };
  for (const [index, file] of files) {
    const r = await analyzeOne(file, settings);
    parentPort!.postMessage({ index, file, result: r.result && transferable(r.result), errors: r.errors });
  }
  return true;
}
