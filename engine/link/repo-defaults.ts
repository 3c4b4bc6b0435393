// The precision and the device count of a run that nothing it reads states, from its whole repository. A config given
// alone, a launcher, or an entry script whose loop lives in modules the import walk does not reach (an RL algorithm
// handed its trainer, a Hydra workspace named by `_target_`) leaves both unknown although nothing in the project could
// change them.
//
// Precision: PyTorch, TensorFlow/Keras and JAX all train in float32 unless the code turns mixed precision on —
// PyTorch's default dtype is float32 (https://pytorch.org/docs/stable/generated/torch.get_default_dtype.html, 2025),
// Keras layers compute in float32 unless a mixed policy is set (https://www.tensorflow.org/guide/mixed_precision, 2025),
// JAX arrays are 32-bit unless x64 is enabled (https://jax.readthedocs.io/en/latest/default_dtypes.html, 2025). So a
// repository whose code, launchers and configs hold no word of reduced precision (autocast, GradScaler, apex, .half(),
// fp16/bf16, a mixed policy, a Lightning precision, accelerate or DeepSpeed, which choose it from their own configs)
// and that writes its own training update trains in fp32.
//
// Devices: without a wrapper a PyTorch model lives on the one device it is moved to
// (https://pytorch.org/docs/stable/notes/cuda.html, 2025), TensorFlow places work on the visible GPU with the lowest id
// (https://www.tensorflow.org/guide/gpu, 2025) and JAX on `jax.devices()[0]`
// (https://jax.readthedocs.io/en/latest/faq.html, 2025). So a repository with no multi-device mechanism in its code
// (../extract/single-device `multiDevice`), no distributed launcher and no device count in a config, whose PyTorch code
// names a CUDA device (or that trains with TensorFlow or JAX), runs on one device — the same judgement as a single
// script's (../extract/single-device), made over every file a run could reach.
//
// Both are `inferred`. The walk is bounded: a repository too large to read whole, a code file too large to read, or one
// that imports a library whose defaults are not these (Ultralytics trains with AMP on; T5X, MaxText and torchtune
// default to bfloat16; NeMo and Composer choose from their configs) leaves both unknown.
import * as path from 'node:path';
import type { RunDraft } from '../extract/run-draft';
import { multiDevice, ONE_CUDA, SINGLE_PROCESS } from '../extract/single-device';
import type { Fact } from '../types';
import type { FileReader } from './reader';
import { ROOT_MARKER, type Linker } from './linker';

const MAX_UP = 4;
const MAX_DEPTH = 8;
const MAX_DIRS = 160;
const MAX_FILES = 700;
/** How long a repository's verdict is reused across analyses, each time checked against what its scan saw. */
const TTL_MS = 60_000;

const CODE = /\.(py|pyi)$/i;
const LAUNCHER = /\.(sh|bash|zsh|slurm|sbatch|pbs|job)$|^makefile$/i;
const CONFIG = /\.(ya?ml|json|jsonc|toml|cfg|ini|gin|conf)$/i;
/** Folders that hold no code of the run: version control, caches, environments, outputs, data, tests, docs. */
const SKIP_DIR =
  /^(\.|__pycache__$|node_modules$|venv$|\.?env$|site-packages$|outputs?$|logs?$|checkpoints?$|results?$|wandb$|runs$|data$|datasets?$|tests?$|docs?$)/i;

