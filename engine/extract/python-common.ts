// Facts any Python training script states the same way whatever its framework: the model it loads and in which
// dtype, gradient checkpointing, LoRA/QLoRA, early stopping, the dataset, the tokenizer's length, compile.
import { offByDefaultGuard } from './python-scan';
import { DEVICE_CALLS, pythonDeviceFacts } from './python-devices';
import { VISION_CALLS, visionFacts } from './python-vision';
import { lookupArchitecture } from '../../core/index';
import { argInsert, pythonHints } from './python-hints';
import { optimizerFact } from './python-optimizer';
import { builtModelFact } from './python-model';
import { tableModel } from './model-name';
import { layerParamsFact } from './layer-params';
import type { SyntaxNode } from '../parse/python';
import { callsWithKeyword, findCalls, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact, FactKey } from '../types';
import { ValueResolver } from './python-values';
import { ALIASES } from '../vocabulary/aliases';
import { acOf } from '../vocabulary/values';
import { nodesOfType } from '../parse/nodes-of-type';
import { kbitCheckpointingFact } from './kbit-checkpointing';
import { quantisedLoad } from './quantised-load';
import { trainingSubsetFact } from './dataset-subset';
import { passedLengthFact } from './passed-length';

const MODEL_LOADER = /(AutoModel\w*|\w+For\w+|\w+Model|\w+LMHeadModel)\.from_pretrained$/;

export function dtypeOf(text: string): string | undefined {
  if (/bfloat16|bf16/.test(text)) return 'bf16';
  if (/float16|fp16|\bhalf\b/.test(text)) return 'fp16';
  if (/float32|fp32/.test(text)) return 'fp32';
  if (/auto/.test(text)) return 'auto';
  return undefined;
}

/** Calls `fileWideFacts` reads (for `findCalls`). */
export const COMMON_CALLS = [
  'from_pretrained',
  'gradient_checkpointing_enable',
  'get_peft_model',
  'LoraConfig',
  'EarlyStoppingCallback',
  'load_dataset',
  'select',
  'compile',
  'checkpoint',
  'checkpoint_sequential',
  ...DEVICE_CALLS,
  ...VISION_CALLS,
];

/** The command-line option a model loader's name comes from (`from_pretrained(base_model)` of `--base_model`). */
export function modelOption(calls: CallSite[], values: ValueResolver): string | undefined {
  const c = calls.find(
    (x) => MODEL_LOADER.test(x.callee) && !/Tokenizer|Processor|Config|FeatureExtractor/.test(x.callee),
  );
  return c ? values.resolve(c.positional[0] ?? c.kwargs.get('pretrained_model_name_or_path')?.value).dest : undefined;
}

/**
 * File-wide facts. `torchFacts` adds what plain-PyTorch scripts say with torch calls (torch.compile,
 * torch.utils.checkpoint); the HF Trainer reads those from its arguments instead.
 */
