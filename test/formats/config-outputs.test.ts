// Configs that are not given the run of a training script that names or shares keys with them
// (engine/link/config-outputs.ts): files the script only writes, configs of inference, evaluation or data, and a
// Weights & Biases run record. Configs the script reads keep its run. Fixtures written for these tests.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze } from './helpers';

const ownRuns = async (files: Record<string, string>, target: string) => {
  const a = await analyze(files, target);
  return [...a.runs, ...(a.linked ?? [])].filter((r) => r.plan.entry.file.endsWith(target));
};

const LOOP = `import json, os, yaml
import torch
from torch.utils.data import DataLoader
from model import Net, load_data

def main():
    model = Net()
    loader = DataLoader(load_data(), batch_size=64, shuffle=True, num_workers=4)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4)
    for epoch in range(20):
        for x, y in loader:
            loss = model(x, y)
            loss.backward()
            opt.step()
            opt.zero_grad()
`;

const EXPORTED = `{
  "vocab_size": 812,
  "window_size": 24,
  "stride": 12,
  "threshold": 0.731,
  "export_date": "2025-01-02"
}
`;

test('a model config the training script writes after training is not given its run', async () => {
  const script = `${LOOP}    out_dir = "artifacts"
    config_path = os.path.join(out_dir, "model_config.json")
    with open(config_path, "w") as f:
        json.dump({"vocab_size": 812, "window_size": 24}, f)

if __name__ == "__main__":
    main()
`;
  const files = { 'train.py': script, 'artifacts/model_config.json': EXPORTED };
  assert.equal((await ownRuns(files, 'artifacts/model_config.json')).length, 0);
  // The script keeps its own run.
  assert.equal((await ownRuns(files, 'train.py')).length, 1);
});

test('a metrics summary the script saves by name is not given its run', async () => {
  const script = `${LOOP}        summary.update({"epoch": epoch, "loss": loss.item()})
        summary.save("summary.json")

if __name__ == "__main__":
    main()
`;
  const summary = '{"epoch": 19, "loss": 0.21, "train_acc": 0.93, "val_acc": 0.88, "val_loss": 0.35}\n';
  assert.equal((await ownRuns({ 'train.py': script, 'exp/summary.json': summary }, 'exp/summary.json')).length, 0);
});

test('a config the script reads by name keeps the script run (must-not)', async () => {
  const script = `import json
import torch
from torch.utils.data import DataLoader
from model import Net, load_data

hp = json.load(open("hparams.json"))

if __name__ == "__main__":
    model = Net()
    loader = DataLoader(load_data(), batch_size=hp["batch_size"], num_workers=4)
    opt = torch.optim.AdamW(model.parameters(), lr=hp["lr"])
    for epoch in range(hp["epochs"]):
        for x, y in loader:
            loss = model(x, y)
            loss.backward()
            opt.step()
            opt.zero_grad()
    json.dump({"loss": loss.item()}, open("metrics.json", "w"))
`;
  const hparams = '{"batch_size": 64, "epochs": 20, "lr": 0.0003, "hidden_size": 256, "dropout": 0.1}\n';
  assert.equal((await ownRuns({ 'train.py': script, 'hparams.json': hparams }, 'hparams.json')).length, 1);
});

test('a data or inference config a training script names is not given its run; a training config is', async () => {
  const script = `${LOOP}
if __name__ == "__main__":
    data_cfg = yaml.safe_load(open("configs/data.yaml"))
    infer_cfg = yaml.safe_load(open("configs/infer.yaml"))
    model_cfg = yaml.safe_load(open("configs/model.yaml"))
    main()
`;
  const data = 'root: /data/docs\nimage_size: 384\nnum_classes: 17\nsplits: [train, val]\nfolds: 5\n';
  const infer = 'checkpoint: ckpt/best.pt\nimage_size: 384\nnum_classes: 17\ntta: 8\noutput: preds.csv\n';
  const model = 'backbone: convnext_base\nepochs: 30\nbatch_size: 32\nlr: 0.0001\nweight_decay: 0.05\n';
  const files = {
    'train.py': script,
    'configs/data.yaml': data,
    'configs/infer.yaml': infer,
    'configs/model.yaml': model,
  };
  assert.equal((await ownRuns(files, 'configs/data.yaml')).length, 0);
  assert.equal((await ownRuns(files, 'configs/infer.yaml')).length, 0);
  assert.equal((await ownRuns(files, 'configs/model.yaml')).length, 1);
});

test('a config kept in an inference folder is not given a training script run', async () => {
  const script = `${LOOP}
if __name__ == "__main__":
    cfg = yaml.safe_load(open("runs/infer/2025_01_02/config.yaml"))
    main()
`;
  const cfg = 'checkpoint: ckpt/best.pt\nimage_size: 384\nnum_classes: 17\ntta: 8\noutput: preds.csv\n';
  const files = { 'train.py': script, 'runs/infer/2025_01_02/config.yaml': cfg };
  assert.equal((await ownRuns(files, 'runs/infer/2025_01_02/config.yaml')).length, 0);
});

test('a Weights & Biases run record is no run; the same settings in a config are (must-not)', async () => {
  const settings = 'lr: 0.0003\nepochs: 20\nbatch_size: 64\noptimizer: adamw\nweight_decay: 0.01\nwarmup_steps: 500\n';
  const record = 'wandb/run-20250101_101010-a1b2c3d4/files/config.yaml';
  assert.equal((await ownRuns({ [record]: settings }, record)).length, 0);
  assert.equal((await ownRuns({ 'configs/train.yaml': settings }, 'configs/train.yaml')).length, 1);
});
