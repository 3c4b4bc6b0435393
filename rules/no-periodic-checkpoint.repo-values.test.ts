// GML301 where a hand-written loop saves nothing while it trains and reads its epoch count from the config the command
// line chooses (`range(args.train.stop_at_epoch)`): the run cannot be estimated, but when every config of the
// repository that sets the count gives 50 epochs or more, the run is long whichever config runs — the same sign as
// 50 epochs written in the script. A config below 50 leaves the length unknown, and nothing is reported.
import { runRuleCases } from '../test/helpers/rule-harness';
import { noPeriodicCheckpoint } from './no-periodic-checkpoint';

const main = `import torch
from configs import get_args


def main(args, model, train_loader):
    optimizer = torch.optim.SGD(model.parameters(), lr=args.train.base_lr)
    for epoch in range(0, args.train.stop_at_epoch):
        model.train()
        for images, labels in train_loader:
            loss = model(images.cuda(), labels.cuda())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    torch.save(model.state_dict(), "final.pth")
`;
const yaml = (epochs: number) =>
  `name: simsiam\ntrain:\n  base_lr: 0.05\n  stop_at_epoch: ${epochs}\n  batch_size: 512\n`;
const files = (...epochs: number[]) =>
  Object.fromEntries([
    ['/case/README.md', '# a project\n'],
    ...epochs.map((e, i) => [`/case/configs/run${i}.yaml`, yaml(e)]),
  ]);

runRuleCases(noPeriodicCheckpoint, [
  {
    name: 'every config of the repository gives 100 or 800 epochs: information on the loop that saves nothing',
    file: '/case/main.py',
    code: main,
    files: files(800, 100),
    expect: [{ line: 7, severity: 'information', messageIncludes: '50 epochs or more, in every config' }],
  },
  {
    name: 'one config of the repository gives 20 epochs: the length is not known, nothing reported',
    file: '/case/main.py',
    code: main,
    files: files(800, 20),
    expect: [],
  },
]);
