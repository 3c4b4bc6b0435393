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
    // On the fit() call that passes no stopper: the whole call, from its first line.
    expect: [{ line: 4, column: 1, endColumn: 77, messageIncludes: 'EarlyStopping' }],
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
    // A Trainer that only predicts is no training run at all (engine/extract/no-training-call.ts): nothing to judge.
    name: 'Lightning max_epochs=-1 on a Trainer built for prediction only',
    code: lit('max_epochs=-1, accelerator="gpu"').replace(
      'trainer.fit(Net(), train_loader, val_loader)',
      'trainer.predict(Net(), loader)',
    ),
    expect: [],
    noRun: true,
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
    expect: [{ line: 9, column: 1 }],
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
    name: 'loop: 300 epochs, evaluated every epoch, nothing stops it: on the epoch loop, information',
    code: loop('300'),
    expect: [{ line: 7, column: 1, endColumn: 25, severity: 'information', messageIncludes: 'patience counter' }],
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
    name: 'loop: the epoch count is an argparse default: on the epoch loop, naming the count',
    code:
      'import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument("--epochs", type=int, default=300)\nargs = parser.parse_args()\n' +
      loop('args.epochs'),
    expect: [{ line: 11, column: 1, messageIncludes: '300 epochs' }],
  },
  {
    name: 'loop: the epoch count is a module constant, validated every 5 epochs',
    code: loop('MAX_EPOCHS')
      .replace('best = float', 'MAX_EPOCHS = 300\nbest = float')
      .replace(
        '    val_loss = evaluate(model, val_loader)',
        '    if (epoch + 1) % 5 == 0:\n        val_loss = evaluate(model, val_loader)',
      ),
    expect: [{ line: 8, column: 1 }],
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

// Keras: the stopper has to reach the fit's callbacks; each validating fit is judged on its own.
const kerasStages = (callbacks: string, extra = '') => `from tensorflow import keras
from keras.callbacks import EarlyStopping, ModelCheckpoint
model = keras.Sequential([keras.layers.Dense(256, activation="relu"), keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
freeze_train = True
freeze_epoch = 50
unfreeze_epoch = 200
checkpoint = ModelCheckpoint("best.h5", monitor="val_loss", save_best_only=True)
early_stopping = EarlyStopping(monitor="val_loss", patience=10)
callbacks = [${callbacks}]
${extra}end_epoch = freeze_epoch if freeze_train else unfreeze_epoch
model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=end_epoch, callbacks=callbacks)
end_epoch = unfreeze_epoch
model.fit(x_train, y_train, validation_data=(x_val, y_val), initial_epoch=freeze_epoch, epochs=end_epoch,
          callbacks=callbacks)
`;

runRuleCases(unboundedTraining, [
  {
    name: 'Keras: an EarlyStopping built but left out of callbacks stops nothing: one finding per stage',
    code: kerasStages('checkpoint'),
    settings: { hardware: 'a100' },
    expect: [
      { line: 12, column: 1, severity: 'information', messageIncludes: '50 epochs' },
      { line: 14, column: 1, endLine: 15, messageIncludes: '200 epochs' },
    ],
  },
  {
    name: 'Keras: the EarlyStopping in the callbacks list',
    code: kerasStages('checkpoint, early_stopping'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Keras: the EarlyStopping appended to the callbacks list later',
    code: kerasStages('checkpoint', 'callbacks.append(early_stopping)\n'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Keras: callbacks from a function of the project, with a stopper built in this file (it may be passed)',
    code: kerasStages('checkpoint').replace('callbacks = [checkpoint]', 'callbacks = make_callbacks(early_stopping)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Keras: the epochs from an argparse option declared with a string default',
    code: `import argparse
from tensorflow import keras
parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default="100")
args = parser.parse_args()
model = keras.Sequential([keras.layers.Dense(256, activation="relu"), keras.layers.Dense(10)])
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
model.fit(x_train, y_train, validation_data=(x_val, y_val), epochs=args.epochs)
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 8, messageIncludes: '100 epochs' }],
  },
]);

// Runs bounded in name only: a library's fallback limit, an epoch count no run reaches.
runRuleCases(unboundedTraining, [
  {
    name: 'Lightning with no epoch, step or time limit falls back to 1000 epochs: information on the Trainer',
    code: lit('accelerator="gpu", devices=1'),
    expect: [{ line: 13, severity: 'information', messageIncludes: 'falls back to 1000 epochs' }],
  },
  {
    name: 'LightningCLI without max_epochs in trainer_defaults: the command line or --config sets the run length',
    code: `from lightning.pytorch.cli import LightningCLI
from model import Net, Data

LightningCLI(Net, Data, trainer_defaults={"accelerator": "gpu"})
`,
    expect: [],
  },
  {
    name: 'a Hydra Trainer group file alone (no max_epochs): the root config or the command line sets the run length',
    file: '/case/configs/trainer/default.yaml',
    code: '_target_: lightning.pytorch.Trainer\naccelerator: gpu\ndevices: 1\nprecision: bf16-mixed\n',
    expect: [],
  },
  {
    name: 'a Hydra primary config whose composed Trainer has no limit: the fallback of 1000 epochs, on the Trainer',
    file: '/case/configs/trainer/default.yaml',
    files: {
      '/case/configs/train.yaml': 'defaults:\n  - trainer: default\n  - _self_\n\nseed: 7\n',
    },
    code: '_target_: lightning.pytorch.Trainer\naccelerator: gpu\ndevices: 1\nprecision: bf16-mixed\n',
    expect: [{ line: 1, severity: 'information', messageIncludes: 'falls back to 1000 epochs' }],
  },
  {
    name: 'Lightning with only max_time: bounded',
    code: lit('max_time="00:08:00:00", accelerator="gpu"'),
    expect: [],
  },
  {
    name: 'Lightning with no limit but an EarlyStopping callback',
    code: lit('accelerator="gpu", callbacks=[EarlyStopping(monitor="val_loss", patience=5)]'),
    expect: [],
  },
  {
    name: 'a config of 20,000 epochs that evaluates every 1,000 steps: a placeholder, not a limit',
    file: '/case/configs/base.json',
    code: `{
  "train": {
    "log_interval": 200,
    "eval_interval": 1000,
    "epochs": 20000,
    "learning_rate": 2e-4,
    "batch_size": 64,
    "fp16_run": true
  }
}
`,
    expect: [{ line: 5, severity: 'information', messageIncludes: '20000 epochs is no limit' }],
  },
  {
    name: 'a config of 100,000 epochs that never evaluates (trained to a chosen iteration count)',
    file: '/case/configs/base.json',
    code: `{
  "train": {
    "log_interval": 200,
    "iters_per_checkpoint": 2000,
    "epochs": 100000,
    "learning_rate": 2e-4,
    "batch_size": 64,
    "fp16_run": true
  }
}
`,
    expect: [],
  },
]);

// Hugging Face flags in a launcher whose script is not in view.
const hfFlags = (epochs: number, evalFlags: string) => `deepspeed train/train_lora.py \\
    --model_name_or_path lmsys/vicuna-7b-v1.5 \\
    --output_dir ./checkpoints \\
    --num_train_epochs ${epochs} \\
    --bf16 True \\
    --per_device_train_batch_size 2 \\
${evalFlags}    --learning_rate 2e-5
`;

runRuleCases(unboundedTraining, [
  {
    name: 'HF flags: 150 epochs evaluated every 100 steps, no early stopping',
    file: '/case/scripts/train_lora.sh',
    code: hfFlags(150, '    --evaluation_strategy "steps" \\\n    --eval_steps 100 \\\n'),
    expect: [{ line: 4, messageIncludes: '150 epochs' }],
  },
  {
    name: 'HF flags: 150 epochs with evaluation off',
    file: '/case/scripts/train_lora.sh',
    code: hfFlags(150, ''),
    expect: [],
  },
  {
    name: 'HF flags: 3 epochs evaluated every epoch',
    file: '/case/scripts/train_lora.sh',
    code: hfFlags(3, '    --evaluation_strategy epoch \\\n'),
    expect: [],
  },
]);
