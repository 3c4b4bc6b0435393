// GML401 in a file of LightningModules that a Trainer elsewhere runs: the training loader is the DataLoader each
// module's `train_dataloader()` returns; a file with one module per training stage has one such loader per class,
// each its own finding. Evaluation loaders (`val_dataloader`) are not judged.
import { runRuleCases } from '../test/helpers/rule-harness';
import { synchronousDataloader } from './synchronous-dataloader';

const stage = (name: string, train: string, val = 'DataLoader(self.val_set, batch_size=8, num_workers=0)') => `
class ${name}(pl.LightningModule):
    def training_step(self, batch, batch_idx):
        return self.model(**batch).loss

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), fused=True)

    def train_dataloader(self):
        return ${train}

    def val_dataloader(self):
        return ${val}
`;

const file = (...classes: string[]) => `import torch
import pytorch_lightning as pl
from torch.utils.data import DataLoader
${classes.join('')}`;

runRuleCases(synchronousDataloader, [
  {
    name: 'two LightningModules whose train_dataloader has no workers: one finding each',
    code: file(
      stage('PreTrain', 'DataLoader(self.train_set, batch_size=8, num_workers=0, shuffle=True)'),
      stage('FineTune', 'DataLoader(self.train_set, batch_size=8, shuffle=True, num_workers=0)'),
    ),
    settings: { hardware: 'a100' },
    expect: [
      { line: 13, messageIncludes: 'num_workers=0' },
      { line: 26, messageIncludes: 'num_workers=0' },
    ],
  },
  {
    name: 'workers in train_dataloader and none in val_dataloader: the evaluation loader is not judged',
    code: file(stage('FineTune', 'DataLoader(self.train_set, batch_size=8, num_workers=4, shuffle=True)')),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a CPU run',
    code: file(stage('FineTune', 'DataLoader(self.train_set, batch_size=8, num_workers=0, shuffle=True)')),
    settings: { hardware: 'cpu' },
    expect: [],
  },
]);
