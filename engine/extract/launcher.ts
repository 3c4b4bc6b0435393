// Shell launchers: `torchrun --nproc_per_node=8 train.py …`, `python -m torch.distributed.run`, `deepspeed
// --num_gpus`, `accelerate launch --mixed_precision bf16 --num_processes 8 --config_file x.yaml`, `python train.py
// --bf16 True --deepspeed ds.json`, `llamafactory-cli train x.yaml key=value`, `tune run … --config x.yaml`, `axolotl
// train x.yaml`, behind `srun` and SLURM `#SBATCH --gres=gpu:a100:8 --nodes`. Read with ../parse/shell; nothing runs.
import { argFields, argWriter, num, slurm } from './launcher-args';
import { parseShell, type Command, type Word } from '../parse/shell';
import type { Fact, FactValue, OffsetEdit, Span } from '../types';
import { type Field, type FieldWriter, type Fields } from './fields';
import type { Ref } from './run-draft';

export type LaunchTool = 'python' | 'torchrun' | 'deepspeed' | 'accelerate' | 'llamafactory' | 'tune' | 'axolotl';

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
}

const BOOL_OPTS: Record<string, Set<string>> = {
  torchrun: new Set([
    '--standalone',
    '--no-python',
    '--no_python',
    '--run-path',
    '--run_path',
    '--use_env',
    '--use-env',
    '--module',
    '-m',
  ]),
  deepspeed: new Set([
    '--module',
    '--no_python',
    '--no_local_rank',
    '--force_multi',
    '--elastic_training',
    '--bind_cores_to_rank',
    '--enable_each_rank_log',
    '--save_pid',
    '--no_ssh',
    '--no_ssh_check',
  ]),
  accelerate: new Set([
    '--multi_gpu',
    '--cpu',
    '--use_deepspeed',
    '--use_fsdp',
    '--use_megatron_lm',
    '--tpu',
    '--module',
    '-m',
    '--no_python',
    '--debug',
    '--quiet',
    '-q',
    '--same_network',
    '--use_xpu',
    '--rdzv_conf',
  ]),
  python: new Set(['-u', '-O', '-OO', '-B', '-b', '-E', '-s', '-S', '-I', '-q', '-v', '-m']),
  srun: new Set([
    '--exclusive',
    '--pty',
    '--unbuffered',
    '-u',
    '-l',
    '--label',
    '--overlap',
    '--kill-on-bad-exit',
    '-K',
  ]),
};

const isPython = (w: string) => /(^|\/)python(\d(\.\d+)?)?$/.test(w);

/** Option words before the target: name → value word (undefined for boolean flags). */
function scanOptions(
  text: string,
  words: Word[],
  i: number,
  bools: Set<string>,
): { opts: Map<string, { value?: Word; word: Word }>; next: number } {
  const opts = new Map<string, { value?: Word; word: Word }>();
  while (
    i < words.length &&
    words[i].text.startsWith('-') &&
    words[i].text !== '-' &&
    words[i].text !== '-m' &&
    words[i].text !== '--module'
  ) {
    const w = words[i];
    const eq = w.text.indexOf('=');
    if (eq > 0) {
      const rawEq = text.slice(w.span.start, w.span.end).indexOf('=');
      const valueWord: Word = {
        ...w,
        text: w.text.slice(eq + 1),
        span: { start: w.span.start + rawEq + 1, end: w.span.end },
      };
      opts.set(w.text.slice(0, eq).replace(/-/g, '_').replace(/^__?/, '--'), { value: valueWord, word: w });
      i++;
    } else if (bools.has(w.text)) {
      opts.set(w.text.replace(/-/g, '_').replace(/^__?/, '--'), { word: w });
      i++;
    } else {
      opts.set(w.text.replace(/-/g, '_').replace(/^__?/, '--'), { value: words[i + 1], word: w });
      i += 2;
    }
  }
  return { opts, next: i };
}

export function parseLauncher(file: string, text: string): LaunchCommand[] {
  const script = parseShell(text);
  const s = slurm(file, script.comments);
  const out: LaunchCommand[] = [];
  for (const cmd of script.commands) {
    const lc = readCommand(file, text, cmd);
    if (!lc) continue;
    // SLURM: GPUs per node × nodes when the command does not say; the GPU type always.
    if (s.hardware && !lc.facts.some((f) => f.key === 'hardware')) lc.facts.push(s.hardware);
    const devices = lc.facts.find((f) => f.key === 'devices');
    const nodes = s.nodes?.value ?? 1;
    if (!devices) {
      if (s.total) lc.facts.push(s.total);
      else if (s.perNode)
        lc.facts.push({
          ...s.perNode,
          value: (s.perNode.value as number) * nodes,
          note: `${s.perNode.note}${nodes > 1 ? ` × ${nodes} nodes` : ''}`,
        });
    } else if ((devices as Fact & { perNode?: boolean }).perNode && nodes > 1) {
      devices.value = (devices.value as number) * nodes;
      devices.note = `${devices.note} × ${nodes} nodes (#SBATCH --nodes)`;
    }
    for (const f of lc.facts) delete (f as Fact & { perNode?: boolean }).perNode;
    out.push(lc);
  }
  return out;
}

