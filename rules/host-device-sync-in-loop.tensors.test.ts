// GML404 and the tensors a step computes besides the loss `backward()` is called on: the terms summed into the loss
// (each assigned from a call in the step), the total norm `clip_grad_norm_` returns, and a tensor kept from the loss
// (`loss.detach().mean()`) — each handed to a logger (TensorBoard's `add_scalar` on any writer object, W&B) is copied
// to the host on every step. A factor of a product and a value read under a logging interval are not.
import { runRuleCases } from '../test/helpers/rule-harness';
import { hostDeviceSyncInLoop } from './host-device-sync-in-loop';

// A TTS-style step: three losses from the model, summed, clipped; `log` is indented as the loop's body.
const step = (log: string, sum = 'sum([dur_loss, prior_loss, diff_loss])') => `import torch
from torch.utils.tensorboard import SummaryWriter

logger = SummaryWriter(log_dir="logs")
model = Model().cuda()
for epoch in range(10):
    for i, batch in enumerate(loader):
        x, y = batch["x"].cuda(), batch["y"].cuda()
        dur_loss, prior_loss, diff_loss = model.compute_loss(x, y)
        loss = ${sum}
        loss.backward()
        grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1)
        optimizer.step()
${log}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'a loss term (from the model, summed into the loss) given to a TensorBoard writer named logger',
    code: step('        logger.add_scalar("train/duration_loss", dur_loss, global_step=i)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 14, messageIncludes: 'logger.add_scalar' }],
  },
  {
    name: 'the total norm clip_grad_norm_ returns, logged every step',
    code: step('        logger.add_scalar("train/grad_norm", grad_norm, global_step=i)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 14, messageIncludes: 'logger.add_scalar' }],
  },
  {
    name: 'the terms of `a + b` are tensors too',
    code: step('        wandb.log({"prior": prior_loss})', 'dur_loss + prior_loss + diff_loss'),
    settings: { hardware: 'a100' },
    expect: [{ line: 14, messageIncludes: 'wandb.log' }],
  },
  {
    name: 'a tensor kept from the loss (`loss.detach().mean()`) handed to wandb.log',
    code: step('        mean_loss = loss.detach().mean()\n        wandb.log({"loss": mean_loss})'),
    settings: { hardware: 'a100' },
    expect: [{ line: 15, messageIncludes: 'wandb.log' }],
  },
  {
    name: 'the same reads under a logging interval: some steps only',
    code: step('        if i % 100 == 0:\n            logger.add_scalar("train/grad_norm", grad_norm, global_step=i)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a weight of a product in the loss (maybe a Python number) logged: not taken for a tensor',
    code: step(
      '        logger.add_scalar("train/kl_weight", kl_weight, global_step=i)',
      'dur_loss + kl_weight * prior_loss',
    ).replace('optimizer.step()', 'optimizer.step()\n        kl_weight = anneal(i)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a host number taken from the loss (`loss.item()` once) and then logged is one read, not two',
    code: step('        value = loss.detach().item()\n        logger.add_scalar("train/loss", value, global_step=i)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 14, messageIncludes: 'item()' }],
  },
]);
