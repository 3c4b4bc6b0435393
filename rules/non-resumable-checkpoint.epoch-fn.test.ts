// GML302 where the epoch's checkpoint is written by the training function itself, after its batch loop, and the epoch
// loop that calls it (in another function) keeps only a best-model export or saves more: the saves of both places
// decide together whether the run's checkpoints can resume it.
import { runRuleCases } from '../test/helpers/rule-harness';
import { nonResumableCheckpoint } from './non-resumable-checkpoint';

const run = (epochSave: string, outerSave: string) => `import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=100)
args = parser.parse_args()


def train_epoch(model, loader, optimizer, epoch):
    model.train()
    for x, y in loader:
        loss = model(input_ids=x.cuda(), labels=y.cuda()).loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
${epochSave}


def train(model, loader, optimizer):
    best = 1e9
    for epoch in range(args.epochs):
        train_epoch(model, loader, optimizer, epoch)
        val = validate(model)
${outerSave}
`;

const BEST = `        if val < best:
            best = val
            model.save_pretrained("best")`;

runRuleCases(nonResumableCheckpoint, [
  {
    name: "the training function's own save after its batch loop keeps the weights alone: on that save",
    code: run('    model.save_pretrained(f"epoch{epoch}")', BEST),
    settings: { hardware: 'a100' },
    expect: [{ line: 16, severity: 'information', messageIncludes: '100 epochs' }],
  },
  {
    name: "the training function's save holds the optimizer: the outer loop's weights-only save is not the only checkpoint",
    code: run(
      '    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict()}, "last.pt")',
      '        torch.save(model.state_dict(), f"weights_{epoch}.pt")',
    ),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
