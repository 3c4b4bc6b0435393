// One entry for "analyze this text as file F": picks the language by name, guards size and binary content,
// and returns findings and runs. Used by the CLI (fresh parse) and the server (incremental trees).
import * as path from 'node:path';
import type { Settings } from '../config/settings';
import { analyzePython, type DocumentAnalysis } from './analyze';
import { parsePython, pythonParser, type Tree } from './parse/python';

/** Files larger than this are skipped with one informational message, never parsed to exhaustion. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export type FileKind = 'python' | 'unsupported';

export function kindOf(file: string): FileKind {
  return /\.pyi?$/i.test(path.extname(file)) ? 'python' : 'unsupported';
}

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

/** Analyze Python text with an existing (possibly incrementally re-parsed) tree. */
export function analyzeTree(file: string, text: string, tree: Tree, settings: Settings): DocumentAnalysis {
  return analyzePython(file, text, tree, settings);
}

/** Parse and analyze from scratch. */
export async function analyzeText(file: string, text: string, settings: Settings): Promise<DocumentAnalysis> {
  const skip = skipReason(text);
  if (skip) return emptyAnalysis(file, [`${file}: ${skip}`]);
  if (kindOf(file) !== 'python') return emptyAnalysis(file);
  const parser = await pythonParser();
  const tree = parsePython(parser, text);
  try {
    return analyzePython(file, text, tree, settings);
  } finally {
    tree.delete();
  }
}