export function fileWideFacts(
  file: string,
  text: string,
  root: SyntaxNode,
  calls: CallSite[],
  values: ValueResolver,
  torchFacts = false,
): Map<FactKey, Fact> {
  const fileFacts = new Map<FactKey, Fact>();
  const put = (f: Fact) => fileFacts.set(f.key, f);
  const noDtype: CallSite[] = [];
  for (const c of calls) {
    if (MODEL_LOADER.test(c.callee) && !/Tokenizer|Processor|Config|FeatureExtractor/.test(c.callee)) {
      const first = c.positional[0] ?? c.kwargs.get('pretrained_model_name_or_path')?.value;
      const r = values.resolve(first);
      // An empty default (`base_model: str = ""`) names no model: the one run is whatever the launch passes.
      if (typeof r.value === 'string' && r.value.trim() !== '' && !fileFacts.has('model')) {
        put({
          key: 'model',
          value: r.value,
          origin: r.scriptDefault ? 'script-default' : 'explicit',
          file,
          span: spanOf(r.node ?? first!),
          note: r.via ? `from ${r.via}` : `${c.callee}(…)`,
        });
      }
      const dt = c.kwargs.get('torch_dtype') ?? c.kwargs.get('dtype');
      if (dt) {
        const d = dtypeOf(dt.value.text);
        put({
          key: 'model_dtype',
          value: d ?? null,
          origin: 'explicit',
          file,
          span: spanOf(dt.node),
          note: `from_pretrained(${dt.name}=${dt.value.text})`,
          name: dt.name,
        });
      }
      const q = c.kwargs.get('quantization_config');
      const q4 = c.kwargs.get('load_in_4bit');
      // A dtype passed through `**kwargs` is not visible: not taken as missing.
      const splat = c.argList.namedChildren.some((a) => a?.type === 'dictionary_splat');
      if (!dt && !q && !q4 && !splat && !c.kwargs.has('load_in_8bit')) noDtype.push(c);
      // QLoRA only where the default run loads the weights in 4 bits (not `… if lora_args.q_lora else None`).
      if (
        quantisedLoad(c, text, values, [4]) === true &&
        !offByDefaultGuard(c.node, undefined, values) &&
        !underParameterSwitch(c.node)
      ) {
        put({
          key: 'peft',
          value: 'qlora',
          origin: 'explicit',
          file,
          span: spanOf((q ?? q4)!.node),
          note: '4-bit quantised base model (bitsandbytes)',
        });
      }
    }
    if (c.callee.endsWith('.gradient_checkpointing_enable') && fileFacts.get('grad_checkpointing')?.value !== true)
      put(checkpointingFact(file, c, values, `${c.callee}()`));
    if ((c.name === 'get_peft_model' || c.name === 'LoraConfig') && fileFacts.get('peft')?.value !== 'qlora') {
      // `if args.enable_lora: model = get_peft_model(…)` with a store_true flag: an adapter only when it is given, so
      // the script's own default run trains every weight (a launcher that gives the flag says otherwise).
      const flag = offByDefaultGuard(c.node, undefined, values);
      if (flag) {
        if (fileFacts.get('peft')?.value !== 'lora')
          put({
            key: 'peft',
            value: 'none',
            origin: 'script-default',
            file,
            span: spanOf(c.node),
            note: `${c.name}(…) runs only when --${flag} is given (default of argparse --${flag}: off): no adapter otherwise`,
          });
      } else put({ key: 'peft', value: 'lora', origin: 'explicit', file, span: spanOf(c.node), note: `${c.name}(…)` });
    }
    // Not where a switch that is off by default guards it (`if model_args.early_stopping_patience > 0:`, default -1).
    if (c.name === 'EarlyStoppingCallback' && !offByDefaultGuard(c.node, undefined, values)) {
      put({
        key: 'early_stopping',
        value: true,
        origin: 'explicit',
        file,
        span: spanOf(c.node),
        note: 'EarlyStoppingCallback in callbacks',
      });
    }
    if (c.name === 'load_dataset') {
      const r = values.resolve(c.positional[0]);
      if (typeof r.value === 'string')
        put({
          key: 'dataset_size',
          value: r.value,
          origin: 'explicit',
          file,
          span: spanOf(c.positional[0]),
          note: `load_dataset("${r.value}")`,
        });
    }
    if (torchFacts) {
      if (c.callee === 'torch.compile') {
        const off = offByDefaultGuard(c.node, undefined, values) ?? falseSwitch(c.node, values);
        if (!off)
          put({
            key: 'compile',
            value: true,
            origin: 'explicit',
            file,
            span: spanOf(c.node),
            note: 'torch.compile(…)',
          });
        else if (!fileFacts.has('compile'))
          put({
            key: 'compile',
            value: false,
            origin: 'script-default',
            file,
            span: spanOf(c.node),
            // A command-line switch (timm's `--torchcompile`) is named as one: a launcher giving it turns it on.
            note: values.declaredDefault(off)
              ? `torch.compile(…) runs only when --${off} is given (off by default)`
              : `torch.compile(…) runs only under \`if ${off}:\`, off by default`,
          });
      }
      if (
        /(^|\.)(checkpoint|checkpoint_sequential)$/.test(c.callee) &&
        /torch\.utils\.checkpoint|checkpoint_sequential|from torch\.utils\.checkpoint import/.test(text)
      ) {
        if (fileFacts.get('grad_checkpointing')?.value !== true)
          put(checkpointingFact(file, c, values, `${c.callee}(…) (activation checkpointing)`));
      }
    }
  }
  if (!fileFacts.has('seq_len')) {
    // A tokenizer's length, else the length the script hands to its data code or trainer (./passed-length).
    const s = tokenizerLength(file, root, text, calls, values) ?? passedLengthFact(file, root, text, values);
    if (s) put(s);
  }
  for (const f of pythonDeviceFacts(file, calls, values, text)) if (!fileFacts.has(f.key)) put(f);
  // Vision and audio models, their dataset and input size (a Hugging Face id read above stays the model).
  for (const f of visionFacts(file, text, root, calls, values).values()) if (!fileFacts.has(f.key)) put(f);
  // The model the script builds by code (a class, a registry lookup, a checkpoint through a variable: ./python-model).
  if (!fileFacts.has('model')) {
    // Names the script takes from its arguments: a caller that read no argparse options reads them here.
    const named = calls.some((c) => c.name === 'add_argument')
      ? values
      : new ValueResolver(root, findCalls(root, text, ['add_argument']));
    const built = builtModelFact(file, root, named);
    if (built) put(built);
  }
  // The size of a model class the script defines, counted from its layers, when no file states one (toy-run check).
  if (!fileFacts.has('params')) {
    const counted = layerParamsFact(file, root, text);
    if (counted) put(counted);
  }
  const blockSize = values.constant('block_size');
  if (!fileFacts.has('seq_len') && typeof blockSize?.value === 'number') {
    put({
      key: 'seq_len',
      value: blockSize.value,
      origin: 'explicit',
      file,
      span: spanOf(blockSize.node),
      note: 'block_size',
    });
  }
  // Not for an image or audio model (named in this file, or one the architecture table knows).
  const arch = lookupArchitecture(tableModel({ facts: fileFacts }) ?? '');
  const notText = ['vision', 'audio'].includes(String(fileFacts.get('modality')?.value ?? arch?.modality));
  if (!fileFacts.has('seq_len') && !notText) {
    const s = seqLenByName(file, values);
    if (s) put(s);
  }
  if (fileFacts.get('grad_checkpointing')?.value !== true) {
    const loads = calls.filter(
      (c) => MODEL_LOADER.test(c.callee) && !/Tokenizer|Processor|Config|FeatureExtractor/.test(c.callee),
    );
    const runs = (n: SyntaxNode) => !offByDefaultGuard(n, undefined, values) && !falseSwitch(n, values);
    const k = kbitCheckpointingFact(file, root, text, loads, values, runs);
    if (k) put(k);
  }
  if (!fileFacts.has('grad_checkpointing')) {
    const g = checkpointingByName(file, values);
    if (g) put(g);
  }
  // `ds["train"].select(range(1000))`: the run trains on that many rows, not on the whole dataset it loads.
  const subset = trainingSubsetFact(file, calls, values);
  if (subset) put(subset);
  for (const f of pythonHints(file, text, root, values)) if (!fileFacts.has(f.key)) put(f);
  const optimizer = optimizerFact(file, text, root, values);
  if (optimizer) put(optimizer);
  // A model loaded with no dtype: transformers before v5 loads the weights in fp32 whatever the checkpoint holds (v5
  // loads the checkpoint's dtype: ./hf-defaults drops this fact when a pin says ≥ 5). Of several such loads, the one
  // an adapter then wraps (the last before `get_peft_model`), else the first.
  const wrap = calls.find((c) => c.name === 'get_peft_model');
  const load = (wrap && noDtype.filter((c) => c.node.startIndex < wrap.node.startIndex).pop()) ?? noDtype[0];
  const fn = load?.node.childForFieldName('function');
  // Weights cast after loading (`model.half()`, `model.to(torch.bfloat16)`) are not fp32.
  const cast = /\.(half|bfloat16)\(\s*\)|\.to\([^)\n]*\b(float16|bfloat16|half|bf16|fp16)\b/.test(text);
  if (load && fn && !cast && !fileFacts.has('model_dtype'))
    put({
      key: 'model_dtype',
      value: 'fp32',
      origin: 'framework-default',
      file,
      span: spanOf(fn),
      form: 'model-call',
      argInsert: argInsert(load),
      note: `${load.callee}(…) without torch_dtype: transformers before v5 loads the weights in fp32`,
    });
  return fileFacts;
}

