import { runRuleCases } from '../test/helpers/rule-harness';
import { unboundedTraining } from './unbounded-training';

const keras = (fit: string, extra = '') => `from tensorflow import keras
model = keras.Sequential([keras.layers.Dense(256, activation="relu"), keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
${extra}model.fit(x_train, y_train, batch_size=64, ${fit})
`;

const lit = (args: string) => `import lightning as L
import torch
from lightning.pytorch.callbacks import EarlyStopping


class Net(L.LightningModule):
    def training_step(self, batch, batch_idx):
        return self.model(batch).mean()

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters())

trainer = L.Trainer(${args})
trainer.fit(Net(), train_loader, val_loader)
`;

runRuleCases(unboundedTraining, [
  {
    name: '200 Keras epochs with a validation split and no early stopping',
    code: keras('epochs=200, validation_split=0.1'),
    settings: { hardware: 'a100' },
    expect: [{ line: 4, column: 44, endColumn: 54, messageIncludes: 'EarlyStopping' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'with EarlyStopping',
    code: keras('epochs=200, validation_split=0.1, callbacks=[es]', 'es = keras.callbacks.EarlyStopping(patience=5)\n'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  { name: 'no validation set', code: keras('epochs=200'), settings: { hardware: 'a100' }, expect: [] },
  { name: 'few epochs', code: keras('epochs=10, validation_split=0.1'), settings: { hardware: 'a100' }, expect: [] },
  {
    name: 'HF: 20 epochs evaluated each epoch, no EarlyStoppingCallback',
    code: `from transformers import Trainer, TrainingArguments\nargs = TrainingArguments(output_dir="o", bf16=True, num_train_epochs=20, eval_strategy="epoch")\nTrainer(model="roberta-base", args=args).train()\n`,
    settings: { hardware: 'a100' },
    expect: [{ line: 2, messageIncludes: 'EarlyStoppingCallback' }],
  },
  {
    name: 'Lightning max_epochs=-1 with nothing to stop it',
    code: lit('max_epochs=-1, accelerator="gpu", devices=1'),
    expect: [{ line: 13, column: 21, endColumn: 34, severity: 'warning', messageIncludes: 'never stops' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'Lightning max_epochs=-1 stopped by an EarlyStopping callback',
    code: lit('max_epochs=-1, accelerator="gpu", callbacks=[EarlyStopping(monitor="val_loss", patience=5)]'),
    expect: [],
  },
  {
    name: 'Lightning max_epochs=-1 bounded by max_time',
    code: lit('max_epochs=-1, max_time="00:12:00:00", accelerator="gpu"'),
    expect: [],
  },
  {
    name: 'Lightning max_epochs=-1 bounded by max_steps',
    code: lit('max_epochs=-1, max_steps=50000, accelerator="gpu"'),
    expect: [],
  },
  { name: 'Lightning with an epoch count', code: lit('max_epochs=30, accelerator="gpu"'), expect: [] },
  {
    name: 'Lightning max_epochs=-1 with a max_steps read from the config',
    code: lit('max_epochs=-1, max_steps=config["train"]["max_steps"], accelerator="gpu"'),
    expect: [],
  },
  {
    name: 'Lightning max_epochs=-1 with a callback of its own that may stop it',
    code: lit('max_epochs=-1, accelerator="gpu", callbacks=[stop_callback, checkpoint_callback]'),
    expect: [],
  },
  {
    name: 'Lightning max_epochs=-1 with only a checkpoint callback still never stops',
    code: lit('max_epochs=-1, accelerator="gpu", callbacks=[ModelCheckpoint(monitor="val_loss")]'),
    expect: [{ line: 13 }],
  },
  {
    name: 'Lightning max_epochs=-1 on a Trainer built for prediction only',
    code: lit('max_epochs=-1, accelerator="gpu"').replace(
      'trainer.fit(Net(), train_loader, val_loader)',
      'trainer.predict(Net(), loader)',
    ),
    expect: [],
  },
  {
    name: 'Keras fit_generator (the older spelling) for 100 epochs with validation data',
    code: `from keras.models import Sequential
from keras.layers import Dense, Flatten
from keras.preprocessing.image import ImageDataGenerator
gen = ImageDataGenerator(rescale=1 / 255.0, horizontal_flip=True)
train_gen = gen.flow_from_directory("data/train", target_size=(150, 150), batch_size=32)
val_gen = gen.flow_from_directory("data/val", target_size=(150, 150), batch_size=32)
model = Sequential([Flatten(input_shape=(150, 150, 3)), Dense(128, activation="relu"), Dense(2, activation="softmax")])
model.compile(optimizer="adam", loss="categorical_crossentropy")
model.fit_generator(train_gen, steps_per_epoch=100, epochs=100, validation_data=val_gen)
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 9, column: 53 }],
  },
]);

// Lightning with a written epoch count: ≥ 50 epochs with validation loaders and nothing that stops early.
runRuleCases(unboundedTraining, [
  {
    name: 'Lightning: 200 epochs validated each epoch, no EarlyStopping: on the epoch count',
    code: lit('max_epochs=200, accelerator="gpu"'),
    expect: [{ line: 13, column: 21, endColumn: 35, messageIncludes: 'an EarlyStopping(monitor="val_loss"' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'Lightning: 200 epochs with an EarlyStopping callback',
    code: lit('max_epochs=200, callbacks=[EarlyStopping(monitor="val_loss", patience=5)]'),
    expect: [],
  },
  {
    name: 'Lightning: 200 epochs with callbacks from a variable (may hold a stopper)',
    code: lit('max_epochs=200, callbacks=callbacks'),
    expect: [],
  },
  {
    name: 'Lightning: 200 epochs and no validation loader',
    code: lit('max_epochs=200').replace(
      'trainer.fit(Net(), train_loader, val_loader)',
      'trainer.fit(Net(), train_loader)',
    ),
    expect: [],
  },
  { name: 'Lightning: 30 epochs', code: lit('max_epochs=30'), expect: [] },
  {
    name: 'Lightning: 200 epochs with a checkpoint of several arguments and a learning-rate monitor (neither stops)',
    code: lit(
      'max_epochs=200, callbacks=[ModelCheckpoint(monitor="val_acc", mode="max"), LearningRateMonitor("epoch")]',
    ),
    expect: [{ line: 13, column: 21, endColumn: 35 }],
  },
  {
    name: 'Lightning: 200 epochs with a callback class of this file that never sets should_stop',
    code: lit('max_epochs=200, callbacks=[SampleImages(every_n_epochs=10)]').replace(
      'trainer = L.Trainer',
      'class SampleImages(L.Callback):\n    def on_train_epoch_end(self, trainer, module):\n        module.log_images()\n\ntrainer = L.Trainer',
    ),
    expect: [{ line: 17 }],
  },
  {
    name: 'Lightning: 200 epochs with a callback class of this file that stops the run',
    code: lit('max_epochs=200, callbacks=[StopOnPlateau()]').replace(
      'trainer = L.Trainer',
      'class StopOnPlateau(L.Callback):\n    def on_validation_end(self, trainer, module):\n        trainer.should_stop = module.plateaued()\n\ntrainer = L.Trainer',
    ),
    expect: [],
  },
  {
    name: 'Lightning: 200 epochs with a callback imported from elsewhere (it may stop the run)',
    code: lit('max_epochs=200, callbacks=[ProjectCallback()]'),
    expect: [],
  },
]);

// Hand-written loops: a validation pass in the epoch loop, and whether anything stops early.
const loop = (epochs: string, extra = '') => `import torch
from torch import nn

model = MyNet().cuda()
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
best = float("inf")
for epoch in range(${epochs}):
    model.train()
    for x, y in train_loader:
        loss = nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
    val_loss = evaluate(model, val_loader)
${extra}`;

runRuleCases(unboundedTraining, [
  {
    name: 'loop: 300 epochs, evaluated every epoch, nothing stops it: on the epoch count',
    code: loop('300'),
    expect: [{ line: 7, column: 20, endColumn: 23, messageIncludes: 'patience counter' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'loop: a patience counter that breaks out of the epoch loop',
    code: loop(
      '300',
      '    if val_loss < best:\n        best, bad = val_loss, 0\n    else:\n        bad += 1\n        if bad > 10:\n            break\n',
    ),
    expect: [],
  },
  { name: 'loop: 20 epochs', code: loop('20'), expect: [] },
  {
    name: 'loop: no validation pass',
    code: loop('300').replace('    val_loss = evaluate(model, val_loader)\n', ''),
    expect: [],
  },
  {
    name: 'loop over steps with an evaluation every 500 steps is not an epoch loop',
    code: `import torch
model = MyNet().cuda()
opt = torch.optim.Adam(model.parameters())
for it in range(200000):
    for micro in range(4):
        loss = model(next(batches))
        loss.backward()
    opt.step()
    if it % 500 == 0:
        evaluate(model)
`,
    expect: [],
  },
  {
    name: 'loop: the epoch count is an argparse default: on the default, where it is written',
    code:
      'import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument("--epochs", type=int, default=300)\nargs = parser.parse_args()\n' +
      loop('args.epochs'),
    expect: [{ line: 3, column: 51, endColumn: 54, messageIncludes: '300 epochs' }],
  },
  {
    name: 'loop: the epoch count is a module constant, validated every 5 epochs',
    code: loop('MAX_EPOCHS')
      .replace('best = float', 'MAX_EPOCHS = 300\nbest = float')
      .replace(
        '    val_loss = evaluate(model, val_loader)',
        '    if (epoch + 1) % 5 == 0:\n        val_loss = evaluate(model, val_loader)',
      ),
    expect: [{ line: 6, column: 14, endColumn: 17 }],
  },
]);

// A hand-written `while True:` around the training step: unbounded unless something leaves it.
const endless = (exit: string) => `import torch
model = Net().cuda()
opt = torch.optim.AdamW(model.parameters())
step = 0
while True:
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
${exit}
`;

runRuleCases(unboundedTraining, [
  {
    name: 'while True that nothing leaves: a warning on the loop header',
    code: endless('        if step % 1000 == 0:\n            torch.save(model.state_dict(), "last.pt")'),
    settings: { hardware: 'a100' },
    expect: [{ line: 5, column: 1, severity: 'warning', messageIncludes: 'never stops' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'a break out of the while once the step budget is spent: bounded',
    code: endless('    if step >= 100_000:\n        break'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a break that leaves only the batch loop does not bound the while',
    code: endless('        if step % 100 == 0:\n            break'),
    settings: { hardware: 'a100' },
    expect: [{ line: 5 }],
  },
  {
    name: 'a return once the step budget is spent: bounded',
    code: `import torch


def train(model, loader, opt, max_steps):
    step = 0
    while True:
        for x, y in loader:
            loss = model(x.cuda(), y.cuda())
            opt.zero_grad()
            loss.backward()
            opt.step()
            step += 1
            if step == max_steps:
                return model


train(Net().cuda(), loader, opt, 50_000)
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a while loop with a condition: bounded',
    code: endless('').replace('while True:', 'while step < 100_000:'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
