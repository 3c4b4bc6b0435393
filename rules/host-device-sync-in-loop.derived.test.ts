// GML404 on values the step derives on the device besides its loss: what the network returns and what is computed
// from it (`_, pred = out.max(1)` … `acc = correct.sum() / n`, formatted into a progress bar: `Tensor.__format__`
// reads a 0-dim tensor with `.item()`), an accumulator the step makes on the GPU (`torch.tensor(0.).cuda()`, read with
// `float(…)`), and reads inside a loop of a helper the step calls every step (`for i …: t[i].item()`). Not: a value
// already read off the device (`.item()`), a name also bound to a host number, a helper called under an interval.
import { runRuleCases } from '../test/helpers/rule-harness';
import { hostDeviceSyncInLoop } from './host-device-sync-in-loop';

// A classifier's epoch with a progress bar; `tail` is indented as the step loop's body.
const bar = (tail: string) => `import torch
from tqdm import tqdm

model = Classifier().cuda()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)
for epoch in range(100):
    loader = tqdm(train_loader)
    for x, y in loader:
        x, y = x.cuda(), y.cuda()
        out = model(x)
        loss = criterion(out, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        _, pred = out.max(1)
${tail}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: "an accuracy computed on the device from the network's output, formatted into the bar every step",
    code: bar(
      "        correct = (pred == y).float()\n        accuracy = correct.sum() / y.numel()\n        loader.set_description(f'acc: {accuracy:.4f}')",
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 18, messageIncludes: 'loader.set_description' }],
  },
  {
    name: 'the same accuracy read off the device once (`.item()`) is that one read, not a second one in the bar',
    code: bar(
      "        accuracy = (pred == y).float().mean().item()\n        loader.set_description(f'acc: {accuracy:.4f}')",
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 16, messageIncludes: '.item()' }],
  },
  {
    name: 'a name bound both to a device value and to a host number is not taken for a tensor',
    code: bar(
      "        accuracy = (pred == y).float().mean()\n        accuracy = running.update(accuracy)\n        loader.set_description(f'acc: {accuracy:.4f}')",
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'the shape of the output is no read',
    code: bar("        loader.set_description(f'batch {out.shape[0]} classes {pred.size(1)}')"),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// A GAN trainer's step function (called by a CLI elsewhere), with GPU accumulators over its micro-batches.
const trainer = (read: string, make = 'torch.tensor(0.).cuda(self.rank)') => `import torch


class Trainer:
    def train(self):
        total_d = ${make}
        for i in range(self.accumulate_every):
            d_loss = self.D(self.G(noise(self.batch)), next(self.loader))
            d_loss.backward()
            total_d += d_loss.detach() / self.accumulate_every
        self.D_opt.step()
${read}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'an accumulator made on the GPU, read with float() in the step function',
    code: trainer('        self.d_loss = float(total_d)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 12, messageIncludes: 'float(total_d)' }],
  },
  {
    name: 'the same accumulator made with device="cuda"',
    code: trainer('        self.d_loss = float(total_d)', 'torch.zeros((), device="cuda")'),
    settings: { hardware: 'a100' },
    expect: [{ line: 12, messageIncludes: 'float(total_d)' }],
  },
  {
    name: 'an accumulator on the host (a Python float) read with float(): no wait',
    code: trainer('        self.d_loss = float(total_d)', '0.0').replace(
      'd_loss.detach() / self.accumulate_every',
      'd_loss.item() / self.accumulate_every',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 10, messageIncludes: 'd_loss.item()' }],
  },
  {
    name: 'a counter made on the CPU, read with float(): no wait',
    code: trainer('        self.d_loss = float(total_d)', 'torch.tensor(0.)').replace(
      'total_d += d_loss.detach() / self.accumulate_every',
      'total_d += 1',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// A helper that reads each element of a device tensor in loops of its own, called by the step every step.
const helper = (call: string) => `import torch


def to_one_hot(codes, n=1024):
    out = torch.zeros(codes.shape[0], codes.shape[1], n)
    for i in range(codes.shape[0]):
        for j in range(codes.shape[1]):
            out[i, j, codes[i, j].item()] = 1
    return out


model = Model().cuda()
for epoch in range(20):
    for step, batch in enumerate(loader):
        codes = model.encode(batch.cuda())
${call}
        loss = model.loss(codes, target.cuda())
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: "reads in a helper's own loops, the helper called every step: on the read and on the call",
    code: helper('        target = to_one_hot(codes)'),
    settings: { hardware: 'a100' },
    expect: [
      { line: 8, messageIncludes: 'in to_one_hot(…), which the training step calls at line 16' },
      { line: 16, messageIncludes: 'to_one_hot(…), which runs' },
    ],
  },
  {
    name: 'the same helper called under a name the step assigns an interval (`early = step % 100 == 0 and …`)',
    code: helper(
      '        early = step % 100 == 0 and epoch < 2\n        late = step % 2000 == 0\n        if early or late:\n            target = to_one_hot(codes)',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a name assigned the accumulation boundary limits nothing: the read runs every optimizer step',
    code: helper(
      '        boundary = (step + 1) % accum_steps == 0\n        if boundary:\n            target = to_one_hot(codes)',
    ),
    settings: { hardware: 'a100' },
    expect: [
      { line: 8, messageIncludes: 'in to_one_hot(…), which the training step calls at line 18' },
      { line: 18, messageIncludes: 'to_one_hot(…), which runs' },
    ],
  },
  {
    name: 'the same helper called only every 100 steps',
    code: helper('        if step % 100 == 0:\n            target = to_one_hot(codes)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
