// GML404 and the conditions around a read: the gradient-accumulation boundary (once per optimizer step, so every step
// of the run), a loss-scale overflow branch (a skipped step), and a tensor check whose truth value a condition takes
// (`if torch.isnan(loss):`). Also LOMO's `optimizer.fused_backward(loss, lr)` as a step's backward pass, and the
// batch as the loader yields it (host data) against the batch once moved to the device, and `.cpu()` of the tensor
// `backward()` is called on.
import { runRuleCases } from '../test/helpers/rule-harness';
import { hostDeviceSyncInLoop } from './host-device-sync-in-loop';

// An accelerate loop over micro-batches; `body` is indented as the loop's body.
const accelerate = (body: string) => `import torch
from accelerate import Accelerator

accelerator = Accelerator(gradient_accumulation_steps=args.grad_accum_steps)
for meta, batch in loader:
    with accelerator.accumulate(model):
        loss = model(**batch).loss
        accelerator.backward(loss)
        optimizer.step()
        optimizer.zero_grad()
${body}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'a read at the accumulation boundary runs on every optimizer step',
    code: accelerate('    if meta["grad_accum_index"] == args.grad_accum_steps - 1:\n        print(step, loss.item())'),
    settings: { hardware: 'a100' },
    expect: [{ line: 12, messageIncludes: 'loss.item() on every training step' }],
  },
  {
    name: "accelerate's sync_gradients is the accumulation boundary too",
    code: accelerate('    if accelerator.sync_gradients:\n        wandb.log({"loss": loss.item()})'),
    settings: { hardware: 'a100' },
    expect: [{ line: 12, messageIncludes: 'loss.item()' }],
  },
  {
    name: 'the accumulation boundary and a logging interval together limit the read to some steps',
    code: accelerate(
      '    if accelerator.sync_gradients and meta["step"] % args.log_every == 0:\n        print(loss.item())',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a tensor check in an `if` is read on the host on every step',
    code: accelerate('    if torch.isnan(loss).any():\n        raise RuntimeError("NaN loss")'),
    settings: { hardware: 'a100' },
    expect: [{ line: 11, messageIncludes: 'torch.isnan' }],
  },
  {
    name: 'a tensor check used as a tensor stays on the device',
    code: accelerate('    loss = torch.where(torch.isnan(loss), torch.zeros_like(loss), loss)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a read in the branch of a loss-scale overflow runs on skipped steps only',
    code: accelerate('    if optimizer.loss_scaler.has_overflow_serial:\n        print("skipping step", loss.item())'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: "LOMO's fused_backward is the step's backward pass: a read after it runs every step",
    code: `import torch

