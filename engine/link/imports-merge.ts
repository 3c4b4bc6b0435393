// The facts of the modules a script calls (./imports), joined to the script's run. The module that runs the training
// step is read by the engine's own readers (the linker's `pythonRuns`); an optimizer or DataLoader built in another
// module the script reaches (`build_optimizer(args, model)` in optimizer.py, `get_loader(…)` in a data module) by the
// optimizer and DataLoader readers. A value the module reads from the script's arguments (`self.args.train_epochs`,
// `batch_size=args.batch_size`) is the default the script's argparse declares; mixed precision behind a flag the
// script leaves off (`if self.args.use_amp:`) is fp32; an autocast only in an evaluation function is not the
// training's precision. Then the script's own loop around the call: its epochs and the checkpoint it saves per epoch;
// nothing overrides a value the script states (./unused-steps: a step option that loop never reads is dropped).
import * as path from 'node:path';
import type { SyntaxNode } from '../parse/python';
import { callSite, findCalls, literal, spanOf } from '../parse/python-syntax';
import type { Fact, FactKey } from '../types';
import type { RunDraft } from '../extract/run-draft';
import { ValueResolver } from '../extract/python-values';
import { optimizerFact } from '../extract/python-optimizer';
import { dataLoaderFacts, loopsAround } from '../extract/python-scan';
import { methodsOf } from '../extract/python-imports';
import { rangeArg } from '../extract/loop-bounds';
import { dropUnusedSteps } from './unused-steps';
import { MULTI_PROCESS } from '../extract/data-parallel';
import { judgedLoaderFacts } from '../extract/pinned-copies';
import type { Linker } from './linker';
import type { Mod } from './import-walk';
import { reachedOptimizer } from './repo-optimizer';
import { scriptValues, type LaunchCommand } from './launched-args';
import { switchPassedOn } from './passed-switch';
import { callerLoopFacts, type ScriptArgs } from './caller-loop';
import { methodArg } from './method-arg';

export interface Reached {
  mod: Mod;
  def: SyntaxNode;
}

/** Facts a called module can show about the run (not devices, model or hardware: those the script and launcher say). */
const TAKEN: FactKey[] = [
  'precision',
  'optimizer',
  'grad_accum',
  'periodic_save',
  'save_steps',
  'save_only_model',
  'num_workers',
  'pin_memory',
  'epochs',
  'max_steps',
  'micro_batch',
  'global_batch',
  'compile',
  // `nn.DataParallel(model)` in the module that trains: one process splits each loader batch over the GPUs.
  'data_parallel',
];
/** Origins that state a value (a default we supply or a guess does not). */
const STATED = new Set<Fact['origin']>(['explicit', 'script-default', 'inferred']);
/** Functions that evaluate or predict: their autocast is not the training step's precision. */
const EVAL_FN =
  /^_?(eval|evaluate|valid|validate|validation|vali|test|infer|inference|predict|sample|generate)(_\w*)?$/i;
/** `args.x`, `self.args.x`, `opt.x`, `self.cfg.x`: a value read from the command line's parsed arguments. */
const ARG_ATTR = /^(?:self\.)?(?:args|opt|opts|cfg|config|hparams|params|flags|FLAGS)\.(\w+)$/;

const enclosingFn = (n: SyntaxNode | null): SyntaxNode | undefined => {
  for (let p = n?.parent; p; p = p.parent) if (p.type === 'function_definition') return p;
  return undefined;
};
const nodeAt = (root: SyntaxNode, f: Fact) =>
  f.span ? (root.descendantForIndex(f.span.start, Math.max(f.span.start, f.span.end - 1)) ?? undefined) : undefined;

/** The argparse default the script declares for the argument an expression reads (`self.args.x`, `opt.x`), if any. */
function scriptArg(expr: string, args: ScriptArgs) {
  const m = ARG_ATTR.exec(expr.replace(/^\w+\s*=\s*/, '').trim());
  const d = m ? args.values.declaredDefault(m[1]) : undefined;
  return d && m ? { ...d, dest: m[1], file: args.fileOf(d.node) } : undefined;
}

/**
 * The same for an expression that reads the argument through a local of the module (`accum_iter = args.accum_iter`
 * … `(step + 1) % accum_iter`): the first name in it assigned from the script's arguments in that module.
 */
