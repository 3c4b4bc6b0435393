import { runRuleCases } from '../test/helpers/rule-harness';
import { eagerAttention } from './eager-attention';

const script = (model: string, attn: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("${model}", ${attn})\nargs = TrainingArguments(output_dir="o", bf16=True)\nTrainer(model=model, args=args).train()\n`;

runRuleCases(eagerAttention, [
  {
    name: 'eager attention on an A100: the fix asks for SDPA',
    code: script('Qwen/Qwen2.5-1.5B', 'attn_implementation="eager"'),
    settings: { hardware: 'a100' },
    expect: [{ line: 2, column: 67, endColumn: 94, severity: 'warning', messageIncludes: 'eager implementation' }],
    fixes: [{ applicability: 'unsafe', output: script('Qwen/Qwen2.5-1.5B', 'attn_implementation="sdpa"') }],
  },
  {
    name: 'Gemma 2 is trained with eager attention on purpose',
    code: script('google/gemma-2-9b', 'attn_implementation="eager"'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'SDPA',
    code: script('Qwen/Qwen2.5-1.5B', 'attn_implementation="sdpa"'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'unknown hardware: information',
    code: script('Qwen/Qwen2.5-1.5B', 'attn_implementation="eager"'),
    expect: [{ line: 2, severity: 'information' }],
  },
]);
