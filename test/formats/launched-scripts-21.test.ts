// A launcher's run carries what the script it runs shows, under the launcher's flags: a script whose loop lives in
// the module it calls, a submitit launcher that hands its command line to the trainer it imports, a Lightning 1.x
// Trainer built from the command line, an option passed with a value that cannot be read. Fixtures written for this
// project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact, theRun } from './helpers';
import type { DocumentAnalysis } from '../../server/review/analyze';

/** DeiT-style entry script: arguments, the optimizer and the epoch loop; the training step is in engine.py. */
const MAIN = [
  'import argparse',
  'import torch',
  'from engine import train_one_epoch',
  'from optim import build_optimizer',
  '',
  '',
  'def get_args_parser():',
  "    parser = argparse.ArgumentParser('train', add_help=False)",
  "    parser.add_argument('--batch-size', default=32, type=int)",
  "    parser.add_argument('--epochs', default=300, type=int)",
  "    parser.add_argument('--model', default='tiny_net', type=str)",
  "    parser.add_argument('--num_workers', default=6, type=int)",
  "    parser.add_argument('--lr', default=1e-3, type=float)",
  '    return parser',
  '',
  '',
  'def main(args):',
  '    model = torch.hub.load("pytorch/vision", args.model).cuda()',
  '    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch_size, num_workers=args.num_workers)',
  '    optimizer = build_optimizer(args, model)',
  '    scaler = torch.cuda.amp.GradScaler()',
  '    for epoch in range(args.epochs):',
  '        train_one_epoch(model, loader, optimizer, scaler)',
  '',
  '',
  "if __name__ == '__main__':",
  "    parser = argparse.ArgumentParser('train', parents=[get_args_parser()])",
  '    main(parser.parse_args())',
  '',
].join('\n');

const ENGINE = [
  'import torch',
  '',
  '',
  'def train_one_epoch(model, loader, optimizer, scaler):',
  '    model.train()',
  '    for images, targets in loader:',
  '        images = images.cuda()',
  '        with torch.cuda.amp.autocast():',
  '            loss = model(images, targets)',
  '        optimizer.zero_grad()',
  '        scaler.scale(loss).backward()',
  '        scaler.step(optimizer)',
  '        scaler.update()',
  '',
].join('\n');

const OPTIM = [
  'import torch',
  '',
  '',
  'def build_optimizer(args, model):',
  '    return torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.05)',
  '',
].join('\n');

const runOf = (a: DocumentAnalysis) => theRun(a).plan;

test('a launcher running a script with no training step of its own: the run shows the modules it calls', async () => {
  // No training flag and arguments passed through: no reader makes a run of the script itself.
  const launcher = 'torchrun --nproc_per_node=4 main.py --data-path /data/imagenet "$@"\n';
  const files = { 'main.py': MAIN, 'engine.py': ENGINE, 'optim.py': OPTIM, 'dist_train.sh': launcher };
  const a = await analyze(files, 'dist_train.sh');
  assert.equal(fact(a, 'devices')?.value, 4);
  assert.equal(fact(a, 'micro_batch')?.value, 32, "the script's default");
  assert.equal(fact(a, 'epochs')?.value, 300);
  assert.equal(fact(a, 'precision')?.value, 'fp16', 'autocast + GradScaler in engine.py');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw', 'built in optim.py');
  assert.equal(fact(a, 'global_batch')?.value, 128);
  assert.ok(runOf(a).files.some((f) => f.endsWith('engine.py')));
});

/** A timm-style script: the vocabulary's timm arguments, the step in engine.py. */
const TIMM_MAIN = [
  'import argparse',
  'import torch',
  'from timm.models import create_model',
  'from timm.optim import create_optimizer',
  'from engine import train_one_epoch',
  '',
  '',
  'def get_args_parser():',
  "    parser = argparse.ArgumentParser('timm-style training', add_help=False)",
  "    parser.add_argument('--model', default='resnet50', type=str)",
  "    parser.add_argument('--batch-size', default=128, type=int)",
  "    parser.add_argument('--epochs', default=300, type=int)",
  "    parser.add_argument('--opt', default='adamw', type=str)",
  "    parser.add_argument('--num_workers', default=10, type=int)",
  '    return parser',
  '',
  '',
  'def main(args):',
  '    model = create_model(args.model).cuda()',
  '    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch_size, num_workers=args.num_workers)',
  '    optimizer = create_optimizer(args, model)',
  '    for epoch in range(args.epochs):',
  '        train_one_epoch(model, loader, optimizer, None)',
  '',
  '',
  "if __name__ == '__main__':",
  "    parser = argparse.ArgumentParser('timm-style training', parents=[get_args_parser()])",
  '    main(parser.parse_args())',
  '',
].join('\n');

