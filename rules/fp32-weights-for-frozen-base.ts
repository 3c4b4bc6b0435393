import * as fmt from '../engine/format';
import type { Rule } from './types';
import { at, replaceFact, written } from './helpers';

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
      'by a LoRA adapter, so its weights are frozen.',
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
      'V100/T4. Not flagged: full fine-tuning (fp32 master weights are intended), CPU runs, dtypes not written.',
  },
  check(ctx) {
    const d = ctx.fact('model_dtype');
    const peft = ctx.value('peft');
    if (d?.value !== 'fp32' || !written(d) || peft !== 'lora' || ctx.cpu) return [];
    const half = ctx.accelerator && !ctx.accelerator.bf16 ? 'float16' : 'bfloat16';
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
