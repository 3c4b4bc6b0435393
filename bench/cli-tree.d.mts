import type { SpawnSyncReturns } from 'node:child_process';

export function filler(i: number): string;
export function padded(header: string, lines: number): string;
export function writeCliTree(dir: string, text: string, count?: number): void;
export function runCli(
  tree: string,
  args: string[],
  opts?: { cwd?: string; time?: string; env?: NodeJS.ProcessEnv },
): SpawnSyncReturns<string>;
