// The workspace boundary in the editor: a linked file outside the workspace folder is not read, the diagnostics say
// which link was not followed, and greenml.extraRoots allows it.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { SUMMARY_REQUEST, type SummaryResult } from '../../server/lsp/custom-protocol';
import { startServer } from '../helpers/lsp-client';

const SCRIPT = `from transformers import HfArgumentParser, Trainer, TrainingArguments, AutoModelForCausalLM
parser = HfArgumentParser(TrainingArguments)
(training_args,) = parser.parse_yaml_file("../elsewhere/args.yaml")
model = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-1.5B")
Trainer(model=model, args=training_args).train()
`;

function layout() {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-lsp-bound-')));
  fs.mkdirSync(path.join(root, 'ws'));
  fs.mkdirSync(path.join(root, 'elsewhere'));
  fs.writeFileSync(path.join(root, 'ws', 'greenml.toml'), 'hardware = "a100-80gb"\n');
  fs.writeFileSync(
    path.join(root, 'elsewhere', 'args.yaml'),
    'output_dir: o\nper_device_train_batch_size: 8\nnum_train_epochs: 30\nsave_strategy: "no"\n',
  );
  return root;
}

async function session(root: string, configuration: Record<string, unknown>) {
  const lsp = await startServer(path.join(root, 'ws'), configuration);
  try {
    const uri = lsp.open(path.join(root, 'ws', 'train.py'), SCRIPT);
    const d = await lsp.diagnostics(uri);
    const s = (await lsp.connection.sendRequest(SUMMARY_REQUEST, { uri })) as SummaryResult;
    return { messages: d.diagnostics.map((x) => String(x.message)), kWh: s.runs[0]?.kWh ?? 0 };
  } finally {
    await lsp.close();
  }
}

test('a link outside the workspace folder is not followed and the diagnostics say so; greenml.extraRoots allows it', async () => {
  const root = layout();
  const refused = await session(root, {});
  assert.ok(
    refused.messages.some((t) => /args\.yaml \(named in train\.py\) not followed: outside the workspace/.test(t)),
    refused.messages.join('\n'),
  );
  const allowed = await session(root, { extraRoots: ['../elsewhere'] });
  assert.ok(!allowed.messages.some((t) => /not followed/.test(t)), allowed.messages.join('\n'));
  // num_train_epochs: 30 in the outside file, the Trainer's default 3 without it.
  assert.ok(allowed.kWh > 5 * refused.kWh, `${allowed.kWh} vs ${refused.kWh}`);
});
