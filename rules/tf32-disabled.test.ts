import { runRuleCases } from '../test/helpers/rule-harness';
import { tf32Disabled } from './tf32-disabled';

const loop = (line: string) => `import torch
from torch.utils.data import DataLoader
${line}
model = torch.nn.Linear(512, 512).cuda()
opt = torch.optim.AdamW(model.parameters(), lr=1e-3, fused=True)
loader = DataLoader(ds, batch_size=64, num_workers=4, pin_memory=True)
for epoch in range(10):
    for x, y in loader:
        loss = torch.nn.functional.mse_loss(model(x.cuda()), y.cuda())
        loss.backward()
        opt.step()
        opt.zero_grad()
`;

runRuleCases(tf32Disabled, [
  {
    name: 'allow_tf32 = False in an fp32 loop on an A100: the fix turns it on',
    code: loop('torch.backends.cuda.matmul.allow_tf32 = False'),
    settings: { hardware: 'a100' },
    expect: [
      {
        line: 3,
        column: 1,
        endColumn: 46,
        messageIncludes: 'TF32 is switched off (torch.backends.cuda.matmul.allow_tf32 = False)',
      },
    ],
    fixes: [{ applicability: 'unsafe', output: loop('torch.backends.cuda.matmul.allow_tf32 = True') }],
  },
  {
    name: 'set_float32_matmul_precision("highest"): the fix asks for "high"',
    code: loop('torch.set_float32_matmul_precision("highest")'),
    settings: { hardware: 'h100' },
    expect: [{ line: 3, messageIncludes: '(torch.set_float32_matmul_precision("highest"))' }],
    fixes: [{ applicability: 'unsafe', output: loop('torch.set_float32_matmul_precision("high")') }],
  },
  {
    name: 'on a V100 (no TF32) it is not flagged',
    code: loop('torch.backends.cuda.matmul.allow_tf32 = False'),
    settings: { hardware: 'v100' },
    expect: [],
  },
  {
    name: 'TF32 on is right',
    code: loop('torch.backends.cuda.matmul.allow_tf32 = True'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a comment mentioning the switch is not code',
    code: loop('# torch.backends.cuda.matmul.allow_tf32 = False'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// Config format: HF-args YAML with fp32 compute.
const hfYaml = (extra: string) =>
  `model_name_or_path: Qwen/Qwen2.5-1.5B\noutput_dir: out\nper_device_train_batch_size: 4\nnum_train_epochs: 3\nbf16: false\nfp16: false\n${extra}`;

runRuleCases(tf32Disabled, [
  {
    name: 'HF-args YAML: tf32: false on an A100, on that line',
    file: '/case/sft.yaml',
    code: hfYaml('tf32: false\n'),
    settings: { hardware: 'a100' },
    expect: [{ line: 7, column: 1, messageIncludes: 'TF32 is switched off (tf32: false)' }],
  },
  {
    name: 'HF-args YAML: tf32: false on a V100 (no TF32)',
    file: '/case/sft.yaml',
    code: hfYaml('tf32: false\n'),
    settings: { hardware: 'v100' },
    expect: [],
  },
]);
