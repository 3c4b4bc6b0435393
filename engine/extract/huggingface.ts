// Hugging Face Trainer / TRL extractor: TrainingArguments, Seq2SeqTrainingArguments, SFTConfig (and the other
// TRL configs), Trainer/SFTTrainer, from_pretrained, gradient_checkpointing_enable, PEFT and HfArgumentParser.
// It turns syntax into explicit facts with spans and editors; framework defaults are added by ./hf-defaults.
import { withDictSplat } from './hf-dict-splat';
import type { SyntaxNode, Tree } from '../parse/python';
import {
  assignedName,
  callsWithKeyword,
  findCalls,
  pythonLiteral,
  setKwargs,
  spanOf,
  type CallSite,
} from '../parse/python-syntax';
import type { Fact, FactKey, FactValue, PlanEditor, RunPlan } from '../types';
import { ValueResolver } from './python-values';
import { HF_SIMPLE_FIELDS, HF_WRITABLE } from './hf-fields';
import { hfDefaults, type HfFlavour } from './hf-defaults';
import { fieldEditor, parserDataclassArgs } from './hf-dataclass-args';
import { fileWideFacts, modelOption } from './python-common';
import { DEVICE_CALLS } from './python-devices';
import { VISION_CALLS } from './python-vision';
import { importsOf, qualified } from './python-scan';
import { nodesOfType } from '../parse/nodes-of-type';
import { globalFact, globalOfAccumulation } from './accum-global';
import { rolloutsFact } from './trl-rollouts';
import { argsThroughHelper } from './hf-args-helper';
import { guardedPrecision } from './hf-precision-guard';

const ARG_CLASSES: Record<string, HfFlavour> = {
  TrainingArguments: 'transformers',
  Seq2SeqTrainingArguments: 'transformers',
  SFTConfig: 'trl',
  DPOConfig: 'trl',
  GRPOConfig: 'trl',
  ORPOConfig: 'trl',
  KTOConfig: 'trl',
  RewardConfig: 'trl',
};
const TRAINERS = new Set([
  'Trainer',
  'Seq2SeqTrainer',
  'SFTTrainer',
  'DPOTrainer',
  'GRPOTrainer',
  'ORPOTrainer',
  'KTOTrainer',
  'RewardTrainer',
]);
/** Calls the extractor reads; anything else in the file is never visited. */
const CALL_NAMES = [
  ...Object.keys(ARG_CLASSES),
  ...TRAINERS,
  'HfArgumentParser',
  'TrlParser',
  'from_pretrained',
  'gradient_checkpointing_enable',
  'get_peft_model',
  'LoraConfig',
  'EarlyStoppingCallback',
  ...['load_dataset', 'select', 'add_argument'],
  ...DEVICE_CALLS,
  ...VISION_CALLS,
];
const RUN_NAMES = new RegExp(
  `\\b(?:${[...Object.keys(ARG_CLASSES), ...TRAINERS, 'HfArgumentParser', 'TrlParser'].join('|')})\\b`,
);
const TRL_CONFIGS =
  /\b(?:SFTConfig|DPOConfig|GRPOConfig|ORPOConfig|KTOConfig|RewardConfig|CPOConfig|BCOConfig|PPOConfig|RLOOConfig|GKDConfig|OnlineDPOConfig|NashMDConfig|XPOConfig|PRMConfig)\b/;

/**
 * The argument classes a command-line parser fills (`HfArgumentParser((ModelArguments, TrainingArguments))`,
 * `TrlParser(dataclass_types)` with the tuple assigned above): which defaults apply, TRL's or transformers'.
 */
function parserFlavour(parser: CallSite, text: string): HfFlavour | undefined {
  let list = parser.argList.text;
  const only = parser.positional[0];
  if (only?.type === 'identifier') {
    const m = new RegExp(`\\b${only.text}\\s*=\\s*([\\[(][^\\])]*[\\])])`).exec(text);
    if (m) list = m[1];
  }
  if (TRL_CONFIGS.test(list)) return 'trl';
  if (/\b(?:Seq2Seq)?TrainingArguments\b/.test(list) && !ownArguments(text)) return 'transformers';
  return undefined;
}

/**
 * The file declares its own `TrainingArguments` dataclass, not built on transformers' (Flair's NER example fills it
 * with HfArgumentParser for its own trainer): the parser's arguments are not the HF Trainer's.
 */
