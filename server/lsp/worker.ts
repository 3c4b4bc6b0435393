// A worker thread for the analyses of large documents (node:worker_threads, started from the same bundle as the
// server): parsing and extracting a 2 MB script takes about a second, which on the main thread would hold up every
// request on every other document. One job per document at a time; a job superseded before it starts is dropped.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { boundedReader, diskReader, memoryReader } from '../../engine/link/reader';
import type { Settings } from '../../engine/settings';
import type { AnalyzedRun } from '../../engine/types';
import { analyzeText } from '../review/analyze-file';
import type { DocumentAnalysis } from '../review/analyze';

export interface WorkerJob {
  file: string;
  text: string;
  settings: Settings;
  open: Record<string, string>;
  roots: string[];
}

interface Pending {
  job: WorkerJob;
  superseded: () => boolean;
  resolve: (a: DocumentAnalysis | undefined) => void;
  reject: (e: Error) => void;
}

/** Plans carry an editor function, which cannot cross a thread boundary; the server's requests use the fixes' edits. */
function transferable(a: DocumentAnalysis): DocumentAnalysis {
  const strip = (run: AnalyzedRun) => ({ ...run, plan: { ...run.plan, edit: undefined as never } });
  return { ...a, runs: a.runs.map(strip), linked: a.linked?.map(strip) };
}

export class WorkerAnalyses {
  private worker?: Worker;
  private running?: { uri: string; p: Pending };
  private readonly queue = new Map<string, Pending>();

  /** Analyze on the worker; undefined when superseded before it ran. */
  analyze(uri: string, job: WorkerJob, superseded: () => boolean): Promise<DocumentAnalysis | undefined> {
    // Not bundled (tests under tsx): no worker entry point, so analyze here.
    if (!__filename.endsWith('.js')) return analyzeHere(job);
    return new Promise((resolve, reject) => {
      this.queue.get(uri)?.resolve(undefined);
      this.queue.set(uri, { job, superseded, resolve, reject });
      this.next();
    });
  }

  private start(): Worker {
    const w = new Worker(__filename, { workerData: { greenmlAnalysisWorker: true } });
    w.unref();
    w.on('message', (m: { analysis?: DocumentAnalysis; error?: string }) => {
      const r = this.running;
      this.running = undefined;
      if (r) {
        if (m.analysis) r.p.resolve(m.analysis);
        else r.p.reject(new Error(m.error ?? 'analysis worker failed'));
      }
      this.next();
    });
    const fail = (e: Error) => {
      this.worker = undefined;
      const r = this.running;
      this.running = undefined;
      r?.p.reject(e);
      this.next();
    };
    w.on('error', fail);
    w.on('exit', (code) => {
      if (this.worker === w) fail(new Error(`analysis worker exited with code ${code}`));
    });
    return w;
  }

  private next(): void {
    if (this.running) return;
    for (const [uri, p] of this.queue) {
      this.queue.delete(uri);
      if (p.superseded()) {
        p.resolve(undefined);
        continue;
      }
      this.worker ??= this.start();
      this.running = { uri, p };
      this.worker.postMessage(p.job);
      return;
    }
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
  }
}

function analyzeHere(job: WorkerJob): Promise<DocumentAnalysis> {
  return analyzeText(job.file, job.text, job.settings, boundedReader(memoryReader(job.open, diskReader()), job.roots));
}

/** Worker side: analyze each job posted, answer with plain data. Returns false on the main thread. */
export function analysisWorkerMain(): boolean {
  const port = parentPort;
  if (isMainThread || !workerData?.greenmlAnalysisWorker || !port) return false;
  port.on('message', (job: WorkerJob) => {
    analyzeHere(job).then(
      (a) => port.postMessage({ analysis: transferable(a) }),
      (e: Error) => port.postMessage({ error: e.message }),
    );
  });
  return true;
}
