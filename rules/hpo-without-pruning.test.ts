import { runRuleCases } from '../test/helpers/rule-harness';
import { hpoWithoutPruning } from './hpo-without-pruning';

const script = (body: string, create = 'optuna.create_study(direction="minimize")') => `import optuna
from transformers import Trainer, TrainingArguments

def objective(trial):
    lr = trial.suggest_float("lr", 1e-5, 1e-3, log=True)
    args = TrainingArguments(output_dir="o", bf16=True, learning_rate=lr)
    trainer = Trainer(model="Qwen/Qwen2.5-0.5B", args=args)
${body}

study = ${create}
study.optimize(objective, n_trials=100)
`;

const ray = (args: string, extra = '') => `import torch
from ray import tune
from ray.tune.schedulers import ASHAScheduler


def train_fn(config):
    model = torch.nn.Linear(64, 10).cuda()
    opt = torch.optim.SGD(model.parameters(), lr=config["lr"])
    for epoch in range(20):
        for x, y in loader:
            loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
            loss.backward()
            opt.step()
        tune.report(loss=loss.item())


config = {"lr": tune.loguniform(1e-4, 1e-1), ${extra}}
result = tune.run(train_fn, config=config, resources_per_trial={"gpu": 1}, ${args})
`;

runRuleCases(hpoWithoutPruning, [
  {
    name: '100 trials that never report: none can be pruned',
    code: script('    return trainer.train().training_loss'),
    settings: { hardware: 'a100' },
    expect: [{ line: 10, messageIncludes: 'never report' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'trials that report and prune',
    code: script(
      '    trainer.train()\n    trial.report(trainer.evaluate()["eval_loss"], 1)\n    if trial.should_prune():\n        raise optuna.TrialPruned()\n    return 0.0',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'NopPruner written',
    code: script(
      '    trial.report(1.0, 1)\n    return trainer.train().training_loss',
      'optuna.create_study(pruner=optuna.pruners.NopPruner())',
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 11, messageIncludes: 'NopPruner' }],
  },
  {
    name: 'a W&B Bayesian sweep YAML with no early_terminate',
    file: '/case/sweep.yaml',
    code: `program: train.py
method: bayes
metric:
  name: val_loss
  goal: minimize
parameters:
  lr:
    min: 0.00001
    max: 0.01
`,
    expect: [{ line: 2, severity: 'information', messageIncludes: 'no early_terminate' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'a W&B Bayesian sweep YAML with early_terminate',
    file: '/case/sweep.yaml',
    code: `program: train.py
method: bayes
early_terminate:
  type: hyperband
  min_iter: 3
parameters:
  lr:
    min: 0.00001
    max: 0.01
`,
    expect: [],
  },
  {
    name: 'a W&B random sweep capped at 10 runs',
    file: '/case/sweep.yaml',
    code: `program: train.py
method: random
run_cap: 10
parameters:
  lr:
    values: [0.1, 0.01, 0.001]
`,
    expect: [],
  },
  {
    name: 'Ray Tune: 50 samples with no scheduler',
    code: ray('num_samples=50'),
    settings: { hardware: 'a100' },
    expect: [{ line: 18, column: 10, severity: 'information', messageIncludes: '50 Ray Tune trials' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'Ray Tune: 10 samples × a grid of 3 with no scheduler is 30 trials',
    code: ray('num_samples=10', '"momentum": tune.grid_search([0.8, 0.9, 0.99]),'),
    settings: { hardware: 'a100' },
    expect: [{ line: 18, messageIncludes: '30 Ray Tune trials' }],
  },
  {
    name: 'Ray Tune with ASHA',
    code: ray('num_samples=50, scheduler=ASHAScheduler(max_t=10, grace_period=1)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Ray Tune: 8 samples',
    code: ray('num_samples=8'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Ray Tune Tuner with a scheduler in TuneConfig',
    code: ray('num_samples=50').replace(
      'result = tune.run(train_fn, config=config, resources_per_trial={"gpu": 1}, num_samples=50)',
      'tuner = tune.Tuner(train_fn, param_space=config, tune_config=tune.TuneConfig(num_samples=50, scheduler=ASHAScheduler()))\nresult = tuner.fit()',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
