import type { Rule } from './types';
import { at, unsure, written } from './helpers';

/**
 * GML203 static-padding — every example padded to the maximum length.
 */
export const staticPadding: Rule = {
  code: 'GML203',
  name: 'static-padding',
  defaultSeverity: 'warning',
  summary: 'Every training example is padded to the maximum length (no packing, no dynamic padding)',
  doc: {
    whatItDoes:
      'Flags tokenisation with `padding="max_length"` (written, or a constant of the file), a collator told to pad ' +
      "every batch to `max_length`, `pad_to_max_length=True` (also `pad_to_max_length: true` in an example script's " +
      'HF-args file) or axolotl `pad_to_sequence_len: true`, in a training run that neither ' +
      'packs sequences (`packing`, `sample_packing`) nor groups them by length. A warning where the code names a language model it trains (a causal, seq2seq or masked LM class, TRL `SFTTrainer`, `Seq2SeqTrainer`, `DataCollatorForLanguageModeling`) or a config pads; information where the file does not say what the padded text trains. A tokenisation module of the project that runs nothing by itself (a Dataset or helper the training script imports) is judged with the run of the script that imports it, on the code that run reaches.',
    whyIsThisBad:
      'Padding tokens are computed like real ones: on instruction data whose lengths vary, most of the compute can go ' +
      'to padding. Dynamic padding per batch (`DataCollatorWithPadding`) or packing removes it; Hugging Face reports up ' +
      'to 2× throughput for padding-free packing ("Packing with FlashAttention-2", Transformers docs).',
    example: 'tokenizer(batch["text"], padding="max_length", max_length=2048, truncation=True)',
    useInstead:
      'tokenizer(batch["text"], max_length=2048, truncation=True)  # pad per batch: DataCollatorWithPadding(tokenizer)',
    fixSafety:
      'Display-only in a script: removing the padding also needs a collator that pads each batch, which depends on the ' +
      'script. In a config that can pack (axolotl `sample_packing`), packing is offered as an unsafe fix (it changes ' +
      'which samples share a batch). ' +
      'Each call of the run that pads to the maximum length is its own finding (the targets tokenised apart from the ' +
      'inputs, a collator told to pad to max_length). ' +
      'Not flagged: TPU/XLA runs (they want fixed shapes), runs that pack or group by length, CPU runs, ' +
      'an encoder with a classification or extractive-QA head (`AutoModelForSequenceClassification`, ' +
      '`…ForTokenClassification`, `…ForQuestionAnswering`) padded to 512 positions or fewer, the length ' +
      "Transformers' own run_glue.py and run_qa.py pad to by default, runs that " +
      'train on images (the captions of a text-to-image run condition its model on every position of the text ' +
      "encoder, as diffusers' text-to-image examples pad them), and padding " +
      'the run does not execute: in a function the script never uses, in an evaluation-only path, in a branch ' +
      'whose flag is off by default, or in a branch the launcher\'s flags turn off (`padding="max_length"` under ' +
      '`else:` of `if args.data_packing:` with `--data_packing` given).',
  },
  check(ctx) {
    const p = ctx.fact('padding');
    if (p?.value !== 'max_length' || !written(p) || ctx.cpu) return [];
    if (ctx.value('packing') === true || ctx.value('group_by_length') === true) return [];
    if (ctx.accelerator?.vendor === 'google' || /tpu/i.test(String(ctx.value('hardware') ?? ''))) return [];
    // A run that trains on images: the text it tokenises (the captions of a text-to-image run) conditions the model on
    // every position of its text encoder (diffusers' examples/text_to_image/train_text_to_image.py pads to the CLIP
    // tokenizer's model_max_length), no padding a per-batch collator could drop.
    if (ctx.value('modality') === 'vision') return [];
    // A config that can switch packing on (axolotl `sample_packing`, TRL/LLaMA-Factory `packing`) gets that edit.
    const pack =
      written(ctx.fact('packing')) || ctx.plan.framework === 'axolotl' ? ctx.edit({ packing: true }) : undefined;
    const config = !/\.pyi?$/i.test(p.file);
    // In code, a warning where the padded text trains a language model (form `language-model`, from the model class,
    // trainer or collator the file names: ../engine/extract/padding-task.ts), where lengths vary most and padding can
    // be most of the compute; information where the file does not say what the text trains (a tokenisation helper).
    // A config that pads (axolotl, an HF-args file) configures the run itself.
    const severity = config || p.form === 'language-model' ? unsure(ctx, ['padding']) : ('information' as const);
    const message = config
      ? 'Every batch is padded to the full sequence length without packing: padding tokens cost as much compute as real ones. Pack samples (sample_packing / packing) or pad per batch.'
      : 'Every example is padded to the maximum length: padding tokens cost as much compute as real ones. Pad per batch (DataCollatorWithPadding) or pack sequences.';
    const display = {
      title: 'Pad per batch with DataCollatorWithPadding, or pack sequences',
      applicability: 'display-only' as const,
      edits: [],
    };
    // The other calls of the run that pad to the maximum length (the targets tokenised apart, a collator): each its own.
    const more = (p.also ?? []).map((a) => ({
      file: p.file,
      span: a.span,
      severity,
      message,
      fixes: [display],
    }));
    return [
      {
        ...at(p),
        severity,
        message,
        fixes: [
          ...(pack
            ? [{ title: 'Pack samples into full-length sequences', applicability: 'unsafe' as const, edits: pack }]
            : []),
          display,
        ],
      },
      ...more,
    ];
  },
};
