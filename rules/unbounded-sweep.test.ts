import { runRuleCases } from '../test/helpers/rule-harness';
import { unboundedSweep } from './unbounded-sweep';

const optuna = (call: string) => `import optuna
from transformers import Trainer, TrainingArguments

def objective(trial):
    args = TrainingArguments(output_dir="o", bf16=True, learning_rate=trial.suggest_float("lr", 1e-5, 1e-3))
    return Trainer(model="Qwen/Qwen2.5-0.5B", args=args).train().training_loss

study = optuna.create_study()
${call}
`;

runRuleCases(unboundedSweep, [
  {
    name: 'study.optimize with no cap: the fix caps it at 50 trials',
    code: optuna('study.optimize(objective)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, column: 1, endColumn: 26, severity: 'warning', messageIncludes: 'runs until interrupted' }],
    fixes: [{ applicability: 'unsafe', output: optuna('study.optimize(objective, n_trials=50)') }],
  },
  {
    name: 'n_trials',
    code: optuna('study.optimize(objective, n_trials=30)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'timeout',
    code: optuna('study.optimize(objective, timeout=3600)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'wandb.agent without count',
    code: `import wandb\nfrom transformers import Trainer, TrainingArguments\n\ndef train():\n    args = TrainingArguments(output_dir="o", bf16=True)\n    Trainer(model="Qwen/Qwen2.5-0.5B", args=args).train()\n\nwandb.agent(sweep_id, function=train)\n`,
    settings: { hardware: 'a100' },
    expect: [{ line: 8, messageIncludes: 'wandb.agent' }],
    fixes: [
      {
        applicability: 'unsafe',
        output: `import wandb\nfrom transformers import Trainer, TrainingArguments\n\ndef train():\n    args = TrainingArguments(output_dir="o", bf16=True)\n    Trainer(model="Qwen/Qwen2.5-0.5B", args=args).train()\n\nwandb.agent(sweep_id, function=train, count=20)\n`,
      },
    ],
  },
  {
    name: 'wandb.agent without count on a grid sweep: the grid bounds it',
    code: `import torch
import wandb
sweep_config = {"method": "grid", "parameters": {"lr": {"values": [0.1, 0.01]}, "wd": {"values": [0, 0.1]}}}


def train():
    with wandb.init() as run:
        model = torch.nn.Linear(8, 1).cuda()
        opt = torch.optim.SGD(model.parameters(), lr=run.config.lr)
        for x in loader:
            loss = model(x.cuda()).sum()
            loss.backward()
            opt.step()


wandb.agent(wandb.sweep(sweep_config), function=train)
`,
    expect: [],
  },
]);
