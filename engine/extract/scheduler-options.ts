// The options of a job script's scheduler, as written: SLURM `#SBATCH` lines and `srun` options (short forms spelled
// long), PBS `#PBS -l` resource lists, LSF `#BSUB` queues and GPU requests, and a job script named for its GPU. ./scheduler-resources reads what they
// request. Sources:
//   SLURM sbatch/srun options: https://slurm.schedmd.com/sbatch.html
//   PBS Pro `select` chunks: https://2021.help.altair.com/2021.1.2/PBS%20Professional/PBSUserGuide2021.1.2.pdf
import type { Comment, Word } from '../parse/shell';
import type { Fact, Span } from '../types';
/** One scheduler option (`--gres=gpu:4`, `-N 2`) with where it is written. */
export interface SchedOpt {
  name: string;
  value: string;
  span: Span;
  /** As written, for notes: `#SBATCH --gres=gpu:a100:8`, `srun -N 2`. */
  text: string;
}

/** Short SLURM options → long names (sbatch/srun man pages). */
const SHORT: Record<string, string> = {
  '-N': '--nodes',
  '-G': '--gpus',
  '-n': '--ntasks',
  '-C': '--constraint',
  '-p': '--partition',
  '-w': '--nodelist',
};

/**
 * A partition (or LSF queue) named after the GPUs it holds (`--partition=gpu-a100`, `-p h100_80gb`, older and
 * consumer cards too: `gypsum-m40`, `gypsum-1080ti`, `titanx`, `-p 3090`): sites commonly name them so. Only a GPU name standing as its own token counts, or written straight after `gpu` (LSF queues such as
 * `gpuv100`, `gpua100`) or before an `nv` tag (NVLink nodes: `amd_a100nv_8`, `cas_v100nv_4`); `gpu`, `batch` or
 * `long` name none.
 */
export const PARTITION_GPU =
  /(?:^|[-_.]|gpu)(a100|a800|a40|a30|a10g?|h100|h200|h800|h20|l40s?|l20|l4|v100|t4|rtx[-_]?a?\d{4}|a6000|mi\d{3}x?|p100|p40|m40|m60|k80|k40|titan[-_]?(?:xp|x|v|rtx)|(?:gtx[-_]?)?(?:1080|2080|3080|3090|4080|4090)(?:[-_]?ti)?)(?=$|[-_.]|\d+gb|nv(?:$|[-_.\d]))/i;
const normName = (k: string) => SHORT[k] ?? k.replace(/_/g, '-');

/**
 * The GPU a job script's file name is written for (`run_cloudlab_a100.sh`, `train_llama3_8b_h100_fp8.sh`,
 * `run_local_v100.sh`): one GPU word of the name, as a partition name says it — `inferred` (a name, not an option),
 * and none for a name that holds two. Only for a script with no scheduler options: a scheduled job runs where its
 * scheduler puts it (./scheduler-resources `Resources.named`).
 */
export function hardwareOfName(file: string): Fact | undefined {
  const base = file.split(/[\\/]/).pop() ?? '';
  if (!/\.(sh|bash|zsh|slurm|sbatch)$/i.test(base)) return undefined;
  const stem = base.replace(/\.\w+$/, '');
  // A bare number (`train_1080.sh`) may be an image size in a file name; only a partition's name is the GPU's.
  const words = [...stem.matchAll(new RegExp(PARTITION_GPU.source, 'gi'))]
    .map((m) => m[1].toLowerCase())
    .filter((w) => !/^\d/.test(w));
  if (new Set(words).size !== 1) return undefined;
  return {
    origin: 'inferred',
    file,
    key: 'hardware',
    value: words[0],
    note: `${base}: a job script named for ${words[0].toUpperCase()} GPUs`,
  };
}

/**
 * LSF `#BSUB` options read here: the queue (`-q gpuv100`, a partition's counterpart) and the GPU request (`-gpu
 * "num=2:gmodel=…"`, per host). An LSF job that writes no `-gpu` may still get GPUs from its queue's or the cluster's
 * default GPU requirement, so these options never make a CPU run.
 * https://www.ibm.com/docs/en/spectrum-lsf/10.1.0?topic=features-enabling-jobs-use-gpu-resources
 */
const LSF: Record<string, string> = { '-q': '--partition', '-gpu': 'lsf-gpu' };

/**
 * Options of `#SBATCH` lines (`##SBATCH`, `# SBATCH` are comments to SLURM and ignored), `#PBS -l` lines and LSF's
 * `#BSUB -q`/`-gpu`. Each line is split into words; `--opt=value`, `--opt value` and `-N 2` are all accepted; a `#`
 * after the option starts a comment.
 */
export function schedulerDirectives(comments: Comment[]): SchedOpt[] {
  const out: SchedOpt[] = [];
  for (const c of comments) {
    const m = /^#(SBATCH|PBS|BSUB)\s+(.*)$/.exec(c.text.trimEnd());
    if (!m) continue;
    const words = m[2].split(/\s+#/)[0].trim().split(/\s+/);
    const prefix = `#${m[1]}`;
    if (m[1] === 'PBS') {
      for (let i = 0; i < words.length; i++)
        if (words[i] === '-l' && words[i + 1])
          out.push({ name: 'pbs-l', value: words[i + 1], span: c.span, text: `${prefix} -l ${words[i + 1]}` });
      continue;
    }
    if (m[1] === 'BSUB') {
      const name = LSF[words[0]];
      if (name && words[1] !== undefined)
        out.push({ name, value: unquote(words[1]), span: c.span, text: `${prefix} ${words[0]} ${words[1]}` });
      continue;
    }
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!w.startsWith('-')) continue;
      const eq = w.indexOf('=');
      if (eq > 0) {
        out.push({
          name: normName(w.slice(0, eq)),
          value: unquote(w.slice(eq + 1)),
          span: c.span,
          text: `${prefix} ${w}`,
        });
      } else if (words[i + 1] !== undefined && !words[i + 1].startsWith('-')) {
        out.push({
          name: normName(w),
          value: unquote(words[i + 1]),
          span: c.span,
          text: `${prefix} ${w} ${words[i + 1]}`,
        });
        i++;
      } else out.push({ name: normName(w), value: '', span: c.span, text: `${prefix} ${w}` });
    }
  }
  return out;
}

const unquote = (s: string) => s.replace(/^(['"])(.*)\1$/, '$2');

/** srun options (already split by the launcher's option scanner) as scheduler options. */
export function srunOptions(
  opts: Map<string, { value?: Word; word: Word }>,
  tool: string,
  raw: (w: Word) => string,
): SchedOpt[] {
  const out: SchedOpt[] = [];
  for (const [k, o] of opts) {
    if (o.value?.unresolved) continue;
    // The option scanner spells `-N` as `--N`: one letter after the dashes is a short option.
    const name = normName(/^--\w$/.test(k) ? k.slice(1) : `--${k.slice(2).replace(/_/g, '-')}`);
    const span = { start: o.word.span.start, end: (o.value ?? o.word).span.end };
    out.push({
      name,
      value: o.value?.text ?? '',
      span,
      text: `${tool} ${raw(o.word)}${o.value && !raw(o.word).includes('=') ? ` ${o.value.text}` : ''}`,
    });
  }
  return out;
}
