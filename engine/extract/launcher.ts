// Shell launchers: `torchrun --nproc_per_node=8 train.py …`, `python -m torch.distributed.run`, `deepspeed
// --num_gpus`, `accelerate launch --mixed_precision bf16 --num_processes 8 --config_file x.yaml`, `python train.py
// --bf16 True --deepspeed ds.json`, `llamafactory-cli train x.yaml key=value`, `tune run … --config x.yaml`, `axolotl
// train x.yaml`, behind `srun` and SLURM `#SBATCH --gres=gpu:a100:8 --nodes`. Read with ../parse/shell; nothing runs.
import { argFields, argWriter, num } from './launcher-args';
import {
  composerDevices,
  type DeviceFact,
  type Resources,
  type SchedOpt,
  deepspeedDevices,
  resources,
  schedulerDevices,
  schedulerDirectives,
  slurmVars,
  srunOptions,
  torchrunDevices,
  visibleCount,
  accelerateDevices,
} from './launcher-devices';
import { parseShell, type Command, type Word } from '../parse/shell';
import { skipWrapper } from '../parse/shell-wrappers';
import { BOOL_OPTS, isPython, scanOptions, torchrunOpt } from './launcher-options';
import { launcherEnvFacts } from './launcher-debug';
import { parallelFacts } from './launcher-parallel';
import { jobVariables } from './job-variables';
import { fromDefaults } from './launcher-defaults';
import {
  applyVia,
  configRefs,
  normaliseCommand,
  scriptDirWord,
  scriptFlagFacts,
  tuneDevices,
  wrapped,
} from './launcher-tools';
import type { Fact, FactValue, OffsetEdit, Span } from '../types';
import { type Field, type FieldWriter, type Fields } from './fields';
import type { Ref } from './run-draft';

export type LaunchTool =
  | 'python'
  | 'torchrun'
  | 'deepspeed'
  | 'accelerate'
  | 'llamafactory'
  | 'tune'
  | 'axolotl'
  | 'composer'
  | 'fabric'
  /** Another shell script (`srun bash run_job.sh`, `./train_wrapper.sh`): the linker reads the commands it runs. */
  | 'shell';

export interface LaunchCommand {
  file: string;
  tool: LaunchTool;
  span: Span;
  /** The script (or config file / module) it runs. */
  target?: { path: string; kind: 'script' | 'module' | 'config'; word: Word };
  /** The script's arguments as fields (`--bf16 True` → bf16, `key=value` → key). */
  fields: Fields;
  write: FieldWriter;
  /** False when arguments this review cannot read reach the script (`"$@"`, unresolved variables). */
  complete: boolean;
  /** devices, hardware, zero_stage from launcher options and SLURM directives. */
  facts: Fact[];
  /** Precision that reaches the script only through ACCELERATE_MIXED_PRECISION (`accelerate launch --mixed_precision`). */
  envFacts: Fact[];
  /** Writes launcher options (`--mixed_precision bf16`) for precision changes. */
  editEnv?: (v: FactValue) => OffsetEdit[] | undefined;
  refs: Ref[];
  /** True for `accelerate launch` (which sets ACCELERATE_MIXED_PRECISION, from a config the repo may not hold). */
  accelerate: boolean;
  /** Positional arguments after the target (nanoGPT config files, HF-args JSON). */
  positionals: Word[];
  /** For a `shell` command: the variables the calling script has set, which the script it runs sees. */
  vars?: Map<string, string>;
  /** A batch job given accelerators by its scheduler (a Kubernetes Job or training-operator job requesting GPUs/TPUs). */
  scheduled?: boolean;
  /** The command of another script that runs this one and whose arguments it passes on (`"$@"`, ../link/wrapper). */
  caller?: { file: string; span: Span };
  /**
   * Devices read from the GPUs a scheduler reserves for one process on one node (`#SBATCH --gres=gpu:4`, a plain
   * `python train.py`): GPUs it may use, not processes started; the script decides (../link/single-device).
   */
  reserved?: Fact;
}