function readCommand(file: string, text: string, cmd: Command): LaunchCommand | undefined {
  let words = cmd.words;
  if (words[0]?.text === 'srun' || words[0]?.text === 'mpirun')
    words = words.slice(scanOptions(text, words, 1, BOOL_OPTS.srun).next);
  if (words.length === 0) return undefined;
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
    const np = opts.get('--nproc_per_node');
    const nn = opts.get('--nnodes');
    const n = num(np?.value);
    const nodes = num(nn?.value) ?? 1;
    if (n)
      facts.push({
        ...base(np!.word),
        span: { start: np!.word.span.start, end: np!.value!.span.end },
        key: 'devices',
        value: n * nodes,
        note: `${w0} --nproc_per_node=${n}${nodes > 1 ? ` --nnodes=${nodes}` : ''}`,
        perNode: !nn || num(nn.value) === undefined,
      } as Fact);
  } else if (w0 === 'deepspeed') {
    tool = 'deepspeed';
    const r = scanOptions(text, words, 1, BOOL_OPTS.deepspeed);
    opts = r.opts;
    i = r.next;
    const g = opts.get('--num_gpus');
    const inc = opts.get('--include');
    const nodes = num(opts.get('--num_nodes')?.value) ?? 1;
    const n =
      num(g?.value) ??
      (inc?.value && /^[\w.-]+:[\d,]+$/.test(inc.value.text)
        ? inc.value.text.split(':')[1].split(',').length
        : undefined);
    const at = g ?? inc;
    if (n && at)
      facts.push({
        ...base(at.word),
        key: 'devices',
        value: n * nodes,
        note: `deepspeed ${at.word.text} ${at.value?.text ?? ''}`.trim(),
        perNode: !opts.has('--num_nodes'),
      } as Fact);
  } else if (w0 === 'accelerate' && words[1]?.text === 'launch') {
    tool = 'accelerate';
    const r = scanOptions(text, words, 2, BOOL_OPTS.accelerate);
    opts = r.opts;
    i = r.next;
    const np = opts.get('--num_processes');
    if (num(np?.value))
      facts.push({
        ...base(np!.word),
        key: 'devices',
        value: num(np!.value)!,
        note: `accelerate launch --num_processes ${np!.value!.text}`,
      });
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
    if (opts.has('--cpu'))
      facts.push({ ...base(opts.get('--cpu')!.word), key: 'hardware', value: 'cpu', note: 'accelerate launch --cpu' });
    const zs = opts.get('--zero_stage');
    if (num(zs?.value) !== undefined)
      facts.push({
        ...base(zs!.word),
        key: 'zero_stage',
        value: num(zs!.value)!,
        note: `accelerate launch --zero_stage ${zs!.value!.text}`,
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
    const np = opts.get('--nproc_per_node');
    if (num(np?.value))
      facts.push({
        ...base(np!.word),
        key: 'devices',
        value: num(np!.value)! * (num(opts.get('--nnodes')?.value) ?? 1),
        note: `tune run --nproc_per_node ${np!.value!.text}`,
        perNode: !opts.has('--nnodes'),
      } as Fact);
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
    const cvd = cmd.env.get('CUDA_VISIBLE_DEVICES');
    if (cvd && /^\d+(,\d+)*$/.test(cvd))
      facts.push({
        ...base(words[0]),
        span: cmd.span,
        key: 'devices',
        value: cvd.split(',').length,
        note: `CUDA_VISIBLE_DEVICES=${cvd}`,
      });
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
    const t = words[i];
    target = { path: t.text, kind: /\.(ya?ml|json)$/i.test(t.text) ? 'config' : 'script', word: t };
    i++;
  }
  const argWords = words.slice(i);
  const a = argFields(file, text, argWords);
  // `--deepspeed ds.json` on the script's command line (HF TrainingArguments).
  const ds = a.fields.get('deepspeed');
  if (ds && typeof ds.value === 'string' && /\.json$/i.test(ds.value))
    refs.push({ path: ds.value, role: 'deepspeed', file, span: ds.span });
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

export type { Field };
