// GML304 when the run's length rests on an assumed dataset size (no max_steps, a dataset the files do not size): the
// time between saves is save_steps × the time of one step, which the dataset size does not change, so it is judged;
// the number of checkpoints the run writes rests on the length, so it is not.
import { runRuleCases } from '../test/helpers/rule-harness';
import { checkpointChurn } from './checkpoint-churn';

// A QLoRA-style fine-tune of a 7 B model over a local JSON file, three epochs: the dataset size is not in the file.
const script = (args: string) =>
  `from datasets import load_dataset\nfrom transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf")\ntrain = load_dataset("json", data_files="data/train.json")["train"]\nargs = TrainingArguments(output_dir="o", bf16=True, num_train_epochs=3, per_device_train_batch_size=4, gradient_accumulation_steps=4, max_length=512, ${args})\nTrainer(model=model, args=args, train_dataset=train).train()\n`;

runRuleCases(checkpointChurn, [
  {
    name: 'a 7 B model saved every 10 steps over a dataset of unknown size: a save every few minutes whatever its size',
    code: script('save_steps=10, save_total_limit=2'),
    settings: { hardware: 'a100' },
    expect: [{ line: 5, messageIncludes: 'A checkpoint every 10 steps' }],
    fixes: [{ applicability: 'unsafe', titleIncludes: 'the run length is assumed' }],
  },
  {
    name: 'a 7 B model saved every 2000 steps over a dataset of unknown size: far apart, not flagged',
    code: script('save_steps=2000'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'no save_total_limit over a dataset of unknown size: how many checkpoints the run writes is not known',
    code: script('save_steps=400'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// The GPU not named: the estimate assumes an A100-class GPU, which may be slower (the core's band for it).
runRuleCases(checkpointChurn, [
  {
    name: 'GPU not named: a 7 B model saved every 10 steps is a save every few minutes even on a slow GPU',
    code: script('save_steps=10, save_total_limit=2'),
    expect: [{ line: 5, messageIncludes: 'set greenml.hardware' }],
    fixes: [{ applicability: 'unsafe', titleIncludes: 'the run length is assumed' }],
  },
  {
    name: 'GPU not named: every 150 steps is under 5 minutes on an A100 but not on the slow end of the GPUs assumed',
    code: script('save_steps=150, save_total_limit=2'),
    expect: [],
  },
]);