function argThroughLocal(expr: string, mod: Mod, args: ScriptArgs) {
  const direct = scriptArg(expr, args);
  if (direct) return direct;
  for (const [name] of expr.matchAll(/\b[A-Za-z_]\w*\b/g)) {
    const m = new RegExp(`^\\s*${name}\\s*=\\s*((?:self\\.)?\\w+\\.\\w+)\\s*$`, 'm').exec(mod.text);
    const d = m ? scriptArg(m[1], args) : undefined;
    if (d) return d;
  }
  return undefined;
}

/**
 * `self.train_times` in a trainer class whose `__init__` sets `self.train_times = train_times`: what the script passes
 * for that parameter where it builds the class (`Trainer(…, train_times=1000)`, `SentenceRE(max_epoch=args.max_epoch)`),
 * else the parameter's default.
 */
function constructorArg(expr: string, at: SyntaxNode | undefined, script: Mod, args: ScriptArgs) {
  const m = /^self\.(\w+)$/.exec(expr.replace(/^\w+\s*=\s*/, '').trim());
  let cls = at?.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  const init = cls && methodsOf(cls).get('__init__');
  const clsName = cls?.childForFieldName('name')?.text;
  if (!init || !clsName) return undefined;
  // The module read `self.steps` as `__init__`'s default (`steps=10`): the fact sits on that default.
  const asDefault =
    at?.parent?.type === 'default_parameter' || at?.parent?.type === 'typed_default_parameter'
      ? at.parent.childForFieldName('name')?.text
      : undefined;
  const param =
    asDefault ?? (m ? new RegExp(`^\\s*self\\.${m[1]}\\s*=\\s*(\\w+)\\s*$`, 'm').exec(init.text)?.[1] : undefined);
  const params = (init.childForFieldName('parameters')?.namedChildren ?? []).filter(
    (p): p is SyntaxNode => !!p && p.type !== 'comment',
  );
  const index = params.findIndex((p) => (p.childForFieldName('name') ?? p).text === param);
  if (!param || index < 1) return undefined;
  const built = script.root
    .descendantsOfType('call')
    .map((c) => (c ? callSite(c) : undefined))
    .find((c) => c?.name === clsName);
  if (!built || built.hasSplat) return undefined;
  const given = built.kwargs.get(param)?.value ?? built.positional[index - 1];
  if (given) {
    const r = args.values.resolve(given);
    return r.value === undefined
      ? undefined
      : {
          value: r.value,
          node: r.node ?? given,
          file: args.fileOf(r.node ?? given),
          origin: r.scriptDefault ? ('script-default' as const) : ('explicit' as const),
          via: `${clsName}(${param}=${given.text})${r.via ? `, ${r.via}` : ''}`,
        };
  }
  const def = params[index].childForFieldName('value');
  const v = def ? literal(def) : undefined;
  return v === undefined || !def
    ? undefined
    : { value: v, node: def, file: '', origin: 'script-default' as const, via: `default of ${clsName}(${param}=…)` };
}

