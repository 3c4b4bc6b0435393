import { runRuleCases } from '../test/helpers/rule-harness';
import { gridSearchExplosion } from './grid-search-explosion';

const script = (grid: string, cv = 'cv=5') => `from sklearn.model_selection import GridSearchCV
from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(64), keras.layers.Dense(1)])
model.compile(optimizer="adam", loss="mse")
model.fit(x, y, epochs=20, batch_size=32)
search = GridSearchCV(estimator, ${grid}, ${cv})
`;

const sweepYaml = (method: string, extra: string) => `program: train.py
${method}
metric:
  name: val_loss
  goal: minimize
${extra}parameters:
  learning_rate:
    values: [0.1, 0.03, 0.01, 0.003, 0.001]
  batch_size:
    values: [32, 64, 128, 256]
  weight_decay:
    values: [0.0, 0.0001, 0.001]
  dropout:
    values: [0.0, 0.1, 0.3]
`;

const wandbPy = (method: string, extra: string) => `import torch
import wandb
sweep_config = {
    "method": ${method},
    ${extra}
    "parameters": {
        "lr": {"values": [1e-1, 1e-2, 1e-3, 1e-4]},
        "batch_size": {"values": [32, 64, 128, 256]},
        "epochs": {"values": [10, 20, 50]},
        "hidden": {"values": [128, 256, 512, 1024]},
    },
}


def train():
    with wandb.init() as run:
        model = torch.nn.Linear(784, run.config.hidden).cuda()
        opt = torch.optim.Adam(model.parameters(), lr=run.config.lr)
        for epoch in range(run.config.epochs):
            for x, y in loader:
                loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
                loss.backward()
                opt.step()


sweep_id = wandb.sweep(sweep_config, project="p")
wandb.agent(sweep_id, function=train)
`;

runRuleCases(gridSearchExplosion, [
  {
    name: '4 × 5 × 4 values × 5 folds = 400 fits',
    code: script('{"lr": [1e-4, 3e-4, 1e-3, 3e-3], "depth": [2, 4, 6, 8, 10], "width": [64, 128, 256, 512]}'),
    settings: { hardware: 'a100' },
    expect: [{ line: 6, messageIncludes: '400 models' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'a small grid',
    code: script('{"lr": [1e-4, 1e-3], "depth": [2, 4]}'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a W&B sweep YAML: a grid of 5 × 4 × 3 × 3 = 180 runs with no early_terminate, on the method line',
    file: '/case/sweep.yaml',
    code: sweepYaml('method: grid', ''),
    expect: [{ line: 2, column: 1, messageIncludes: '180 runs' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'the same W&B grid with early_terminate (Hyperband)',
    file: '/case/sweep.yaml',
    code: sweepYaml('method: grid', 'early_terminate:\n  type: hyperband\n  min_iter: 3\n'),
    expect: [],
  },
  {
    name: 'a W&B Bayesian sweep over the same values is no grid',
    file: '/case/sweep.yaml',
    code: sweepYaml('method: bayes', ''),
    expect: [],
  },
  {
    name: 'a small W&B grid (3 seeds × 2 rates)',
    file: '/case/sweep.yaml',
    code: `program: train.py
method: grid
parameters:
  seed:
    values: [0, 1, 2]
  lr:
    values: [0.001, 0.01]
`,
    expect: [],
  },
  {
    name: 'a W&B grid with a distribution parameter: its size is not read',
    file: '/case/sweep.yaml',
    code: `program: train.py
method: grid
parameters:
  lr:
    distribution: log_uniform_values
    min: 0.00001
    max: 0.1
  batch_size:
    values: [16, 32, 64, 128, 256, 512, 1024]
  depth:
    values: [2, 4, 6, 8, 10, 12, 16, 20, 24]
`,
    expect: [],
  },
  {
    name: 'wandb.sweep(dict) in Python: a grid of 4 × 4 × 3 × 4 = 192 runs',
    code: wandbPy('"grid"', ''),
    expect: [{ line: 4, column: 5, endColumn: 21, messageIncludes: '192 runs' }],
  },
  {
    name: 'wandb.sweep(dict) grid with early_terminate',
    code: wandbPy('"grid"', '"early_terminate": {"type": "hyperband", "min_iter": 2},'),
    expect: [],
  },
]);
