// GML601 for a Lightning script whose LightningModule is a class of its project, imported from a module of its own:
// Lightning runs the module's `validation_step` over its `val_dataloader` after every epoch, so the script validates
// every epoch although its own text defines no step. Reported on the `fit()` call that hands the module over.
import { runRuleCases } from '../test/helpers/rule-harness';
import { unboundedTraining } from './unbounded-training';

const script = (fit = 'trainer.fit(model)', epochs = 64) => `import pytorch_lightning as pl
from lit_t5 import LitT5

model = LitT5(batch_size=2)
trainer = pl.Trainer(
    gpus=1,
    max_epochs=${epochs},
)

${fit}
`;

const module = (val: string) => `import pytorch_lightning as pl
from torch.utils.data import DataLoader


class LitBase(pl.LightningModule):
    def training_step(self, batch, batch_idx):
        return self.model(**batch).loss

${val}

class LitT5(LitBase):
    def train_dataloader(self):
        return DataLoader(self.train_set, batch_size=self.batch_size, num_workers=0)
`;

const validates = `    def validation_step(self, batch, batch_idx):
        self.log("val_loss", self.model(**batch).loss)

    def val_dataloader(self):
        return DataLoader(self.val_set, batch_size=self.batch_size)
`;

runRuleCases(unboundedTraining, [
  {
    name: 'the imported module (through its base class) validates every epoch: 64 epochs, no EarlyStopping, on fit()',
    code: script(),
    files: { '/case/lit_t5.py': module(validates) },
    expect: [{ line: 10, messageIncludes: '64 epochs with a validation set evaluated' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'a validation_step with no validation data (no val_dataloader, none given to fit) never runs',
    code: script(),
    files: { '/case/lit_t5.py': module(validates.replace(/ {4}def val_dataloader[\s\S]*$/, '')) },
    expect: [],
  },
  {
    name: 'a datamodule handed to fit() gives the module validation_step its data',
    code: script('trainer.fit(model, datamodule=data)'),
    files: { '/case/lit_t5.py': module(validates.replace(/ {4}def val_dataloader[\s\S]*$/, '')) },
    expect: [{ line: 10, messageIncludes: '64 epochs' }],
  },
  {
    name: 'a module that defines no validation_step: no validation set, nothing to stop on',
    code: script(),
    files: { '/case/lit_t5.py': module('') },
    expect: [],
  },
  {
    name: 'fewer than 50 epochs: not flagged',
    code: script('trainer.fit(model)', 20),
    files: { '/case/lit_t5.py': module(validates) },
    expect: [],
  },
  {
    name: 'an EarlyStopping callback given to the Trainer: the run stops early',
    code: script().replace('gpus=1,', 'gpus=1,\n    callbacks=[pl.callbacks.EarlyStopping(monitor="val_loss")],'),
    files: { '/case/lit_t5.py': module(validates) },
    expect: [],
  },
]);
