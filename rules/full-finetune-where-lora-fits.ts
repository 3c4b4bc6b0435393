import * as fmt from '../engine/format';
import type { Rule } from './types';
import type { RunInputs } from '../core/index';
import { fits, LARGE_REFERENCE, memoryOn, USABLE_FRACTION } from './memory-fit';
import { unsure } from './helpers';

/** Models at least this large are where a full fine-tune's memory decides the hardware. */
export const LARGE_MODEL = 1e9;

/** Frameworks for pretraining from scratch, where every weight is trained by design. */
const PRETRAINING = new Set([
  'torchtitan',
  't5x',
  'olmo',
  'gpt-neox',
  'megatron',
  'levanter',
  'nanogpt',
  'llm-foundry',
]);

/**
 * GML801 full-finetune-where-lora-fits — every weight of a large pretrained model is trained when LoRA would fit
 * on fewer devices.
 */
export const fullFinetuneWhereLoraFits: Rule = {
  code: 'GML801',
  name: 'full-finetune-where-lora-fits',
  defaultSeverity: 'information',
  summary: 'A full fine-tune of a large model needs more devices than LoRA would',
  doc: {
    whatItDoes:
      'Flags full fine-tuning of a pretrained model of 1 B parameters or more when the memory model says it does not ' +
      'fit the devices as configured (ZeRO sharding included) while a LoRA adapter would fit on fewer.',
    whyIsThisBad:
      "LoRA's saving is memory, not compute per token: it keeps no gradients or optimizer states for the frozen " +
      'weights, so the same model trains on fewer or smaller GPUs, or with a larger batch. The time per step barely ' +
      'changes — measured on an H200 with a 774 M model and the same tokens: 223 ms per step full, 231 ms with LoRA ' +
      '(r = 16); 135 vs 131 J (bench/gpu-energy). The energy saved is that of the devices no longer needed.',
    example: 'Trainer(model=AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B"), args=args)  # 4 × A100',
    useInstead:
      'model = get_peft_model(AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B"), LoraConfig(r=16))  # 1 × A100',
    fixSafety:
      'Display-only: an adapter trains fewer weights, which can change the quality reached. Not flagged: models under ' +
      '1 B parameters, runs that already use LoRA/QLoRA, full fine-tunes that fit as configured, pretraining ' +
      '(torchtitan, Megatron-LM, OLMo, GPT-NeoX, levanter, T5X, nanoGPT, llm-foundry, or a budget in tokens). With the ' +
      'hardware unknown, "does not fit" is checked on an 80 GB GPU, LoRA must fit one, and the message says so.',
  },
  check(ctx) {
    const peft = ctx.value('peft');
    const params = ctx.shape.inputs.params;
    // Only a run known to train every weight: a launcher whose script is not in view may well add an adapter itself.
    if (peft !== 'none' || !params || params < LARGE_MODEL || ctx.cpu) return [];
    if (typeof ctx.value('model') !== 'string') return [];
    // Pretraining is not a fine-tune: frameworks built for it, or a budget in tokens, train every weight by design.
    if (PRETRAINING.has(ctx.plan.framework) || ctx.fact('train_tokens')) return [];
    // Unknown hardware (most public configs): "does not fit" is checked on an 80 GB GPU, the largest common one.
    const known = !!ctx.accelerator;
    const mem = (change: Partial<RunInputs> = {}) =>
      known ? ctx.memory(change) : memoryOn(ctx, LARGE_REFERENCE, change);
    // Only where the full fine-tune does not fit as configured (ZeRO included) and LoRA would.
    if (fits(mem()) !== false) return [];
    const full = mem({ zeroStage: undefined });
    const lora = mem({ peft: { method: 'lora' }, zeroStage: undefined });
    if (!full?.deviceGB || !lora?.deviceGB) return [];
    const device = ctx.accelerator?.name ?? `${memoryOn(ctx, LARGE_REFERENCE)?.device} (hardware not stated)`;
    const usable = full.deviceGB * USABLE_FRACTION;
    const need = (gb: number) => Math.max(1, Math.ceil(gb / usable));
    const fullDevices = need(full.totalGB.mid);
    const loraDevices = need(lora.totalGB.mid);
    const devices = ctx.shape.inputs.devices ?? 1;
    if (loraDevices >= Math.max(fullDevices, devices)) return [];
    // Without stated hardware only the clear case: LoRA fits one 80 GB GPU where the full fine-tune needs several.
    if (!known && loraDevices > 1) return [];
    // Beside GML207's finding (same place: the value that sets the batch), with the adapter's device count.
    const mb = ctx.fact('micro_batch');
    return [
      {
        ...(mb?.file && mb.span ? { file: mb.file, span: mb.span } : {}),
        severity: unsure(ctx, ['model', 'micro_batch', 'seq_len']),
        message:
          `Full fine-tune of ${fmt.num(params / 1e9)} B parameters: ≈ ${fmt.num(full.totalGB.mid)} GB of weights, gradients, optimizer states and activations, ` +
          `≈ ${fullDevices} × ${device}; with LoRA ≈ ${fmt.num(lora.totalGB.mid)} GB fits on ${loraDevices}. ` +
          "LoRA's saving is the devices no longer needed (or a larger batch), not compute per token: steps take about as long.",
        fixes: [
          {
            title: 'Train a LoRA adapter (peft.get_peft_model) on fewer devices',
            applicability: 'display-only',
            edits: [],
          },
        ],
      },
    ];
  },
};