/**
 * Gradient checkpointing switched on by this call: on, unless the call runs only under a flag that is off by default
 * (`if args.activation_checkpointing: model.gradient_checkpointing_enable()` with a store_true flag): then off, as
 * the argparse default, so that a launcher passing the flag turns it on (./link/merge.ts reads the dest from the note).
 */
function checkpointingFact(file: string, c: CallSite, values: ValueResolver, what: string): Fact {
  let flag: string | undefined;
  for (let p = c.node.parent; p && !flag; p = p.parent) {
    const body = p.type === 'if_statement' ? p.childForFieldName('consequence') : null;
    if (body && body.startIndex <= c.node.startIndex && c.node.endIndex <= body.endIndex)
      flag = values.offByDefaultCondition(p.childForFieldName('condition'));
  }
  if (flag && values.declaredDefault(flag)?.value === false)
    return {
      key: 'grad_checkpointing',
      value: false,
      origin: 'script-default',
      file,
      span: spanOf(c.node),
      note: `${what} runs only when --${flag} is given (default of argparse --${flag}: off)`,
    };
  return { key: 'grad_checkpointing', value: true, origin: 'explicit', file, span: spanOf(c.node), note: what };
}

/**
 * The length a tokenizer truncates or pads to (`tokenizer(text, max_length=args.max_length)`,
 * `AutoTokenizer.from_pretrained(…, model_max_length=512)`): one value over all such calls, else none.
 */
