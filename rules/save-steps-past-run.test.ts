import { runRuleCases } from '../test/helpers/rule-harness';
import { saveStepsPastRun } from './save-steps-past-run';

const script = (
  model: string,
  args: string,
) => `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments
model = AutoModelForCausalLM.from_pretrained("${model}")
args = TrainingArguments(
    output_dir="out",
    bf16=True,
${args}
)
Trainer(model=model, args=args).train()
`;

runRuleCases(saveStepsPastRun, [
  {
    name: 'save_steps larger than the whole run: on that argument, the fix saves every ≈ 30 min',
    code: script(
      'meta-llama/Llama-3.1-8B',
      '    max_steps=3000,\n    per_device_train_batch_size=8,\n    gradient_accumulation_steps=8,\n    save_steps=5000,',
    ),
    settings: { hardware: 'h100' },
    expect: [
      { line: 9, column: 5, endColumn: 20, severity: 'warning', messageIncludes: 'save_steps=5000 is not reached' },
    ],
    fixes: [{ applicability: 'safe', outputIncludes: ['save_strategy="steps"', 'save_steps='] }],
  },
  {
    name: 'a save interval inside the run is fine',
    code: script(
      'meta-llama/Llama-3.1-8B',
      '    max_steps=3000,\n    per_device_train_batch_size=8,\n    gradient_accumulation_steps=8,\n    save_steps=500,',
    ),
    settings: { hardware: 'h100' },
    expect: [],
  },
  {
    name: 'a short run needs no checkpoint',
    code: script('openai-community/gpt2', '    max_steps=100,\n    save_steps=5000,'),
    settings: { hardware: 'h100' },
    expect: [],
  },
]);
