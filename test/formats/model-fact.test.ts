// The `model` fact read where an engineer reads it: the class or registry name a script builds (through its argparse
// defaults, replaced by a launcher's flag), a checkpoint's config, a config's class target or model key, a model
// config file a launcher names — and never a word that names no model (a model type, a placeholder, a wrapper), nor one
// of several a launcher chooses between. A named model the core cannot size says so in the estimate.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelName } from '../../engine/extract/model-name';
import { analyze, fact, theRun } from './helpers';

test('modelName: names as written, class paths, config stems; no kinds, placeholders, wrappers or saves', () => {
  const cases: [string, string | undefined][] = [
    ['meta-llama/Llama-3.1-8B', 'meta-llama/Llama-3.1-8B'],
    ['pose_hrnet', 'pose_hrnet'],
    ['boltz.model.model.Boltz1', 'Boltz1'],
    ['vit_base_patch16_224.augreg_in21k', 'vit_base_patch16_224.augreg_in21k'],
    ['configs/llama_60m.json', 'llama_60m'],
    ['training/open_lm_configs/d=1024_l=24_h=8.json', 'd=1024_l=24_h=8'],
    ['yolov8n.pt', 'yolov8n.pt'],
    ['hf_causal_lm', undefined],
    ['seq2seq', undefined],
    ['large', undefined],
    ['configs/model_config.json', undefined],
    ['${model.name}', undefined],
    ['<path_to_model>', undefined],
    ['src.models.mnist_module.MNISTLitModule', undefined],
    ['checkpoints/last.ckpt', undefined],
    ['2.0', undefined],
  ];
  for (const [raw, want] of cases) assert.equal(modelName(raw), want, raw);
});

const trainLoop = (build: string, head = '', opt = 'model') => `import argparse
import torch
${head}
parser = argparse.ArgumentParser()
parser.add_argument("--model", default="tiny_mixer_12", type=str)
parser.add_argument("--epochs", default=30, type=int)
args = parser.parse_args()
${build}
optimizer = torch.optim.AdamW(${opt}.parameters(), lr=3e-4)
loader = torch.utils.data.DataLoader(list(range(512)), batch_size=32, num_workers=4)
for epoch in range(args.epochs):
    for batch in loader:
        loss = model(batch.cuda()).mean()
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
`;

test('a script: the class the optimizer trains, through `.to(device)` and a DDP wrapper', async () => {
  const text = trainLoop(
    `model = WaveSynth(channels=64).to("cuda")\nmodel = torch.nn.parallel.DistributedDataParallel(model)`,
    'from synth.nets import WaveSynth',
  );
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'WaveSynth');
  assert.equal(fact(a, 'model')?.origin, 'explicit');
});

test("a script: a GAN's generator is the model (the first optimizer's module)", async () => {
  const text = trainLoop(
    `gen = SpecGenerator(80)\ndisc = SpecCritic()\nmodel = gen`,
    'from nets import SpecGenerator, SpecCritic',
    'gen',
  ).replace('lr=3e-4)\n', 'lr=3e-4)\nopt_d = torch.optim.AdamW(disc.parameters(), lr=1e-4)\n');
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'SpecGenerator');
});

test('a script: a registry name from the argparse default, replaced by the launcher that passes --model', async () => {
  const text = trainLoop('model = zoo.__dict__[args.model](drop_path=0.1).cuda()', 'import zoo');
  const alone = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(alone, 'model')?.value, 'tiny_mixer_12');
  assert.equal(fact(alone, 'model')?.origin, 'script-default');
  const sh = 'torchrun --nproc_per_node 4 train.py --model huge_mixer_32 --epochs 90\n';
  const launched = await analyze({ 'train.py': text, 'run.sh': sh }, 'run.sh');
  assert.equal(fact(launched, 'model')?.value, 'huge_mixer_32');
});

test('a launcher whose case arms pass different models names none; one model in every arm is kept', async () => {
  const text = trainLoop('model = zoo.__dict__[args.model]()', 'import zoo');
  const arms = (a: string, b: string) => `case $1 in
  small) ARGS="--model ${a} --epochs 10" ;;
  large) ARGS="--model ${b} --epochs 10" ;;
esac
torchrun --nproc_per_node 8 train.py $ARGS
`;
  const differ = await analyze({ 'train.py': text, 'run.sh': arms('mixer_s', 'mixer_l') }, 'run.sh');
  assert.notEqual(fact(differ, 'model')?.value, 'mixer_l');
  assert.notEqual(fact(differ, 'model')?.value, 'mixer_s');
  assert.equal(fact(differ, 'epochs')?.value, 10);
  const same = await analyze({ 'train.py': text, 'run.sh': arms('mixer_l', 'mixer_l') }, 'run.sh');
  assert.equal(fact(same, 'model')?.value, 'mixer_l');
});