test('a launcher passing an option with a value it cannot read: not the script default', async () => {
  const files = { 'main.py': TIMM_MAIN, 'engine.py': ENGINE };
  const unread = 'MODEL=$1\ntorchrun --nproc_per_node=8 main.py --model $MODEL --data-path /data\n';
  const a = await analyze({ ...files, 'dist_train.sh': unread }, 'dist_train.sh');
  assert.equal(fact(a, 'model')?.value ?? null, null, "--model $1: the default 'resnet50' is not this run's");
  assert.equal(fact(a, 'micro_batch')?.value, 128, 'an option the launcher does not pass keeps its default');
  // The script analysed alone, with that launcher beside it: its own default.
  const alone = await analyze({ ...files, 'dist_train.sh': unread }, 'main.py');
  assert.equal(fact(alone, 'model')?.value, 'resnet50');
  const fixed = await analyze(
    { ...files, 'dist_train.sh': 'torchrun --nproc_per_node=8 main.py --data-path /data\n' },
    'dist_train.sh',
  );
  assert.equal(fact(fixed, 'model')?.value, 'resnet50');
});

test("a launcher giving training flags to a timm-style script: the run keeps timm's defaults", async () => {
  const launcher = 'torchrun --nproc_per_node=8 main.py --batch-size 64 --epochs 100\n';
  const a = await analyze({ 'main.py': TIMM_MAIN, 'engine.py': ENGINE, 'train.sh': launcher }, 'train.sh');
  assert.equal(runOf(a).framework, 'timm');
  assert.equal(fact(a, 'micro_batch')?.value, 64);
  assert.equal(fact(a, 'epochs')?.value, 100);
  assert.equal(fact(a, 'global_batch')?.value, 512);
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch', "timm's checkpoint after every epoch");
});

const SUBMITIT = [
  'import argparse',
  'import submitit',
  'import main as trainer',
  '',
  '',
  'def parse_args():',
  "    parser = argparse.ArgumentParser('submit', parents=[trainer.get_args_parser()])",
  "    parser.add_argument('--ngpus', default=8, type=int)",
  "    parser.add_argument('--nodes', default=2, type=int)",
  '    return parser.parse_args()',
  '',
  '',
  'class Job:',
  '    def __init__(self, args):',
  '        self.args = args',
  '',
  '    def __call__(self):',
  '        trainer.main(self.args)',
  '',
  '',
  'def launch():',
  '    args = parse_args()',
  "    executor = submitit.AutoExecutor(folder='logs')",
  '    executor.update_parameters(gpus_per_node=args.ngpus, tasks_per_node=args.ngpus, nodes=args.nodes)',
  '    executor.submit(Job(args))',
  '',
  '',
  "if __name__ == '__main__':",
  '    launch()',
  '',
].join('\n');

test('a shell launcher running a submitit launcher: the trainer it imports, on the devices the flags request', async () => {
  const launcher = 'python run_with_submitit.py --batch-size 64 --ngpus 2 --nodes 4 --epochs 50\n';
  const files = {
    'main.py': MAIN,
    'engine.py': ENGINE,
    'optim.py': OPTIM,
    'run_with_submitit.py': SUBMITIT,
    'slurm_train.sh': launcher,
  };
  const a = await analyze(files, 'slurm_train.sh');
  assert.equal(fact(a, 'devices')?.value, 8, '--ngpus 2 --nodes 4, not the defaults 8 x 2');
  assert.equal(fact(a, 'micro_batch')?.value, 64);
  assert.equal(fact(a, 'global_batch')?.value, 512);
  assert.equal(fact(a, 'epochs')?.value, 50);
  assert.equal(fact(a, 'precision')?.value, 'fp16');
  assert.equal(fact(a, 'optimizer')?.value, 'adamw');
});

const LIGHTNING_TRAIN = [
  'import argparse',
  'import pytorch_lightning as pl',
  'from pytorch_lightning.callbacks import ModelCheckpoint',
  'from model import LitNet',
  'from data import DataModule',
  '',
  '',
  'def main():',
  '    parser = argparse.ArgumentParser()',
  "    parser.add_argument('--batch_size', type=int, default=8)",
  "    parser.add_argument('--num_workers', type=int, default=2)",
  '    parser = pl.Trainer.add_argparse_args(parser)',
  '    args = parser.parse_args()',
  '    ckpt = ModelCheckpoint(save_last=True)',
  '    trainer = pl.Trainer.from_argparse_args(args, callbacks=[ckpt], gradient_clip_val=1.0)',
  '    trainer.fit(LitNet(), datamodule=DataModule(args))',
  '',
  '',
  "if __name__ == '__main__':",
  '    main()',
  '',
].join('\n');

test('a launcher running a Lightning 1.x script whose Trainer is built from the command line', async () => {
  const launcher =
    'python train.py --gpus=2 --num_nodes=2 --batch_size=4 --max_epochs=20 --precision=16 --accumulate_grad_batches=2\n';
  const a = await analyze({ 'train.py': LIGHTNING_TRAIN, 'train.sh': launcher }, 'train.sh');
  assert.equal(runOf(a).framework, 'lightning');
  assert.equal(fact(a, 'devices')?.value, 4, '--gpus=2 on each of --num_nodes=2');
  assert.equal(fact(a, 'precision')?.value, 'fp16');
  assert.equal(fact(a, 'grad_accum')?.value, 2);
  assert.equal(fact(a, 'micro_batch')?.value, 4);
  assert.equal(fact(a, 'global_batch')?.value, 32);
  assert.equal(fact(a, 'epochs')?.value, 20);
  assert.equal(fact(a, 'periodic_save')?.value, 'epoch', 'its ModelCheckpoint');
  // Without precision or accumulation flags: Lightning's defaults (Trainer(precision=32, accumulate_grad_batches=1)).
  const plain = await analyze({ 'train.py': LIGHTNING_TRAIN, 'train.sh': 'python train.py --gpus=1\n' }, 'train.sh');
  assert.equal(fact(plain, 'precision')?.value, 'fp32');
  assert.equal(fact(plain, 'grad_accum')?.value, 1);
});

