import * as fmt from '../engine/format';
import type { Rule } from './types';
import { at, replaceFact, setArg, written } from './helpers';

/**
 * GML105 fp32-weights-for-frozen-base — a frozen (LoRA) base model loaded in fp32.
 */
export const fp32WeightsForFrozenBase: Rule = {
  code: 'GML105',
  name: 'fp32-weights-for-frozen-base',
  defaultSeverity: 'warning',
  summary: 'The frozen base of a LoRA run is loaded in fp32',
  doc: {
    whatItDoes:
      'Flags `from_pretrained(..., torch_dtype=torch.float32)` (or `dtype="float32"`) when the model is then wrapped ' +
      'by a LoRA adapter, so its weights are frozen; as information, `from_pretrained(...)` with no dtype at all, which ' +
      'loads fp32 on transformers before v5 (not flagged when a version pin near the script says ≥ 5).',
    whyIsThisBad:
      'Frozen weights get no gradients and no optimizer states: fp32 copies only double their memory and the bytes ' +
      'moved per step. In 16-bit the base takes half the memory — room for a larger batch or a smaller GPU — while the ' +
      'adapter still trains under mixed precision (transformers loads the checkpoint dtype since v5, PR #42805).',
    example:
      'model = AutoModelForCausalLM.from_pretrained(name, torch_dtype=torch.float32)\nmodel = get_peft_model(model, lora)',
    useInstead:
      'model = AutoModelForCausalLM.from_pretrained(name, torch_dtype=torch.bfloat16)\nmodel = get_peft_model(model, lora)',
    fixSafety:
      'Unsafe: the base weights are rounded to 16-bit. bfloat16 is proposed where the GPU supports it, float16 on ' +
      'V100/T4. Not flagged: full fine-tuning (fp32 master weights are intended), 4-bit/8-bit bases, CPU runs.',
  },
  check(ctx) {
    const d = ctx.fact('model_dtype');
    const peft = ctx.value('peft');
    if (d?.value !== 'fp32' || peft !== 'lora' || ctx.cpu) return [];
    const half = ctx.accelerator && !ctx.accelerator.bf16 ? 'float16' : 'bfloat16';
    // No dtype written in the loading call: fp32 on transformers < 5, the checkpoint's dtype from v5 on. Information,
    // since the installed version is not in view (a pin ≥ 5 removes the fact), with the keyword inserted as the fix.
    if (d.origin === 'framework-default' && d.form === 'model-call' && d.file && d.span) {
      const edits = setArg(ctx, 'model_dtype', 'torch_dtype', { code: `"${half}"` });
      return [
        {
          ...at(d),
          severity: 'information',
          message: `The base model is loaded without torch_dtype and then frozen by LoRA: transformers before v5 loads it in fp32. Loading it in ${half} halves the memory of the frozen weights.`,
          fixes: edits ? [{ title: `Load the frozen base in ${half}`, applicability: 'unsafe', edits }] : [],
        },
      ];
    }
    if (!written(d)) return [];
    const name = d.name === 'dtype' ? 'dtype' : 'torch_dtype';
    const edits = /\.pyi?$/i.test(d.file)
      ? replaceFact(d, `${name}=torch.${half}`)
      : ctx.edit({ model_dtype: half === 'float16' ? 'fp16' : 'bf16' });
    const params = ctx.shape.inputs.params;
    const freed = params ? ` (≈ ${fmt.num((params * 2) / 1e9)} GB of weights)` : '';
    return [
      {
        ...at(d),
        severity: ctx.accelerator ? undefined : 'information',
        message: `The base model is loaded in fp32 but frozen by LoRA: loading it in ${half} halves its memory${freed}.`,
        fixes: edits ? [{ title: `Load the frozen base in ${half}`, applicability: 'unsafe', edits }] : [],
      },
    ];
  },
};