test('a required --model has no default: no model is claimed for the script alone', async () => {
  const text = trainLoop('model = zoo.__dict__[args.arch]()', 'import zoo').replace(
    'parser.add_argument("--model", default="tiny_mixer_12", type=str)',
    'parser.add_argument("--arch", type=str, required=True, default="tiny_mixer_12")',
  );
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'model')?.value ?? null, null);
});

test("a Hugging Face class built from a checkpoint's config is that checkpoint", async () => {
  const text = trainLoop(
    `SIZE = "1b"\nBASE = f"acme/tinylm-{SIZE}"\nconfig = AutoConfig.from_pretrained(BASE)\nmodel = LlamaForCausalLM(config)`,
    'from transformers import AutoConfig, LlamaForCausalLM',
  );
  const a = await analyze({ 'train.py': text }, 'train.py');
  assert.equal(fact(a, 'model')?.value, 'acme/tinylm-1b');
  // A size the name states sizes the run.
  assert.equal(fact(a, 'params')?.value, 1e9);
});

test("a script's own class the tables know by name (a CIFAR ResNet18, a DDPM UNet) is named but not sized as the table's network", async () => {
  for (const [cls, head] of [
    ['ResNet18', 'class ResNet18(torch.nn.Module):\n    pass\n'],
    ['UNet', 'from unet import UNet\n'],
  ]) {
    const text = trainLoop(`model = ${cls}(dim=32).cuda()`, '').replace('import torch\n', `import torch\n${head}`);
    const run = theRun(await analyze({ 'train.py': text }, 'train.py'));
    const model = run.plan.facts.get('model');
    assert.deepEqual([model?.value, model?.form], [cls, 'own-class'], cls);
    // must not: the table's network of that name (torchvision's 11.7 M ResNet-18, the 31 M U-Net of 2015) sizes it.
    assert.equal(run.plan.facts.get('params')?.origin === 'explicit', false, cls);
    assert.equal(run.inputs.architecture, undefined, cls);
    assert.equal(run.inputs.model, undefined, cls);
  }
});

const SCHEDULE = `trainer:
  max_epochs: 40
  precision: bf16-mixed
data:
  batch_size: 16
`;

test('a config: the class its model target builds; a LightningModule wrapper gives way to the network inside', async () => {
  const direct = `${SCHEDULE}model:\n  _target_: fold.models.core.FoldNet\n  depth: 24\n`;
  const a = await analyze({ 'conf/train.yaml': direct }, 'conf/train.yaml');
  assert.equal(fact(a, 'model')?.value, 'FoldNet');
  const wrapped = `${SCHEDULE}model:\n  _target_: src.models.fold_module.FoldLitModule\n  net:\n    _target_: src.models.components.FoldNet\n    depth: 24\n`;
  const b = await analyze({ 'conf/train.yaml': wrapped }, 'conf/train.yaml');
  assert.equal(fact(b, 'model')?.value, 'FoldNet');
});

test('a config: a model type is no model name; the checkpoint beside it is', async () => {
  const text = `max_duration: 2ep
global_train_batch_size: 64
precision: amp_bf16
optimizer:
  name: decoupled_adamw
  lr: 1.0e-4
model:
  name: hf_causal_lm
  pretrained_model_name_or_path: acme/coder-3b
`;
  const a = await analyze({ 'train.yaml': text }, 'train.yaml');
  assert.equal(fact(a, 'model')?.value, 'acme/coder-3b');
});

test('a config names the generator of a restoration or vocoder recipe', async () => {
  const basicsr = `name: restore
num_gpu: 4
datasets:
  train:
    batch_size_per_gpu: 8
network_g:
  type: DeblurNetLocal
  width: 64
train:
  total_iter: 200000
  optim_g:
    type: AdamW
    lr: 1.0e-3
`;
  const a = await analyze({ 'options/train.yml': basicsr }, 'options/train.yml');
  assert.equal(fact(a, 'model')?.value, 'DeblurNetLocal');
});

