import { runRuleCases } from '../test/helpers/rule-harness';
import { unfusedOptimizer } from './unfused-optimizer';

const loop = (opt: string, device = 'cuda') => `import torch
model = Net().to("${device}")
opt = torch.optim.AdamW(model.parameters(), lr=3e-4${opt})
for x, y in loader:
    loss = model(x.to("${device}")).sum()
    loss.backward()
    opt.step()
    opt.zero_grad()
`;

runRuleCases(unfusedOptimizer, [
  {
    name: 'foreach=False: one kernel per tensor; the fix fuses',
    code: loop(', foreach=False'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 54, endColumn: 67, messageIncludes: 'foreach=False' }],
    fixes: [{ applicability: 'unsafe', output: loop(', fused=True') }],
  },
  {
    name: 'the default on CUDA (multi-tensor foreach): information, on the constructor; the fix adds fused=True',
    code: loop(''),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 7, endColumn: 53, severity: 'information', messageIncludes: 'fused=True' }],
    fixes: [{ applicability: 'unsafe', output: loop(', fused=True') }],
  },
  {
    name: 'two optimizers (a GAN): one finding each',
    code: `from torch.optim import Adam
g, d = G().cuda(), D().cuda()
opt_g = Adam(g.parameters(), lr=2e-4,)
opt_d = Adam(d.parameters(), lr=2e-4)
for x in loader:
    loss = d(g(x.cuda())).mean()
    loss.backward()
    opt_g.step()
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 3 }, { line: 4 }],
    fixes: [{ applicability: 'unsafe', outputIncludes: ['Adam(g.parameters(), lr=2e-4,fused=True)'] }],
  },
  {
    name: 'the default in a file that never names CUDA is not judged',
    code: loop('').replace('.to("cuda")', '').replace('x.to("cuda")', 'x'),
    expect: [],
  },
  {
    name: "Keras's Adam is not PyTorch's",
    code: `import torch
import tensorflow as tf
opt = tf.keras.optimizers.Adam(1e-3)
model = Net().cuda()
for x, y in loader:
    loss = model(x.cuda()).sum()
    loss.backward()
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  { name: 'fused already', code: loop(', fused=True'), settings: { hardware: 'a100' }, expect: [] },
  { name: 'a CPU run', code: loop(', foreach=False', 'cpu'), expect: [] },
  {
    name: 'optim="adamw_hf" in TrainingArguments',
    code: `from transformers import Trainer, TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True, optim="adamw_hf")\nTrainer(model="Qwen/Qwen2.5-0.5B", args=args).train()\n`,
    settings: { hardware: 'a100' },
    expect: [{ line: 2 }],
    fixes: [
      {
        applicability: 'unsafe',
        output: `from transformers import Trainer, TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True, optim="adamw_torch_fused")\nTrainer(model="Qwen/Qwen2.5-0.5B", args=args).train()\n`,
      },
    ],
  },
  {
    name: 'optim="adamw_torch" written in an HF-args YAML: on that line, the fix names the fused one',
    file: '/case/train.yaml',
    code: 'model_name_or_path: Qwen/Qwen2.5-1.5B\noutput_dir: out\noptim: adamw_torch\nbf16: true\nnum_train_epochs: 3\n',
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 1, messageIncludes: 'without its fused kernels' }],
    fixes: [{ applicability: 'unsafe', outputIncludes: ['optim: adamw_torch_fused'] }],
  },
  {
    name: 'the Trainer default optim is not judged',
    code: `from transformers import Trainer, TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True)\nTrainer(model="Qwen/Qwen2.5-0.5B", args=args).train()\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'optim="adamw_torch_fused" is right',
    code: `from transformers import Trainer, TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True, optim="adamw_torch_fused")\nTrainer(model="Qwen/Qwen2.5-0.5B", args=args).train()\n`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

runRuleCases(unfusedOptimizer, [
  {
    name: 'a model module that builds its optimizers (its trainer runs the step from another file): one finding each',
    code: `import torch
