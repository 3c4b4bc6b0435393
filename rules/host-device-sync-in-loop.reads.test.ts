// GML404 and reads spelled otherwise than `.item()` of the loss: the loss a Lightning `training_step` returns handed to
// a logger, a condition on a step tensor (`if loss > 1.5 * running:`), a tensor handed to a logger as `x.detach()`,
// `loss.to("cpu")`, a gradient copied with `.cpu()` in a helper the step calls, and the loss terms added one by one
// into the loss (`total_loss += w * loss` over a dict of loss functions). Split from the other GML404 test files.
import { runRuleCases } from '../test/helpers/rule-harness';
import { hostDeviceSyncInLoop } from './host-device-sync-in-loop';

const lightning = (step: string, ret = 'return loss') => `import torch
import wandb
import lightning as L


class Depth(L.LightningModule):
    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = torch.nn.functional.l1_loss(self.net(x), y)
${step}
        ${ret}

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), fused=True)
`;

// A hand-written loop; `body` is indented as the loop's body, after the optimizer step.
const loop = (body: string, head = '') => `import torch
from torch.utils.tensorboard import SummaryWriter

writer = SummaryWriter()
model = Net().cuda()
for step, (x, y) in enumerate(loader):
    x, y = x.cuda(), y.cuda()
${head}    out = model(x)
    loss = criterion(out, y)
    loss.backward()
    optimizer.step()
${body}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'Lightning: the loss training_step returns, handed to wandb.log on every step',
    code: lightning('        wandb.log({"train_loss": loss}, step=self.global_step)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 10, messageIncludes: 'wandb.log' }],
  },
  {
    name: 'Lightning: the loss returned in a dict under "loss" is the loss too',
    code: lightning('        wandb.log({"train_loss": loss})', 'return {"loss": loss}'),
    settings: { hardware: 'a100' },
    expect: [{ line: 10, messageIncludes: 'wandb.log' }],
  },
  {
    name: 'Lightning: a value training_step does not return (the epoch number) logged is no tensor',
    code: lightning('        epoch = self.current_epoch\n        wandb.log({"epoch": epoch})'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a condition on the loss tensor in training_step waits for the GPU',
    code: lightning('        if loss > 1.5 * self.running_loss:\n            self.bad += 1'),
    settings: { hardware: 'a100' },
    expect: [{ line: 10, messageIncludes: 'if loss > 1.5 * self.running_loss' }],
  },
  {
    name: 'a test of the loss against None, or of a host counter, reads nothing',
    code: lightning('        if loss is not None and batch_idx > 10:\n            self.bad += 1'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a tensor handed to a TensorBoard writer as x.detach() is copied to the host every step',
    code: loop('    parts = {"rec": loss}\n    writer.add_scalar("loss/rec", parts["rec"].detach(), step)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 13, messageIncludes: 'writer.add_scalar' }],
  },
  {
    name: 'a detached tensor whose shape is printed: the shape is a host value',
    code: loop('    print(f"batch {out.detach().shape}")'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'loss.to("cpu") is a copy to the host, like loss.cpu()',
    code: loop('    history.append(loss.to("cpu").detach().numpy())'),
    settings: { hardware: 'a100' },
    expect: [{ line: 12, messageIncludes: 'loss.to("cpu")' }],
  },
  {
    name: 'outputs moved to the GPU device with .to(device) read nothing',
    code: loop('    kept = out.to(device)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'targets moved to the GPU in a tuple assignment (x, y = x.cuda(), y.cuda()) and copied back every step',
    code: loop('    targets.extend(y.view(-1).cpu().numpy())'),
    settings: { hardware: 'a100' },
    expect: [{ line: 12, messageIncludes: 'y.view(-1).cpu()' }],
  },
  {
    name: 'a target the tuple assignment leaves on the host (x, y = x.cuda(), y) copied with .cpu() is no wait',
    code: loop('    targets.extend(y.view(-1).cpu().numpy())').replace(
      'x, y = x.cuda(), y.cuda()',
      'x, y = x.cuda(), y',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'labels made on the device in the step (torch.tensor(…, device=device)) and copied back every step',
    code: loop(
      '    labels = torch.tensor(host_labels, dtype=torch.float, device=device)\n    kept.append(labels.detach().cpu().numpy())',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 13, messageIncludes: 'labels.detach().cpu()' }],
  },
  {
    name: 'labels made on the host (torch.tensor(…) with no device) and copied with .cpu() read nothing',
    code: loop(
      '    labels = torch.tensor(host_labels, dtype=torch.float)\n    kept.append(labels.detach().cpu().numpy())',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a gradient copied with .cpu() in a helper the step calls: on its line and on the call',
    code: `import torch


def grad_flow(model):
    means = []
    for name, p in model.named_parameters():
        means.append(p.grad.abs().mean().cpu())
    return means


model = Net().cuda()
for x, y in loader:
    loss = criterion(model(x.cuda()), y.cuda())
    loss.backward()
    grad_flow(model)
    optimizer.step()
`,
    settings: { hardware: 'a100' },
    expect: [
      { line: 7, messageIncludes: 'p.grad.abs().mean().cpu()' },
      { line: 15, messageIncludes: 'grad_flow(…)' },
    ],
  },
  {
    name: 'a product factor not named for a loss (total += w * part) is not taken for a tensor',
    code: loop(
      '',
      `    total = 0
    for name in loss_fns:
        w = weight_of(name)
        part = loss_fns[name](x, y)
        accelerator.log({name: float(part)})
        total += w * part
`,
    ).replace('loss = criterion(out, y)\n    loss.backward()', 'loss = total\n    accelerator.backward(total)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a loss-named term added into the loss and logged with float() is read every step; its weight is not',
    code: loop(
      '',
      `    total_loss = 0
    for name in loss_fns:
        w = weight_of(name)
        loss = loss_fns[name](x, y)
        accelerator.log({name: float(loss), "w": float(w)})
        total_loss += w * loss
    accelerator.backward(total_loss)
`,
    ).replace('    loss = criterion(out, y)\n    loss.backward()\n', ''),
    settings: { hardware: 'a100' },
    expect: [{ line: 12, messageIncludes: 'accelerator.log' }],
  },
  {
    name: 'a weight from a call added as a product factor and logged alone is not taken for a tensor',
    code: loop(
      '',
      `    total_loss = 0
    for name in loss_fns:
        w = weight_of(name)
        loss = loss_fns[name](x, y)
        accelerator.log({"w": float(w)})
        total_loss += w * loss
    accelerator.backward(total_loss)
`,
    ).replace('    loss = criterion(out, y)\n    loss.backward()\n', ''),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