function ownArguments(text: string): boolean {
  const m = /^class\s+(?:Seq2Seq)?TrainingArguments\b\s*(?:\(([^)]*)\))?\s*:/m.exec(text);
  return !!m && !/TrainingArguments/.test(m[1] ?? '');
}

/**
 * `peft_config=get_peft_config(model_args)` (directly, or through a variable assigned from it): TRL returns an
 * adapter config only when `use_peft` is on (`ModelConfig.use_peft` defaults to False, and `get_peft_config` returns
 * None while it is: https://github.com/huggingface/trl/blob/main/trl/trainer/utils.py and trl/trainer/model_config.py),
 * so the run trains every weight unless its command line or config says `use_peft: true`.
 */
function peftFromCommandLine(value: SyntaxNode, text: string): boolean {
  if (value.type === 'call') return /^(?:\w+\.)*get_peft_config$/.test(value.childForFieldName('function')?.text ?? '');
  if (value.type === 'identifier')
    return new RegExp(`(?:^|\\n)\\s*${value.text}\\s*=\\s*(?:\\w+\\.)*get_peft_config\\(`).test(text);
  return false;
}

export interface ExtractedRun {
  plan: RunPlan;
  flavour: HfFlavour;
  /** True when arguments come from the command line (HfArgumentParser) or `**kwargs` and may differ. */
  openEnded: boolean;
  /** True when the arguments are parsed from the command line by HfArgumentParser: every field is a flag. */
  fromParser: boolean;
  /** argparse option dest → TrainingArguments field it feeds (`bf16=args.use_bf16` → use_bf16 → bf16). */
  flags: Map<string, string>;
}

