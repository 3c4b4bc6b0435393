import { runRuleCases } from '../test/helpers/rule-harness';
import { memorySaverWithoutPressure } from './memory-saver-without-pressure';

// GML204's `torch.cuda.empty_cache()` clause (engine/extract/empty-cache.ts): which calls run on every training step.
const epochs = (train: string, val: string) =>
  `import torch\nmodel = Net().cuda()\nfor epoch in range(10):\n    model.train()\n    for step, (x, y) in enumerate(train_loader):\n        loss = model(x.cuda()).sum()\n        loss.backward()\n${train}    model.eval()\n    with torch.no_grad():\n        for x, y in val_loader:\n            out = model(x.cuda())\n${val}`;
const accum = (cond: string) =>
  `import torch\nmodel = Net().cuda()\nfor step, (x, y) in enumerate(loader):\n    loss = model(x.cuda()).sum() / args.gradient_accumulation_steps\n    loss.backward()\n    if ${cond}:\n        opt.step()\n        opt.zero_grad()\n        torch.cuda.empty_cache()\n`;

runRuleCases(memorySaverWithoutPressure, [
  {
    name: 'a call in the training step and one in the validation loop: the training step is flagged, not validation',
    code: epochs('        opt.step()\n        torch.cuda.empty_cache()\n', '            torch.cuda.empty_cache()\n'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, messageIncludes: 'empty_cache' }],
  },
  {
    name: 'two calls on every training step are two findings, each on its own line',
    code: epochs(
      '        torch.cuda.empty_cache()\n        opt.step()\n        torch.cuda.empty_cache()\n',
      '            torch.cuda.empty_cache()\n',
    ),
    settings: { hardware: 'a100' },
    expect: [
      { line: 8, messageIncludes: 'empty_cache' },
      { line: 10, messageIncludes: 'empty_cache' },
    ],
  },
  {
    name: 'a call only in the validation loop nested in the epoch loop is no training step',
    code: epochs('        opt.step()\n', '            torch.cuda.empty_cache()\n'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a call at the gradient-accumulation boundary runs on every optimizer step',
    code: accum('(step + 1) % args.gradient_accumulation_steps == 0'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, messageIncludes: 'empty_cache' }],
  },
  {
    name: 'the accumulation boundary joined to a logging interval is some steps only',
    code: accum('(step + 1) % args.gradient_accumulation_steps == 0 and step % args.log_every == 0'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'an interval that is not the accumulation boundary is a choice',
    code: accum('step % args.clear_cache_every == 0'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// A call under an interval written without a modulo (a counter compared with a save interval): not every step.
const sinceSave = (cond: string) =>
  `import torch\nmodel = Net().cuda()\nsince_save = 0\nfor step, (x, y) in enumerate(loader):\n    loss = model(x.cuda()).sum()\n    loss.backward()\n    opt.step()\n    since_save += x.shape[0]\n    if ${cond}:\n        torch.cuda.empty_cache()\n        save_model(model, opt)\n        since_save = 0\n`;

runRuleCases(memorySaverWithoutPressure, [
  {
    name: 'must not: a call beside a checkpoint save when a counter passes the save interval',
    code: sinceSave('since_save > args.save_every_n_steps'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a call under a test that names no interval (a device check) still runs every step',
    code: sinceSave('torch.cuda.is_available()'),
    settings: { hardware: 'a100' },
    expect: [{ line: 10, messageIncludes: 'empty_cache' }],
  },
]);
