// A Lightning script that fits a LightningModule imported from its own project (`from model import LitModel` …
// `trainer.fit(model, loader)`): Lightning's fit loop steps the optimizer that module's `configure_optimizers()`
// returns, so the run's optimizer is read there, as `inferred`. Also through an imported module
// (`import models.classifier` … `models.classifier.LitClassifier(…)`), and past `model = model.to(device)`. Where the
// script fits two different classes, or the class is not the project's, the optimizer stays unknown. Fixtures
// written for these tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const lit = (name: string, configure: string) => `import torch
import pytorch_lightning as pl


class ${name}(pl.LightningModule):
    def __init__(self, lr=1e-3):
        super().__init__()
        self.net = torch.nn.Linear(32, 4)
        self.lr = lr

    def training_step(self, batch, batch_idx):
        x, y = batch
        return torch.nn.functional.cross_entropy(self.net(x), y)

${configure}
`;

const ADAM = `    def configure_optimizers(self):
        optimizer = torch.optim.Adam(self.parameters(), lr=self.lr)
        scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=10)
        return {"optimizer": optimizer, "lr_scheduler": scheduler}`;

const ADAMW = `    def configure_optimizers(self):
        return [torch.optim.AdamW(self.parameters(), lr=self.lr)]`;

const script = (imports: string, build: string, extra = '') => `import torch
import pytorch_lightning as pl
from torch.utils.data import DataLoader, TensorDataset
${imports}


def main():
    data = TensorDataset(torch.randn(256, 32), torch.randint(0, 4, (256,)))
    loader = DataLoader(data, batch_size=32, shuffle=True)
    model = ${build}
    model = model.to("cuda")
    trainer = pl.Trainer(max_epochs=10, accelerator="gpu", devices=1)
    trainer.fit(model, loader)
${extra}

if __name__ == "__main__":
    main()
`;

const unknown = (a: Awaited<ReturnType<typeof analyze>>) => {
  const f = fact(a, 'optimizer');
  assert.ok(!f || f.value === null || f.origin === 'assumed', JSON.stringify(f?.value));
};

test("a Lightning script fitting a module imported from the project: that module's configure_optimizers", async () => {
  const a = await analyze(
    {
      'proj/README.md': 'a classifier\n',
      'proj/model.py': lit('LitModel', ADAM),
      'proj/train.py': script('from model import LitModel', 'LitModel(lr=3e-4)'),
    },
    'proj/train.py',
  );
  const f = fact(a, 'optimizer');
  assert.equal(f?.value, 'adam');
  assert.equal(f?.origin, 'inferred');
  assert.match(f?.note ?? '', /LitModel\.configure_optimizers\(\)/);
});

test('the class reached through an imported module (`import models.classifier`)', async () => {
  const a = await analyze(
    {
      'proj/README.md': 'a classifier\n',
      'proj/src/models/__init__.py': '',
      'proj/src/models/classifier.py': lit('LitClassifier', ADAMW),
      'proj/src/train.py': script('import models.classifier', 'models.classifier.LitClassifier(lr=3e-4)'),
    },
    'proj/src/train.py',
  );
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
});

test('two fit calls on different project classes: which optimizer runs is not one answer — unknown', async () => {
  const a = await analyze(
    {
      'proj/README.md': 'a classifier\n',
      'proj/model.py': lit('LitModel', ADAM) + '\n\n' + lit('LitOther', ADAMW).replace(/^import[^\n]*\n/gm, ''),
      'proj/train.py': script(
        'from model import LitModel, LitOther',
        'LitModel(lr=3e-4)',
        `    other = LitOther()
    pl.Trainer(max_epochs=1).fit(other, loader)`,
      ),
    },
    'proj/train.py',
  );
  assert.ok(a.runs.length > 0);
  for (const r of a.runs)
    assert.ok(!r.plan.facts.get('optimizer')?.value, String(r.plan.facts.get('optimizer')?.value));
});

test('a LightningModule from an installed package, though the project has a class of that name: unknown', async () => {
  const a = await analyze(
    {
      'proj/README.md': 'a classifier\n',
      'proj/model.py': lit('LitModel', ADAM),
      'proj/train.py': script('from pl_bolts.models import LitModel', 'LitModel(lr=3e-4)'),
    },
    'proj/train.py',
  );
  unknown(a);
});