/** `preset`: variables set by the script that runs this one (a job script running a wrapper). */
export function parseLauncher(file: string, text: string, preset?: Map<string, string>): LaunchCommand[] {
  let script = parseShell(text, preset);
  const directives = schedulerDirectives(script.comments);
  const job = jobVariables(file, script.comments, directives); // `$SLURM_NNODES`, `$NHOSTS`: ./job-variables
  if (job.size) script = parseShell(text, new Map([...job, ...(preset ?? [])]));
  const out: LaunchCommand[] = [];
  const debug = launcherEnvFacts(file, text, script);
  for (const cmd of script.commands) {
    const lc = readCommand(file, text, cmd, directives, script.vars);
    if (lc) out.push({ ...lc, facts: [...fromDefaults(text, cmd, lc.facts), ...debug] });
  }
  return out;
}

/**
 * A job that starts one task on one node: SLURM starts one task unless `--ntasks`/`--ntasks-per-node` ask for more
 * (https://slurm.schedmd.com/sbatch.html#OPT_ntasks: "The default is one task per node"), on one node unless `--nodes`
 * asks for more; PBS `select=1`. GPUs reserved for it are the GPUs its one process may use.
 */
const oneTask = (r: Resources) =>
  (r.tasks?.value ?? 1) === 1 && (r.tasksPerNode?.value ?? 1) === 1 && (r.nodes?.value ?? 1) === 1;

/** Scheduler options (`#SBATCH`, `#PBS`, `srun`) applied to a command: hardware, and devices where it states none. */
function applyScheduler(file: string, lc: LaunchCommand, r: Resources, direct: boolean): void {
  const hw = r.hardware ?? r.named ?? (lc.facts.some((f) => f.key === 'devices') ? undefined : r.cpu);
  if (hw && !lc.facts.some((f) => f.key === 'hardware')) lc.facts.push(hw);
  const devices = lc.facts.find((f) => f.key === 'devices') as DeviceFact | undefined;
  const nodes = r.nodes?.value ?? 1;
  if (!devices || devices.value === null) {
    // A count the command leaves to a variable (`--nproc_per_node=$NGPUS`): the scheduler's allocation, if any.
    const d = schedulerDevices(file, r, direct);
    if (d)
      lc.facts = [
        ...lc.facts.filter((f) => f !== devices),
        devices ? { ...d, note: `${d.note} (${devices.note})` } : d,
      ];
    if (d && !devices && direct && oneTask(r)) lc.reserved = d;
  } else if (devices.perNode && nodes > 1 && typeof devices.value === 'number') {
    devices.value *= nodes;
    devices.note = `${devices.note} × ${nodes} nodes (${r.nodes?.opt.text})`;
  }
  for (const f of lc.facts) delete (f as DeviceFact).perNode;
}

