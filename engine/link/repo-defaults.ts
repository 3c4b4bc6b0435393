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
import { ownTrainers } from '../extract/own-trainers';
import type { Fact } from '../types';
import type { ReaderState } from './reader';
import type { Linker } from './linker';
import { repoRoot } from './repo-launchers';

/** The repository folder: at most this many folders above the file (a config deep in `configs/exp/…`). */
const MAX_UP = 4;
const MAX_DEPTH = 8;
const MAX_DIRS = 160;
const MAX_FILES = 700;

const CODE = /\.(py|pyi)$/i;
const LAUNCHER = /\.(sh|bash|zsh|slurm|sbatch|pbs|job)$|^makefile$/i;
const CONFIG = /\.(ya?ml|json|jsonc|toml|cfg|ini|gin|conf)$/i;
/** Folders that hold no code of the run: version control, caches, environments, outputs, data, tests, docs. */
const SKIP_DIR =
  /^(\.|__pycache__$|node_modules$|venv$|site-packages$|outputs?$|logs?$|checkpoints?$|results?$|wandb$|runs$|data$|datasets?$|tests?$|docs?$)/i;
/**
 * A folder named `env` is a virtual environment only when it holds one (`pyvenv.cfg`, written by `python -m venv`:
 * https://docs.python.org/3/library/venv.html; conda's `conda-meta`; or `bin` + `lib`, `Scripts` + `Lib`); in RL
 * projects it is the package of the environments the agent trains in (`rl/nnetworks/env/cartpole_nn.py`).
 */
const virtualEnv = (linker: Linker, dir: string, name: string): boolean => {
  if (!/^env$/i.test(name)) return false;
  const names = linker.listDir(dir);
  const has = (n: string) => names.some((x) => x.toLowerCase() === n);
  return has('pyvenv.cfg') || has('conda-meta') || (has('bin') && has('lib')) || (has('scripts') && has('lib'));
};

/**
 * A folder named `env` that holds code rather than a Python environment (an RL project's `nnetworks/env/` of
 * per-environment networks): a virtual environment holds `pyvenv.cfg` (https://peps.python.org/pep-0405/), a conda
 * environment `conda-meta`, and neither keeps Python files at its top.
 */
function codeFolder(linker: Linker, name: string, dir: string): boolean {
  if (!/^env$/i.test(name)) return false;
  const names = linker.listDir(dir);
  return names.some((n) => CODE.test(n)) && !names.some((n) => /^(pyvenv\.cfg|conda-meta)$/.test(n));
}

/**
 * A conda environment file (`name:`/`channels:` beside `dependencies:`) lists packages, not settings: a `distributed`
 * or `apex` package pinned there switches nothing on
 * (https://docs.conda.io/projects/conda/en/latest/user-guide/tasks/manage-environments.html#create-env-file-manually).
 */
const CONDA_ENV = (text: string) => /^dependencies\s*:/m.test(text) && /^(channels|name)\s*:/m.test(text);

