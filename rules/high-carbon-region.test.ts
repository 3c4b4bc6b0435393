import { runRuleCases } from '../test/helpers/rule-harness';
import { highCarbonRegion } from './high-carbon-region';

const script = `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")
args = TrainingArguments(output_dir="o", bf16=True, max_steps=3000, per_device_train_batch_size=8, gradient_accumulation_steps=8)
Trainer(model=model, args=args).train()
`;
const task = (region: string) => `resources:
  accelerators: H100:8
  cloud: aws
  region: ${region}
run: |
  torchrun --nproc_per_node 8 train.py
`;

runRuleCases(highCarbonRegion, [
  {
    name: 'a SkyPilot task in ap-south-1: cleaner AWS regions and the CO2e saved, on the region line',
    file: '/case/task.yaml',
    code: task('ap-south-1'),
    files: { '/case/train.py': script },
    expect: [{ line: 4, messageIncludes: 'aws:eu-north-1' }],
    fixes: [{ applicability: 'display-only', titleIncludes: 'less for this run' }],
  },
  {
    name: 'a clean region',
    file: '/case/task.yaml',
    code: task('eu-north-1'),
    files: { '/case/train.py': script },
    expect: [],
  },
  {
    name: 'the region setting describes where the user works: not a finding in the code',
    code: script,
    settings: { hardware: 'h100', region: 'gcp:asia-south1' },
    expect: [],
  },
  {
    name: 'a country (no provider alternatives)',
    code: script,
    settings: { hardware: 'h100', region: 'PL' },
    expect: [],
  },
]);
