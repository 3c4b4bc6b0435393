import type { Rule } from './types';
import { at, setArg, written } from './helpers';

/**
 * GML305 hub-push-every-save — every checkpoint uploaded to the Hub.
 */
export const hubPushEverySave: Rule = {
  code: 'GML305',
  name: 'hub-push-every-save',
  defaultSeverity: 'information',
  summary: 'Every checkpoint is pushed to the Hugging Face Hub (hub_strategy="all_checkpoints")',
  doc: {
    whatItDoes: 'Flags `push_to_hub=True` with `hub_strategy="all_checkpoints"`.',
    whyIsThisBad:
      'Each checkpoint — with optimizer states, several times the model — is uploaded and stored: network transfer and ' +
      'storage for files nobody loads, repeated at every save. `hub_strategy="end"` pushes the final model, ' +
      '`"checkpoint"` keeps one latest checkpoint for resuming (TrainingArguments docs).',
    example: 'TrainingArguments(push_to_hub=True, hub_strategy="all_checkpoints")',
    useInstead: 'TrainingArguments(push_to_hub=True, hub_strategy="checkpoint")',
    fixSafety: 'Safe: training is unchanged; only the latest checkpoint is kept on the Hub.',
  },
  check(ctx) {
    const hs = ctx.fact('hub_strategy');
    if (ctx.value('push_to_hub') !== true || hs?.value !== 'all_checkpoints' || !written(hs)) return [];
    const edits = setArg(ctx, 'hub_strategy', 'hub_strategy', 'checkpoint');
    return [
      {
        ...at(hs),
        message:
          'Every checkpoint is uploaded to the Hub (hub_strategy="all_checkpoints"): use "checkpoint" to keep only the latest for resuming, or "end" for the final model.',
        fixes: edits
          ? [{ title: 'Push only the latest checkpoint (hub_strategy="checkpoint")', applicability: 'safe', edits }]
          : [],
      },
    ];
  },
};
