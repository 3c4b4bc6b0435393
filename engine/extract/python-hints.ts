// Code signals any Python training script shows whatever its framework, for the rules beyond the footprint: the
// attention kernel and 4-bit compute dtype asked of `from_pretrained`, `DataParallel`, cuDNN autotuning and TF32
// switches, debug instrumentation (anomaly detection, CUDA_LAUNCH_BLOCKING, the profiler), host syncs and cache
// flushes inside the training loop, unfused optimizers, padding to the maximum length, hyper-parameter searches
// (Optuna, W&B, scikit-learn grids), credentials written in the code, and data read from local files. Each becomes a
// fact with the span of what decides it. Calls are found from the text (findCalls), assignments by a regex whose hit
// the tree confirms is code (not a comment or string). Nothing is evaluated.
import type { SyntaxNode } from '../parse/python';
import { findCalls, literal, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact, FactKey, FactValue } from '../types';
import { dtypeOf } from './python-common';
import { argInsert, offByDefaultGuard } from './python-scan';
import type { ValueResolver } from './python-values';
import { wandbSweepDictFacts } from './wandb-sweep';
import { hostSyncFact } from './host-sync';
import { mediaLogFact } from './media-log';
import { optimizerImplFact } from './optimizer-impl';
import { emptyCacheFact } from './empty-cache';
import { rayTuneFacts } from './ray-tune';
import { secretKind } from './secrets';
import { dataParallelFact } from './data-parallel';
import { pythonFsdpOffload } from './fsdp-offload';
import { trainingBatchCall } from './tfdata-pipeline';
import { inCode } from './python-branch';
import { maxLengthPadding } from './padding';

const CALLS = [
  'from_pretrained',
  'DataParallel',
  'set_detect_anomaly',
  'detect_anomaly',
  'profile',
  'login',
  'BitsAndBytesConfig',
  'AdamW',
  'Adam',
  'create_study',
  'optimize',
  'GridSearchCV',
  'agent',
  'sweep',
  'empty_cache',
  'set_float32_matmul_precision',
  'DataLoader',
  'read_csv',
  'read_json',
  'load_from_disk',
  'fit',
  'fit_generator',
  'push_to_hub',
  'run',
  'Tuner',
  'TuneConfig',
];

export { argInsert };

/**
 * A debug switch under `if args.debug:` (a flag off by default) runs only when asked for. Not under
 * `if not args.no_anomaly:`: there the switch is on unless the flag is given.
 */
function debugOnlyOnFlag(node: SyntaxNode, values: ValueResolver): boolean {
  for (let p = node.parent; p; p = p.parent)
    if (p.type === 'if_statement') {
      if (p.childForFieldName('condition')?.type === 'not_operator') return false;
      break;
    }
  return !!offByDefaultGuard(node, undefined, values);
}