function tokenizerLength(
  file: string,
  root: SyntaxNode,
  text: string,
  calls: CallSite[],
  values: ValueResolver,
): Fact | undefined {
  const seen = new Set<number>();
  const found: { v: number; node: SyntaxNode; note: string; scriptDefault: boolean }[] = [];
  for (const c of [...calls, ...callsWithKeyword(root, text, ['max_length', 'max_seq_length', 'model_max_length'])]) {
    if (seen.has(c.node.id)) continue;
    seen.add(c.node.id);
    const isTokenizerCall = /tokeni[sz]er|tok\b/i.test(c.callee) || c.name === 'tokenize';
    const ml = c.kwargs.get('max_length') ?? c.kwargs.get('max_seq_length') ?? c.kwargs.get('model_max_length');
    if (!ml || !isTokenizerCall) continue;
    const r = values.resolve(ml.value);
    if (typeof r.value !== 'number') continue;
    found.push({
      v: r.value,
      node: ml.node,
      scriptDefault: !!r.scriptDefault,
      note: `tokenizer ${ml.name}=${ml.value.text}${r.via ? ` (${r.via})` : ''}`,
    });
  }
  // `tokenizer.model_max_length = args.max_length`: the length set on the tokenizer itself.
  for (const a of text.includes('model_max_length') ? nodesOfType(root, 'assignment') : []) {
    const left = a?.childForFieldName('left');
    if (left?.type !== 'attribute' || left.childForFieldName('attribute')?.text !== 'model_max_length') continue;
    if (!/tokeni[sz]er|tok$/i.test(left.childForFieldName('object')?.text ?? '')) continue;
    const right = a!.childForFieldName('right');
    const r = values.resolve(right);
    if (typeof r.value !== 'number' || !right) continue;
    found.push({
      v: r.value,
      node: right,
      scriptDefault: !!r.scriptDefault,
      note: `${left.text} = ${right.text}${r.via ? ` (${r.via})` : ''}`,
    });
  }
  if (found.length === 0 || new Set(found.map((f) => f.v)).size !== 1) return undefined;
  const f = found[0];
  return {
    key: 'seq_len',
    value: f.v,
    origin: f.scriptDefault ? 'script-default' : 'explicit',
    file,
    span: spanOf(f.node),
    note: f.note,
  };
}

/** Names scripts give the training sequence length (module constants, argparse options, dataclass fields). */
const SEQ_NAMES = [
  ...new Set([
    'max_seq_length',
    'max_seq_len',
    'seq_len',
    'seq_length',
    'sequence_length',
    'max_sequence_length',
    'context_length',
    'maxlen',
    'max_len',
    ...vocabularyNames('seq_len'),
  ]),
];

