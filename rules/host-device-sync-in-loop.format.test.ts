// GML404: a step's tensor turned into text (`"{:.4f}".format(loss)`, `"%.4f" % loss`) or handed to a logger through a
// tensor method that keeps it on the device (`loss.mean()`) is read on the host every step (engine/extract/
// host-sync-format.ts). Must-not: the same text from host numbers, under a logging interval, or in a loop with no
// backward pass.
import { runRuleCases } from '../test/helpers/rule-harness';
import { hostDeviceSyncInLoop } from './host-device-sync-in-loop';

// A hand loop over batches; `body` is indented as the loop's body after the optimizer step.
const loop = (body: string, head = '') => `import sys
import torch
import wandb

model = torch.nn.Linear(8, 1).cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
${head}for epoch in range(10):
    for step, (x, y) in enumerate(loader):
        x, y = x.cuda(), y.cuda()
        loss = torch.nn.functional.mse_loss(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
${body}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'str.format of the loss into a progress line written every step',
    code: loop(
      '        line = "Epoch: {}  Step: {}  Loss: {:.4f}".format(epoch, step, loss)\n        sys.stdout.write("\\r" + line)',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 14, messageIncludes: 'format' }],
  },
  {
    name: 'printf-style formatting of the loss kept in a string every step',
    code: loop('        msg = "loss %.4f" % loss\n        log_file.write(msg)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 14, messageIncludes: '%' }],
  },
  {
    name: 'a tensor kept from the loss inline in wandb.log (loss.mean()) every step',
    code: loop('        wandb.log({"iteration_loss": loss.mean()})'),
    settings: { hardware: 'a100' },
    expect: [{ line: 14, messageIncludes: 'wandb.log' }],
  },
  {
    name: 'a chain of keeping methods (loss.detach().float()) given to a TensorBoard writer every step',
    code: loop('        writer.add_scalar("loss", loss.detach().float(), step)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 14, messageIncludes: 'add_scalar' }],
  },
  {
    name: 'must not: a progress line from host numbers only (epoch, step, learning rate)',
    code: loop(
      '        lr = optimizer.param_groups[0]["lr"]\n        line = "Epoch: {}  Step: {}  lr {:.2e}".format(epoch, step, lr)\n        sys.stdout.write("\\r" + line)',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'must not: the loss formatted under a logging interval',
    code: loop(
      '        if step % 100 == 0:\n            line = "step {} loss {:.4f}".format(step, loss)\n            print(line)',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'must not: printf-style formatting of the step counter and a host number under an interval',
    code: loop(
      '        if step % 50 == 0:\n            value = loss.item()\n            msg = "%d: %.4f" % (step, value)\n            log_file.write(msg)',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'must not: loss.mean() logged under a logging interval',
    code: loop('        if step % args.log_every == 0:\n            wandb.log({"loss": loss.mean()})'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'must not: the loss formatted in the validation loop (no backward pass), once per epoch after training',
    code: loop(
      '    with torch.no_grad():\n        for x, y in val_loader:\n            val_loss = torch.nn.functional.mse_loss(model(x.cuda()), y.cuda())\n            line = "val {:.4f}".format(val_loss)',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
