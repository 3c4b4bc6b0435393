import { runRuleCases } from '../test/helpers/rule-harness';
import { nonResumableCheckpoint } from './non-resumable-checkpoint';

const script = (model: string, args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("${model}")\nargs = TrainingArguments(output_dir="o", bf16=True, max_steps=3000, per_device_train_batch_size=8, gradient_accumulation_steps=8, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'weights-only checkpoints on a multi-hour run: the fix saves full checkpoints',
    code: script('meta-llama/Llama-3.1-8B', 'save_only_model=True'),
    settings: { hardware: 'h100' },
    expect: [{ line: 3, severity: 'warning', messageIncludes: 'cannot resume' }],
    fixes: [{ applicability: 'safe', output: script('meta-llama/Llama-3.1-8B', 'save_only_model=False') }],
  },
  {
    name: 'a short run',
    code: script('openai-community/gpt2', 'save_only_model=True').replace('max_steps=3000', 'max_steps=50'),
    settings: { hardware: 'h100' },
    expect: [],
  },
  {
    name: 'full checkpoints',
    code: script('meta-llama/Llama-3.1-8B', 'save_total_limit=2'),
    settings: { hardware: 'h100' },
    expect: [],
  },
]);

// Hand-written loops (Python): a weights-only torch.save each epoch cannot resume; saving the optimizer too can.
const loop = (save: string) => `import torch
import torchvision
from torch.utils.data import DataLoader

model = torchvision.models.resnet50().cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
loader = DataLoader(torchvision.datasets.ImageNet("/data/imagenet", split="train"), batch_size=256, num_workers=8)
for epoch in range(90):
    for images, target in loader:
        loss = torch.nn.functional.cross_entropy(model(images.cuda()), target.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
${save}`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'plain loop: torch.save(model.state_dict()) each epoch of a 90-epoch ImageNet run, on the save',
    code: loop('    torch.save(model.state_dict(), f"resnet50_{epoch}.pth")\n'),
    settings: { hardware: 'a100' },
    expect: [{ line: 14, column: 5, messageIncludes: 'cannot resume' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'plain loop: the optimizer and epoch saved with the weights',
    code: loop(
      '    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}, "ckpt.pth")\n',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'plain loop: optimizer saved by a second call',
    code: loop(
      '    torch.save(model.state_dict(), "model.pth")\n    torch.save(optimizer.state_dict(), "optimizer.pth")\n',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// Config format: HF-args YAML.
const hfYaml = (model: string, extra: string) =>
  `model_name_or_path: ${model}\noutput_dir: out\nper_device_train_batch_size: 4\nnum_train_epochs: 3\nbf16: true\n${extra}`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'HF-args YAML: save_only_model on a long 7 B fine-tune, fixed in YAML',
    file: '/case/sft.yaml',
    code: hfYaml('meta-llama/Llama-2-7b-hf', 'max_steps: 20000\nsave_only_model: true\n'),
    settings: { hardware: 'a100' },
    expect: [{ line: 7, column: 1 }],
    fixes: [{ applicability: 'safe', outputIncludes: ['save_only_model: false'] }],
  },
  {
    name: 'HF-args YAML: full checkpoints',
    file: '/case/sft.yaml',
    code: hfYaml('meta-llama/Llama-2-7b-hf', 'max_steps: 20000\nsave_only_model: false\n'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// A launcher handing TrainingArguments flags to a Trainer-based command whose script is not in the tree (ms-swift,
// LLaMA-Factory): `--save_only_model true` has the TrainingArguments meaning; the fix rewrites the flag's value.
const swift = (model: string, steps: number, saveOnly: string) =>
  `NPROC_PER_NODE=8 \\\nswift sft \\\n    --model ${model} \\\n    --train_type full \\\n    --dataset data/chat.jsonl \\\n    --per_device_train_batch_size 2 \\\n    --gradient_accumulation_steps 4 \\\n    --max_steps ${steps} \\\n    --save_steps 500 \\\n    --save_only_model ${saveOnly} \\\n    --output_dir output/sft\n`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'launcher flags: --save_only_model true on a 20,000-step full fine-tune of an 8 B model, value rewritten',
    file: '/case/sft.sh',
    code: swift('Qwen/Qwen3-8B', 20000, 'true'),
    expect: [{ line: 10, column: 5, severity: 'information', messageIncludes: 'cannot resume' }],
    fixes: [{ applicability: 'safe', output: swift('Qwen/Qwen3-8B', 20000, 'false') }],
  },
  {
    name: 'launcher flags: --save_only_model false keeps full checkpoints',
    file: '/case/sft.sh',
    code: swift('Qwen/Qwen3-8B', 20000, 'false'),
    expect: [],
  },
  {
    name: 'launcher flags: --save_only_model true on a 300-step run of a 0.5 B model is not a long run',
    file: '/case/sft.sh',
    code: swift('Qwen/Qwen2.5-0.5B', 300, 'true'),
    settings: { hardware: 'h100' },
    expect: [],
  },
]);

// A loop the core cannot estimate (its own model class): information when the file states a long run.
const ownModel = (epochs: number) => `import torch
from torch import nn

model = MyNet().cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(${epochs}):
    for x, y in loader:
        loss = nn.functional.mse_loss(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    torch.save(model.state_dict(), "best.pth")
`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'unestimated loop of 200 epochs on 4 GPUs, weights-only save: information naming the written length',
    code: ownModel(200),
    files: { '/case/run.sh': 'torchrun --nproc_per_node=4 train.py\n' },
    expect: [
      {
        line: 12,
        column: 5,
        severity: 'information',
        messageIncludes: 'length unknown, but 200 epochs and 4 devices written',
      },
    ],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    // A save inside the loop is written for restarts: one written sign of a long run (≥ 50 epochs) is enough for
    // information, which says what the length rests on.
    name: 'unestimated loop of 200 epochs on one device, weights-only save: information naming the written length',
    code: ownModel(200),
    expect: [
      { line: 12, column: 5, severity: 'information', messageIncludes: 'length unknown, but 200 epochs written' },
    ],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'unestimated loop of 20 epochs on one device: a weights-only save is fine for a run nothing says is long',
    code: ownModel(20),
    expect: [],
  },
]);

