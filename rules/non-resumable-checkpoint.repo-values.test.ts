// GML302 where a hand-written loop saves only the weights every epoch and reads its epoch count from a config of the
// project (`range(self.cfg.train.epochs)` with a dataclass `epochs: int = 50` in configs/train_config.py): the count
// is unknown, but every value the repository writes for it is 50 or more — the same sign of a long run as 50 epochs
// written in the script. A value below 50 anywhere leaves the run's length unknown, and nothing is reported.
import { runRuleCases } from '../test/helpers/rule-harness';
import { nonResumableCheckpoint } from './non-resumable-checkpoint';

const trainer = `import torch


class Trainer:
    def __init__(self, cfg, model, loader):
        self.cfg = cfg
        self.model = model.cuda()
        self.loader = loader
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=cfg.train.lr)

    def train(self):
        for ep in range(self.cfg.train.epochs):
            for x, y in self.loader:
                loss = torch.nn.functional.mse_loss(self.model(x.cuda()), y.cuda())
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
            torch.save(self.model.state_dict(), f"ckpt_{ep}.pt")
`;
const trainConfig = (epochs: number) =>
  `from dataclasses import dataclass


@dataclass
class TrainConfig:
    lr: float = 1e-4
    epochs: int = ${epochs}
    batch_size: int = 32
`;
const files = (epochs: number, more: Record<string, string> = {}) => ({
  '/case/README.md': '# a project\n',
  '/case/configs/train_config.py': trainConfig(epochs),
  ...more,
});

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'a dataclass config of the project gives 50 epochs: the weights-only save of each epoch, information',
    file: '/case/src/trainer.py',
    code: trainer,
    files: files(50),
    expect: [{ line: 18, severity: 'information', messageIncludes: '50 epochs or more, in every config' }],
  },
  {
    name: 'the dataclass gives 50, but a launcher of the repository runs 5 epochs: length unknown, nothing reported',
    file: '/case/src/trainer.py',
    code: trainer,
    files: files(50, { '/case/scripts/smoke.sh': 'python train.py --epochs 5\n' }),
    expect: [],
  },
  {
    name: 'the dataclass gives 10 epochs: a short run, nothing reported',
    file: '/case/src/trainer.py',
    code: trainer,
    files: files(10),
    expect: [],
  },
]);