test('a launcher running a Lightning script that builds its Trainer only to test: no training run', async () => {
  const testing = LIGHTNING_TRAIN.replace('trainer.fit(', 'trainer.test(');
  const a = await analyze({ 'test.py': testing, 'test.sh': 'python test.py --gpus=2\n' }, 'test.sh');
  assert.equal(a.runs.length + (a.linked?.length ?? 0), 0);
});

/** A DeepSpeed-Chat-style step: the config dict filled from the arguments, the model named only on the command line. */
const DS_STEP = [
  'import argparse',
  'import deepspeed',
  'from transformers import AutoModelForCausalLM',
  '',
  '',
  'def main():',
  '    parser = argparse.ArgumentParser()',
  "    parser.add_argument('--model_name_or_path', type=str, required=True)",
  "    parser.add_argument('--per_device_train_batch_size', type=int, default=16)",
  "    parser.add_argument('--gradient_accumulation_steps', type=int, default=1)",
  "    parser.add_argument('--num_train_epochs', type=int, default=1)",
  '    parser = deepspeed.add_config_arguments(parser)',
  '    args = parser.parse_args()',
  '    model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path)',
  '    ds_config = get_train_ds_config()',
  "    ds_config['gradient_accumulation_steps'] = args.gradient_accumulation_steps",
  '    engine, optimizer, _, _ = deepspeed.initialize(model=model, config=ds_config)',
  '    for epoch in range(args.num_train_epochs):',
  '        for batch in loader:',
  '            loss = engine(**batch).loss',
  '            engine.backward(loss)',
  '            engine.step()',
  '',
  '',
  "if __name__ == '__main__':",
  '    main()',
  '',
].join('\n');

test('a launcher under training_scripts/ running the step script two folders up, with what its flags say', async () => {
  const launcher =
    'deepspeed --num_gpus 1 main.py --model_name_or_path facebook/opt-350m --gradient_accumulation_steps 8 --deepspeed\n';
  const files = {
    'step1/main.py': DS_STEP,
    'step1/training_scripts/README.md': 'Run from the step folder: bash training_scripts/single_gpu/run_350m.sh\n',
    'step1/training_scripts/single_gpu/run_350m.sh': launcher,
  };
  const a = await analyze(files, 'step1/training_scripts/single_gpu/run_350m.sh');
  assert.ok(
    runOf(a).files.some((f) => f.endsWith('step1/main.py')),
    'the folder holding training_scripts/ runs it',
  );
  assert.equal(fact(a, 'epochs')?.value, 1, "the script's default");
  assert.equal(fact(a, 'devices')?.value, 1);
  assert.equal(fact(a, 'grad_accum')?.value, 8, 'the flag, where the script reads it into a dict');
  assert.equal(fact(a, 'model')?.value, 'facebook/opt-350m');
});

test("a launcher running a wrapper script with arguments: the wrapper's $1 and the flags it passes on", async () => {
  const wrapper = 'NUM_PROC=$1\nshift\ntorchrun --nproc_per_node=$NUM_PROC main.py "$@"\n';
  const caller = 'bash distributed_train.sh 4 --batch-size 64 --epochs 90\n';
  const files = { 'main.py': TIMM_MAIN, 'engine.py': ENGINE, 'distributed_train.sh': wrapper, 'train.sh': caller };
  const a = await analyze(files, 'train.sh');
  assert.equal(fact(a, 'devices')?.value, 4);
  assert.equal(fact(a, 'micro_batch')?.value, 64);
  assert.equal(fact(a, 'epochs')?.value, 90);
  assert.equal(fact(a, 'global_batch')?.value, 256);
  // The wrapper alone is run without arguments: no device count, the script's own batch.
  const alone = await analyze(files, 'distributed_train.sh');
  assert.equal(fact(alone, 'devices')?.value ?? null, null);
  assert.equal(fact(alone, 'micro_batch')?.value, 128);
  // OpenMMLab-style `${@:3}`: the arguments after the first two.
  const mm = { ...files, 'dist.sh': 'CONFIG=$1\nGPUS=$2\ntorchrun --nproc_per_node=$GPUS main.py ${@:3}\n' };
  const b = await analyze({ ...mm, 'train.sh': 'bash dist.sh cfg.py 2 --batch-size 16\n' }, 'train.sh');
  assert.equal(fact(b, 'devices')?.value, 2);
  assert.equal(fact(b, 'micro_batch')?.value, 16);
});
