// GML404 and reads that run with the step's update although no loop or `if` around them shows it: the loss a
// Lightning 1.x `training_step` returns (its progress bar reads the running loss every step), and reads under an `if`
// written with the same condition as the one that gates an update (a GAN's generator step every n critic steps), a
// read in the test of an `if` (the test runs whenever the `if` is reached), and a step closure made in the loop's body
// and handed to a timer there (I-JEPA's `gpu_timer(train_step)`).
import { runRuleCases } from '../test/helpers/rule-harness';
import { hostDeviceSyncInLoop } from './host-device-sync-in-loop';

// A Lightning GAN module; `head` is the `training_step` signature's extra parameters, `more` further methods.
const gan = (head: string, more = '', ret = 'g_loss') => `import torch
import pytorch_lightning as pl


class Gan(pl.LightningModule):
    def training_step(self, batch, batch_idx${head}):
        x, _ = batch
        if optimizer_idx == 0:
            g_loss = torch.nn.functional.mse_loss(self.generator(x), x)
            return ${ret}
        if optimizer_idx == 1:
            d_loss = torch.nn.functional.binary_cross_entropy(self.discriminator(x), torch.ones(len(x)))
            return {"loss": d_loss}
${more}
    def configure_optimizers(self):
        return [torch.optim.Adam(self.generator.parameters()), torch.optim.Adam(self.discriminator.parameters())]
`;

// A hand-written GAN loop: the discriminator every step, the generator under `gate`, then `after` in the loop.
const loop = (gate: string, after: string) => `import torch

netG, netD = G().cuda(), D().cuda()
for step, (x, _) in enumerate(loader):
    x = x.cuda()
    d_loss = criterion(netD(x), real) + criterion(netD(netG(z)), fake)
    d_loss.backward()
    opt_d.step()
    if ${gate}:
        g_loss = criterion(netD(netG(z)), real)
        g_loss.backward()
        opt_g.step()
${after}
`;

// A plain loop; `body` is indented as the loop's body, after the optimizer step.
const plain = (body: string) => `import torch

model = Net().cuda()
for step, (x, y) in enumerate(loader):
    x, y = x.cuda(), y.cuda()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
${body}
`;

// A step closure made in the loop's body (I-JEPA); `use` is indented as the loop's body, `after` follows the loop.
const closure = (use: string, after = '') => `import torch

model = Net().cuda()
for itr, (x, y) in enumerate(loader):
    x, y = x.cuda(), y.cuda()

    def train_step():
        loss = criterion(model(x), y)
        loss.backward()
        optimizer.step()
        return float(loss)
${use}
${after}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'a read in the test of an if runs whenever the if is reached, whatever the words of the test',
    code: plain('    if valid_mask.sum().item() == 0:\n        skipped += 1'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, messageIncludes: 'valid_mask.sum().item()' }],
  },
  {
    name: 'a read after `and` in the test runs only when the interval before it holds',
    code: plain('    if step % args.log_every == 0 and loss.item() > 5:\n        print("spike")'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a step closure made in the loop and handed to a timer there runs every iteration',
    code: closure('    (loss, etime) = gpu_timer(train_step)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 11, messageIncludes: 'float(loss)' }],
  },
  {
    name: 'a step closure made in a loop but handed over only after it is not known to run every step',
    code: closure('    pass', 'engine = register(train_step)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Lightning 1.x (training_step takes optimizer_idx): each loss it returns is read by the progress bar',
    code: gan(', optimizer_idx'),
    settings: { hardware: 'a100' },
    expect: [
      { line: 10, messageIncludes: 'return g_loss from training_step' },
      { line: 13, messageIncludes: 'return {"loss": d_loss} from training_step' },
    ],
  },
  {
    name: 'Lightning 1.x (a validation_epoch_end hook): the returned loss is read every step',
    code: gan(
      '',
      '    def validation_epoch_end(self, outputs):\n        self.log("val", torch.stack(outputs).mean())\n',
    ).replace(/optimizer_idx == \d/g, 'self.gen_turn'),
    settings: { hardware: 'a100' },
    expect: [
      { line: 10, messageIncludes: 'return g_loss' },
      { line: 13, messageIncludes: 'return {"loss": d_loss}' },
    ],
  },
  {
    name: 'a module with no sign of Lightning 1.x: its returned loss is not read by the progress bar (Lightning 2)',
    code: gan('', '', 'g_loss').replace(/optimizer_idx == \d/g, 'self.gen_turn'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Lightning 1.x: a training_step that returns None skips the batch, nothing is read',
    code: gan(', optimizer_idx', '', 'None').replace('return {"loss": d_loss}', 'return None'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a read under the same condition as the generator update runs with that update',
    code: loop(
      'step % n_critic == 0 and step > warmup',
      '    if step % n_critic == 0 and step > warmup:\n        stats["g"] = g_loss.item()',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 14, messageIncludes: 'g_loss.item()' }],
  },
  {
    name: 'the same condition written twice with no update under either is still an interval',
    code: loop(
      'step % n_critic == 0',
      '    if step % args.log_every == 0:\n        writer.flush()\n    if step % args.log_every == 0:\n        stats["d"] = d_loss.item()',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a logging interval other than the update gate still limits the read',
    code: loop('step % n_critic == 0', '    if step % args.log_every == 0:\n        stats["g"] = g_loss.item()'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
