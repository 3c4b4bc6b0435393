import { runRuleCases } from '../test/helpers/rule-harness';
import { overprovisionedAccelerators } from './overprovisioned-accelerators';

const script = (model: string, steps = 300) =>
  `from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments\nmodel = AutoModelForSequenceClassification.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, max_steps=${steps}, per_device_train_batch_size=16)\nTrainer(model=model, args=args).train()\n`;
const launch = (n: number) => `#!/bin/bash\nset -e\ntorchrun --nproc_per_node ${n} train.py\n`;

runRuleCases(overprovisionedAccelerators, [
  {
    name: 'eight GPUs from torchrun for a short BERT fine-tune: on the launcher flag',
    file: '/case/launch.sh',
    code: launch(8),
    files: { '/case/train.py': script('google-bert/bert-base-uncased') },
    settings: { hardware: 'a100' },
    expect: [{ line: 3, messageIncludes: '8 devices for a model that fits one' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'one GPU',
    file: '/case/launch.sh',
    code: launch(1),
    files: { '/case/train.py': script('google-bert/bert-base-uncased') },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a model that does not fit one GPU',
    file: '/case/launch.sh',
    code: launch(8),
    files: { '/case/train.py': script('meta-llama/Llama-3.1-70B') },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'devices from the workspace setting describe the machine, not this run',
    code: script('google-bert/bert-base-uncased'),
    settings: { hardware: 'a100', devices: 8 },
    expect: [],
  },
]);