/** A module's fact through the script: unknown values read from the script's arguments, flags the script leaves off. */
function throughScript(f: Fact, step: Mod, script: Mod, values: ScriptArgs, id: (f: string) => string): Fact {
  const at = nodeAt(step.root, f);
  // The value the script passes where the module's fact was read.
  const passed = (c: NonNullable<ReturnType<typeof constructorArg>>): Fact => ({
    ...f,
    value: c.value,
    origin: c.origin,
    file: id(c.file || step.file),
    span: spanOf(c.node),
    note: `${f.note ?? f.key} — ${c.via}`,
  });
  // A trainer's `__init__` default the module read (`steps=10`): the value the script passes when it builds it.
  if (typeof f.value === 'number' && f.span && at && at.parent?.type.endsWith('default_parameter')) {
    const c = constructorArg('', at, script, values);
    if (c && typeof c.value === 'number' && c.node !== at) return passed(c);
  }
  if (f.value === null && f.span && f.key !== 'precision') {
    const d = argThroughLocal(step.text.slice(f.span.start, f.span.end), step, values);
    const named = f.key === 'optimizer' || f.key === 'model';
    const ok = typeof d?.value === 'number' || (named && typeof d?.value === 'string');
    if (d && ok)
      return {
        ...f,
        value: d.value,
        origin: 'script-default',
        file: id(d.file),
        span: spanOf(d.node),
        note: `${f.note ?? f.key} — ${d.via} in ${path.basename(d.file)}`,
      };
    const c = constructorArg(step.text.slice(f.span.start, f.span.end), at, script, values);
    if (c && typeof c.value === 'number') return passed(c);
    // A parameter of the module's training method, which the script calls (`model.fit()`, `fit(self, num_epoch=101)`).
    const m =
      f.key === 'epochs' || f.key === 'max_steps' || f.key === 'micro_batch'
        ? methodArg(step.text.slice(f.span.start, f.span.end).replace(/^\w+\s*=\s*/, ''), at, script, values)
        : undefined;
    if (m && typeof m.value === 'number' && m.value > 0) return passed(m);
    return f;
  }
  // A save behind `if self.save_steps and …` / `if args.save_ckpt:` that the script leaves off: not a save of the run.
  if (f.key === 'periodic_save' && at && (f.value === 'epoch' || f.value === 'steps')) {
    for (let p: SyntaxNode | null = at; p && p.type !== 'function_definition'; p = p.parent) {
      if (p.type !== 'if_statement') continue;
      for (const part of (p.childForFieldName('condition')?.text ?? '').split(/\s+and\s+/)) {
        const t = part.replace(/^\(|\)$/g, '').trim();
        const arg = scriptArg(t, values);
        const d = arg ?? constructorArg(t, at, script, values);
        // A plain switch left off: the default run saves nothing along the way (a launcher that gives a command-line
        // switch is read in merge.ts). A switch inside an expression keeps the save unknown.
        const plain = /^[\w.]+$/.test(t);
        const flag = plain && arg ? `--${t.split('.').pop()} is given` : `${t} is set`;
        if (d && (d.value === null || d.value === false || d.value === 0 || d.value === ''))
          return {
            ...f,
            value: plain ? 'no' : null,
            origin: 'script-default',
            note: `${f.note ?? 'the save'} runs only when ${flag}, and the script leaves it unset`,
          };
      }
    }
    return f;
  }
  if (f.key !== 'precision' || !at || !(f.value === null || f.value === 'fp16' || f.value === 'bf16')) return f;
  // `if self.args.use_amp:` around the autocast / GradScaler, or `autocast(enabled=args.amp)`, with the flag off.
  const conds: string[] = [];
  for (let p: SyntaxNode | null = at; p && p.type !== 'function_definition'; p = p.parent)
    if (p.type === 'if_statement') conds.push(p.childForFieldName('condition')?.text ?? '');
  const call = at.type === 'call' ? callSite(at) : undefined;
  const enabled = call?.kwargs.get('enabled')?.value.text;
  if (enabled) conds.push(enabled);
  for (const c of conds) {
    const d = scriptArg(c, values);
    if (d && (d.value === false || d.value === null || d.value === 0))
      return {
        ...f,
        value: 'fp32',
        origin: 'script-default',
        file: id(d.file),
        span: spanOf(d.node),
        note: `${path.basename(step.file)}: mixed precision only when --${d.dest} is given (${d.via} in ${path.basename(d.file)}): fp32`,
      };
  }
  const fn = enclosingFn(at);
  if (fn && EVAL_FN.test(fn.childForFieldName('name')?.text ?? '') && f.value !== null)
    return {
      key: 'precision',
      value: 'fp32',
      origin: 'framework-default',
      file: id(step.file),
      note: `${path.basename(step.file)}: autocast only in ${fn.childForFieldName('name')?.text}(), which does not train; the training step runs in fp32`,
    };
  return f;
}

