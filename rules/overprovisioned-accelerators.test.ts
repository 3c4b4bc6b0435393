import { runRuleCases } from '../test/helpers/rule-harness';
import { overprovisionedAccelerators } from './overprovisioned-accelerators';

const script = (model: string, steps = 300) =>
  `from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments\nmodel = AutoModelForSequenceClassification.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, max_steps=${steps}, per_device_train_batch_size=16)\nTrainer(model=model, args=args).train()\n`;

runRuleCases(overprovisionedAccelerators, [
  {
    name: 'eight GPUs for a short BERT fine-tune',
    code: script('google-bert/bert-base-uncased'),
    settings: { hardware: 'a100', devices: 8 },
    expect: [{ line: 3, messageIncludes: '8 devices for a model that fits one' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'one GPU',
    code: script('google-bert/bert-base-uncased'),
    settings: { hardware: 'a100', devices: 1 },
    expect: [],
  },
  {
    name: 'a model that does not fit one GPU',
    code: script('meta-llama/Llama-3.1-70B'),
    settings: { hardware: 'a100', devices: 8 },
    expect: [],
  },
  {
    name: 'devices not stated (one assumed)',
    code: script('google-bert/bert-base-uncased'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
