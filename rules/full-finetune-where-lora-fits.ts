import * as fmt from '../engine/format';
import type { Rule } from './types';
import { fits, USABLE_FRACTION } from './memory-fit';
import { unsure } from './helpers';

/** Models at least this large are where a full fine-tune's memory decides the hardware. */
export const LARGE_MODEL = 1e9;

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
      '1 B parameters, runs that already use LoRA/QLoRA, unknown hardware, full fine-tunes that fit as configured.',
  },
  check(ctx) {
    const peft = ctx.value('peft');
    const params = ctx.shape.inputs.params;
    if ((peft !== 'none' && peft !== undefined) || !params || params < LARGE_MODEL || !ctx.accelerator || ctx.cpu)
      return [];
    if (typeof ctx.value('model') !== 'string') return [];
    // Only where the full fine-tune does not fit as configured (ZeRO included) and LoRA would.
    if (fits(ctx.memory()) !== false) return [];
    const full = ctx.memory({ zeroStage: undefined });
    const lora = ctx.memory({ peft: { method: 'lora' }, zeroStage: undefined });
    if (!full?.deviceGB || !lora?.deviceGB) return [];
    const usable = full.deviceGB * USABLE_FRACTION;
    const need = (gb: number) => Math.max(1, Math.ceil(gb / usable));
    const fullDevices = need(full.totalGB.mid);
    const loraDevices = need(lora.totalGB.mid);
    const devices = ctx.shape.inputs.devices ?? 1;
    if (loraDevices >= Math.max(fullDevices, devices)) return [];
    // Beside GML207's finding (same place: the value that sets the batch), with the adapter's device count.
    const mb = ctx.fact('micro_batch');
    return [
      {
        ...(mb?.file && mb.span ? { file: mb.file, span: mb.span } : {}),
        severity: unsure(ctx, ['model', 'micro_batch', 'seq_len']),
        message:
          `Full fine-tune of ${fmt.num(params / 1e9)} B parameters: ≈ ${fmt.num(full.totalGB.mid)} GB of weights, gradients, optimizer states and activations, ` +
          `≈ ${fullDevices} × ${ctx.accelerator.name}; with LoRA ≈ ${fmt.num(lora.totalGB.mid)} GB fits on ${loraDevices}. ` +
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
