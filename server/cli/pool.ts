// Analyzes many files on all cores: the tree-sitter parse dominates the CLI's time, so large trees are split across
// worker threads (the same bundle, started as a worker). Small runs stay on the main thread: a worker costs ~50 ms
// to start.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { boundedReader, diskReader, readRegularFile, type FileReader } from '../../engine/link/reader';
import type { Settings } from '../../engine/settings';
import { analyzeText, MAX_FILE_BYTES, MAX_NOTEBOOK_BYTES } from '../review/analyze-file';
import { isNotebook } from '../review/analyze-notebook';
import type { AnalyzedRun } from '../../engine/types';
import type { FileResult } from './output';

export interface PoolResult {
  results: FileResult[];
  errors: { path: string; message: string }[];
}

const PARALLEL_MIN_FILES = 64;

/**
 * One disk reader for the run (files do not change during it), so the texts it holds serve every file's analysis:
 * a file read as another's neighbour (a config's script, a launcher's config) is not read again for its own, nor
 * the other way round.
 */
const disk = diskReader({ stable: true });

/** One bounded reader per set of roots, over that disk reader. */
const readers = new Map<string, FileReader>();
function readerFor(roots: string[], settings: Settings): FileReader {
  const all = [...roots, ...(settings.extraRoots ?? [])];
  const key = all.join('\u0000');
  let r = readers.get(key);
  if (!r) {
    r = boundedReader(disk, all);
    readers.set(key, r);
  }
  return r;
}

async function analyzeOne(
  file: string,
  settings: Settings,
  roots: string[],
  links: boolean,
): Promise<{ result?: FileResult; errors: { path: string; message: string }[] }> {
  let text: string;
  try {
    const size = fs.statSync(file).size;
    const max = isNotebook(file) ? MAX_NOTEBOOK_BYTES : MAX_FILE_BYTES;
    if (size > max)
      return { errors: [{ path: file, message: `file is larger than ${max / 1024 / 1024} MB: skipped` }] };
    // The disk reader gives a regular file of up to 512 KB without NUL bytes, as read here; anything else is read
    // here (and a FIFO, a device, a binary file refused with its reason, as before).
    text = disk.read(path.resolve(file)) ?? readRegularFile(file, max);
  } catch (e) {
    return { errors: [{ path: file, message: (e as Error).message }] };
  }
  const a = await analyzeText(file, text, settings, readerFor(roots, settings));
  // Only `plan` shows linked runs and positions in linked files; the other commands leave them behind.
  return {
    result: links
      ? { path: file, text, findings: a.findings, runs: a.runs, linked: a.linked, sources: a.sources }
      : { path: file, text, findings: a.findings, runs: a.runs },
    errors: a.messages.map((m) => ({ path: file, message: m })),
  };
}

/**
 * Plans carry an editor function, which cannot cross a thread boundary; the CLI's outputs do not need it. `lean`
 * (`greenml check`, whose reports show a run's entry, files and estimate only) leaves the facts behind too: copying
 * every fact with its notes and spans to the main thread was a tenth of a worker's time on a large tree.
 */
function transferable(r: FileResult, lean: boolean): FileResult {
  const strip = (run: AnalyzedRun): AnalyzedRun => ({
    ...run,
    plan: lean
      ? { ...run.plan, edit: undefined, facts: new Map(), relevantSpans: [] }
      : { ...run.plan, edit: undefined },
  });
  return { ...r, runs: r.runs.map(strip), linked: r.linked?.map(strip) };
}

/**
 * Files handed to a worker at a time: neighbours in the walk (a script, its configs and launchers) stay together,
 * so the worker's caches of files read and trees parsed serve them all. Large trees take larger batches (a project
 * folder split between workers is read and parsed by both: 256 instead of 32 saved ≈ 4 % of the CPU of the
 * 20,000-file bench repository), small ones at least eight per worker, so that none waits long for the last.
 */
const batchSize = (files: number, threads: number) => Math.min(256, Math.max(32, Math.ceil(files / (threads * 8))));

export interface AnalyzeOptions {
  roots: string[];
  /** Keep linked runs and the texts of linked files (for `greenml plan`). */
  links?: boolean;
  /** Runs need only their entry, files and estimate (`greenml check`): their facts stay in the worker. */
  lean?: boolean;
}

export async function analyzeFiles(
  files: string[],
  settingsOf: (file: string) => Settings,
  tick: (file: string) => void,
  opts: AnalyzeOptions,
): Promise<PoolResult> {
  const { roots } = opts;
  const links = !!opts.links;
  const out: PoolResult = { results: [], errors: [] };
  const threads = Math.min(os.availableParallelism?.() ?? os.cpus().length, 8);
  if (files.length < PARALLEL_MIN_FILES || threads < 2) {
    for (const f of files) {
      tick(f);
      const r = await analyzeOne(f, settingsOf(f), roots, links);
      if (r.result) out.results.push(r.result);
      out.errors.push(...r.errors);
    }
    return out;
  }
  const slots: ({ result?: FileResult; errors: PoolResult['errors'] } | undefined)[] = new Array(files.length);
  // Settings cross the thread boundary once each; every file names its own by index.
  const list: Settings[] = [];
  const index = new Map<Settings, number>();
  const settingsIndex = (f: string) => {
    const s = settingsOf(f);
    const known = index.get(s);
    if (known !== undefined) return known;
    index.set(s, list.push(s) - 1);
    return list.length - 1;
  };
  const jobs = files.map((f, i) => [i, f, settingsIndex(f)] as const);
  const size = batchSize(files.length, threads);
  let next = 0;
  // Each worker asks for the next batch when it has sent the results of the last: the load balances itself.
  await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<void>((resolve, reject) => {
          const w = new Worker(__filename, {
            workerData: { greenmlWorker: true, settings: list, roots, links, lean: !!opts.lean },
          });
          const feed = () => {
            const batch = jobs.slice(next, next + size);
            next += batch.length;
            // No more work: the worker closes its port and ends by itself (its exit handlers run).
            w.postMessage(batch.length ? batch : 'done');
          };
          w.on(
            'message',
            (m: { index: number; file: string; result?: FileResult; errors: PoolResult['errors'] } | 'ready') => {
              if (m === 'ready') return feed();
              tick(m.file);
              slots[m.index] = { result: m.result, errors: m.errors };
            },
          );
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

/** Worker side: analyze each batch handed over, one message per file, then ask for more. */
export async function workerMain(): Promise<boolean> {
  const port = parentPort;
  if (isMainThread || !workerData?.greenmlWorker || !port) return false;
  const { settings, roots, links, lean } = workerData as {
    settings: Settings[];
    roots: string[];
    links: boolean;
    lean: boolean;
  };
  port.on('message', async (batch: [number, string, number][] | 'done') => {
    if (batch === 'done') return port.close();
    for (const [index, file, s] of batch) {
      const r = await analyzeOne(file, settings[s], roots, links);
      port.postMessage({ index, file, result: r.result && transferable(r.result, lean), errors: r.errors });
    }
    port.postMessage('ready');
  });
  port.postMessage('ready');
  return true;
}
