// FSDP's CPU offload, the same fact as DeepSpeed's ZeRO-Offload (`offload`: "cpu"): the sharded parameters and their
// gradients live in CPU memory and the optimizer step runs there, so the GPU holds less than the memory model counts.
// Each spelling, as its framework documents it:
// - PyTorch: `FullyShardedDataParallel(…, cpu_offload=CPUOffload(offload_params=True))`; `offload_params` "implicitly
//   enables gradient offloading to CPU" (https://pytorch.org/docs/stable/fsdp.html, CPUOffload). FSDP2:
//   `fully_shard(…, offload_policy=CPUOffloadPolicy())` offloads parameters, gradients and optimizer states
//   (https://pytorch.org/docs/stable/distributed.fsdp.fully_shard.html).
// - Lightning (Trainer and Fabric): `FSDPStrategy(cpu_offload=True)` or a `CPUOffload` config
//   (https://lightning.ai/docs/pytorch/stable/api/lightning.pytorch.strategies.FSDPStrategy.html).
// - accelerate config: `fsdp_config: {fsdp_offload_params: true}` ("offload parameters and gradients to CPU",
//   https://huggingface.co/docs/accelerate/usage_guides/fsdp); axolotl passes the same `fsdp_config` on
//   (src/axolotl/utils/trainer.py `setup_fsdp_envs`: FSDP_OFFLOAD_PARAMS).
// - torchtune's distributed recipes: `fsdp_cpu_offload: True` (read in ./torchtune.ts).
// - transformers: `TrainingArguments(fsdp="full_shard offload")`, the `offload` option "offload parameters and
//   gradients to CPUs" (https://huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments.fsdp).
import type { SyntaxNode } from '../parse/python';
import { findCalls, literal, spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { ConfigDoc } from './config-doc';
import { bool, fact, type Field, type Fields } from './fields';
import { flagBranch, offByDefault, unusedFunction } from './python-branch';
import type { ValueResolver } from './python-values';

/** Where an accelerate or axolotl config turns FSDP's offload on (accelerate's name; axolotl's FSDP2 name). */
export const FSDP_OFFLOAD_PATHS = [
  ['fsdp_config', 'fsdp_offload_params'],
  ['fsdp_config', 'offload_params'],
];

/** `fsdp_offload_params: true` in a config: the `offload` fact, and the edit that sets it to false. */
export function fsdpConfigOffload(doc: ConfigDoc): { fact?: Fact; keepOnGpu: () => ReturnType<ConfigDoc['set']> } {
  const on = fsdpFieldsOffload(fsdpOffloadFields(doc));
  return on ? { fact: on.fact, keepOnGpu: () => doc.set(on.name.split('.'), false) } : { keepOnGpu: () => undefined };
}

const fsdpFact = (f: Field, note: string): Fact => ({ ...fact('offload', 'cpu', f, note), form: 'fsdp-offload' });

/** The fields of a config's FSDP offload settings that are written, by their dotted path (`fsdp_config.…`). */
export function fsdpOffloadFields(doc: ConfigDoc): Fields {
  const out: Fields = new Map();
  for (const p of FSDP_OFFLOAD_PATHS) {
    const f = doc.field(p, p.join('.'));
    if (f) out.set(p.join('.'), f);
  }
  return out;
}

/** Of those fields (merged into a schema's fields), the one that turns the offload on, and its fact. */
export function fsdpFieldsOffload(fields: Fields): { name: string; fact: Fact } | undefined {
  for (const p of FSDP_OFFLOAD_PATHS) {
    const f = fields.get(p.join('.'));
    if (f && bool(f.value) === true)
      return {
        name: p.join('.'),
        fact: { ...fsdpFact(f, `${f.text}: FSDP keeps parameters and gradients on the CPU`), name: p[p.length - 1] },
      };
  }
  return undefined;
}

/** The options of a transformers `fsdp` value ("full_shard auto_wrap offload"), or undefined when it is not a string. */
const options = (v: unknown): string[] | undefined =>
  typeof v === 'string'
    ? v
        .trim()
        .split(/[\s,]+/)
        .filter(Boolean)
    : undefined;

/** transformers' `fsdp` option string with `offload` in it: the `offload` fact on that field. */
export function fsdpOptionOffload(f: Field | undefined): Fact | undefined {
  return f && options(f.value)?.includes('offload')
    ? fsdpFact(f, `${f.text}: FSDP offloads parameters and gradients to the CPU`)
    : undefined;
}

/**
 * The same `fsdp` value without `offload`; undefined when nothing else is left (offload alone shards nothing, and
 * an empty value turns FSDP off).
 */
export function withoutOffload(v: unknown): string | undefined {
  const rest = options(v)?.filter((o) => o !== 'offload');
  return rest?.length ? rest.join(' ') : undefined;
}

/** Arguments classes that take transformers' `fsdp` option (TrainingArguments, TRL's SFTConfig, …). */
const ARGS_CLASS = /(Arguments|Config)$/;

/**
 * FSDP's offload turned on in a Python training script: the span of the keyword that does it, `name` the keyword as
 * written (a fix writes `<name>=False`); for transformers' option string, the span of the word `offload` and its
 * separator inside the string (a fix deletes it), `name` "fsdp". Not when the call is in a function the script never
 * uses or under a flag that is off by default, nor for the offloads that only move a checkpoint to the CPU when it is
 * saved (`StateDictOptions(cpu_offload=True)`, `FullStateDictConfig(offload_to_cpu=True)`).
 */
export function pythonFsdpOffload(
  file: string,
  root: SyntaxNode,
  text: string,
  values: ValueResolver,
): Fact | undefined {
  if (!/CPUOffload|FSDPStrategy|fsdp\s*=/.test(text)) return undefined;
  const on = (n: SyntaxNode | undefined) => !!n && (literal(n) ?? values.resolve(n).value) === true;
  const runs = (n: SyntaxNode) => !unusedFunction(n, root) && !offByDefault(flagBranch(n), values);
  const at = (node: SyntaxNode, name: string, note: string, span = spanOf(node)): Fact => ({
    key: 'offload',
    value: 'cpu',
    origin: 'explicit',
    file,
    span,
    note,
    name,
    form: 'fsdp-offload',
  });
  for (const c of findCalls(root, text, ['CPUOffload', 'FSDPStrategy', 'CPUOffloadPolicy', ...argsCalls(text)])) {
    if (!runs(c.node)) continue;
    if (c.name === 'CPUOffload') {
      const kw = c.kwargs.get('offload_params');
      if (kw && on(kw.value)) return at(kw.node, 'offload_params', `CPUOffload(${kw.node.text})`);
      if (!kw && on(c.positional[0]))
        return at(c.positional[0], 'offload_params', `CPUOffload(${c.positional[0].text})`);
    } else if (c.name === 'FSDPStrategy') {
      const kw = c.kwargs.get('cpu_offload');
      if (kw && on(kw.value)) return at(kw.node, 'cpu_offload', `FSDPStrategy(${kw.node.text})`);
    } else if (c.name === 'CPUOffloadPolicy') {
      // FSDP2's policy object, passed as `offload_policy=`: no fix is offered (its off value needs another import).
      return at(c.node, '', `${c.callee}(): FSDP2 offloads parameters, gradients and optimizer states to the CPU`);
    } else if (ARGS_CLASS.test(c.name)) {
      const kw = c.kwargs.get('fsdp');
      const v = kw && (literal(kw.value) ?? values.resolve(kw.value).value);
      if (!kw || !options(v)?.includes('offload')) continue;
      const word = kw.value.type === 'string' ? offloadWord(kw.value) : undefined;
      return word && withoutOffload(v)
        ? at(kw.node, 'fsdp', `${kw.node.text}: FSDP offloads parameters and gradients to the CPU`, word)
        : at(kw.node, '', `${kw.node.text}: FSDP offloads parameters and gradients to the CPU`);
    }
  }
  return undefined;
}

/** The names of the arguments calls in the text that take `fsdp=` (`TrainingArguments(`, `SFTConfig(`, …). */
function argsCalls(text: string): string[] {
  return [...new Set([...text.matchAll(/\b(\w+(?:Arguments|Config))\s*\(/g)].map((m) => m[1]))];
}

/** The word `offload` in a string literal with one separator beside it (the one before it, else the one after). */
function offloadWord(str: SyntaxNode): { start: number; end: number } | undefined {
  const m = /(?:[\s,]+offload\b|\boffload[\s,]+)/.exec(str.text);
  return m ? { start: str.startIndex + m.index, end: str.startIndex + m.index + m[0].length } : undefined;
}