/** Facts of the other reached modules: an optimizer or a DataLoader built in a definition the script reaches. */
function helperFacts(linker: Linker, reached: Reached[], skip: Set<string>, id: (f: string) => string): Fact[] {
  // The optimizer their definitions build: ./repo-optimizer, the one reader of optimizers built by repository code.
  const o = reachedOptimizer(linker, reached, skip);
  const out: Fact[] = o ? [o] : [];
  const byModule = new Map<string, Reached[]>();
  for (const r of reached)
    if (!skip.has(r.mod.file)) byModule.set(r.mod.file, [...(byModule.get(r.mod.file) ?? []), r]);
  for (const group of byModule.values()) {
    const mod = group[0].mod;
    const builds = (re: RegExp) => group.some((r) => re.test(r.def.text));
    const calls = findCalls(mod.root, mod.text, ['DataLoader', 'add_argument']);
    const values = new ValueResolver(mod.root, calls);
    const file = id(mod.file);
    if (builds(/\bDataLoader\s*\(/)) out.push(...dataLoaderFacts(file, calls, values).facts);
  }
  return out;
}

/** Calls into what the walk reached (`train_one_epoch(…)`, `exp.train(…)`, `Solver(…)`), in `scope`. */
function callsInto(scope: SyntaxNode, reached: Reached[]): SyntaxNode[] {
  const names = new Set<string>();
  for (const r of reached) {
    const n = r.def.childForFieldName('name')?.text;
    if (n && (r.def.type === 'function_definition' || r.def.type === 'class_definition')) names.add(n);
    if (r.def.type === 'class_definition')
      for (const m of methodsOf(r.def).keys()) if (!m.startsWith('__')) names.add(m);
  }
  return scope.descendantsOfType('call').filter((c): c is SyntaxNode => {
    const f = c?.childForFieldName('function');
    return !!f && names.has(f.text.split('.').pop() ?? '');
  });
}

/**
 * Puts `f` in the run unless the run states the key already: a value the script writes or declares is never
 * replaced; one only the shared vocabulary read (`inferred`: `--itr` taken for epochs) gives way to the value the
 * code reads (`range(self.args.train_epochs)`: the script's own default, read where it is used).
 */
function offer(facts: Map<FactKey, Fact>, f: Fact, scriptId: string): boolean {
  const cur = facts.get(f.key);
  const codeRead = (f.origin === 'explicit' || f.origin === 'script-default') && f.value !== null;
  // Only the vocabulary's reading of the script itself: a launcher's or a config's value is what the run is given.
  const guessed = cur?.origin === 'inferred' && cur.file === scriptId && codeRead;
  if (cur && STATED.has(cur.origin) && cur.value !== null && !guessed) return false;
  if (cur && f.value === null && (f.key !== 'epochs' || cur.origin !== 'assumed')) return false;
  if (cur && !STATED.has(f.origin) && cur.origin !== 'assumed') return false;
  facts.set(f.key, f);
  return true;
}

/** The script's arguments, declared in it or in the modules it imports that declare them (`from opts import opts`). */
function scriptArgs(script: Mod, argModules: Mod[], launch?: LaunchCommand): ScriptArgs {
  const mods = [script, ...argModules];
  const calls = mods.flatMap((m) => findCalls(m.root, m.text, ['add_argument']));
  const values = scriptValues(script.root, calls, launch);
  return {
    values,
    fileOf: (node) => mods.find((m) => m.root.tree === node.tree)?.file ?? script.file,
  };
}

/** A value the script leaves to an expression (`DataLoader(batch_size=opt.batch_size)`), from its arguments' defaults. */
function unreadInScript(facts: Map<FactKey, Fact>, script: Mod, args: ScriptArgs, id: (f: string) => string): Fact[] {
  const out: Fact[] = [];
  for (const k of TAKEN) {
    const f = facts.get(k);
    if (!f || f.value !== null || !f.span || f.file !== id(script.file)) continue;
    const d = scriptArg(script.text.slice(f.span.start, f.span.end), args);
    if (d && typeof d.value === 'number')
      out.push({
        ...f,
        value: d.value,
        origin: 'script-default',
        file: id(d.file),
        span: spanOf(d.node),
        note: `${f.note ?? k} — ${d.via} in ${path.basename(d.file)}`,
      });
  }
  // The optimizer chosen by an argument declared in an imported module (`if opt.optim == 'adam':`).
  if (!facts.get('optimizer')?.value && args.fileOf !== undefined) {
    const o = optimizerFact(id(script.file), script.text, script.root, args.values);
    if (o?.value) out.push(o);
  }
  return out;
}

export function reachedFacts(
  linker: Linker,
  script: Mod,
  stepAt: { mod: Mod; def: SyntaxNode },
  reached: Reached[],
  drafts: RunDraft[],
  argModules: Mod[],
  launch?: LaunchCommand,
  /** The module's run of a framework's loop (./framework-step); else its hand-written PyTorch loop. */
  framework?: RunDraft,
): RunDraft[] {
  const step = stepAt.mod;
  const stepName = stepAt.def.childForFieldName('name')?.text;
  const stepRun =
    framework ?? linker.pythonRuns(step.file, step.text).find((d) => d.kind === 'torch' || d.kind === 'accelerate');
  if (!stepRun) return drafts;
  const id = (f: string) => linker.id(f);
  const args = scriptArgs(script, argModules, launch);
  const into = callsInto(script.root, reached);
  // Callers of the step: the script's calls first, then those in the modules between (main.py's epoch loop).
  const callers = [
    ...into.map((call) => ({ mod: script, call, args })),
    ...reached
      .filter((r) => r.mod.file !== script.file)
      .flatMap((r) => {
        const a = scriptArgs(r.mod, [script, ...argModules], launch);
        // Between the script and the step, only the calls of the function that holds it (main.py's epoch loop
        // around train_one_epoch), not every loop of a reached module (a model's `for i in range(n_layers)`).
        return callsInto(r.def, reached)
          .filter((call) => call.childForFieldName('function')?.text.split('.').pop() === stepName)
          .map((call) => ({ mod: r.mod, call, args: a }));
      }),
  ];
  // Called from a loop: the module's loop is the step loop only, not "one pass over the data".
  const calledInLoop = callers.some((c) => loopsAround(c.call).length > 0);
  const moduleFacts: Fact[] = [];
  for (const k of TAKEN) {
    const f = stepRun.plan.facts.get(k);
    if (!f || (k === 'data_parallel' && MULTI_PROCESS.test(step.text))) continue;
    if (calledInLoop && f.key === 'epochs' && nodeAt(step.root, f)?.type === 'for_statement') continue;
    // "Nothing in the loop saves" is one module's reading; a callback elsewhere may save the best model: not claimed.
    // A framework's own saving (the HF Trainer's every 500 steps) is the run's.
    if (f.key === 'periodic_save' && f.origin === 'framework-default' && !framework) continue;
    moduleFacts.push(switchPassedOn(throughScript(f, step, script, args, id), step, into, args.values));
  }
  // A stop the module's epoch loop makes (Time-Series-Library's `if early_stopping.early_stop: break` in
  // exp/exp_main.py) stops the run; "nothing stops it" is that one loop's reading, not claimed for the run.
  const stop = stepRun.plan.facts.get('early_stopping');
  if (stop?.value === true) moduleFacts.push(stop);
  for (const f of helperFacts(linker, reached, new Set([step.file, script.file]), id)) {
    const mod = reached.find((r) => id(r.mod.file) === f.file)?.mod;
    moduleFacts.push(f.value === null && mod ? throughScript(f, mod, script, args, id) : f);
  }
  // The call into the function that holds the step first, then calls looping over a range, then the rest.
  const order = (c: { call: SyntaxNode }) => {
    const name = c.call.childForFieldName('function')?.text.split('.').pop();
    const loopOver = loopsAround(c.call).find((l) => l.type === 'for_statement');
    return name === stepName ? 0 : loopOver && rangeArg(loopOver) ? 1 : 2;
  };
  const loop = callerLoopFacts(
    callers
      .map((c, i) => ({ c, i }))
      .sort((a, b) => order(a.c) - order(b.c) || a.i - b.i)
      .map((x) => x.c),
    moduleFacts,
    id,
  );
  const scriptLoader = judgedLoaderFacts(id(script.file), script, args.values, step.text);
  const files = [
    ...new Set([...reached.map((r) => id(r.mod.file)), id(step.file), ...argModules.map((m) => id(m.file))]),
  ];
  const apply = (d: RunDraft): RunDraft => {
    const facts = d.plan.facts;
    const added: Fact[] = [];
    for (const f of unreadInScript(facts, script, args, id)) {
      facts.set(f.key, f);
      added.push(f);
    }
    for (const f of [...scriptLoader, ...loop, ...moduleFacts]) if (offer(facts, f, id(script.file))) added.push(f);
    dropUnusedSteps(facts, [...loop, ...moduleFacts], step.text);
    d.plan.files = [...new Set([...d.plan.files, ...files.filter((f) => added.some((a) => a.file === f))])];
    for (const f of added) if (f.span && f.file) d.plan.relevantSpans.push({ file: f.file, span: f.span, key: f.key });
    return d;
  };
  if (drafts.length)
    return drafts.map((d) =>
      d.plan.entry.file === id(script.file) || d.plan.files.includes(id(script.file)) ? apply(d) : d,
    );
  // No run of its own: the module's, entered from the script.
  const own: RunDraft = {
    ...stepRun,
    plan: {
      ...stepRun.plan,
      entry: {
        file: id(script.file),
        span: into[0] ? spanOf(into[0]) : { start: 0, end: 0 },
        label: `training loop in ${path.basename(step.file)} (called from ${path.basename(script.file)})`,
      },
      files: [id(script.file)],
      facts: new Map(),
      relevantSpans: [],
      edit: undefined,
    },
    schema: undefined,
    rebuild: undefined,
    refs: [],
  };
  // The rest of what the module shows (its model, its data), not the devices: those the script and its launcher say.
  // A framework's run read its devices from the module's code (a Keras strategy or `multi_gpu_model`, one process).
  for (const [k, f] of stepRun.plan.facts)
    if (!TAKEN.includes(k) && (k !== 'devices' || (framework && f.origin !== 'assumed')) && k !== 'hardware')
      own.plan.facts.set(k, k === 'model' && f.value === null ? throughScript(f, step, script, args, id) : f);
  return [linker.enrich(apply(own))];
}