from base_model import BaseModel


class GANModel(BaseModel):
    def initialize(self, opt):
        self.netG = define_G(opt).cuda()
        self.netD = define_D(opt).cuda()
        self.optimizer_G = torch.optim.Adam(self.netG.parameters(), lr=opt.lr, betas=(0.5, 0.999))
        self.optimizer_D = torch.optim.Adam(self.netD.parameters(), lr=opt.lr, betas=(0.5, 0.999))
`,
    settings: { hardware: 'a100' },
    expect: [
      { line: 9, column: 28 },
      { line: 10, column: 28 },
    ],
    fixes: [{ applicability: 'unsafe', outputIncludes: ['betas=(0.5, 0.999), fused=True)'] }],
  },
  {
    name: 'a module that builds an optimizer but never names CUDA is not judged (no run)',
    code: `import torch


def make_optimizer(model, lr):
    return torch.optim.Adam(model.parameters(), lr=lr)
`,
    noRun: true,
    expect: [],
  },
  {
    name: "an optimizer factory whose **kwargs may carry fused= (a config's arguments) is not judged",
    code: `import torch
model = Net().cuda()


def get_optimizer(params, lr, **kwargs):
    return torch.optim.Adam(params, lr, **kwargs)


opt = get_optimizer(model.parameters(), 1e-3)
for x in loader:
    loss = model(x.cuda()).sum()
    loss.backward()
    opt.step()
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'beside an optimizer written with foreach=False, the default one is flagged too, each on its call',
    code: `import torch
model = Net().cuda()
head = Head().cuda()
opt = torch.optim.AdamW(model.parameters(), foreach=False)
opt_head = torch.optim.AdamW(head.parameters())
for x in loader:
    loss = head(model(x.cuda())).sum()
    loss.backward()
    opt.step()
`,
    settings: { hardware: 'a100' },
    expect: [
      { line: 4, messageIncludes: 'foreach=False' },
      { line: 5, messageIncludes: 'multi-tensor' },
    ],
  },
]);

// How a file says it trains on CUDA without `.cuda()` or a "cuda" device: accelerate's `prepare` moves the model to
// the accelerator's device, CUDA's own cache and synchronisation calls run on a GPU. Seeding CUDA's generators is
// boilerplate that runs on any machine and says nothing.
const accelerate = (extra: string) => `import torch
from accelerate import Accelerator

torch.manual_seed(0)
${extra}
accelerator = Accelerator()
model = ParamGenerator(dim=256)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
model, optimizer, loader = accelerator.prepare(model, optimizer, loader)
for batch in loader:
    loss = model(batch)
    accelerator.backward(loss)
    optimizer.step()
    optimizer.zero_grad()
`;
const module = (call: string) => `import torch


class SRModel:
    def init_training(self, opt):
        self.net_g = build_network(opt)
        self.optimizer_g = torch.optim.Adam(self.net_g.parameters(), lr=opt.lr)

    def test(self):
        self.net_g.eval()
        with torch.no_grad():
            self.output = self.net_g(self.lq)
        ${call}
`;

runRuleCases(unfusedOptimizer, [
  {
    name: 'accelerate: a model handed to accelerator.prepare trains on its device: information on the constructor',
    code: accelerate(''),
    expect: [{ line: 8, column: 13, severity: 'information' }],
  },
  {
    name: 'a training module that empties the CUDA cache runs on CUDA: information on its optimizer',
    code: module('torch.cuda.empty_cache()'),
    expect: [{ line: 7, column: 28, severity: 'information' }],
  },
  {
    name: 'the same module without any CUDA call is not judged',
    code: module('self.net_g.train()'),
    noRun: true,
    expect: [],
  },
  {
    name: "a plain loop that only seeds CUDA's generators names no CUDA run: not judged",
    code: `import torch

torch.cuda.manual_seed_all(0)
model = ParamGenerator(dim=256)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
for batch in loader:
    loss = model(batch)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
`,
    expect: [],
  },
]);