test('a named model the core cannot size says so; a torchvision ResNet-50 on ImageNet is estimated', async () => {
  const unknown = trainLoop('model = zoo.__dict__[args.model]()', 'import zoo');
  const a = await analyze({ 'train.py': unknown }, 'train.py');
  const est = theRun(a).estimate;
  assert.equal(est.method, 'insufficient-inputs');
  assert.match(est.warnings.join(' '), /tiny_mixer_12" is in neither the models table/);
  const resnet = `import torch
import torchvision.models as models
import torchvision.datasets as datasets
import torchvision.transforms as T
model = models.resnet50().cuda()
opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
train = datasets.ImageFolder("/data/imagenet/train", T.Compose([T.RandomResizedCrop(224), T.ToTensor()]))
loader = torch.utils.data.DataLoader(train, batch_size=256, num_workers=8)
for epoch in range(90):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
`;
  const r = await analyze({ 'train.py': resnet }, 'train.py');
  const e = theRun(r).estimate;
  assert.equal(e.method, 'flops');
  assert.ok(e.gpuHours.mid > 1, 'ResNet-50 × 90 ImageNet epochs is more than a GPU-hour');
  assert.equal(fact(r, 'seq_len'), undefined);
});

test('a forecasting launcher deep under scripts/: the script at the root runs it, `--model` is the model, not `--model_id`', async () => {
  // Time-Series-Library's layout: `run.py` at the root parses the flags and calls an experiment module that trains.
  const entry = `import argparse
from exp.exp_forecast import ExpForecast
parser = argparse.ArgumentParser()
parser.add_argument('--is_training', type=int, required=True, default=1)
parser.add_argument('--model_id', type=str, required=True, default='test', help='model id')
parser.add_argument('--model', type=str, required=True, default='Autoformer', help='model name')
parser.add_argument('--train_epochs', type=int, default=10)
parser.add_argument('--batch_size', type=int, default=32)
args = parser.parse_args()
exp = ExpForecast(args)
exp.train(args.model_id)
`;
  const expModule = `import torch
from models import Autoformer, SeriesMixer
class ExpForecast(object):
    def __init__(self, args):
        self.args = args
        self.model = {'Autoformer': Autoformer, 'SeriesMixer': SeriesMixer}[args.model].Model(args).float()
    def train(self, setting):
        opt = torch.optim.Adam(self.model.parameters(), lr=1e-4)
        for epoch in range(self.args.train_epochs):
            for x, y in self.loader:
                loss = torch.nn.functional.mse_loss(self.model(x), y)
                loss.backward()
                opt.step()
`;
  const launcher = `model_name=SeriesMixer
python -u run.py \\
  --is_training 1 \\
  --model $model_name \\
  --model_id ETTm2_96_720 \\
  --batch_size 16
`;
  const files = {
    'run.py': entry,
    'exp/exp_forecast.py': expModule,
    'scripts/long_term/ETT_script/SeriesMixer_ETTm2.sh': launcher,
  };
  const a = await analyze(files, 'scripts/long_term/ETT_script/SeriesMixer_ETTm2.sh');
  assert.equal(fact(a, 'model')?.value, 'SeriesMixer');
  assert.equal(fact(a, 'micro_batch')?.value, 16);
  // A hub id under `model_id` is still the model (`--model_id google/flan-t5-base`).
  const hub = launcher.replace('ETTm2_96_720', 'acme/series-mixer-base').replace('--model $model_name \\\n', '');
  const b = await analyze(
    { ...files, 'scripts/long_term/ETT_script/SeriesMixer_ETTm2.sh': hub },
    'scripts/long_term/ETT_script/SeriesMixer_ETTm2.sh',
  );
  assert.equal(fact(b, 'model')?.value, 'acme/series-mixer-base');
});

test('a Hydra config: the model the script composing it builds, also when its step is a decorated capture', async () => {
  // physicsnemo-style: the optimizer step happens inside a decorator, so no `.backward()` is written.
  const script = (name: string, loop: boolean) => `import hydra
import torch
from omegaconf import DictConfig
from storm.nets import StormNet
from storm.capture import CaptureTraining

@hydra.main(version_base="1.2", config_path="conf", config_name="config")
def main(cfg: DictConfig) -> None:
    net = StormNet(channels=cfg.channels).to("cuda")
    optimizer = torch.optim.AdamW(net.parameters(), lr=cfg.lr)

    @CaptureTraining(model=net, optim=optimizer)
    def ${name}_step(invar, outvar):
        return torch.nn.functional.mse_loss(net(invar), outvar)
${
  loop
    ? `
    for epoch in range(cfg.max_epoch):
        for batch in datapipe:
            ${name}_step(batch["x"], batch["y"])
`
    : ''
}
if __name__ == "__main__":
    main()
`;
  const config = `hydra:
  run:
    dir: ./outputs
max_epoch: 120
channels: 64
lr: 0.0005
batch_size:
  train: 16
  validate: 2
`;
  const a = await analyze({ 'conf/config.yaml': config, 'train_storm.py': script('train', true) }, 'conf/config.yaml');
  assert.equal(fact(a, 'model')?.value, 'StormNet');
  // A script that composes the config but trains nothing (data preparation) is not its run's reader.
  const b = await analyze(
    { 'conf/config.yaml': config, 'prepare_storm.py': script('prepare', false) },
    'conf/config.yaml',
  );
  const runs = [...b.runs, ...(b.linked ?? [])];
  assert.ok(runs.every((r) => r.plan.facts.get('model')?.value !== 'StormNet'));
});
