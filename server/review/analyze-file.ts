// One entry for "analyze this text as file F": picks the language by name, guards size and binary content,
// and returns findings and runs. Used by the CLI (fresh parse) and the server (incremental trees).
import * as path from 'node:path';
import type { Settings } from '../../engine/settings';
import { analyzeDocument, type DocumentAnalysis } from './analyze';
import { diskReader, linkKind, type FileReader } from '../../engine/link';
import { pythonParser } from '../../engine/parse/python';
import { cachedTree, trimTreeCache } from '../../engine/link/tree-cache';
import { fromNotebook, isNotebook, notebookSource, sameRuns, trainingEnd } from './analyze-notebook';
import { pythonBefore } from '../../engine/parse/notebook';
import { notebookRuntimeFacts } from '../../engine/extract/notebook-runtime';

/** Files larger than this are skipped with one informational message, never parsed to exhaustion. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A reason to skip a text (too large, binary), or undefined. */
export function skipReason(text: string): string | undefined {
  if (text.length > MAX_FILE_BYTES) return `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: skipped`;
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return 'file looks binary (NUL bytes): skipped';
  return undefined;
}

export function emptyAnalysis(file: string, messages: string[] = []): DocumentAnalysis {
  return { file, runs: [], findings: [], messages };
}

/**
 * Parse and analyze from scratch, with the files linked to this one read through `reader` (default: the disk,
 * size-capped, read-only).
 */
export async function analyzeText(
  file: string,
  text: string,
  settings: Settings,
  reader: FileReader = diskReader(),
): Promise<DocumentAnalysis> {
  if (isNotebook(file)) return analyzeNotebook(file, text, settings, reader);
  const skip = skipReason(text);
  if (skip) return emptyAnalysis(file, [skip]);
  // The file's kind as the linker judges it (engine/link/reader.ts `linkKind`): one judgement for both.
  const kind = linkKind(file, text);
  if (kind === 'other') return emptyAnalysis(file);
  const parser = await pythonParser();
  // Through the tree cache: a script parsed for its config's or launcher's analysis is not parsed again for its
  // own (the cache frees trees when an analysis is over).
  const tree = kind === 'python' ? cachedTree(path.resolve(file), text, parser) : undefined;
  try {
    return analyzeDocument(file, text, settings, { tree, parser, reader });
  } finally {
    trimTreeCache();
  }
}

/**
 * A notebook's JSON may hold large outputs (images, tables): its size limit is the notebook's, its Python's the
 * script's.
 */
export const MAX_NOTEBOOK_BYTES = 16 * 1024 * 1024;

async function analyzeNotebook(
  file: string,
  text: string,
  settings: Settings,
  reader: FileReader,
): Promise<DocumentAnalysis> {
  if (text.length > MAX_NOTEBOOK_BYTES)
    return emptyAnalysis(file, [`notebook is larger than ${MAX_NOTEBOOK_BYTES / 1024 / 1024} MB: skipped`]);
  if (text.slice(0, 8192).includes('\u0000')) return emptyAnalysis(file, ['file looks binary (NUL bytes): skipped']);
  const src = notebookSource(file, text);
  if ('error' in src) return emptyAnalysis(file, [src.error]);
  const skip = skipReason(src.nb.python);
  if (skip) return emptyAnalysis(file, [`code cells: ${skip}`]);
  const parser = await pythonParser();
  const tree = cachedTree(path.resolve(src.pyFile), src.nb.python, parser);
  // The runtime the notebook's metadata records (a Colab GPU runtime: one GPU, its type) fills what the code leaves open.
  const runtime = notebookRuntimeFacts(file, src.nb.runtime);
  if (runtime.length > 0) settings = { ...settings, notebookRuntime: runtime };
  try {
    let a = analyzeDocument(src.pyFile, src.nb.python, settings, { tree, parser, reader });
    // The cells after the training call (reloading the model for inference, a second run) do not change its facts.
    const end = trainingEnd(a, src.pyFile, src.nb);
    if (end !== undefined) {
      const before = pythonBefore(src.nb, end);
      const b = analyzeDocument(src.pyFile, before, settings, {
        tree: cachedTree(`${path.resolve(src.pyFile)}#before`, before, parser),
        parser,
        reader,
      });
      if (sameRuns(a, b)) a = b;
    }
    const py = fromNotebook({ ...a, file }, file, src.pyFile, src.nb, text);
    if (!src.nb.shell.trim()) return py;
    // `!python train.py --epochs 5` lines: the notebook launches a script of its folder, read as a launcher would be.
    const shFile = `${file}.sh`;
    const b = analyzeDocument(shFile, src.nb.shell, settings, { parser, reader });
    const sh = fromNotebook({ ...b, file }, file, shFile, src.nb, text);
    return {
      file,
      runs: [...py.runs, ...sh.runs],
      findings: [...py.findings, ...sh.findings],
      messages: [...new Set([...py.messages, ...sh.messages])],
      linked: [...(py.linked ?? []), ...(sh.linked ?? [])],
      sources: new Map([...(sh.sources ?? []), ...(py.sources ?? [])]),
    };
  } finally {
    trimTreeCache();
  }
}
