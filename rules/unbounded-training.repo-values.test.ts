// GML601 where a hand-written loop validates every epoch and reads its epoch count from a config the script does not
// name (`range(config.train.epochs)`, `range(config["num_epochs"])` of a `get_config()` dict, `range(self.num_epochs)`
// set from argparse elsewhere): the count is unknown, but when every value the repository writes for it is 50 or more,
// the run is a long fixed schedule whichever config runs. A value below 50 anywhere (a config, a script, a launcher)
// leaves it unknown, and nothing is reported.
import { runRuleCases } from '../test/helpers/rule-harness';
import { unboundedTraining } from './unbounded-training';

const loop = (bound: string, head = '') => `import torch
${head}

def train(config, model, train_loader, val_loader):
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(${bound}):
        model.train()
        for x, y in train_loader:
            loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        validate(model, val_loader)
`;
const README = { '/case/README.md': '# a project\n' };
const yaml = (epochs: number) => `model:\n  hidden: 128\ntrain:\n  lr: 0.001\n  epochs: ${epochs}\n`;
const getConfig = (epochs: number) =>
  `def get_config():\n    return {\n        "batch_size": 8,\n        "num_epochs": ${epochs},\n        "lr": 1e-4,\n    }\n`;
const MESSAGE = '50 epochs or more (every value the repository writes';

runRuleCases(unboundedTraining, [
  {
    name: "a YAML config's train.epochs: 100, the only one that sets it: a long fixed schedule, on the epoch loop",
    file: '/case/train.py',
    code: loop('config.train.epochs'),
    files: { ...README, '/case/config/config.yaml': yaml(100) },
    settings: { hardware: 'a100' },
    expect: [{ line: 6, severity: 'information', messageIncludes: MESSAGE }],
  },
  {
    name: 'the same loop where another config gives 30 epochs: which runs is not known, nothing reported',
    file: '/case/train.py',
    code: loop('config.train.epochs'),
    files: { ...README, '/case/config/config.yaml': yaml(100), '/case/config/small.yaml': yaml(30) },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a get_config() dict of the project gives num_epochs 60: on the epoch loop',
    file: '/case/train.py',
    code: loop('config["num_epochs"]', 'from config import get_config\n'),
    files: { ...README, '/case/config.py': getConfig(60) },
    settings: { hardware: 'a100' },
    expect: [{ line: 7, severity: 'information', messageIncludes: MESSAGE }],
  },
  {
    name: 'the same dict, but a launcher of the repository passes --num_epochs 10: nothing reported',
    file: '/case/train.py',
    code: loop('config["num_epochs"]', 'from config import get_config\n'),
    files: {
      ...README,
      '/case/config.py': getConfig(60),
      '/case/scripts/quick.sh': 'python train.py \\\n  --num_epochs 10 \\\n  --lr 1e-3\n',
    },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'the dict gives 20 epochs: a short schedule, nothing reported',
    file: '/case/train.py',
    code: loop('config["num_epochs"]', 'from config import get_config\n'),
    files: { ...README, '/case/config.py': getConfig(20) },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: "a solver's self.num_epochs set from main.py's argparse default 100: on the epoch loop",
    file: '/case/solver.py',
    code: loop('self.num_epochs'),
    files: {
      ...README,
      '/case/main.py':
        "import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument('--num_epochs', type=int, default=100)\nparser.add_argument('--lr', type=float, default=2e-4)\n",
    },
    settings: { hardware: 'a100' },
    expect: [{ line: 6, severity: 'information', messageIncludes: MESSAGE }],
  },
  {
    name: 'the same, where the repository writes no number for the count: unknown, nothing reported',
    file: '/case/solver.py',
    code: loop('self.num_epochs'),
    files: {
      ...README,
      '/case/main.py':
        "import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument('--num_epochs', type=int)\n",
    },
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a long schedule from the configs, but a patience counter stops the loop early: nothing reported',
    file: '/case/train.py',
    code: loop('config.train.epochs').replace(
      '        validate(model, val_loader)\n',
      '        val = validate(model, val_loader)\n        if val < best:\n            best, patience = val, 0\n        else:\n            patience += 1\n        if patience > 10:\n            break\n',
    ),
    files: { ...README, '/case/config/config.yaml': yaml(100) },
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
