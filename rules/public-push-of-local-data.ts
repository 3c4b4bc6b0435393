import type { Rule } from './types';
import { setArg } from './helpers';

/**
 * GML952 public-push-of-local-data — a model trained on local files pushed to a public Hub repository.
 */
export const publicPushOfLocalData: Rule = {
  code: 'GML952',
  name: 'public-push-of-local-data',
  defaultSeverity: 'warning',
  summary: 'A model trained on local data files is pushed to a public Hugging Face Hub repository',
  waste: false,
  doc: {
    whatItDoes:
      'Flags `push_to_hub=True` without `hub_private_repo=True`, or `model.push_to_hub("user/name")` without ' +
      '`private=True`, in a run that trains on local files ' +
      '(`load_dataset("json", data_files=…)`, `load_dataset("./data")`, `pandas.read_csv`, `load_from_disk`).',
    whyIsThisBad:
      'A new Hub repository is public unless made private, and fine-tuned models can reproduce their training data ' +
      'verbatim (Carlini et al. 2021, "Extracting Training Data from Large Language Models"). Local files are often ' +
      'private — customer data, internal documents — and the push publishes a model that memorised them.',
    example: 'TrainingArguments(output_dir="out", push_to_hub=True)  # trained on data/customers.jsonl',
    useInstead: 'TrainingArguments(output_dir="out", push_to_hub=True, hub_private_repo=True)',
    fixSafety:
      'Safe: the push goes to a private repository; training is unchanged. Not flagged: public Hub datasets, ' +
      '`hub_private_repo=True`, no push.',
  },
  check(ctx) {
    const push = ctx.fact('push_to_hub');
    if (push?.value !== true || ctx.value('hub_private') === true || ctx.value('local_data') !== true) return [];
    if (ctx.value('hub_private') === null) return []; // set from an expression: not judged
    // `model.push_to_hub(repo, private=True)` in a script of its own; `hub_private_repo=True` in TrainingArguments.
    const call = push.form === 'model-call';
    const edits = setArg(ctx, 'hub_private', call ? 'private' : 'hub_private_repo', true);
    const data = ctx.fact('local_data');
    return [
      {
        ...(push.file && push.span ? { file: push.file, span: push.span } : {}),
        message: `The model is pushed to a public Hub repository but trained on local data (${data?.note ?? 'local files'}): it can reproduce that data. Push to a private repository.`,
        fixes: edits
          ? [
              {
                title: `Push to a private repository (${call ? 'private' : 'hub_private_repo'}=True)`,
                applicability: 'safe',
                edits,
              },
            ]
          : [],
      },
    ];
  },
};