export function extractHuggingFace(file: string, text: string, tree: Tree): ExtractedRun[] {
  const root = tree.rootNode;
  if (!RUN_NAMES.test(text)) return [];
  const byName = findCalls(root, text, CALL_NAMES);
  const seen = new Set(byName.map((c) => c.node.id));
  const calls = [
    ...byName,
    ...callsWithKeyword(root, text, ['max_length', 'max_seq_length']).filter((c) => !seen.has(c.node.id)),
  ];
  const values = new ValueResolver(root, calls);
  const argCalls = calls.filter((c) => c.name in ARG_CLASSES).map((c) => withDictSplat(c, root));
  // `Trainer` is also Lightning's: leave calls that resolve to lightning / pytorch_lightning to ./lightning.
  // Composer's `Trainer` (mosaicml) is not the HF one either: its file is read through the vocabulary (composer rows).
  // A Trainer imported from a project's own module (`from funasr.train_utils.trainer import Trainer`) is that
  // project's class, not the library's.
  // So is a Trainer reached through a module the project imports (`import lib.train as train`, `train.Trainer(…)`).
  const imports = /lightning|composer|^\s*from\s+\S+\s+import\s+[^\n]*\b\w*Trainer\b|\w\.\w*Trainer\s*\(/m.test(text)
    ? importsOf(root)
    : new Map<string, string>();
  // A class of that name defined in the file (`class Trainer:` of a hand-written DDP loop) is not the library's.
  // So is a name the file binds itself (`Trainer = train_factory[opt.task]`: CenterNet's task trainers).
  // The text first (`class Trainer`, `Trainer =`, `Trainer: type =`): most files bind none of these names, and a walk
  // of a long file's classes and assignments is what an edit would pay for on every keystroke.
  const bound = [...TRAINERS].filter((n) => new RegExp(`\\bclass\\s+${n}\\b|\\b${n}\\s*[:=]`).test(text));
  const ownClasses = new Set(
    bound.length === 0
      ? []
      : [
          ...nodesOfType(root, 'class_definition').map((c) => c?.childForFieldName('name')?.text),
          ...nodesOfType(root, 'assignment')
            .map((a) => a?.childForFieldName('left'))
            .map((l) => (l?.type === 'identifier' ? l.text : undefined)),
        ].filter((n): n is string => !!n && bound.includes(n)),
  );
  const trainers = calls.filter(
    (c) =>
      TRAINERS.has(c.name) &&
      !ownClasses.has(c.callee) &&
      !/^(lightning|pytorch_lightning|composer)\b/.test(qualified(c.callee, imports)) &&
      !isOtherTrainer(qualified(c.callee, imports)),
  );
  const parserCall = calls.find((c) => c.name === 'HfArgumentParser' || c.name === 'TrlParser');
  const parsed = parserCall ? parserFlavour(parserCall, text) : undefined;
  if (argCalls.length === 0 && trainers.length === 0 && !parserCall) return [];

  // File-wide facts: model, dtype, gradient checkpointing, PEFT, early stopping, seq_len hints.
  const fileFacts = fileWideFacts(file, text, root, calls, values);
  // An optimizer the script builds is the run's only when the Trainer is given it (`optimizers=(opt, sched)`).
  if (!trainers.some((t) => t.kwargs.has('optimizers') || t.kwargs.has('optimizer_cls_and_kwargs')))
    fileFacts.delete('optimizer');
  const flags = new Map<string, string>();
  // The option the model is loaded from (`--base_model`): a launcher's value names the run's model.
  const mo = modelOption(calls, values);
  if (mo) flags.set(mo, 'model_name_or_path');

  const runs: ExtractedRun[] = [];
  const used = new Set<number>();
  const makeRun = (
    argCall: CallSite | undefined,
    trainer: CallSite | undefined,
    flavour: HfFlavour,
    fromParser: boolean,
  ) => {
    const facts = new Map<FactKey, Fact>(fileFacts);
    let edit: PlanEditor | undefined;
    const relevantSpans: RunPlan['relevantSpans'] = [];
    if (argCall) {
      used.add(argCall.node.id);
      readArguments(argCall, file, values, facts, relevantSpans, flags, root);
      // Anywhere else in the arguments call (its name, a non-footprint argument) the hover shows the estimate too.
      relevantSpans.push({ file, span: spanOf(argCall.node), key: 'framework' });
      edit = argumentEditor(argCall, text, file);
    }
    // Arguments parsed from the command line into the script's own TrainingArguments subclass: its field defaults.
    const own = !argCall && fromParser && parserCall ? parserDataclassArgs(root, parserCall, text) : undefined;
    if (own) {
      readArguments(own, file, values, facts, relevantSpans, flags, root, true);
      edit = fieldEditor(own, file);
    }
    if (trainer) {
      const cbs = trainer.kwargs.get('callbacks');
      if (cbs && /EarlyStopping/.test(cbs.value.text)) {
        facts.set('early_stopping', {
          key: 'early_stopping',
          value: true,
          origin: 'explicit',
          file,
          span: spanOf(cbs.node),
          note: 'EarlyStoppingCallback in callbacks',
        });
      }
      const peft = trainer.kwargs.get('peft_config');
      if (peft && peftFromCommandLine(peft.value, text) && facts.get('peft')?.origin !== 'explicit') {
        facts.set('peft', {
          key: 'peft',
          value: 'none',
          origin: 'framework-default',
          file,
          span: spanOf(peft.node),
          note: `${peft.node.text}: an adapter only with --use_peft (TRL's ModelConfig.use_peft defaults to False)`,
        });
      } else if (peft && unusedAdapter(peft.value, calls, values)) {
        // `peft_config=peft_config` in `def train_dpo(config, peft_config=None)`, called with `peft_config=None`: the
        // LoraConfig the script also builds never reaches the trainer, which then trains every weight.
        facts.set('peft', {
          key: 'peft',
          value: 'none',
          origin: 'explicit',
          file,
          span: spanOf(peft.node),
          note: `${peft.node.text} is None where the trainer is built: no adapter (a LoraConfig the script builds is not passed)`,
        });
      } else if (peft && peft.value.type !== 'none' && facts.get('peft')?.value !== 'qlora') {
        facts.set('peft', {
          key: 'peft',
          value: 'lora',
          origin: 'explicit',
          file,
          span: spanOf(peft.node),
          note: 'peft_config passed to the trainer',
        });
      }
      const pref = preferenceOf(trainer, argCall);
      if (pref)
        facts.set('preference', {
          key: 'preference',
          value: pref,
          origin: 'explicit',
          file,
          span: spanOf(trainer.node),
          note: `${trainer.name}: each sample a chosen and a rejected response${pref === 'reference' ? ', with a frozen reference model' : ''}`,
        });
      const rollouts = rolloutsFact(trainer, argCall, values, file);
      if (rollouts) facts.set('rollouts', rollouts);
      // `Trainer(model=…)` or `Trainer("org/model", args)`: the model is the first positional argument too.
      const m = trainer.kwargs.get('model')?.value ?? trainer.positional[0];
      const mv = values.resolve(m);
      if (m && typeof mv.value === 'string' && !facts.has('model')) {
        facts.set('model', {
          key: 'model',
          value: mv.value,
          origin: 'explicit',
          file,
          span: spanOf(m),
          note: `${trainer.name}(model="${mv.value}")`,
        });
      }
    }
    const entry = trainer ?? argCall!;
    const label = argCall ? argCall.name : fromParser ? 'HfArgumentParser' : entry.name;
    const plan: RunPlan = {
      framework: flavour === 'trl' ? 'trl' : 'hf-trainer',
      entry: { file, span: spanOf(entry.node), label: entry.name },
      files: [file],
      facts,
      edit,
      relevantSpans,
    };
    hfDefaults(
      plan,
      flavour,
      label,
      fromParser || !!argCall?.hasSplat,
      fromParser && argsFromUnnamedFile(root, text, values),
    );
    runs.push({ plan, flavour, openEnded: fromParser || !!argCall?.hasSplat, fromParser, flags });
  };

  for (const trainer of trainers) {
    const argsKw =
      trainer.kwargs.get('args') ?? (trainer.positional.length >= 2 ? { value: trainer.positional[1] } : undefined);
    let argCall: CallSite | undefined;
    if (argsKw?.value.type === 'call') argCall = argCalls.find((a) => a.node.id === argsKw.value.id);
    else if (argsKw?.value.type === 'identifier')
      argCall =
        [...argCalls]
          .reverse()
          .find((a) => assignedName(a.node) === argsKw.value.text && a.node.startIndex < trainer.node.startIndex) ??
        argCalls.find((a) => assignedName(a.node) === argsKw.value.text);
    // Built by a function of the file (`args=self._build_args(…)`, a name bound to its result, a parameter).
    if (!argCall && argsKw) argCall = argsThroughHelper(argsKw.value, trainer, argCalls, trainers, root);
    const fromParser = !argCall && !!parserCall && !!argsKw;
    // Arguments from the parser follow the class it fills: TRL trainers given plain TrainingArguments keep its defaults.
    const flavour: HfFlavour = argCall
      ? ARG_CLASSES[argCall.name]
      : fromParser && parsed
        ? parsed
        : trainer.name === 'Trainer' || trainer.name === 'Seq2SeqTrainer'
          ? 'transformers'
          : 'trl';
    if (argCall && used.has(argCall.node.id)) continue;
    makeRun(argCall, trainer, flavour, fromParser);
  }
  for (const a of argCalls) if (!used.has(a.node.id)) makeRun(a, undefined, ARG_CLASSES[a.name], false);
  if (runs.length === 0 && parserCall && parsed) makeRun(undefined, parserCall, parsed, true);
  return runs;
}

function readArguments(
  call: CallSite,
  file: string,
  values: ValueResolver,
  facts: Map<FactKey, Fact>,
  spans: RunPlan['relevantSpans'],
  flags: Map<string, string>,
  root: SyntaxNode,
  asDefault = false,
) {
  for (const [name, kw] of call.kwargs) {
    const dest = values.resolve(kw.value).dest;
    if (dest) flags.set(dest, name);
  }
  const set = (
    key: FactKey,
    value: FactValue,
    kw: { node: SyntaxNode; name: string; value: SyntaxNode },
    note: string,
    scriptDefault = false,
  ) => {
    facts.set(key, {
      key,
      value,
      origin: scriptDefault || asDefault ? 'script-default' : 'explicit',
      file,
      span: spanOf(kw.node),
      note,
    });
    spans.push({ file, span: spanOf(kw.node), key });
  };
  for (const [name, key] of Object.entries(HF_SIMPLE_FIELDS)) {
    const kw = call.kwargs.get(name);
    if (!kw) continue;
    const r = values.resolve(kw.value);
    let v: FactValue = r.value === undefined ? null : r.value;
    if (key === 'grad_checkpointing' || key === 'compile') v = typeof v === 'boolean' ? v : null;
    // `report_to=["wandb"]`: the first tracker named.
    if (key === 'tracker' && kw.value.type === 'list') {
      const first = kw.value.namedChildren[0];
      v = first?.type === 'string' ? first.text.replace(/^[rbuf]*(['"])([^]*)\1$/i, '$2') : null;
    }
    // `eval_strategy=IntervalStrategy.STEPS` / `"steps"`: the member name, lower-cased.
    if ((key === 'eval_strategy' || key === 'periodic_save' || key === 'hub_strategy') && r.value === undefined) {
      const m = /\.(\w+)$/.exec(kw.value.text);
      if (m && /Strategy$/.test(kw.value.text.split('.').slice(-2, -1)[0] ?? '')) v = m[1].toLowerCase();
    }
    // max_steps ≤ 0 (TrainingArguments' default -1) sets no step limit: the epochs decide, nothing to report.
    if (key === 'max_steps' && typeof v === 'number' && v <= 0) continue;
    const note =
      r.value === undefined
        ? `${name}=${kw.value.text} (not a literal; value unknown)`
        : `${name}=${kw.value.text}${r.via ? ` (${r.via})` : ''}`;
    set(key, v, kw, note, !!r.scriptDefault);
  }
  // Precision is two booleans (bf16, fp16) plus tf32.
  const bf = call.kwargs.get('bf16');
  const fp = call.kwargs.get('fp16');
  const tf = call.kwargs.get('tf32');
  const bfv = bf ? values.resolve(bf.value) : undefined;
  const fpv = fp ? values.resolve(fp.value) : undefined;
  const tfv = tf ? values.resolve(tf.value) : undefined;
  if (bf || fp) {
    const kw = (bfv?.value === true ? bf : fpv?.value === true ? fp : (bf ?? fp))!;
    let v: FactValue;
    if (bfv?.value === true) v = 'bf16';
    else if (fpv?.value === true) v = 'fp16';
    else if ((bf && bfv?.value === undefined) || (fp && fpv?.value === undefined)) v = null;
    else v = tfv?.value === true ? 'tf32' : 'fp32';
    const note = [bf && `bf16=${bf.value.text}`, fp && `fp16=${fp.value.text}`, tf && `tf32=${tf.value.text}`]
      .filter(Boolean)
      .join(', ');
    // Switches behind checks of the machine (`args.bf16 and torch.cuda.is_available()`, `is_bf16_supported()`).
    const guarded = v === null ? guardedPrecision(bf?.value, fp?.value, values, root) : undefined;
    if (guarded?.dests.bf16 && !flags.has(guarded.dests.bf16)) flags.set(guarded.dests.bf16, 'bf16');
    if (guarded?.dests.fp16 && !flags.has(guarded.dests.fp16)) flags.set(guarded.dests.fp16, 'fp16');
    if (guarded) set('precision', guarded.value, kw, `${note}: ${guarded.note}`, guarded.scriptDefault);
    else
      set(
        'precision',
        v,
        kw,
        v === null ? `${note} (not a literal; value unknown)` : note,
        !!(bfv?.scriptDefault || fpv?.scriptDefault),
      );
    if (bf && kw !== bf) spans.push({ file, span: spanOf(bf.node), key: 'precision' });
    if (fp && kw !== fp) spans.push({ file, span: spanOf(fp.node), key: 'precision' });
  } else if (tf && tfv?.value === true) {
    set('precision', 'tf32', tf, `tf32=${tf.value.text}`);
  }
  // `gradient_accumulation_steps=accum` with `accum = batch_size // micro_batch_size` then `accum //= world_size`
  // (alpaca-lora and its forks): the batch it is computed from is the global batch, whatever the process count.
  const ga = call.kwargs.get('gradient_accumulation_steps');
  const g = ga && !facts.has('global_batch') ? globalOfAccumulation(ga.value, root, values) : undefined;
  if (g) {
    const f = globalFact(file, g);
    facts.set('global_batch', f);
    // A launcher's flag for the dividend (`--batch_size 256`) is the global batch that runs (./hf-fields.ts).
    if (g.value.dest) flags.set(g.value.dest, 'global_batch');
    if (f.span) spans.push({ file, span: f.span, key: 'global_batch' });
  }
  const cpu = call.kwargs.get('use_cpu') ?? call.kwargs.get('no_cuda');
  if (cpu && cpu.value.type === 'true') set('hardware', 'cpu', cpu, `${cpu.name}=True`);
  const ds = call.kwargs.get('deepspeed');
  if (ds) spans.push({ file, span: spanOf(ds.node), key: 'zero_stage' });
}

/** Fact changes → keyword arguments of the arguments call. */
function argumentEditor(call: CallSite, text: string, file: string): PlanEditor {
  return (changes) => {
    const pairs: [string, FactValue][] = [];
    for (const [key, v] of Object.entries(changes) as [FactKey, FactValue][]) {
      if (key === 'precision') {
        if (v !== 'bf16' && v !== 'fp16') return undefined;
        const other = v === 'bf16' ? 'fp16' : 'bf16';
        pairs.push([v, true]);
        const o = call.kwargs.get(other);
        if (o && o.value.type !== 'false') pairs.push([other, false]);
      } else if (key === 'micro_batch' && typeof v === 'number') pairs.push(['per_device_train_batch_size', v]);
      else if (key === 'grad_accum' && typeof v === 'number') pairs.push(['gradient_accumulation_steps', v]);
      else if (key === 'grad_checkpointing' && typeof v === 'boolean') pairs.push(['gradient_checkpointing', v]);
      else if (key === 'periodic_save' && v === 'steps') pairs.push(['save_strategy', 'steps']);
      else if (key === 'save_steps' && typeof v === 'number') pairs.push(['save_steps', v]);
      else if (HF_WRITABLE[key]) pairs.push([HF_WRITABLE[key], v]);
      else return undefined;
    }
    return setKwargs(
      call,
      pairs.map(([n, v]) => [n, pythonLiteral(v)]),
      text,
      file,
    );
  };
}

/**
 * A trainer class from outside the Hugging Face libraries: bound by `from x import Trainer`, or called through a module
 * (`train.Trainer(…)`) that is not one of them — `transformers.Trainer(…)` and `trl.SFTTrainer(…)` are theirs.
 */
function isOtherTrainer(full: string): boolean {
  return full.includes('.') && !/^(transformers|trl|peft|optimum|setfit|sentence_transformers)\b/.test(full);
}

/**
 * The preference objective of a TRL trainer (huggingface/trl): DPOTrainer runs the policy on the chosen and the rejected
 * response of each pair and a frozen reference model's forward pass on both, unless its DPOConfig says
 * `reference_free=True`; ORPOTrainer runs the pairs without a reference model. Other trainers: none.
 */
function preferenceOf(trainer: CallSite, argCall: CallSite | undefined): 'reference' | 'reference-free' | undefined {
  if (trainer.name === 'ORPOTrainer') return 'reference-free';
  if (trainer.name !== 'DPOTrainer') return undefined;
  const free = argCall?.name === 'DPOConfig' ? argCall.kwargs.get('reference_free')?.value.text : undefined;
  if (free === 'True') return 'reference-free';
  // A value the script computes (`reference_free=args.ref_free`) leaves the reference model unknown.
  if (free !== undefined && free !== 'False') return undefined;
  return 'reference';
}

/** A trainer's `peft_config` that is None in the run (a parameter every caller fills with None) in a file that wraps no model itself. */
function unusedAdapter(value: SyntaxNode, calls: CallSite[], values: ValueResolver): boolean {
  return (
    value.type !== 'none' && values.resolve(value).value === null && !calls.some((c) => c.name === 'get_peft_model')
  );
}

/**
 * `HfArgumentParser(TrainingArguments).parse_json_file(json_file=args.train_args_json)` (or `parse_yaml_file`) with
 * the file named on the command line, and no other way to fill the arguments (no `parse_args_into_dataclasses`): the
 * fields come from a file this review does not see. A file named in the script is linked instead (./python-runs.ts).
 */
function argsFromUnnamedFile(root: SyntaxNode, text: string, values: ValueResolver): boolean {
  if (!/parse_(json|yaml)_file/.test(text) || /parse_args_into_dataclasses|parse_dict|parse_args_and_config/.test(text))
    return false;
  const reads = findCalls(root, text, ['parse_json_file', 'parse_yaml_file']);
  return (
    reads.length > 0 &&
    reads.every((c) => {
      const path = c.positional[0] ?? c.kwargs.get('json_file')?.value ?? c.kwargs.get('yaml_file')?.value;
      return typeof values.resolve(path).value !== 'string';
    })
  );
}
