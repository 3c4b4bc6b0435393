// The training sequence length a script hands to the code that builds its examples under a length keyword
// (`get_loader(…, max_length=args.max_length)`, `DataHandler(tokenizer, model_max_length=model_max_length)`,
// `DPOTrainer(…, max_length=script_args.max_length)`): the examples are truncated or padded to that many tokens.
// Transformers' own helpers use these keywords in that sense (`PreTrainedTokenizerBase.__call__(max_length=…)`,
// `from_pretrained(model_max_length=…)`: https://huggingface.co/docs/transformers/main_classes/tokenizer; TRL's
// `DPOConfig.max_length`/`SFTConfig.max_seq_length`: https://huggingface.co/docs/trl/dpo_trainer), and LLM training
// scripts pass their `--max_length`/`--model_max_length`/`--cutoff_len` option on to their own data code the same way.
//
// Not a length: a generation call's budget (`model.generate(max_length=…)`, a `pipeline`, a `GenerationConfig`, any
// call that also passes `max_new_tokens`), a model loader's context capacity, and calls inside evaluation or
// generation helpers (`def evaluate(…)`).
// One value over every such call, else nothing (a prompt and a target length that differ say no one length).
import type { SyntaxNode } from '../parse/python';
import { callsWithKeyword, spanOf } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { ValueResolver } from './python-values';

/** Keywords that name the length the examples are cut or padded to. */
const LENGTH_KWARGS = ['max_length', 'model_max_length', 'max_seq_length', 'max_seq_len', 'cutoff_len'];

/** Callees that generate or decode text: their length is an output budget, not the training length. */
const GENERATION = /(^|\.)(generate|pipeline|GenerationConfig|SamplingParams|decode|batch_decode|LLM)$|generat/i;

/**
 * Model loaders (`FastLanguageModel.from_pretrained(max_seq_length=2048)`, a `*Model(…)` constructor): the length the
 * model is prepared for, its context capacity (https://docs.unsloth.ai/get-started/fine-tuning-llms-guide), not the
 * length the trainer cuts examples to. A tokenizer's own `from_pretrained(model_max_length=…)` is read elsewhere.
 */
const MODEL_LOADER = /(^|\.)(from_pretrained|load_model|load_pretrained)$|Model\w*$/;

/** Functions whose calls belong to evaluation or generation, not to the training examples. */
const EVAL_FUNCTION = /eval|generat|predict|infer|sample|decode|test/i;

function enclosingFunction(node: SyntaxNode): string | undefined {
  for (let p = node.parent; p; p = p.parent)
    if (p.type === 'function_definition') return p.childForFieldName('name')?.text;
  return undefined;
}

export function passedLengthFact(
  file: string,
  root: SyntaxNode,
  text: string,
  values: ValueResolver,
): Fact | undefined {
  const found: { v: number; node: SyntaxNode; note: string; scriptDefault: boolean }[] = [];
  for (const c of callsWithKeyword(root, text, LENGTH_KWARGS)) {
    if (GENERATION.test(c.callee) || MODEL_LOADER.test(c.callee)) continue;
    if (c.kwargs.has('max_new_tokens') || c.kwargs.has('num_beams')) continue;
    const fn = enclosingFunction(c.node);
    if (fn && EVAL_FUNCTION.test(fn)) continue;
    for (const k of LENGTH_KWARGS) {
      const kw = c.kwargs.get(k);
      if (!kw) continue;
      const r = values.resolve(kw.value);
      if (typeof r.value !== 'number' || r.value < 16) continue;
      found.push({
        v: r.value,
        node: kw.node,
        scriptDefault: !!r.scriptDefault,
        note: `${c.name}(${k}=${kw.value.text})${r.via ? ` (${r.via})` : ''}, read as the training sequence length`,
      });
    }
  }
  if (found.length === 0 || new Set(found.map((f) => f.v)).size !== 1) return undefined;
  const f = found[0];
  return {
    key: 'seq_len',
    value: f.v,
    origin: f.scriptDefault ? 'script-default' : 'inferred',
    file,
    span: spanOf(f.node),
    note: f.note,
  };
}