/** Mixed precision, in code or on a command line: any of these and the precision is the project's choice. */
const MIXED =
  /autocast|GradScaler|\bapex\b|\.half\s*\(|\b(use|enable|with|native)_amp\b|\bamp\b|amp_(enabled|level|backend|dtype|opt)|float16|fp16|bf16|\bfp8\b|mixed[_-]?precision|mixed_(b?float16)|set_(global|dtype)_policy|half_precision|use_half|--half\b|\b16-mixed\b|tf32|matmul_precision|\bjmp\b|--precision\b|deepspeed|\baccelerate\b|\bAccelerator\b|\bprecision\s*[=:]\s*['"]?(16|64|mixed|half|bf)|\bprecision\s*=\s*(args|cfg|config|conf|hparams|opt|params|hp|FLAGS|self)\b/i;
/** A request for full-precision float32 matmuls. */
const FULL_MATMUL = /\w*matmul_precision['"]?\W{1,6}(highest|float32)\b/gi;
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
/** A config key `device` set to one CUDA device. */
const CONFIG_CUDA = /^[ \t]*["']?device["']?[ \t]*[:=][ \t]*["']?cuda(:\d+)?["']?[ \t]*,?[ \t]*(#.*)?$/m;
const FRAMEWORK = /^\s*(?:from|import)\s+(torch|tensorflow|keras|jax|flax|tf_keras)\b/m;

/** What one file says. */
interface FileSigns {
  /** It rules the repository out: a code file or launcher that cannot be read, or a library with other defaults. */
  out: boolean;
  /** A word of reduced precision. */
  mixed: boolean;
  /** A multi-device mechanism. */
  multi: boolean;
  update: boolean;
  cuda: boolean;
  framework: string | undefined;
}

/**
 * What one file says. `local`: whether a module it imports from is the repository's own (a top-level folder or module,
 * or one beside the file), so that a `Trainer` imported from it is the project's class (../extract/own-trainers).
 */
function signsOf(name: string, raw: string | undefined, local?: (module: string) => boolean): FileSigns {
  const code = CODE.test(name);
  const launcher = LAUNCHER.test(name);
  const config = !code && !launcher;
  const none: FileSigns = { out: false, mixed: false, multi: false, update: false, cuda: false, framework: undefined };
  // Whole-line comments say nothing of the run: a licence header's "distributed under the License", a
  // commented-out `# with autocast():`. A launcher's `#SBATCH` lines are kept.
  // Full-precision matmuls asked for by name (`jax.config.update("jax_default_matmul_precision", "highest")`,
  // `torch.set_float32_matmul_precision("highest")`, PyTorch's own default: https://pytorch.org/docs/stable/generated/
  // torch.set_float32_matmul_precision.html, 2025) are fp32, not a word of reduced precision.
  const text = (code && raw !== undefined ? raw.replace(/^[ \t]*#.*$/gm, '') : raw)?.replace(FULL_MATMUL, '');
  // A code file or launcher that cannot be read could hold the switch; a large config is data.
  if (text === undefined) return { ...none, out: !config };
  if ((code || launcher) && OTHER_DEFAULT.test(text)) return { ...none, out: true };
  if (config && CONDA_ENV(text)) return none;
  return {
    out: false,
    mixed: (config ? MIXED_CONFIG : MIXED).test(text),
    multi:
      !!(config ? MULTI_CONFIG : launcher ? MULTI_LAUNCH : undefined)?.test(text) ||
      (code && multiDevice([text], ownTrainers([text], local))),
    update: code && UPDATE.test(text),
    // A config's `device: cuda` (read by `torch.device(cfg.device)`) names the device as the code's "cuda" would.
    cuda: code ? ONE_CUDA.test(text) : config && CONFIG_CUDA.test(text),
    framework: code ? FRAMEWORK.exec(text)?.[1] : undefined,
  };
}

/** Files of a repository that say each thing, counted (so that one file can be taken out: the one being edited). */
interface Tally {
  files: number;
  out: number;
  mixed: number;
  multi: number;
  update: number;
  cuda: number;
  frameworks: Map<string, number>;
}

function count(t: Tally, s: FileSigns, by: 1 | -1): void {
  t.out += s.out ? by : 0;
  t.mixed += s.mixed ? by : 0;
  t.multi += s.multi ? by : 0;
  t.update += s.update ? by : 0;
  t.cuda += s.cuda ? by : 0;
  if (s.framework) t.frameworks.set(s.framework, (t.frameworks.get(s.framework) ?? 0) + by);
}

interface Verdict {
  /** The framework whose defaults apply ('PyTorch', 'JAX', 'TensorFlow/Keras'). */
  framework: string;
  files: number;
  /** No word of reduced precision anywhere. */
  fp32: boolean;
  /** No multi-device mechanism anywhere, and one device named (PyTorch) or implied (TensorFlow, JAX). */
  oneDevice: boolean;
}

/** One scan of a repository folder, and what it listed and read (to tell when it no longer holds). */
interface Scan {
  /** The repository folder scanned. */
  root: string;
  /** undefined: the repository cannot be read whole (too many folders or files, too deep). */
  tally: Tally | undefined;
  /** What each file read says, by path. */
  signs: Map<string, FileSigns>;
  /** The folders listed (their names) and the files read (their texts). */
  dirs: Map<string, string>;
  files: Map<string, string | undefined>;
  /** The reader's state when the scan was made, or last found to hold. */
  disk: string | undefined;
  /** The paths of the buffers over the disk then, and the texts of those the scan read. */
  buffers: ReadonlySet<string>;
  texts: Map<string, string>;
}

/** A module name that is a folder or a `.py` file at the repository's top or beside the file (listed by the scan). */
const localTo =
  (sc: Scan, root: string, dir: string) =>
  (module: string): boolean =>
    [root, dir].some((d) => (sc.dirs.get(d) ?? '').split('\0').some((n) => n === module || n === `${module}.py`));

const isRead = (name: string) => CODE.test(name) || LAUNCHER.test(name) || CONFIG.test(name);
const isTest = (name: string) => /^test_|_test\.py$|^conftest\.py$/i.test(name);

/**
 * Every code, launcher and config file under `root` read, bounded by folders, depth and files. It stops early once
 * two files rule the repository out, or two ask for reduced precision and two for several devices: taking out any
 * one file (the one being edited, read from its buffer) leaves it ruled out.
 */
function scan(linker: Linker, root: string, st: ReaderState | undefined): Scan {
  const reader = linker.input.reader;
  const out: Scan = {
    root,
    tally: undefined,
    signs: new Map(),
    dirs: new Map(),
    files: new Map(),
    disk: st?.disk,
    buffers: buffersOf(st),
    texts: new Map(),
  };
  const t: Tally = { files: 0, out: 0, mixed: 0, multi: 0, update: 0, cuda: 0, frameworks: new Map() };
  let dirs = 0;
  let level = [root];
  for (let depth = 0; depth <= MAX_DEPTH && level.length; depth++) {
    const next: string[] = [];
    for (const dir of level) {
      if (++dirs > MAX_DIRS) return out;
      const names = linker.listDir(dir);
      out.dirs.set(dir, names.join('\0'));
      for (const name of names) {
        const p = path.join(dir, name);
        if (!isRead(name)) {
          if (
            !/\.\w+$/.test(name) &&
            (!SKIP_DIR.test(name) || codeFolder(linker, name, p)) &&
            !virtualEnv(linker, p, name)
          ) {
            if (depth === MAX_DEPTH) return out;
            next.push(p);
          }
          continue;
        }
        if (isTest(name)) continue;
        if (++t.files > MAX_FILES) return out;
        const raw = reader.read(p);
        out.files.set(p, raw);
        const s = signsOf(name, raw, localTo(out, root, dir));
        out.signs.set(p, s);
        count(t, s, 1);
        if (t.out >= 2 || (t.mixed >= 2 && t.multi >= 2)) {
          out.tally = t;
          return out;
        }
      }
    }
    level = next;
  }
  out.tally = t;
  return out;
}

/** The repository's verdict, the file being analysed read from its text (an editor's buffer) rather than the disk. */
function verdictOf(sc: Scan, own: { file: string; text: string }): Verdict | undefined {
  if (!sc.tally) return undefined;
  const ownPath = path.resolve(own.file);
  const disk = sc.signs.get(ownPath);
  const t: Tally = { ...sc.tally, frameworks: new Map(sc.tally.frameworks) };
  if (disk) {
    count(t, disk, -1);
    count(t, signsOf(path.basename(ownPath), own.text, localTo(sc, sc.root, path.dirname(ownPath))), 1);
  }
  if (t.out > 0 || (t.mixed > 0 && t.multi > 0)) return undefined;
  if (t.update === 0 || ![...t.frameworks.values()].some((n) => n > 0)) return undefined;
  const has = (fw: string) => (t.frameworks.get(fw) ?? 0) > 0;
  const torch = has('torch');
  const framework = torch ? 'PyTorch' : has('jax') || has('flax') ? 'JAX' : 'TensorFlow/Keras';
  return { framework, files: t.files, fp32: t.mixed === 0, oneDevice: t.multi === 0 && (torch ? t.cuda > 0 : true) };
}

/**
 * Scans by repository folder, and repository folders by file, across analyses and readers (the editor makes a reader
 * per analysis). Both hold while the reader's state says nothing changed (./reader ReaderState: the same disk token —
 * no file-change notification since — and the same buffers over the disk, those the scan read with the same text),
 * without a disk read; a reader that cannot tell has the folders listed and the files read again.
 */
const scans = new Map<string, Scan>();
const roots = new Map<string, { root: string | undefined; disk: string | undefined; buffers: ReadonlySet<string> }>();
const MAX_CACHED = 8;
const MAX_ROOTS = 256;
const NO_BUFFERS: ReadonlySet<string> = new Set();
const buffersOf = (st: ReaderState | undefined): ReadonlySet<string> =>
  st?.memory.size ? new Set(st.memory.keys()) : NO_BUFFERS;

/** The same buffers over the disk (the same paths; their texts are compared where they matter). */
function sameBuffers(a: ReadonlySet<string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const k of a) if (!b.has(k)) return false;
  return true;
}

/** The buffer texts of the files the scan read (only these are kept: not every open buffer). */
function textsOf(sc: Scan, st: ReaderState | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (st?.memory.size)
    for (const f of sc.files.keys()) {
      const t = st.memory.get(f);
      if (t !== undefined) out.set(f, t);
    }
  return out;
}

const sameState = (
  was: { disk: string | undefined; buffers: ReadonlySet<string> },
  st: ReaderState | undefined,
): boolean => !!st && st.disk !== undefined && st.disk === was.disk && sameBuffers(was.buffers, st.memory);

/** Does the scan hold? By the reader's state when it can tell, else by listing and reading again. */
function holds(linker: Linker, sc: Scan, st: ReaderState | undefined): boolean {
  if (st && sameState(sc, st)) {
    for (const f of sc.files.keys()) {
      const now = st.memory.get(f);
      if (now !== undefined && now !== sc.texts.get(f)) return false;
    }
    return true;
  }
  for (const [dir, names] of sc.dirs) if (linker.listDir(dir).join('\0') !== names) return false;
  for (const [f, text] of sc.files) if (linker.input.reader.read(f) !== text) return false;
  sc.disk = st?.disk;
  sc.buffers = buffersOf(st);
  sc.texts = textsOf(sc, st);
  return true;
}

function repoVerdict(linker: Linker, file: string): { root: string; verdict: Verdict | undefined } | undefined {
  const st = linker.input.reader.state?.();
  const abs = path.resolve(file);
  let known = roots.get(abs);
  if (!known || !sameState(known, st)) {
    known = { root: repoRoot(linker, file, MAX_UP), disk: st?.disk, buffers: buffersOf(st) };
    if (roots.size >= MAX_ROOTS) roots.clear();
    roots.set(abs, known);
  }
  const root = known.root;
  if (!root) return undefined;
  const sc = scanOf(linker, root, st);
  return { root, verdict: verdictOf(sc, { file: linker.input.file, text: linker.input.text }) };
}

/** The scan of a repository folder: the cached one while it holds, else a new one. */
function scanOf(linker: Linker, root: string, st: ReaderState | undefined): Scan {
  let sc = scans.get(root);
  if (!sc || !holds(linker, sc, st)) {
    sc = scan(linker, root, st);
    sc.texts = textsOf(sc, st);
    if (scans.size >= MAX_CACHED) scans.clear();
    scans.set(root, sc);
  }
  return sc;
}

/** Runs with no precision or no device count take what their repository fixes (see the head of this file). */
export function withRepoDefaults(linker: Linker, file: string, drafts: RunDraft[]): RunDraft[] {
  const open = drafts.filter((d) => !d.plan.facts.has('precision') || !d.plan.facts.has('devices'));
  if (open.length === 0) return drafts;
  const found = repoVerdict(linker, file);
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

/**
 * The training libraries the code files of `file`'s repository import, by number of files (`torch`, `tensorflow`,
 * `keras`, `jax`, `flax`, `tf_keras`: each file's first such import), from the same bounded, cached scan; undefined
 * where the repository cannot be read whole. ./code-library names a run's framework from it.
 */
export function repoLibraries(linker: Linker, file: string): ReadonlyMap<string, number> | undefined {
  const root = repoRoot(linker, file, MAX_UP);
  return root ? scanOf(linker, root, linker.input.reader.state?.()).tally?.frameworks : undefined;
}

/**
 * The code, launcher and config files of `file`'s repository, read whole by the same bounded, cached scan, with the
 * files of its own training update and none of a library with other defaults; undefined where the scan stopped early
 * or the repository is ruled out. ./repo-accumulation looks for gradient accumulation in them.
 */
export function repoTexts(linker: Linker, file: string): ReadonlyMap<string, string | undefined> | undefined {
  const root = repoRoot(linker, file, MAX_UP);
  const sc = root ? scanOf(linker, root, linker.input.reader.state?.()) : undefined;
  const t = sc?.tally;
  if (!sc || !t || t.out > 0 || t.update === 0 || (t.mixed >= 2 && t.multi >= 2)) return undefined;
  return sc.files;
}