// Lightning: ModelCheckpoint(save_weights_only=True) on a long run; the fix writes Lightning's own keyword.
const lightning = (ckpt: string) => `import lightning as L
import torch
import torchvision
from lightning.pytorch.callbacks import ModelCheckpoint


class Classifier(L.LightningModule):
    def __init__(self):
        super().__init__()
        self.net = torchvision.models.resnet50()

    def training_step(self, batch, batch_idx):
        x, y = batch
        return torch.nn.functional.cross_entropy(self.net(x), y)

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)


train = torchvision.datasets.ImageFolder("/data/imagenet/train", torchvision.transforms.ToTensor())
loader = torch.utils.data.DataLoader(train, batch_size=256, num_workers=8)
trainer = L.Trainer(max_epochs=90, precision="bf16-mixed", callbacks=[ModelCheckpoint(${ckpt})])
trainer.fit(Classifier(), loader)
`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'Lightning: save_weights_only=True on a 90-epoch ImageNet run, on that argument; fixed in its own keyword',
    code: lightning('save_weights_only=True'),
    settings: { hardware: 'a100' },
    expect: [{ line: 22, column: 87, severity: 'warning', messageIncludes: '(save_weights_only=True)' }],
    fixes: [{ applicability: 'safe', output: lightning('save_weights_only=False') }],
  },
  {
    name: 'Lightning: a weights-only best-model checkpoint (monitored) is information',
    code: lightning('monitor="val_acc", mode="max", save_weights_only=True'),
    settings: { hardware: 'a100' },
    expect: [{ line: 22, severity: 'information' }],
  },
  {
    name: 'Lightning: full checkpoints (the default)',
    code: lightning('monitor="train_loss"'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: "Lightning, two trainers in two functions: the weights-only checkpoint of the short one is not the long one's",
    code: lightning('monitor="train_loss"')
      .replace(
        'trainer = L.Trainer(max_epochs=90',
        'def train_small():\n    small = L.Trainer(max_epochs=2, callbacks=[ModelCheckpoint(save_weights_only=True)])\n    small.fit(Classifier(), loader)\n\n\ndef train_big():\n    trainer = L.Trainer(max_epochs=90',
      )
      .replace(', callbacks=[ModelCheckpoint(monitor="train_loss")])\ntrainer.fit', ')\n    trainer.fit'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// Lightning on a model the core does not know: a weights-only ModelCheckpoint keeping the latest epoch is a restart
// point like a save in the loop, so a written schedule of ≥ 50 epochs is enough for information; a best-model one
// (monitored) or a short schedule is not.
const ownLightning = (epochs: number, ckpt: string) =>
  lightning(ckpt)
    .replace('self.net = torchvision.models.resnet50()', 'self.net = SceneNet(depth=4)')
    .replace('/data/imagenet/train', '/data/scenes/train')
    .replace('max_epochs=90', `max_epochs=${epochs}`);

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'Lightning, unestimated model: save_weights_only=True every epoch of 200: information naming the written length',
    code: ownLightning(200, 'save_weights_only=True'),
    expect: [{ line: 22, severity: 'information', messageIncludes: 'length unknown, but 200 epochs written' }],
  },
  {
    name: 'Lightning, unestimated model: save_weights_only=True on a 20-epoch schedule is not a long run',
    code: ownLightning(20, 'save_weights_only=True'),
    expect: [],
  },
  {
    name: 'Lightning, unestimated model: a monitored weights-only checkpoint keeps the best model, 200 epochs alone do not count',
    code: ownLightning(200, 'monitor="val_acc", mode="max", save_weights_only=True'),
    expect: [],
  },
]);