const DETERMINISTIC = /cudnn\.deterministic\s*=\s*True|use_deterministic_algorithms\(\s*True/;

const SECRET_CONTEXT =
  /(?:^|[^\w])(?:login|api_key|key|token|hub_token|use_auth_token|HF_TOKEN|HUGGING_FACE_HUB_TOKEN|HUGGINGFACE_TOKEN|WANDB_API_KEY|OPENAI_API_KEY)\b/;

/** A log-in command with its key, as notebooks exported to .py run it (`!wandb login KEY`, `get_ipython().system(…)`). */
const LOGIN_COMMAND =
  /\b(?:wandb\s+login(?:\s+--relogin)?|(?:huggingface-cli|hf(?:\s+auth)?)\s+login\s+--token)[=\s]+([\w-]{20,})/g;

function credential(file: string, root: SyntaxNode, text: string): Fact | undefined {
  for (const m of text.matchAll(LOGIN_COMMAND)) {
    const kind = secretKind(m[1]);
    let comment = false;
    for (let p: SyntaxNode | null = root.descendantForIndex(m.index, m.index + 1); p; p = p.parent)
      if (p.type === 'comment') comment = true;
    if (!kind || comment) continue;
    return {
      key: 'credential',
      value: kind,
      origin: 'explicit',
      file,
      span: { start: m.index, end: m.index + m[0].length },
      note: `a ${kind} written in the code (not shown)`,
    };
  }
  for (const m of text.matchAll(/["']((?:hf_|sk-|wandb_v\d+_)[A-Za-z0-9_-]{20,}|[0-9a-f]{40})["']/g)) {
    const kind = secretKind(m[1]);
    if (!kind) continue;
    const node = root.descendantForIndex(m.index + 1, m.index + 2);
    let str: SyntaxNode | null = node;
    while (str && str.type !== 'string') str = str.parent;
    if (!str) continue;
    // What the string is given to: a keyword argument, a call, an assignment target (`os.environ["HF_TOKEN"] = …`).
    // A keyword argument: the call it is passed to (`wandb.login(key=…)` names W&B in its callee, not in the kwarg).
    const kwCall = str.parent?.type === 'keyword_argument' ? str.parent.parent?.parent : undefined;
    const ctx =
      str.parent?.type === 'keyword_argument'
        ? `${str.parent.text} ${kwCall?.childForFieldName('function')?.text ?? ''}`
        : (str.parent?.parent?.text ?? '');
    // The default of a command-line option or a dataclass field (`add_argument("--wandb-key", default="…")`,
    // `field(default="…")` under `hf_token: str`): what it is given to is the option's name.
    const option =
      str.parent?.type === 'keyword_argument' &&
      str.parent.childForFieldName('name')?.text === 'default' &&
      /(^|\.)(add_argument|field|Field)$/.test(kwCall?.childForFieldName('function')?.text ?? '')
        ? [
            ...(kwCall?.childForFieldName('arguments')?.namedChildren.filter((a) => a?.type === 'string') ?? []),
            kwCall?.parent?.type === 'assignment' ? kwCall.parent.childForFieldName('left') : null,
          ]
            .map((a) => (a?.text ?? '').replace(/^["']-*|["']$/g, '').replace(/-/g, '_'))
            .join(' ')
        : '';
    const assigned =
      (str.parent?.type === 'assignment' ? (str.parent.childForFieldName('left')?.text ?? '') : '') + option;
    const around = `${ctx.slice(0, 200)} ${assigned}`;
    if (kind === 'Weights & Biases API key' && !/wandb|WANDB/.test(around)) continue;
    if (!SECRET_CONTEXT.test(around) && !/token|key|secret/i.test(assigned)) continue;
    return {
      key: 'credential',
      value: kind,
      origin: 'explicit',
      file,
      span: spanOf(str),
      note: `a ${kind} written in the code (not shown)`,
    };
  }
  return undefined;
}

/** The dict literal a name is assigned at the start of a line (`param_grid = {`), if any. */
function dictAssigned(name: SyntaxNode, text: string): SyntaxNode | undefined {
  const m = new RegExp(`(?:^|\\n)\\s*${name.text}\\s*=\\s*\\{`).exec(text);
  if (!m) return undefined;
  const n = name.tree.rootNode.descendantForIndex(m.index + m[0].length - 1);
  return n?.type === 'dictionary' ? n : n?.parent?.type === 'dictionary' ? n.parent : undefined;
}

/** Optuna / W&B / scikit-learn searches: trial cap, pruner, grid size. */
function sweepFacts(file: string, calls: CallSite[], values: ValueResolver, put: (f: Fact) => void, text: string) {
  const study = calls.find((c) => c.callee.endsWith('create_study'));
  const optimize = calls.find((c) => c.name === 'optimize' && /study|optuna/i.test(c.callee));
  const anchor = optimize ?? study;
  if (anchor) {
    put({ key: 'sweep', value: 'optuna', origin: 'explicit', file, span: spanOf(anchor.node) });
    if (optimize) {
      const n = optimize.kwargs.get('n_trials');
      const t = optimize.kwargs.get('timeout');
      const r = n ? values.resolve(n.value) : undefined;
      put({
        key: 'sweep_trials',
        value: n ? (typeof r?.value === 'number' ? r.value : null) : t ? null : 'unbounded',
        origin: n || t ? 'explicit' : 'framework-default',
        file,
        span: spanOf(n?.node ?? t?.node ?? optimize.node),
        argInsert: argInsert(optimize),
        note: n
          ? `n_trials=${n.value.text}`
          : t
            ? `timeout=${t.value.text}`
            : 'study.optimize without n_trials or timeout',
      });
    }
    if (study) {
      const p = study.kwargs.get('pruner');
      // Trials that never report intermediate values cannot be pruned whatever the pruner: not judged (null).
      const reports = /\.report\(|\.should_prune\(|PruningCallback/.test(text);
      put({
        key: 'sweep_pruner',
        value: !reports ? null : p ? !/NopPruner/.test(p.value.text) : true,
        origin: p ? 'explicit' : 'framework-default',
        file,
        span: spanOf(p?.node ?? study.node),
        argInsert: argInsert(study),
        note: p
          ? `pruner=${p.value.text}`
          : 'create_study without a pruner (Optuna then uses MedianPruner only if trials report)',
      });
    }
  }
  // `wandb.sweep(sweep_config, project=…)` with the config a dict literal (or a name assigned one).
  const sw = calls.find((c) => c.callee === 'wandb.sweep');
  const swArg = sw?.positional[0] ?? sw?.kwargs.get('sweep')?.value;
  const swDict =
    swArg?.type === 'dictionary' ? swArg : swArg?.type === 'identifier' ? dictAssigned(swArg, text) : undefined;
  const sweepConfig = swDict ? wandbSweepDictFacts(file, swDict) : undefined;
  for (const f of sweepConfig?.facts ?? []) put(f);
  const grid = sweepConfig?.facts.find((f) => f.key === 'sweep_grid');
  for (const f of rayTuneFacts(file, calls, values, (n) =>
    n?.type === 'dictionary' ? n : n?.type === 'identifier' ? dictAssigned(n, text) : undefined,
  ))
    put(f);
  const agent = calls.find((c) => c.callee === 'wandb.agent');
  // A grid sweep ends when its grid is done: an agent without count is bounded by it.
  if (agent && sweepConfig?.method === 'grid') {
    if (!agent.kwargs.get('count'))
      put({
        key: 'sweep_trials',
        value: typeof grid?.value === 'number' ? grid.value : null,
        origin: 'framework-default',
        file,
        span: spanOf(agent.node),
        note: 'wandb.agent without count on a grid sweep: it stops when the grid is done',
      });
  } else if (agent) {
    const count = agent.kwargs.get('count');
    put({ key: 'sweep', value: 'wandb', origin: 'explicit', file, span: spanOf(agent.node) });
    put({
      key: 'sweep_trials',
      value: count
        ? typeof values.resolve(count.value).value === 'number'
          ? (values.resolve(count.value).value as number)
          : null
        : 'unbounded',
      origin: count ? 'explicit' : 'framework-default',
      file,
      span: spanOf(count?.node ?? agent.node),
      argInsert: argInsert(agent),
      note: count
        ? `count=${count.value.text}`
        : 'wandb.agent without count: random and Bayesian sweeps run until stopped',
    });
  }
  const gridCall = calls.find((c) => c.name === 'GridSearchCV');
  const gridArg = gridCall?.kwargs.get('param_grid')?.value ?? gridCall?.positional[1];
  if (gridCall && gridArg) {
    const grid = gridCall;
    const dict =
      gridArg.type === 'dictionary' ? gridArg : gridArg.type === 'identifier' ? dictAssigned(gridArg, text) : undefined;
    let size = dict ? 1 : undefined;
    for (const pair of dict?.namedChildren ?? []) {
      const v = pair?.childForFieldName('value');
      if (pair?.type !== 'pair' || !v) continue;
      size =
        size !== undefined && (v.type === 'list' || v.type === 'tuple') ? size * v.namedChildren.length : undefined;
      if (size === undefined) break;
    }
    const folds = literal(grid.kwargs.get('cv')?.value);
    put({ key: 'sweep', value: 'grid', origin: 'explicit', file, span: spanOf(grid.node) });
    if (size !== undefined)
      put({
        key: 'sweep_grid',
        value: size * (typeof folds === 'number' ? folds : 5),
        origin: 'explicit',
        file,
        span: spanOf(gridArg),
        note: `${size} combinations × ${typeof folds === 'number' ? folds : 5} folds (cv${typeof folds === 'number' ? '' : ' defaults to 5'})`,
      });
  }
}

export function pythonHints(file: string, text: string, root: SyntaxNode, values: ValueResolver): Fact[] {
  const out = new Map<FactKey, Fact>();
  const put = (f: Fact) => {
    if (!out.has(f.key) || f.origin === 'explicit') out.set(f.key, f);
  };
  const calls = findCalls(root, text, CALLS);
  const fact = (key: FactKey, value: FactValue, node: SyntaxNode, note: string, extra: Partial<Fact> = {}): Fact => ({
    key,
    value,
    origin: 'explicit',
    file,
    span: spanOf(node),
    note,
    ...extra,
  });
  for (const c of calls) {
    if (c.name === 'from_pretrained') {
      const a = c.kwargs.get('attn_implementation');
      const r = a ? values.resolve(a.value) : undefined;
      if (a && !out.has('attn_impl'))
        put(
          fact(
            'attn_impl',
            typeof r?.value === 'string' ? r.value : null,
            a.node,
            `attn_implementation=${a.value.text}`,
          ),
        );
    } else if (
      c.name === 'set_detect_anomaly' &&
      (c.positional[0] ?? c.kwargs.get('mode')?.value)?.type === 'true' &&
      !debugOnlyOnFlag(c.node, values)
    )
      put(fact('debug_flag', 'detect_anomaly', c.node, `${c.callee}(True)`));
    else if (c.name === 'detect_anomaly' && /autograd/.test(c.callee) && !debugOnlyOnFlag(c.node, values))
      put(fact('debug_flag', 'detect_anomaly', c.node, `${c.callee}()`));
    else if (c.name === 'profile' && /profiler/.test(c.callee) && !c.kwargs.has('schedule'))
      put(fact('profiler', 'unscheduled', c.node, `${c.callee}(…) without a schedule: every step is traced`));
    else if (c.name === 'BitsAndBytesConfig') {
      const four = c.kwargs.get('load_in_4bit');
      if (four?.value.type !== 'true') continue;
      const cd = c.kwargs.get('bnb_4bit_compute_dtype');
      put(
        cd
          ? fact('compute_dtype', dtypeOf(cd.value.text) ?? null, cd.node, `bnb_4bit_compute_dtype=${cd.value.text}`)
          : {
              key: 'compute_dtype',
              value: 'fp32',
              origin: 'framework-default',
              file,
              span: spanOf(c.node),
              argInsert: argInsert(c),
              note: 'BitsAndBytesConfig: bnb_4bit_compute_dtype defaults to torch.float32',
            },
      );
    } else if (c.name === 'set_float32_matmul_precision') {
      const v = literal(c.positional[0]);
      if (typeof v === 'string')
        put({ ...fact('tf32', v !== 'highest', c.node, `${c.callee}("${v}")`), name: c.callee, form: 'call' });
    } else if (
      (c.name === 'fit' || c.name === 'fit_generator') &&
      (c.kwargs.get('validation_data') ?? c.kwargs.get('validation_split'))
    ) {
      const v = c.kwargs.get('validation_data') ?? c.kwargs.get('validation_split');
      if (v) put(fact('validation', true, v.node, `fit(${v.name}=…): a validation set is evaluated every epoch`));
    } else if (c.name === 'push_to_hub' && !/trainer/i.test(c.callee) && (c.positional[0] ?? c.kwargs.get('repo_id'))) {
      // `model.push_to_hub("user/name")` creates a public repository unless `private=True` (huggingface_hub
      // create_repo: private defaults to None, i.e. public unless the organisation's default says otherwise).
      put(fact('push_to_hub', true, c.node, `${c.callee}(…) uploads the model to the Hub`, { form: 'model-call' }));
      const priv = c.kwargs.get('private');
      const r = priv ? values.resolve(priv.value) : undefined;
      put(
        priv
          ? fact('hub_private', typeof r?.value === 'boolean' ? r.value : null, priv.node, `private=${priv.value.text}`)
          : {
              key: 'hub_private',
              value: false,
              origin: 'framework-default',
              file,
              span: spanOf(c.node),
              argInsert: argInsert(c),
              note: `${c.callee}(…) without private=True: a new repository is public`,
            },
      );
    } else if (['read_csv', 'read_json', 'load_from_disk'].includes(c.name)) {
      put(fact('local_data', true, c.node, `${c.callee}(…) reads local data`));
    }
  }
  // load_dataset("json"/"csv", data_files=…) and load_dataset("./folder"): local data.
  for (const c of findCalls(root, text, ['load_dataset'])) {
    const first = literal(c.positional[0]);
    if (
      c.kwargs.has('data_files') ||
      c.kwargs.has('data_dir') ||
      (typeof first === 'string' && /^(\.{0,2}\/|~|json$|csv$|parquet$|text$|imagefolder$)/.test(first))
    )
      put(fact('local_data', true, c.node, `${c.callee}(…) reads local files`));
  }
  const padding = maxLengthPadding(file, root, text, values);
  if (padding && !out.has('padding')) put(padding);
  for (const [re, key, value] of [
    [/torch\.backends\.cudnn\.benchmark\s*=\s*(True|False)\b/g, 'cudnn_benchmark', undefined],
    [/torch\.backends\.cuda\.matmul\.allow_tf32\s*=\s*(True|False)\b/g, 'tf32', undefined],
    [/os\.environ\[\s*["']CUDA_LAUNCH_BLOCKING["']\s*\]\s*=\s*["']1["']/g, 'debug_flag', 'CUDA_LAUNCH_BLOCKING'],
    [
      /os\.environ\.setdefault\(\s*["']CUDA_LAUNCH_BLOCKING["']\s*,\s*["']1["']\s*\)/g,
      'debug_flag',
      'CUDA_LAUNCH_BLOCKING',
    ],
    [
      /os\.environ\[\s*["']TORCH_SHOW_CPP_STACKTRACES["']\s*\]\s*=\s*["']1["']/g,
      'debug_flag',
      'TORCH_SHOW_CPP_STACKTRACES',
    ],
  ] as [RegExp, FactKey, string | undefined][]) {
    for (const m of text.matchAll(re)) {
      if (!inCode(root, m.index)) continue;
      // `if args.debug: os.environ[...] = "1"`: only when a flag that is off by default is given.
      const at = root.descendantForIndex(m.index, m.index + 1);
      if (key === 'debug_flag' && (out.has('debug_flag') || (at && debugOnlyOnFlag(at, values)))) continue;
      // benchmark=False next to deterministic algorithms is a reproducibility choice, not an oversight.
      if (key === 'cudnn_benchmark' && m[1] === 'False' && DETERMINISTIC.test(text)) continue;
      const v: FactValue = value ?? m[1] === 'True';
      put({
        key,
        value: v,
        origin: 'explicit',
        file,
        span: { start: m.index, end: m.index + m[0].length },
        note: m[0],
        // The assignment's target as written (`torch.backends.cudnn.benchmark`): a fix writes `<target> = True`.
        ...(value === undefined ? { name: m[0].split('=')[0].trim(), form: 'assignment' as const } : {}),
      });
    }
  }
  // tf.data pipelines: batched without a final prefetch, the accelerator waits for each batch.
  if (/\btf\.data\b/.test(text) && !/\.prefetch\(/.test(text)) {
    const batch = findCalls(root, text, ['batch']).filter((c) => c.callee.includes('.') && c.positional.length > 0);
    // The training pipeline's batch, not the evaluation one a script often builds last.
    const last = trainingBatchCall(root, text, batch);
    if (last)
      put(
        fact(
          'prefetch',
          false,
          last.node,
          `${last.callee.split('.').pop()}(…) with no .prefetch(…) after it in the tf.data pipeline`,
        ),
      );
  }
  const dp = dataParallelFact(file, root, text, values);
  if (dp) put(dp);
  const offload = pythonFsdpOffload(file, root, text, values);
  if (offload) put(offload);
  const impl = optimizerImplFact(file, text, calls);
  if (impl) put(impl);
  const emptyCache = emptyCacheFact(file, calls, values);
  if (emptyCache) put(emptyCache);
  const sync = hostSyncFact(file, root, text);
  if (sync) put(sync);
  const media = mediaLogFact(file, root, text);
  if (media) put(media);
  sweepFacts(file, calls, values, put, text);
  const cred = credential(file, root, text);
  if (cred) put(cred);
  return [...out.values()];
}
