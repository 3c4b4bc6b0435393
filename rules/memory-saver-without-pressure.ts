import * as fmt from '../engine/format';
import type { Rule, RuleFinding } from './types';
import { memoryOn, SMALL_REFERENCE } from './memory-fit';
import { at, replaceFact, savingOf, setArg, unsure, written } from './helpers';
import type { Fact, OffsetEdit } from '../engine/types';

/** Memory use below this share of the device without the memory saver counts as plenty of room. */
export const ROOMY_FRACTION = 0.5;

/**
 * GML204 memory-saver-without-pressure — paying compute for memory the run does not need.
 */
export const memorySaverWithoutPressure: Rule = {
  code: 'GML204',
  name: 'memory-saver-without-pressure',
  defaultSeverity: 'information',
  summary:
    'Gradient checkpointing, CPU offload (ZeRO-Offload, FSDP) or cache flushing on a run that has plenty of memory',
  doc: {
    whatItDoes:
      'Flags gradient checkpointing switched on, DeepSpeed ZeRO-Offload of the optimizer states or weights to CPU ' +
      'or NVMe, or FSDP CPU offload (`CPUOffload(offload_params=True)`, Lightning `FSDPStrategy(cpu_offload=True)`, ' +
      'accelerate `fsdp_offload_params: true`, torchtune `fsdp_cpu_offload: True`, transformers ' +
      '`fsdp="full_shard offload"`), where the memory model says ' +
      "the run uses under half the accelerator's memory without it, and " +
      '`torch.cuda.empty_cache()` called on every training step (each such call is its own finding, on its line).',
    whyIsThisBad:
      'Gradient checkpointing recomputes activations in the backward pass: ≈ 20–33 % more compute for memory the run ' +
      'does not need (Hugging Face single-GPU guide: "if the preferred batch size fits into memory, there is no reason ' +
      'to apply memory-optimizing techniques because they can slow down the training"). Emptying the CUDA cache each ' +
      'step forces the allocator to ask the driver for memory again (TrainingArguments docs: ≈ 10 % slower). ' +
      'ZeRO-Offload moves optimizer states (and with `offload_param` the weights) over PCIe and runs the optimizer ' +
      'step on the CPU: Lightning\'s DeepSpeed guide says it "increases distributed communication volume and GPU-CPU ' +
      'device transfer" in exchange for memory. FSDP\'s offload keeps parameters and gradients on the CPU and runs the ' +
      'optimizer step there (PyTorch FSDP docs, `CPUOffload`).',
    example:
      'TrainingArguments(gradient_checkpointing=True)  # a 125 M model on an 80 GB GPU\n' +
      '"offload_optimizer": {"device": "cpu"}  # DeepSpeed config of a 0.5 B model on an 80 GB GPU',
    useInstead: 'TrainingArguments(gradient_checkpointing=False)\n"offload_optimizer": {"device": "none"}',
    fixSafety:
      'Unsafe: the memory model is an estimate; without checkpointing or offload a run near the limit could run out ' +
      'of memory. The offload finding states no kWh: the core does not model the time offload costs. ' +
      "Not flagged: unknown model size, QLoRA, checkpointing that is a framework's default, memory over half the " +
      'device. With the hardware unknown the run without checkpointing must fit half a 24 GB GPU, and the finding is ' +
      'information.',
  },
  check(ctx) {
    const out: RuleFinding[] = [];
    const gc = ctx.fact('grad_checkpointing');
    if (gc?.value === true && written(gc) && !ctx.cpu && ctx.value('peft') !== 'qlora') {
      // Unknown hardware (most public configs): the run without checkpointing must use at most half a 24 GB card.
      const known = !!ctx.accelerator;
      const without = known
        ? ctx.memory({ gradCheckpointing: false })
        : memoryOn(ctx, SMALL_REFERENCE, { gradCheckpointing: false });
      if (without?.deviceGB && without.totalGB.high <= without.deviceGB * ROOMY_FRACTION) {
        const s = savingOf(ctx, { gradCheckpointing: false });
        const edits = setArg(ctx, 'grad_checkpointing', 'gradient_checkpointing', false);
        out.push({
          ...at(gc),
          severity: known ? unsure(ctx, ['model', 'micro_batch', 'seq_len']) : 'information',
          message: `Gradient checkpointing recomputes activations, but without it the run needs only ≈ ${fmt.num(without.totalGB.mid)} of ${fmt.num(without.deviceGB)} GB per device${known ? '' : ` even on a 24 GB GPU (hardware not stated)`}${s ? `: turning it off ${s.text}` : ''}.`,
          savings: s?.savings,
          fixes: edits
            ? [{ title: `Turn off gradient checkpointing${s ? ` — ${s.text}` : ''}`, applicability: 'unsafe', edits }]
            : [],
        });
      }
    }
    const off = ctx.fact('offload');
    // Not on QLoRA, as for checkpointing (the doc's "Not flagged"): FSDP-QLoRA recipes offload on purpose, to fit
    // large 4-bit bases on small cards, and are copied for smaller ones.
    if ((off?.value === 'cpu' || off?.value === 'nvme') && written(off) && !ctx.cpu && ctx.value('peft') !== 'qlora') {
      // The memory model keeps every state on the accelerator: this is the run without the offload.
      const known = !!ctx.accelerator;
      const without = known ? ctx.memory() : memoryOn(ctx, SMALL_REFERENCE);
      if (without?.deviceGB && without.totalGB.high <= without.deviceGB * ROOMY_FRACTION) {
        const fsdp = off.form === 'fsdp-offload';
        const edits = ctx.edit({ offload: 'none' }) ?? (fsdp ? pythonKeepOnGpu(off) : undefined);
        out.push({
          ...at(off),
          severity: known ? unsure(ctx, ['model', 'micro_batch', 'seq_len']) : 'information',
          message: `${fsdp ? "FSDP's CPU offload" : 'ZeRO-Offload'} moves training state to ${off.value === 'nvme' ? 'NVMe' : 'CPU'} memory and back on every step, but with everything on the GPU the run needs only ≈ ${fmt.num(without.totalGB.mid)} of ${fmt.num(without.deviceGB)} GB per device${known ? '' : ` even on a 24 GB GPU (hardware not stated)`}: the transfers slow every step for memory the run does not need (the saving is time, not estimated here).`,
          fixes: edits
            ? [
                {
                  title: fsdp
                    ? 'Keep the training state on the GPU (no FSDP CPU offload)'
                    : 'Keep the training state on the GPU (offload device "none")',
                  applicability: 'unsafe',
                  edits,
                },
              ]
            : [],
        });
      }
    }
    const ec = ctx.fact('empty_cache');
    // Each per-step call is its own finding (the fact's first call, then `Fact.also`): each is removed on its own line.
    if (ec?.value === 'every-step' && written(ec) && !ctx.cpu)
      for (const site of [at(ec), ...(ec.file ? (ec.also ?? []).map((a) => ({ file: ec.file, span: a.span })) : [])])
        out.push({
          ...site,
          message:
            'torch.cuda.empty_cache() on every training step returns cached memory to the driver only to allocate it again: it slows every step and frees nothing the run keeps.',
          fixes: [{ title: 'Remove the per-step empty_cache() call', applicability: 'display-only', edits: [] }],
        });
    return out;
  },
};

/**
 * FSDP's offload written in Python (engine/extract/fsdp-offload.ts): the keyword set to False, or the word `offload`
 * deleted from transformers' option string; none where the fact names no keyword (FSDP2's policy object).
 */
function pythonKeepOnGpu(off: Fact): OffsetEdit[] | undefined {
  if (!off.name || !/\.pyi?$/.test(off.file ?? '')) return undefined;
  return replaceFact(off, off.name === 'fsdp' ? '' : `${off.name}=False`);
}
