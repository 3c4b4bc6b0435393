// GML302 on the shapes of saving that are not one torch.save in the loop: a best-model save beside the regular ones,
// a state dict rebound before each save, a saving helper of another module handed the checkpoint's dicts, the epoch
// loop around a training function of another module, and Keras ModelCheckpoint(save_weights_only=True).
import { runRuleCases } from '../test/helpers/rule-harness';
import { nonResumableCheckpoint } from './non-resumable-checkpoint';

/** A CIFAR run of `epochs` epochs in main(): a training pass, an evaluation, then `saves`. */
const run = (saves: string, epochs = 200) => `import argparse
import torch
from utils import save_checkpoint

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=${epochs})
args = parser.parse_args()


def main():
    net = ResNet18().cuda()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)
    best = 0.0
    for epoch in range(args.epochs):
        for x, y in train_loader:
            loss = torch.nn.functional.cross_entropy(net(x.cuda()), y.cuda())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        acc = evaluate(net)
${saves}

    state = {"args": args, "opt": args, "model": net.state_dict()}
    torch.save(state, "last.pth")


main()
`;

const BEST = `        if acc > best:
            best = acc
            state = {"epoch": epoch, "model": net.state_dict(), "acc": acc}
            torch.save(state, "best.pth")
`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'a regular save of the weights beside a best-model save: reported on the regular one only',
    code: run(
      BEST +
        `        if epoch % 20 == 0:
            state = {"epoch": epoch, "model": net.state_dict()}
            torch.save(state, f"ckpt_{epoch}.pth")`,
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 27, column: 13, severity: 'information', messageIncludes: '200 epochs' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'the regular save holds the optimizer: resumable, whatever the best-model export keeps',
    code: run(
      BEST +
        `        if epoch % 20 == 0:
            state = {"epoch": epoch, "model": net.state_dict(), "optimizer": optimizer.state_dict()}
            torch.save(state, f"ckpt_{epoch}.pth")`,
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'only the best model is saved: an export for the test, not judged as a checkpoint',
    code: run(BEST.trimEnd()),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: "the best model and the last epoch's export: no checkpoint along the way, not judged as one",
    code: run(
      BEST +
        `        if epoch == args.epochs - 1:
            torch.save(net.state_dict(), "final.pth")`,
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: "a saving helper of another module handed dicts of the weights and the epoch: what it writes is what it's given",
    code: run(
      `        save_checkpoint("out", {"epoch": epoch + 1, "state_dict": net.state_dict()}, acc > best)
        best = max(acc, best)`,
    ),
    settings: { hardware: 'a100' },
    expect: [{ line: 21, column: 9, messageIncludes: 'cannot resume' }],
  },
  {
    name: 'the same helper handed the optimizer state too',
    code: run(
      `        save_checkpoint("out", {"epoch": epoch + 1, "state_dict": net.state_dict(), "optimizer": optimizer.state_dict()}, acc > best)`,
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a short schedule (20 epochs written): not judged on its own',
    code: run(
      `        save_checkpoint("out", {"epoch": epoch + 1, "state_dict": net.state_dict()}, acc > best)
        best = max(acc, best)`,
      20,
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// The epoch loop of the script around a training function of another module: its saves are the script's.
const loops = `import torch


def train(epoch, loader, model, criterion, optimizer):
    model.train()
    for x, y in loader:
        loss = criterion(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return loss
`;

const script = (save: string) => `import argparse
import torch
from loops import train

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=240)
opt = parser.parse_args()


def main():
    model = WRN().cuda()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    for epoch in range(1, opt.epochs + 1):
        train(epoch, loader, model, torch.nn.CrossEntropyLoss(), optimizer)
        if epoch % 40 == 0:
            state = {"epoch": epoch, ${save}}
            torch.save(state, f"ckpt_epoch_{epoch}.pth")


main()
`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'a loop around a training function of another module saves the weights alone every 40 of 240 epochs',
    code: script('"model": model.state_dict()'),
    files: { '/case/loops.py': loops },
    settings: { hardware: 'a100' },
    expect: [{ line: 17, column: 13, messageIncludes: '240 epochs' }],
  },
  {
    name: 'the same loop saving the optimizer',
    code: script('"model": model.state_dict(), "optimizer": optimizer.state_dict()'),
    files: { '/case/loops.py': loops },
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// Keras: ModelCheckpoint(save_weights_only=True) writes model.save_weights — no optimizer state; the default full
// save keeps it, and BackupAndRestore keeps the whole training state.
const keras = (callbacks: string, epochs = 100) => `from tensorflow import keras

model = build_detector(num_classes=20)
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
callbacks = [
${callbacks}
]
model.fit(train_ds, validation_data=val_ds, epochs=${epochs}, callbacks=callbacks)
`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'Keras: weights-only snapshots every epoch, each regular callback reported, the best-model export not',
    code: keras(
      `    keras.callbacks.ModelCheckpoint("ep{epoch:03d}.h5", save_weights_only=True, period=10),
    keras.callbacks.ModelCheckpoint("last.h5", save_weights_only=True),
    keras.callbacks.ModelCheckpoint("best.h5", save_weights_only=True, save_best_only=True),`,
    ),
    settings: { hardware: 'a100' },
    expect: [
      { line: 6, column: 57, endColumn: 79, messageIncludes: 'no optimizer state' },
      { line: 7, column: 48, messageIncludes: 'no optimizer state' },
    ],
    fixes: [{ applicability: 'display-only', titleIncludes: 'BackupAndRestore' }],
  },
  {
    name: 'Keras: the epoch count picked by a flag the file sets (`A if Freeze else B` in an `if True:` block)',
    code: `from tensorflow import keras

if __name__ == "__main__":
    Freeze = False
    Freeze_Epoch = 20
    Total_Epoch = 150
    model = build_detector(num_classes=20)
    model.compile(optimizer="sgd", loss="mse")
    if True:
        end_epoch = Freeze_Epoch if Freeze else Total_Epoch
        ckpt = keras.callbacks.ModelCheckpoint("ep{epoch:03d}.h5", save_weights_only=True)
        model.fit(train_ds, validation_data=val_ds, epochs=end_epoch, callbacks=[ckpt])
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 11, messageIncludes: '150 epochs' }],
  },
  {
    name: 'Keras: full-model checkpoints (the default) keep the optimizer',
    code: keras('    keras.callbacks.ModelCheckpoint("ep{epoch:03d}.keras"),'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Keras: weights-only snapshots with BackupAndRestore beside them',
    code: keras(
      `    keras.callbacks.ModelCheckpoint("ep{epoch:03d}.weights.h5", save_weights_only=True),
    keras.callbacks.BackupAndRestore("backup"),`,
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Keras: a best-only weights export is no checkpoint to resume from',
    code: keras('    keras.callbacks.ModelCheckpoint("best.h5", save_weights_only=True, save_best_only=True),'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Keras: a 10-epoch run is short',
    code: keras('    keras.callbacks.ModelCheckpoint("ep{epoch:03d}.h5", save_weights_only=True),', 10),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// A step loop of the project's own network (no model the core knows, hardware unknown) saving its weights alone: a
// million optimizer steps is a long run whatever the model; 200,000 steps alone is no sign of one.
const stepLoop = (steps: string) => `import torch

net = VideoDiT(depth=28, width=1152).cuda()
opt = torch.optim.AdamW(net.parameters(), lr=1e-4)
for step in range(${steps}):
    loss = net.loss(next(data))
    opt.zero_grad()
    loss.backward()
    opt.step()
    if step % 10000 == 0:
        torch.save({"model": net.state_dict()}, f"ckpt/{step:07d}.pt")
`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'weights alone every 10,000 of 1,000,000 steps: information naming the step count',
    code: stepLoop('1_000_000'),
    expect: [{ line: 11, severity: 'information', messageIncludes: '1,000,000 steps written' }],
  },
  {
    name: 'the same over 200,000 steps of an unknown model: no sign of a long run',
    code: stepLoop('200_000'),
    expect: [],
  },
]);

// A saving function of the file that writes the networks' weights and a record of the run (loss curves): the record is
// no training state, so the checkpoint still cannot resume; one that also writes the optimizers can.
const segmentation = (epochs: number, optimizers: string) => `import torch


def checkpoint(nets, history, epoch${optimizers ? ', optimizers' : ''}):
    encoder, decoder = nets
    torch.save(history, f"ckpt/history_epoch_{epoch}.pth")
    torch.save(encoder.state_dict(), f"ckpt/encoder_epoch_{epoch}.pth")
    torch.save(decoder.state_dict(), f"ckpt/decoder_epoch_{epoch}.pth")
${optimizers ? '    torch.save([o.state_dict() for o in optimizers], f"ckpt/optim_epoch_{epoch}.pth")\n' : ''}

def main():
    encoder, decoder = Encoder().cuda(), Decoder().cuda()
    optimizer = torch.optim.SGD(list(encoder.parameters()) + list(decoder.parameters()), lr=0.02)
    history = {"train": {"loss": []}}
    for epoch in range(${epochs}):
        for x, y in loader:
            loss = torch.nn.functional.cross_entropy(decoder(encoder(x.cuda())), y.cuda())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            history["train"]["loss"].append(loss.detach())
        checkpoint((encoder, decoder), history, epoch${optimizers ? ', [optimizer]' : ''})


main()
`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'a saving function that writes two networks and the loss history, every epoch of 120: weights only',
    code: segmentation(120, ''),
    expect: [{ line: 7, column: 5, severity: 'information', messageIncludes: '120 epochs written' }],
  },
  {
    name: 'the same saving function handed the optimizers as well: resumable',
    code: segmentation(120, 'optimizers'),
    expect: [],
  },
  {
    name: 'the same weights-and-history checkpoint on a 20-epoch run: nothing says the run is long',
    code: segmentation(20, ''),
    expect: [],
  },
]);

// A saving function of the file that writes what it is handed (the ImageNet example's `save_checkpoint(state, is_best)`),
// handed a dict written at the call: the dict decides, reported where it is written and on the call that builds it.
const ownHelper = (state: string, epochs = 300) => `import shutil
import torch


def save_checkpoint(state, is_best, filename="checkpoint.pth.tar"):
    torch.save(state, filename)
    if is_best:
        shutil.copyfile(filename, "model_best.pth.tar")


def main():
    net = VNet().cuda()
    optimizer = torch.optim.Adam(net.parameters())
    best = 1.0
    for epoch in range(${epochs}):
        for x, y in loader:
            loss = dice(net(x.cuda()), y.cuda())
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        save_checkpoint(${state}, loss.item() < best)


main()
`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: 'a saving function of the file handed a dict of the weights and the epoch: on its save and on the call',
    code: ownHelper('{"epoch": epoch, "state_dict": net.state_dict()}'),
    expect: [
      { line: 6, severity: 'information', messageIncludes: '300 epochs written' },
      { line: 21, severity: 'information', messageIncludes: '300 epochs written' },
    ],
  },
  {
    name: 'the same function handed the optimizer state too: resumable',
    code: ownHelper('{"epoch": epoch, "state_dict": net.state_dict(), "optimizer": optimizer.state_dict()}'),
    expect: [],
  },
  {
    name: 'the same function handed a dict without the weights (the epoch and the loss): no weights checkpoint',
    code: ownHelper('{"epoch": epoch, "loss": best}'),
    expect: [],
  },
]);