function readCommand(
  file: string,
  text: string,
  cmd: Command,
  directives: SchedOpt[],
  scriptVars: Map<string, string>,
): LaunchCommand | undefined {
  let words = cmd.words;
  const raw = (s: Span) => text.slice(s.start, s.end).replace(/\\\n\s*/g, ' ');
  const rawWord = (w: Word) => raw(w.span);
  // A job handed to the scheduler as text (`sbatch --gres=gpu:4 --wrap="python …"`, `sbatch -N 2 <<EOF`): the
  // submitting command's options are the job's allocation, as its `#SBATCH` lines would be.
  let sched = cmd.submit
    ? [...directives, ...srunOptions(scanOptions(text, cmd.submit, 1, BOOL_OPTS.srun).opts, 'sbatch', rawWord)]
    : directives;
  let mpiProcs: { n: number | null; at: Span; note: string } | undefined;
  const wrapper = words[0]?.text;
  if (wrapper === 'srun' || wrapper === 'mpirun' || wrapper === 'mpiexec' || wrapper === 'horovodrun') {
    // `srun -p x ${SRUN_ARGS} python …`: an unset variable of extra options is not the command.
    const all = words;
    words = words.filter(
      (w, k) => k === 0 || !(w.unresolved && /^\$\{?\w+\}?$/.test(w.text) && wrapped(all, k, BOOL_OPTS.srun)),
    );
    const r = scanOptions(text, words, 1, BOOL_OPTS.srun);
    if (wrapper === 'srun') sched = [...directives, ...srunOptions(r.opts, 'srun', rawWord)];
    else {
      const np = r.opts.get('-np') ?? r.opts.get('-n') ?? r.opts.get('--np') ?? r.opts.get('--n');
      const n = num(np?.value) || null; // a count left to a variable this file does not set: unknown, not one process
      if (np?.value) {
        const at = { start: np.word.span.start, end: np.value.span.end };
        mpiProcs = {
          n,
          at,
          note: `${wrapper} ${raw(at)}: ${n ? `${n} processes` : 'the count is not written in this file'}`,
        };
      }
    }
    words = words.slice(r.next);
    // `srun numactl --cpunodebind=0 python …`: a process wrapper inside the job step (../parse/shell-wrappers).
    for (let j = skipWrapper(words, 0); j > 0; j = skipWrapper(words, 0)) words = words.slice(j);
  }
  if (words.length === 0) return undefined;
  const res = resources(file, sched);
  const vars = slurmVars(res);
  const cvd = cmd.env.get('CUDA_VISIBLE_DEVICES') ?? scriptVars.get('CUDA_VISIBLE_DEVICES');
  const visible = visibleCount(cvd);
  const norm = normaliseCommand(words);
  const lc = readTool(file, text, cmd, norm.words, vars, visible, raw, cvd) ?? shellWrapper(file, text, norm.words);
  if (!lc) return undefined;
  if (lc.tool === 'shell') lc.vars = new Map([...scriptVars, ...cmd.env]);
  applyVia(lc, norm);
  for (const f of scriptFlagFacts(file, lc.fields)) if (!lc.facts.some((g) => g.key === f.key)) lc.facts.push(f);
  if (mpiProcs && !lc.facts.some((f) => f.key === 'devices'))
    lc.facts.push({
      origin: 'explicit',
      file,
      span: mpiProcs.at,
      key: 'devices',
      value: mpiProcs.n,
      note: mpiProcs.note,
    });
  applyScheduler(file, lc, res, lc.tool === 'python');
  // Megatron / torchtitan parallel degrees on the command line; dp from the world size when only tp and pp are given.
  const par = parallelFacts((n) => {
    const f = lc.fields.get(n);
    return f ? { value: f.value, span: f.span, file: f.file, text: f.text } : undefined;
  }, file);
  const devices = lc.facts.find((f) => f.key === 'devices');
  for (const f of par) if (f.key !== 'devices' || !devices) lc.facts.push(f);
  const tp = par.find((f) => f.key === 'tp')?.value;
  const pp = par.find((f) => f.key === 'pp')?.value;
  if (
    !par.some((f) => f.key === 'dp') &&
    (typeof tp === 'number' || typeof pp === 'number') &&
    typeof devices?.value === 'number'
  ) {
    const mp = (typeof tp === 'number' ? tp : 1) * (typeof pp === 'number' ? pp : 1);
    if (devices.value % mp === 0)
      lc.facts.push({
        ...devices,
        key: 'dp',
        value: devices.value / mp,
        note: `data parallel = ${devices.value} devices / (tp ${typeof tp === 'number' ? tp : 1} × pp ${typeof pp === 'number' ? pp : 1})`,
      });
  }
  return lc;
}