/** Mixed precision, in code or on a command line: any of these and the precision is the project's choice. */
const MIXED =
  /autocast|GradScaler|\bapex\b|\.half\s*\(|\b(use|enable|with|native)_amp\b|\bamp\b|amp_(enabled|level|backend|dtype|opt)|float16|fp16|bf16|\bfp8\b|mixed[_-]?precision|mixed_(b?float16)|set_(global|dtype)_policy|half_precision|use_half|--half\b|\b16-mixed\b|tf32|matmul_precision|\bjmp\b|--precision\b|deepspeed|\baccelerate\b|\bAccelerator\b|\bprecision\s*[=:]\s*['"]?(16|64|mixed|half|bf)|\bprecision\s*=\s*(args|cfg|config|conf|hparams|opt|params|hp|FLAGS|self)\b/i;
/** The same in a config: a key or value of reduced precision (a package list naming accelerate is no switch). */
const MIXED_CONFIG =
  /autocast|\bapex\b|\b(use|enable|with|native)_amp\b|\bamp\b|amp_(enabled|level|backend|dtype|opt)|float16|fp16|bf16|\bfp8\b|mixed[_-]?precision|mixed_(b?float16)|half_precision|use_half|\b16-mixed\b|tf32|\bprecision['"]?\s*[=:]\s*['"]?(16|bf|half|mixed|amp)/i;
/** A launcher that starts several processes or picks several GPUs. */
const MULTI_LAUNCH =
  /torchrun|torch\.distributed|deepspeed|accelerate|mpirun|mpiexec|horovodrun|\bsrun\b|#SBATCH|#PBS|--gpus|--nproc|--num_gpus|--n_gpus|--ngpus|--world_size|--devices|CUDA_VISIBLE_DEVICES\s*=\s*['"]?\d+\s*,|python\s+-m\s+torch|colossalai|ray\s+(start|submit)/i;
/** A device count or parallel setting in a config. */
const MULTI_CONFIG =
  /\b(gpus|n_?gpus?|num_gpus?|gpu_ids|gpu_num|devices|world_size|nproc\w*|num_nodes|nnodes|num_processes|data_parallel\w*|tensor_parallel\w*|pipeline_parallel\w*|distributed|ddp|fsdp|strategy|tpu\w*)['"]?\s*[:=]/i;
/** Libraries whose own defaults are not PyTorch's, TensorFlow's or JAX's, or that choose them from configs we do not see. */
const OTHER_DEFAULT =
  /^\s*(?:from|import)\s+(ultralytics|t5x|paxml|praxis|maxtext|MaxText|composer|llmfoundry|nemo|megatron|torchtune|axolotl|llamafactory|swift|colossalai|lightning_fabric|nanotron|levanter)\b|\b(yolo\s+train|tune\s+run|llamafactory-cli|axolotl\.cli|colossalai\s+run)\b/m;
/** The project's own training update: a backward pass and an optimizer step, a TF update, an optax or Keras fit. */
const UPDATE =
  /\.backward\s*\(|apply_gradients\s*\(|\.minimize\s*\(|GradientTape\s*\(|optax\.|\.fit\s*\(|train_op\b|value_and_grad\s*\(/;
const FRAMEWORK = /^\s*(?:from|import)\s+(torch|tensorflow|keras|jax|flax|tf_keras)\b/m;

interface Verdict {
  /** The framework whose defaults apply ('PyTorch', 'JAX', 'TensorFlow/Keras'). */
  framework: string;
  files: number;
  /** No word of reduced precision anywhere. */
  fp32: boolean;
  /** No multi-device mechanism anywhere, and one device named (PyTorch) or implied (TensorFlow, JAX). */
  oneDevice: boolean;
}
/** What a scan listed and read (the file being analysed apart): a cached verdict holds while all of it is unchanged. */
interface Seen {
  dirs: Map<string, string>;
  files: Map<string, string | undefined>;
}
/**
 * Verdicts by repository folder, across analyses and readers (the editor makes a reader per analysis), each checked
 * against what its scan saw before it is used; at most MAX_CACHED folders, each for TTL_MS.
 */
const cache = new Map<string, { at: number; verdict: Verdict | undefined; seen: Seen }>();
const MAX_CACHED = 8;

const hasMarker = (reader: FileReader, dir: string) => reader.list(dir).some((n) => ROOT_MARKER.test(n));

/** The nearest folder at or above `file` (at most MAX_UP up) with a project's top-level files, unless it holds several. */
function projectRoot(reader: FileReader, file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (let i = 0; i <= MAX_UP; i++) {
    if (hasMarker(reader, dir)) {
      const nested = reader
        .list(dir)
        .filter((n) => !/\.\w+$/.test(n) && !SKIP_DIR.test(n))
        .slice(0, MAX_DIRS)
        .filter((n) => hasMarker(reader, path.join(dir, n)));
      return nested.length >= 2 ? undefined : dir;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** Every code, launcher and config file of the repository read; undefined when it cannot be read whole or says nothing. */
function scan(
  reader: FileReader,
  root: string,
  own: { file: string; text: string },
  seen: Seen = { dirs: new Map(), files: new Map() },
): Verdict | undefined {
  let dirs = 0;
  let files = 0;
  let update = false;
  let cuda = false;
  let fp32 = true;
  let single = true;
  const frameworks = new Set<string>();
  let level = [root];
  for (let depth = 0; depth <= MAX_DEPTH && level.length; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      if (++dirs > MAX_DIRS) return undefined;
      const names = reader.list(dir);
      seen.dirs.set(dir, names.join('\0'));
      for (const name of names) {
        const p = path.join(dir, name);
        const code = CODE.test(name);
        const launcher = LAUNCHER.test(name);
        const config = CONFIG.test(name);
        if (!code && !launcher && !config) {
          if (!/\.\w+$/.test(name) && !SKIP_DIR.test(name)) {
            if (depth === MAX_DEPTH) return undefined;
            next.push(p);
          }
          continue;
        }
        if (/^test_|_test\.py$|^conftest\.py$/i.test(name)) continue;
        if (++files > MAX_FILES) return undefined;
        const mine = p === path.resolve(own.file);
        const raw = mine ? own.text : reader.read(p);
        seen.files.set(p, raw);
        // Whole-line comments say nothing of the run: a licence header's "distributed under the License", a
        // commented-out `# with autocast():`. A launcher's `#SBATCH` lines are kept.
        const text = code && raw !== undefined ? raw.replace(/^[ \t]*#.*$/gm, '') : raw;
        // A code file or launcher that cannot be read could hold the switch; a large config is data.
        if (text === undefined) {
          if (code || launcher) return undefined;
          continue;
        }
        if ((code || launcher) && OTHER_DEFAULT.test(text)) return undefined;
        if (fp32 && (config ? MIXED_CONFIG : MIXED).test(text)) fp32 = false;
        if (single && (config ? MULTI_CONFIG : launcher ? MULTI_LAUNCH : undefined)?.test(text)) single = false;
        if (code) {
          if (single && multiDevice([text])) single = false;
          const fw = FRAMEWORK.exec(text);
          if (fw) frameworks.add(fw[1]);
          if (!update && UPDATE.test(text)) update = true;
          if (!cuda && ONE_CUDA.test(text)) cuda = true;
        }
        if (!fp32 && !single) return undefined;
      }
    }
    level = next;
  }
  if (!update || frameworks.size === 0) return undefined;
  const torch = frameworks.has('torch');
  const framework = torch ? 'PyTorch' : frameworks.has('jax') || frameworks.has('flax') ? 'JAX' : 'TensorFlow/Keras';
  return { framework, files, fp32, oneDevice: single && (torch ? cuda : true) };
}

function verdictOf(linker: Linker, file: string): { root: string; verdict: Verdict | undefined } | undefined {
  const reader = linker.input.reader;
  const root = projectRoot(reader, file);
  if (!root) return undefined;
  const hit = cache.get(root);
  const own = { file: linker.input.file, text: linker.input.text };
  // The file being edited is read from its buffer: a cached verdict holds only while it is one the buffer keeps.
  const same = (v: Verdict | undefined) =>
    !v || ((!v.fp32 || !MIXED.test(own.text)) && (!v.oneDevice || !multiDevice([own.text])));
  // Every file the scan read, the edited one included, must still hold the text it read: a verdict made while a
  // buffer held a fix (autocast added) must not outlive its revert, nor one made for another file's buffer.
  const ownPath = path.resolve(own.file);
  const unchanged = (seen: Seen) =>
    [...seen.dirs].every(([dir, names]) => reader.list(dir).join('\0') === names) &&
    [...seen.files].every(([f, text]) => (f === ownPath ? own.text : reader.read(f)) === text);
  if (hit && Date.now() - hit.at < TTL_MS && same(hit.verdict) && unchanged(hit.seen))
    return { root, verdict: hit.verdict };
  const seen: Seen = { dirs: new Map(), files: new Map() };
  const verdict = scan(reader, root, own, seen);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(root, { at: Date.now(), verdict, seen });
  return { root, verdict };
}

/** Runs with no precision or no device count take what their repository fixes (see the head of this file). */
export function withRepoDefaults(linker: Linker, file: string, drafts: RunDraft[]): RunDraft[] {
  const open = drafts.filter((d) => !d.plan.facts.has('precision') || !d.plan.facts.has('devices'));
  if (open.length === 0) return drafts;
  const found = verdictOf(linker, file);
  const v = found?.verdict;
  if (!found || !v || (!v.fp32 && !v.oneDevice)) return drafts;
  const where = `${v.files} code, launcher and config files under ${path.basename(found.root)}`;
  const precision: Fact = {
    key: 'precision',
    value: 'fp32',
    origin: 'inferred',
    note: `no mixed precision anywhere in this repository (${where}: no autocast, GradScaler, apex, .half(), fp16/bf16 or mixed policy): ${v.framework} trains in fp32 by default`,
  };
  const devices: Fact = {
    key: 'devices',
    value: 1,
    origin: 'inferred',
    note: `${SINGLE_PROCESS}: one device (no data-parallel wrapper, process group, distribution strategy, distributed launcher or device count anywhere in this repository, ${where}; ${v.framework === 'PyTorch' ? 'its code names one CUDA device' : `${v.framework} places work on the first device`})`,
  };
  return drafts.map((d) => {
    const add: Fact[] = [];
    if (v.fp32 && !d.plan.facts.has('precision')) add.push(precision);
    if (v.oneDevice && !d.plan.facts.has('devices')) add.push(devices);
    if (add.length === 0) return d;
    const facts = new Map(d.plan.facts);
    for (const f of add) facts.set(f.key, f);
    return { ...d, plan: { ...d.plan, facts } };
  });
}