// How a loop spells a weights-only save: a dict that names no optimizer, a local dict filled key by key,
// `save_pretrained` in an accelerate loop, a saving function of the file. Each on an unestimated 300-epoch loop.
const spelled = (save: string, defs = '') => `import torch
from torch import nn
${defs}
model = MyNet().cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(300):
    for x, y in loader:
        loss = nn.functional.mse_loss(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
${save}
`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'a dict of the weights and the arguments, no optimizer: weights-only',
    code: spelled('    torch.save({"model": model.state_dict(), "args": args}, f"ckpt_{epoch}.pt")'),
    expect: [{ line: 12, column: 5, severity: 'information', messageIncludes: '300 epochs written' }],
  },
  {
    name: 'a local dict filled key by key, the optimizer among them: resumable',
    code: spelled(
      '    state = {"model": model.state_dict()}\n    state["optim"] = optimizer.state_dict()\n    torch.save(state, "last.pt")',
    ),
    expect: [],
  },
  {
    name: 'save_pretrained of the model and of its tokenizer each epoch: weights-only',
    code: spelled('    model.save_pretrained(f"out/{epoch}")\n    tokenizer.save_pretrained(f"out/{epoch}")'),
    expect: [{ line: 12, column: 5, severity: 'information' }],
  },
  {
    name: "save_pretrained beside accelerate's save_state: resumable",
    code: spelled('    accelerator.save_state(f"out/{epoch}")\n    model.save_pretrained(f"out/{epoch}")'),
    expect: [],
  },
  {
    name: 'a saving function of the file that writes the weights alone: weights-only, where it writes them',
    code: spelled(
      '    save_ckpt(model, epoch)',
      '\n\ndef save_ckpt(net, epoch):\n    torch.save(net.state_dict(), f"net_{epoch}.pt")\n',
    ),
    expect: [{ line: 6, column: 5, severity: 'information' }],
  },
  {
    name: 'a saving function of the file handed the optimizer: resumable',
    code: spelled(
      '    save_ckpt(model, optimizer, epoch)',
      '\n\ndef save_ckpt(net, opt, epoch):\n    torch.save(net.state_dict(), "net.pt")\n    torch.save(opt.state_dict(), "opt.pt")\n',
    ),
    expect: [],
  },
  {
    name: 'MNIST for 10 epochs (≈ 19,000 steps): a step count alone does not make a toy run long',
    code: `import torch
from torchvision import datasets, transforms

train = datasets.MNIST("data", train=True, download=True, transform=transforms.ToTensor())
loader = torch.utils.data.DataLoader(train, batch_size=32, shuffle=True)
model = MyNet().cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(10):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    torch.save(model.state_dict(), f"mnist_{epoch}.pt")
`,
    expect: [],
  },
  {
    name: 'a state the file builds elsewhere (a parameter): unknown, silent',
    code: spelled('    torch.save(checkpoint_state(model, optimizer), "last.pt")'),
    expect: [],
  },
]);

// A trainer class: the epoch loop calls its own save method; a warm-up call of the step function before the loop.
runRuleCases(nonResumableCheckpoint, [
  {
    name: "a trainer's save method that writes two networks' weights, called every few of 150 epochs",
    code: `import torch


class Trainer:
    def train(self):
        self.train_step(warmup=True)
        for self.epoch in range(150):
            self.train_step()
            if self.epoch % 4 == 0:
                self.save_model()

    def train_step(self, warmup=False):
        for x, y in self.loader:
            loss = self.net(x.cuda(), y.cuda())
            self.optim.zero_grad()
            loss.backward()
            self.optim.step()

    def save_model(self):
        torch.save(self.net.state_dict(), "net.pth")
        torch.save(self.controller.state_dict(), "controller.pth")


Trainer().train()
`,
    expect: [{ line: 20, column: 9, severity: 'information', messageIncludes: '150 epochs written' }],
  },
  {
    name: 'a whole module pickled every epoch with torch.save(model, path): weights-only; a text log beside it is no checkpoint',
    code: spelled('    np.savetxt("loss.txt", [loss.item()])\n    torch.save(model, f"model_{epoch:03d}.pth")'),
    expect: [{ line: 13, column: 5, severity: 'information' }],
  },
]);