function readTool(
  file: string,
  text: string,
  cmd: Command,
  words: Word[],
  vars: Map<string, number>,
  visible: number | undefined,
  raw: (s: Span) => string,
  cvd: string | undefined,
): LaunchCommand | undefined {
  const w0 = words[0].text;
  const facts: Fact[] = [];
  const envFacts: Fact[] = [];
  const refs: Ref[] = [];
  const base = (w: Word) => ({ origin: 'explicit' as const, file, span: w.span });
  let tool: LaunchTool;
  let i: number;
  let opts = new Map<string, { value?: Word; word: Word }>();
  let style: 'python' | 'yaml' = 'python';
  let kv = false;
  let editEnv: LaunchCommand['editEnv'];
  if (
    w0 === 'torchrun' ||
    (isPython(w0) && words[1]?.text === '-m' && /^torch\.distributed\.(run|launch)$/.test(words[2]?.text ?? ''))
  ) {
    tool = 'torchrun';
    const r = scanOptions(text, words, w0 === 'torchrun' ? 1 : 3, BOOL_OPTS.torchrun);
    opts = r.opts;
    i = r.next;
    const name = w0 === 'torchrun' ? 'torchrun' : `python -m ${words[2].text}`;
    const d = torchrunDevices(
      file,
      name,
      torchrunOpt(opts, '--nproc_per_node'),
      torchrunOpt(opts, '--nnodes'),
      vars,
      visible,
      raw,
    );
    if (d) facts.push(d);
  } else if (w0 === 'composer' || ((w0 === 'lightning' || w0 === 'fabric') && words[1]?.text === 'run')) {
    // MosaicML `composer -n 8 train.py` (processes per node; `--world_size` the total), Lightning Fabric
    // `fabric run --devices 4 --num-nodes 2 train.py` (https://docs.mosaicml.com/projects/composer/en/stable/,
    // https://lightning.ai/docs/fabric/stable/fundamentals/launch.html).
    tool = w0 === 'composer' ? 'composer' : 'fabric';
    const start = w0 === 'composer' ? 1 : words[2]?.text === 'model' ? 3 : 2;
    const r = scanOptions(text, words, start, w0 === 'composer' ? BOOL_OPTS.composer : BOOL_OPTS.torchrun);
    opts = r.opts;
    i = r.next;
    const name = words.slice(0, start).map((w) => w.text);
    const d = composerDevices(file, name.join(' '), opts, vars, raw);
    if (d) facts.push(d);
  } else if (w0 === 'deepspeed') {
    tool = 'deepspeed';
    const r = scanOptions(text, words, 1, BOOL_OPTS.deepspeed);
    opts = r.opts;
    i = r.next;
    const d = deepspeedDevices(file, opts, vars, visible, raw);
    if (d) facts.push(d);
  } else if (w0 === 'accelerate' && words[1]?.text === 'launch') {
    tool = 'accelerate';
    const r = scanOptions(text, words, 2, BOOL_OPTS.accelerate);
    opts = r.opts;
    i = r.next;
    const d = accelerateDevices(file, opts, vars, visible, raw, { start: words[0].span.start, end: words[1].span.end });
    if (d) facts.push(d);
    const mp = opts.get('--mixed_precision');
    if (mp?.value) {
      const v = mp.value.unresolved
        ? undefined
        : { no: 'fp32', fp16: 'fp16', bf16: 'bf16', fp8: 'fp8' }[mp.value.text.toLowerCase()];
      envFacts.push({
        ...base(mp.word),
        span: { start: mp.word.span.start, end: mp.value.span.end },
        key: 'precision',
        value: v ?? null,
        note: `accelerate launch --mixed_precision ${mp.value.text}${v ? '' : ' (value unknown)'}`,
      });
      const valueWord = mp.value;
      editEnv = (v2) =>
        v2 === 'bf16' || v2 === 'fp16'
          ? [{ file, start: valueWord.span.start, end: valueWord.span.end, newText: v2 }]
          : undefined;
    }
    const cpu = opts.get('--cpu');
    if (cpu) facts.push({ ...base(cpu.word), key: 'hardware', value: 'cpu', note: 'accelerate launch --cpu' });
    const zs = opts.get('--zero_stage');
    const stage = num(zs?.value);
    if (zs?.value && stage !== undefined)
      facts.push({
        ...base(zs.word),
        key: 'zero_stage',
        value: stage,
        note: `accelerate launch --zero_stage ${zs.value.text}`,
      });
    for (const [opt, role] of [
      ['--config_file', 'accelerate-config'],
      ['--deepspeed_config_file', 'deepspeed'],
    ] as const) {
      const o = opts.get(opt);
      if (o?.value && !o.value.unresolved) refs.push({ path: o.value.text, role, file, span: o.value.span });
    }
  } else if (w0 === 'llamafactory-cli' || w0 === 'lmf') {
    if (words[1]?.text !== 'train') return undefined;
    tool = 'llamafactory';
    i = 2;
    style = 'yaml';
    kv = true;
    const np = Number(cmd.env.get('NPROC_PER_NODE') ?? NaN) * Number(cmd.env.get('NNODES') ?? 1);
    if (Number.isFinite(np) && np > 0)
      facts.push({
        ...base(words[0]),
        key: 'devices',
        value: np,
        note: `NPROC_PER_NODE=${cmd.env.get('NPROC_PER_NODE')}`,
      });
  } else if (w0 === 'tune' && words[1]?.text === 'run') {
    tool = 'tune';
    const r = scanOptions(text, words, 2, BOOL_OPTS.torchrun);
    opts = r.opts;
    const td = tuneDevices(file, words[r.next], opts);
    if (td) facts.push(td);
    // `tune run <recipe> --config x.yaml key=value …`
    const rest = words.slice(r.next + 1);
    const ci = rest.findIndex((w) => w.text === '--config' || w.text.startsWith('--config='));
    if (ci === -1) return undefined;
    const cw = rest[ci].text.includes('=') ? { ...rest[ci], text: rest[ci].text.split('=')[1] } : rest[ci + 1];
    if (!cw) return undefined;
    const after = rest.slice(rest[ci].text.includes('=') ? ci + 1 : ci + 2);
    const a = argFields(file, text, after);
    return {
      file,
      tool,
      span: cmd.span,
      target: { path: cw.text, kind: 'config', word: cw },
      fields: a.fields,
      write: argWriter(file, text, after, cw, 'yaml', true),
      complete: a.complete,
      facts,
      envFacts,
      refs,
      accelerate: false,
      positionals: a.positionals,
    };
  } else if (w0 === 'axolotl') {
    if (words[1]?.text !== 'train') return undefined;
    tool = 'axolotl';
    i = 2;
    style = 'yaml';
  } else if (isPython(w0)) {
    tool = 'python';
    const r = scanOptions(text, words, 1, BOOL_OPTS.python);
    i = r.next;
    if (visible !== undefined)
      facts.push({
        ...base(words[0]),
        span: cmd.span,
        key: 'devices',
        value: visible,
        note: `CUDA_VISIBLE_DEVICES=${cvd}${cmd.env.has('CUDA_VISIBLE_DEVICES') ? '' : ' (exported)'}: ${visible} GPU${visible === 1 ? '' : 's'} visible`,
        // Visible on each node: the scheduler's node count multiplies it.
        perNode: true,
      } as DeviceFact);
  } else return undefined;

  // The target: a script, `-m module`, or a config file.
  let target: LaunchCommand['target'];
  if (words[i]?.text === '-m' || words[i]?.text === '--module' || opts.has('-m') || opts.has('--module')) {
    if (words[i]?.text === '-m' || words[i]?.text === '--module') i++;
    const mod = words[i];
    if (!mod) return undefined;
    target = { path: mod.text, kind: 'module', word: mod };
    i++;
    // `-m axolotl.cli.train config.yml`, `-m llamafactory.cli train x.yaml`
    if (/^axolotl\.cli\.train$/.test(mod.text) && words[i] && /\.ya?ml$/.test(words[i].text)) {
      target = { path: words[i].text, kind: 'config', word: words[i] };
      style = 'yaml';
      i++;
    }
  } else if (words[i]) {
    const t = scriptDirWord(words[i]);
    target = { path: t.text, kind: /\.(ya?ml|json)$/i.test(t.text) ? 'config' : 'script', word: t };
    i++;
  }
  const argWords = words.slice(i);
  const a = argFields(file, text, argWords);
  // `--deepspeed ds.json` on the script's command line (HF TrainingArguments); `--deepspeed_config ds.json`
  // (DeepSpeed's own argument, `deepspeed.add_config_arguments`); a script's own `--ds_config`/`--deepspeed_cfg`.
  const ds = [...a.fields].find(
    ([k, f]) => /^(deepspeed|ds)(_config|_cfg)?$/.test(k) && typeof f.value === 'string',
  )?.[1];
  // `--train_engine torch_ddp --deepspeed_config ds.json` (WeNet, CosyVoice, FunASR): the engine the script is told
  // to use is not DeepSpeed, so its config is not read.
  const engine = a.fields.get('train_engine')?.value;
  const otherEngine = typeof engine === 'string' && !/deepspeed/i.test(engine);
  if (ds && typeof ds.value === 'string' && /\.json$/i.test(ds.value) && !otherEngine)
    refs.push({ path: ds.value, role: 'deepspeed', file, span: ds.span });
  refs.push(...configRefs(file, a.fields));
  for (const p of a.positionals)
    if (!p.unresolved && /\.(json|ya?ml)$/i.test(p.text))
      refs.push({ path: p.text, role: target?.kind === 'config' ? 'config' : 'hf-args', file, span: p.span });
  const env = cmd.env.get('ACCELERATE_MIXED_PRECISION');
  if (env)
    envFacts.push({
      ...base(words[0]),
      span: cmd.span,
      key: 'precision',
      value: { no: 'fp32', fp16: 'fp16', bf16: 'bf16', fp8: 'fp8' }[env] ?? null,
      note: `ACCELERATE_MIXED_PRECISION=${env}`,
    });
  return {
    file,
    tool,
    span: cmd.span,
    target,
    fields: a.fields,
    write: argWriter(file, text, argWords, target?.word, style, kv),
    complete: a.complete,
    facts,
    envFacts,
    editEnv,
    refs,
    accelerate: tool === 'accelerate',
    positionals: a.positionals,
  };
}