for step, batch in enumerate(pbar):
    loss = model(**batch).loss
    optimizer.fused_backward(loss, lr)
    pbar.set_postfix({"loss": loss.item()})
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 6, messageIncludes: 'loss.item()' }],
  },
  {
    name: 'the batch as the loader yields it is host data: converting it waits for nothing',
    code: `import torch

for i, (images, targets) in enumerate(loader):
    boxes = [t.tolist() for t in targets]
    loss = model(images.cuda(), encode(boxes))
    loss.backward()
    optimizer.step()
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'the batch once moved to the device is read from the GPU',
    code: `import torch

for i, (images, targets) in enumerate(loader):
    targets = targets.cuda()
    loss = model(images.cuda(), targets)
    loss.backward()
    optimizer.step()
    seen = targets.tolist()
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 8, messageIncludes: 'targets.tolist()' }],
  },
  {
    name: 'the tensor backward() is called on is the loss whatever its name, divided by the micro-batches too',
    code: `import torch

for step, (x, y) in enumerate(loader):
    c = criterion(model(x.cuda()), y.cuda())
    c_num = float(c.data.cpu().numpy())
    (c / args.batch_split).backward()
    optimizer.step()
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 5, messageIncludes: 'c.data.cpu()' }],
  },
]);

// `.cpu()` of labels moved to the device earlier in the step, and `math.isnan` of a gradient norm (Python's math
// functions take a float: the tensor is read whatever the call is part of).
runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'labels moved to the device in the step and copied back with .cpu() for a metric',
    code: `import torch

for batch_idx, (features, labels) in enumerate(loader):
    features = features.to(device)
    labels = labels.to(device)
    scores = model(features)
    loss = criterion(scores, labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    gt = labels.cpu().numpy()
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 11, messageIncludes: 'labels.cpu()' }],
  },
  {
    name: 'labels never moved (a CPU-side metric of the loader batch): no wait',
    code: `import torch

for batch_idx, (features, labels) in enumerate(loader):
    scores = model(features.to(device))
    loss = criterion(scores, labels.to(device))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    gt = labels.cpu().numpy()
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'math.isnan of the clipped gradient norm (a tensor) on every step',
    code: `import math
import torch

for step, (x, y) in enumerate(loader):
    loss = criterion(model(x.cuda()), y.cuda())
    loss.backward()
    grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    if math.isnan(grad_norm):
        print("nan gradient, step skipped")
    else:
        optimizer.step()
    optimizer.zero_grad()
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 8, messageIncludes: 'math.isnan' }],
  },
  {
    name: 'math.isnan of a number already read with .item(): the read is the .item() line alone',
    code: `import math
import torch

for step, (x, y) in enumerate(loader):
    loss = criterion(model(x.cuda()), y.cuda())
    loss.backward()
    grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0).item()
    if math.isnan(grad_norm):
        print("nan gradient, step skipped")
    else:
        optimizer.step()
    optimizer.zero_grad()
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 7, messageIncludes: '.item()' }],
  },
]);

// A logging switch on in the default run (a constant True, an argparse default True) guards nothing: the read under it
// runs on every step. One that is off by default, or whose value is not known, still limits the read.
const switched = (head: string, cond: string) => `import argparse
import torch
import wandb
${head}
model = Net().cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    loss = torch.nn.functional.mse_loss(model(x.cuda()), y.cuda())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if ${cond}:
        wandb.log({"train_loss": loss.item()})
`;
const flag = (dflt: string) =>
  `parser = argparse.ArgumentParser()\nparser.add_argument("--use_wandb", type=bool, default=${dflt})\nargs = parser.parse_args()`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'a W&B switch set True at the top of the file, beside a rank check: the read runs every step',
    code: switched('USE_WANDB = True', 'USE_WANDB and accelerator.is_main_process'),
    settings: { hardware: 'a100' },
    expect: [{ line: 13, messageIncludes: 'loss.item()' }],
  },
  {
    name: 'a W&B switch whose argparse default is True: the read runs every step',
    code: switched(flag('True'), 'args.use_wandb'),
    settings: { hardware: 'a100' },
    expect: [{ line: 15, messageIncludes: 'loss.item()' }],
  },
  {
    name: 'the same switch set False: the default run never reads',
    code: switched('USE_WANDB = False', 'USE_WANDB and accelerator.is_main_process'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a switch whose default is False: off in the default run',
    code: switched(flag('False'), 'args.use_wandb'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a switch whose value is not known (read from a config object) still limits the read',
    code: switched('cfg = load_config()', 'cfg.use_wandb'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'a switch set True once and turned off inside the loop (statistics of the first step) is no constant',
    code: switched('LOG_STATS = True', 'LOG_STATS').replace(
      '        wandb.log({"train_loss": loss.item()})',
      '        LOG_STATS = False\n        wandb.log({"train_loss": loss.item()})',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'the else branch of a switch on in the default run never runs: only the read in its body is reported',
    code: switched('USE_WANDB = True', 'USE_WANDB').replace(
      '        wandb.log({"train_loss": loss.item()})',
      '        wandb.log({"train_loss": loss.item()})\n    else:\n        running += loss.item()',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 13, messageIncludes: 'loss.item()' }],
  },
]);

// The command line's options copied into a dict and read by key: the option's default decides the switch.
const configDict = (dflt: string) => `import argparse
import torch
from torch.utils.tensorboard import SummaryWriter

writer = SummaryWriter()


def train(training_config, model, loader):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    for step, (src, trg) in enumerate(loader):
        loss = model(src.cuda(), trg.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if training_config["enable_tensorboard"]:
            writer.add_scalar("training_loss", loss.item(), step)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--enable_tensorboard", type=bool, default=${dflt})
    args = parser.parse_args()
    training_config = dict()
    for arg in vars(args):
        training_config[arg] = getattr(args, arg)
    train(training_config, Transformer().cuda(), loader)
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'a dict of the command-line options read by key, the option on by default: the read runs every step',
    code: configDict('True'),
    settings: { hardware: 'a100' },
    expect: [{ line: 16, messageIncludes: 'loss.item()' }],
  },
  {
    name: 'the same option off by default: the read is limited to runs that turn it on',
    code: configDict('False'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a dict not built from the command line (a loaded config) keeps the switch unknown',
    code: configDict('True').replace(
      '    training_config = dict()\n    for arg in vars(args):\n        training_config[arg] = getattr(args, arg)\n',
      '    training_config = load_config("train.yaml")\n',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'one loop for training and validation: the else of `if is_train:` (whose twin runs backward) is the evaluation path',
    code: `import torch

LOG_TB = True


def run_epoch(model, loader, optimizer, writer, is_train):
    for step, (x, y) in enumerate(loader):
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        if is_train:
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        if is_train:
            if LOG_TB:
                writer.add_scalar("train_loss", loss.item(), step)
        else:
            if LOG_TB:
                writer.add_scalar("val_loss", loss.item(), step)
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 15, messageIncludes: 'loss.item()' }],
  },
]);
