import { runRuleCases } from '../test/helpers/rule-harness';
import { credentialInCode } from './credential-in-code';

const TOKEN = 'hf_' + 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const script = (line: string) => `import os
from huggingface_hub import login
from transformers import Trainer, TrainingArguments
${line}
args = TrainingArguments(output_dir="o", bf16=True, push_to_hub=True)
Trainer(model="Qwen/Qwen2.5-0.5B", args=args).train()
`;

runRuleCases(credentialInCode, [
  {
    name: 'a Hugging Face token passed to login(): flagged on the string, never echoed',
    code: script(`login(token="${TOKEN}")`),
    settings: { hardware: 'a100' },
    expect: [
      {
        line: 4,
        column: 13,
        endColumn: 54,
        severity: 'warning',
        messageIncludes: 'Hugging Face token',
        messageExcludes: TOKEN.slice(3, 12),
      },
    ],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'an OpenAI key in os.environ',
    code: script(`os.environ["OPENAI_API_KEY"] = "sk-proj-${'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2'}"`),
    settings: { hardware: 'a100' },
    expect: [{ line: 4, messageIncludes: 'OpenAI API key' }],
  },
  {
    name: 'read from the environment',
    code: script('login(token=os.environ["HF_TOKEN"])'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a placeholder',
    code: script('login(token="hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a 40-hex string that is not a W&B key (a commit hash)',
    code: script('REVISION = "0123456789abcdef0123456789abcdef01234567"'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