/**
 * `bash run_job.sh …`, `sh x.sh`, `./x.sh`: a shell script run by this one. Its arguments are read as flags (a
 * recipe's `--ngpu 4`), and the training config it is given (`--config x.yaml`, ESPnet's `--asr_config
 * conf/train.yaml`; not a language-model, decoding or evaluation config) is a reference.
 */
function shellWrapper(file: string, text: string, words: Word[]): LaunchCommand | undefined {
  // `source job.sh` / `. job.sh` runs the script's commands in this shell, with its variables (bash manual, "Bourne
  // Shell Builtins"): its training commands are this launcher's.
  const shell = /^(\/usr)?(\/bin\/)?(ba|z|da)?sh$|^source$|^\.$/.test(words[0]?.text ?? '');
  // `sbatch [options] job.sbatch`: a submit script's job file (its own #SBATCH lines give the allocation).
  const i = words[0]?.text === 'sbatch' ? scanOptions(text, words, 1, BOOL_OPTS.srun).next : shell ? 1 : 0;
  const w = words[i];
  if (!w || w.unresolved || !/\.(sh|bash|sbatch|slurm)$/.test(w.text)) return undefined;
  const t = scriptDirWord(w);
  const a = argFields(file, text, words.slice(i + 1));
  const refs: Ref[] = [];
  for (const [name, f] of a.fields)
    if (
      /(^|_)config$/.test(name) &&
      !/(^|_)(lm|inference|decode|eval|test|valid)(_|$)/.test(name) &&
      typeof f.value === 'string' &&
      /\.(ya?ml|json|toml)$/i.test(f.value)
    )
      refs.push({ path: f.value, role: 'config', file, span: f.span });
  return {
    file,
    tool: 'shell',
    span: { start: words[0].span.start, end: words[words.length - 1].span.end },
    target: { path: t.text, kind: 'script', word: t },
    fields: a.fields,
    write: () => undefined,
    complete: false,
    facts: [],
    envFacts: [],
    refs,
    accelerate: false,
    positionals: a.positionals,
  };
}

export type { Field };
