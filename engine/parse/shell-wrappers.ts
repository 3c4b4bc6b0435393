// Commands that run another command under changed process settings — CPU pinning, priority, a time limit, unbuffered
// output, no hang-up — and pass it on unchanged: `taskset -c 0-3 python train.py`, `numactl --cpunodebind=0
// --membind=0 torchrun …`, `CUDA_VISIBLE_DEVICES=0 nohup python train.py &`, `timeout 48h python train.py`. The
// command after the wrapper's own options (and its one operand: taskset's CPU mask, timeout's duration, chrt's
// priority) is the launch. Options as documented in each tool's manual page: taskset(1) and chrt(1) (util-linux),
// numactl(8), nice(1), timeout(1), stdbuf(1) and nohup(1) (GNU coreutils), ionice(1) (util-linux), time(1) (`-p`),
// xvfb-run(1), unbuffer(1) (expect).
import type { Word } from './shell-types';

interface Wrapper {
  /** Options written as a separate word before their value (`-c 0-3`, `-n 10`). */
  valued: Set<string>;
  /** Words after the options that belong to the wrapper (taskset's mask, timeout's duration, chrt's priority). */
  operands: number;
}

const W = (valued: string[], operands = 0): Wrapper => ({ valued: new Set(valued), operands });

const WRAPPERS: Record<string, Wrapper> = {
  nohup: W([]),
  time: W([]),
  exec: W(['-a']),
  unbuffer: W([]),
  // `taskset -c 0-3 cmd`, `taskset 0x3 cmd`: the CPU list or mask is the operand (taskset -p acts on a running pid).
  taskset: W([], 1),
  numactl: W([
    '-C',
    '--physcpubind',
    '-N',
    '--cpunodebind',
    '-m',
    '--membind',
    '-i',
    '--interleave',
    '-p',
    '--preferred',
    '-P',
    '--preferred-many',
  ]),
  nice: W(['-n', '--adjustment']),
  ionice: W(['-c', '--class', '-n', '--classdata']),
  // `timeout [-s SIG] [-k DUR] DURATION cmd`
  timeout: W(['-s', '--signal', '-k', '--kill-after'], 1),
  stdbuf: W(['-i', '--input', '-o', '--output', '-e', '--error']),
  // `chrt [-f|-r|-b|-o|-i|-d] PRIORITY cmd`
  chrt: W(['-T', '--sched-runtime', '-P', '--sched-period', '-D', '--sched-deadline'], 1),
  'xvfb-run': W(['-s', '--server-args', '-n', '--server-num', '-e', '--error-file', '-f', '--auth-file']),
};

/**
 * The index of the first word after a process wrapper that starts at `k` (its name, options and operands), or `k`
 * when `words[k]` is no wrapper, or when nothing follows it (`time` alone, `taskset -p 0x3 1234`: no command is run).
 */
export function skipWrapper(words: Word[], k: number): number {
  const w = words[k];
  if (!w || w.quoted || w.unresolved || !Object.hasOwn(WRAPPERS, w.text)) return k;
  const spec = WRAPPERS[w.text];
  let j = k + 1;
  while (j < words.length && /^-/.test(words[j].text) && !words[j].quoted) {
    const opt = words[j].text;
    // taskset/chrt given a pid act on a running process; nothing is launched.
    if ((w.text === 'taskset' || w.text === 'chrt') && /^-(p|-pid)$|^-[a-z]*p[a-z]*$/.test(opt)) return k;
    if (opt === '--') {
      j++;
      break;
    }
    j += spec.valued.has(opt) ? 2 : 1;
  }
  j += spec.operands;
  return j < words.length ? j : k;
}
