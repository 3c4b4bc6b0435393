// GML601 where the epoch count is in a config the command line chooses: a training module reads
// `args.train.epochs` from whichever config it is given, and every config of the repository that sets that key is a
// placeholder (10,000 epochs or more) — the run is bounded in name only whichever config runs. And a script whose
// click option names its default config, with the loop in another module.
import { runRuleCases } from '../test/helpers/rule-harness';
import { unboundedTraining } from './unbounded-training';

const solver = (evaluation: string) => `import torch


def train(args, model, loss_func, loader_train, loader_test, saver):
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.train.lr)
    model.train()
    for epoch in range(args.train.epochs):
        for batch_idx, data in enumerate(loader_train):
            saver.global_step_increment()
            optimizer.zero_grad()
            loss = loss_func(model(data["x"].to(args.device)), data["y"].to(args.device))
            loss.backward()
            optimizer.step()
${evaluation}`;
const evaluates =
  '            if saver.global_step % args.train.interval_val == 0:\n                validate(args, model, loader_test)\n';
const config = (epochs: number) => `train:\n  lr: 0.0002\n  epochs: ${epochs}\n  interval_val: 2000\n`;

runRuleCases(unboundedTraining, [
  {
    name: 'every config of the repository gives 100,000 epochs, the loop evaluates every N steps: on the loop bound',
    file: '/case/solver.py',
    code: solver(evaluates),
    files: { '/case/configs/small.yaml': config(100000), '/case/configs/large.yaml': config(100000) },
    settings: { hardware: 'a100' },
    expect: [{ line: 7, column: 24, severity: 'information', messageIncludes: 'No config of the repository limits' }],
  },
  {
    name: 'one config of the repository gives 200 epochs: whichever runs is not known, nothing reported',
    file: '/case/solver.py',
    code: solver(evaluates),
    files: { '/case/configs/small.yaml': config(100000), '/case/configs/large.yaml': config(200) },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a loop that never evaluates: nothing to stop on, nothing reported',
    file: '/case/solver.py',
    code: solver(''),
    files: { '/case/configs/small.yaml': config(100000) },
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

const main = `import click
import yaml
from trainer import Trainer


@click.command()
@click.option("-p", "--config_path", default="configs/config.yml", type=str)
def main(config_path):
    config = yaml.safe_load(open(config_path))
    epochs = config.get("epochs", 1000)
    trainer = Trainer(config)
    for _ in range(1, epochs + 1):
        trainer.train_epoch()
        trainer.eval_epoch()


if __name__ == "__main__":
    main()
`;
const trainer = `import torch


class Trainer:
    def __init__(self, config):
        self.model = Net().cuda()
        self.optimizer = torch.optim.AdamW(self.model.parameters(), lr=1e-4)

    def train_epoch(self):
        for x, y in self.loader:
            loss = torch.nn.functional.l1_loss(self.model(x.cuda()), y.cuda())
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()

    @torch.no_grad()
    def eval_epoch(self):
        for x, y in self.val_loader:
            self.model(x.cuda())
`;

runRuleCases(unboundedTraining, [
  {
    name: "a click option's default config gives 150 epochs to a loop around another module's trainer",
    file: '/case/train.py',
    code: main,
    files: { '/case/trainer.py': trainer, '/case/configs/config.yml': 'epochs: 150\nbatch_size: 8\n' },
    settings: { hardware: 'a100' },
    expect: [{ line: 12, severity: 'information', messageIncludes: '150 epochs with a validation set' }],
  },
  {
    name: 'the same default config gives 20 epochs',
    file: '/case/train.py',
    code: main,
    files: { '/case/trainer.py': trainer, '/case/configs/config.yml': 'epochs: 20\nbatch_size: 8\n' },
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

runRuleCases(unboundedTraining, [
  {
    name: 'the loop stops itself at a total given on the command line (an exit on the epoch): nothing reported',
    file: '/case/solver.py',
    code: solver(`${evaluates}        if epoch >= args.total_epoch:\n            os._exit(0)\n`),
    files: { '/case/configs/small.yaml': config(100000) },
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
