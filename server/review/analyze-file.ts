// One entry for "analyze this text as file F": picks the language by name, guards size and binary content,
// and returns findings and runs. Used by the CLI (fresh parse) and the server (incremental trees).
import * as path from 'node:path';
import type { Settings } from '../../engine/settings';
import { analyzeDocument, type DocumentAnalysis } from './analyze';
import { diskReader, pythonShebang, shellByText, type FileReader } from '../../engine/link';
import { pythonParser } from '../../engine/parse/python';
import { cachedTree, trimTreeCache } from '../../engine/link/tree-cache';

/** Files larger than this are skipped with one informational message, never parsed to exhaustion. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** python: scripts; config: YAML/JSON/TOML/INI training configs (recognised by content); shell: launchers; javascript: JS/TS (TensorFlow.js scripts). */
export type FileKind = 'python' | 'config' | 'shell' | 'javascript' | 'unsupported';

/**
 * The kind of a file by its name; with its text, an extensionless entry point whose first line is a Python shebang
 * (`#!/usr/bin/env python3`; VS Code gives it the language id python) is Python.
 */
export function kindOf(file: string, text?: string): FileKind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.py' || ext === '.pyi') return 'python';
  if (text !== undefined && pythonShebang(file, text)) return 'python';
  if (['.yaml', '.yml', '.json', '.jsonc', '.toml', '.ini', '.cfg', '.gin'].includes(ext)) return 'config';
  if (['.sh', '.bash', '.zsh', '.slurm', '.sbatch'].includes(ext)) return 'shell';
  if (['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'].includes(ext) && !/\.d\.[mc]?ts$/i.test(file)) return 'javascript';
  // A job script of another name (`runbatch.s`, `train.job`): a shell shebang or scheduler directives.
  if (text !== undefined && shellByText(file, text)) return 'shell';
  return 'unsupported';
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
  const skip = skipReason(text);
  if (skip) return emptyAnalysis(file, [skip]);
  const kind = kindOf(file, text);
  if (kind === 'unsupported') return emptyAnalysis(file);
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