/** One-word spellings the shared vocabulary lists for a fact in any framework (not the weak ones). */
function vocabularyNames(key: FactKey): string[] {
  return ALIASES.filter((a) => a.to === key && !a.fw && !a.weak).flatMap((a) =>
    a.keys.filter((k) => /^[a-z_]+$/.test(k)),
  );
}

/**
 * Activation checkpointing an option declares under a name the vocabulary lists (`--grad_cp` default 0,
 * `--gradient_checkpointing` store_true): `inferred`, and named as the argparse option so a launcher's flag decides.
 */
function checkpointingByName(file: string, values: ValueResolver): Fact | undefined {
  for (const name of vocabularyNames('grad_checkpointing')) {
    const d = values.declaredDefault(name);
    const on = d ? acOf(d.value) : undefined;
    if (!d || on === undefined) continue;
    const flag = /argparse (--[\w-]+)/.exec(d.via)?.[1];
    return {
      key: 'grad_checkpointing',
      value: on,
      origin: 'inferred',
      file,
      span: spanOf(d.node),
      note: flag
        ? `default of argparse ${flag} = ${String(d.value)}, read as activation checkpointing`
        : `${d.via}, read as activation checkpointing`,
    };
  }
  return undefined;
}

/**
 * A sequence length the script declares under one of those names (`maxlen = 128`, `SEQUENCE_LENGTH = 64`,
 * `--seq_len` with default 512): `inferred`, since the name, not a library, says what it means. Only one value:
 * names that disagree (a source and a target length) give nothing.
 */
function seqLenByName(file: string, values: ValueResolver): Fact | undefined {
  const found: { v: number; node: SyntaxNode; via: string }[] = [];
  for (const n of SEQ_NAMES)
    for (const name of [n, n.toUpperCase()]) {
      const c = values.constant(name);
      if (typeof c?.value === 'number') found.push({ v: c.value, node: c.node, via: `module constant ${name}` });
      const d = values.declaredDefault(name);
      if (typeof d?.value === 'number') found.push({ v: d.value, node: d.node, via: d.via });
    }
  const vs = new Set(found.map((f) => f.v));
  if (vs.size !== 1 || found[0].v < 16) return undefined;
  return {
    key: 'seq_len',
    value: found[0].v,
    origin: 'inferred',
    file,
    span: spanOf(found[0].node),
    note: `${found[0].via} = ${found[0].v}, read as the training sequence length`,
  };
}

/**
 * True when the call runs only under `if <name>:` where `name` is a parameter of the enclosing function
 * (`def load_model(path, qlora=False): … if qlora: …`): whether it runs is the caller's choice, not this file's.
 */
function underParameterSwitch(node: SyntaxNode): boolean {
  let fn: SyntaxNode | null = node.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  const params = new Set(
    (fn?.childForFieldName('parameters')?.namedChildren ?? []).map((p) =>
      p?.type === 'identifier' ? p.text : (p?.childForFieldName('name')?.text ?? p?.namedChildren[0]?.text),
    ),
  );
  for (let p = node.parent; p && p.id !== fn?.id; p = p.parent) {
    if (p.type !== 'if_statement') continue;
    const body = p.childForFieldName('consequence');
    const cond = p.childForFieldName('condition');
    if (!body || body.startIndex > node.startIndex || node.endIndex > body.endIndex) continue;
    if (cond?.type === 'identifier' && params.has(cond.text)) return true;
  }
  return false;
}

/**
 * `if compile: model = torch.compile(model)` where the switch is a name or option that reads as False (`compile =
 * False` above it, baby-llama2's `if __name__ == '__main__':` globals): the call never runs in the default run.
 */
function falseSwitch(node: SyntaxNode, values: ValueResolver): string | undefined {
  for (let p = node.parent; p && p.type !== 'function_definition'; p = p.parent) {
    if (p.type !== 'if_statement') continue;
    const cond = p.childForFieldName('condition');
    const body = p.childForFieldName('consequence');
    if (!cond || !body || node.startIndex < body.startIndex || node.endIndex > body.endIndex) continue;
    if ((cond.type === 'identifier' || cond.type === 'attribute') && values.resolve(cond).value === false)
      return cond.text;
  }
  return undefined;
}
