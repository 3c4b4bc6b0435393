// Launchers the way real projects write them: flags in arrays and in several-word variables, counts computed with
// `$((…))` or given as positional defaults, launchers spelled through `python -m`, ColossalAI and in-repo copies of
// torch.distributed.launch, scripts and DeepSpeed JSONs named relative to the folder the command runs in, a config
// passed with `--cfg-path`, and the model named by `--arch`. Fixtures written for this project.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShell } from '../../engine/parse/shell';
import { shellEntries } from '../../engine/extract/generic/shell';
import { shellArithmetic } from '../../engine/parse/shell-arith';
import { isLocalPath, sizeFromName } from '../../engine/extract/model-name';
import { analyze, fact, theRun } from './helpers';

const TRAIN_HF = [
  'from transformers import HfArgumentParser, Trainer, TrainingArguments',
  'def main():',
  '    parser = HfArgumentParser((TrainingArguments,))',
  '    (args,) = parser.parse_args_into_dataclasses()',
  '    Trainer(model=None, args=args).train()',
  '',
].join('\n');

const DS = (stage: number) => JSON.stringify({ zero_optimization: { stage }, bf16: { enabled: 'auto' } });

test('shell: arrays, a variable holding several flags, arithmetic and positional defaults expand as bash would', () => {
  const text = [
    'NGPU=${NGPU:-4}',
    'NODES=${3:-2}',
    'TOTAL=$((NGPU * NODES))',
    'LAUNCH="--nproc_per_node $NGPU',
    '  --nnodes $NODES"',
    'OPTS=(--lr 3e-4 "--name" "my run")',
    'OPTS+=(--total $TOTAL)',
    'torchrun $LAUNCH fit.py "${OPTS[@]}" --count ${#OPTS[@]} --rest $MISSING',
  ].join('\n');
  const s = parseShell(text);
  const words = s.commands[0].words;
  assert.deepEqual(
    words.slice(0, 6).map((w) => w.text),
    ['torchrun', '--nproc_per_node', '4', '--nnodes', '2', 'fit.py'],
  );
  // Each word of the variable keeps the span where it is written (in the assignment), so a fix edits that place.
  const four = words[2];
  assert.equal(text.slice(four.span.start, four.span.end), '$NGPU');
  assert.ok(four.span.start < text.indexOf('torchrun'));
  assert.deepEqual(
    words.slice(6, 12).map((w) => w.text),
    ['--lr', '3e-4', '--name', 'my run', '--total', '8'],
  );
  assert.equal(words[13].text, '6', '${#OPTS[@]} counts the elements');
  assert.equal(words[words.length - 1].unresolved, true, 'an unset variable stays unreadable');
});

test('shell arithmetic: + - * / % and parentheses over known whole numbers; anything else is unknown', () => {
  const vars: Record<string, string> = { A: '16', B: '8', S: 'x' };
  const look = (n: string) => vars[n];
  assert.equal(shellArithmetic('A / B', look), 2);
  assert.equal(shellArithmetic('$A * (B - 2) % 5', look), (16 * 6) % 5);
  assert.equal(shellArithmetic('A / 0', look), undefined);
  assert.equal(shellArithmetic('S * 2', look), undefined);
  assert.equal(shellArithmetic('A > B', look), undefined);
  assert.equal(shellArithmetic('UNSET + 1', look), undefined);
});

test('a launcher in a nested folder: the script and the DeepSpeed JSON resolve from the folder the command runs in', async () => {
  const files = {
    'proj/scripts/stage2/run_sft.sh': [
      'GPUS=${GPUS:-8}',
      'DIST="--nproc_per_node $GPUS --master_port 29500"',
      'torchrun $DIST src/train/sft.py --deepspeed ds_zero2.json --model_name_or_path Org/Tiny-1.5B-Chat --bf16 True',
      '',
    ].join('\n'),
    'proj/src/train/sft.py': TRAIN_HF,
    'proj/ds_zero2.json': DS(2),
  };
  const a = await analyze(files, 'proj/scripts/stage2/run_sft.sh');
  assert.equal(fact(a, 'devices')?.value, 8);
  assert.equal(fact(a, 'zero_stage')?.value, 2);
  assert.ok(theRun(a).plan.files.some((f) => f.endsWith('proj/src/train/sft.py')));
  const p = fact(a, 'params');
  assert.equal(p?.value, 1.5e9, 'the size the name states');
  assert.equal(p?.origin, 'inferred');
});

test('a launcher whose script is elsewhere still reads the DeepSpeed JSON it names', async () => {
  const files = {
    'job.sh': 'deepspeed --num_gpus 4 /opt/code/train.py --deepspeed cfg/ds3.json --per_device_train_batch_size 2\n',
    'cfg/ds3.json': DS(3),
  };
  const a = await analyze(files, 'job.sh');
  assert.equal(fact(a, 'devices')?.value, 4);
  assert.equal(fact(a, 'zero_stage')?.value, 3);
});

test('python -m accelerate.commands.launch reads its --config_file: processes and the DeepSpeed JSON it names', async () => {
  const files = {
    'launch.sh':
      'python -u -m accelerate.commands.launch --rdzv_conf "rdzv_backend=c10d" --config_file acc.yml fit.py\n',
    'acc.yml':
      'compute_environment: LOCAL_MACHINE\ndistributed_type: DEEPSPEED\nnum_processes: 6\nnum_machines: 1\ndeepspeed_config:\n  deepspeed_config_file: z.json\n',
    'z.json': DS(1),
    'fit.py': TRAIN_HF,
  };
  const a = await analyze(files, 'launch.sh');
  assert.equal(fact(a, 'devices')?.value, 6);
  assert.equal(fact(a, 'zero_stage')?.value, 1);
});

test('SLURM: flags built in an exported string with $((SLURM_NNODES * GPUS_PER_NODE)) give the total', async () => {
  const sh = [
    '#!/bin/bash',
    '#SBATCH --nodes=3',
    '#SBATCH --gres=gpu:4',
    'export GPUS_PER_NODE=4',
    'export LAUNCHER="accelerate launch --num_processes $((SLURM_NNODES * GPUS_PER_NODE)) --num_machines $SLURM_NNODES"',
    'export CMD="$LAUNCHER /somewhere/finetune.py --mixed_precision bf16"',
    'srun $CMD',
    '',
  ].join('\n');
  const a = await analyze({ 'sub.sh': sh }, 'sub.sh');
  assert.equal(fact(a, 'devices')?.value, 12);
});

test('srun with a default GPU count, an empty extra-options variable and a positional default', async () => {
  const sh = [
    'PART=$1',
    'GPUS=${4:-16}',
    'PER_NODE=${PER_NODE:-8}',
    'EXTRA=${EXTRA:-""}',
    'srun -p ${PART} --gres=gpu:${PER_NODE} --ntasks=${GPUS} --ntasks-per-node=${PER_NODE} \\',
    '  --nodes=$((GPUS / PER_NODE)) ${EXTRA} python -u tools/train_net.py --epochs 12',
    '',
  ].join('\n');
  const a = await analyze({ 'tools/slurm.sh': sh }, 'tools/slurm.sh');
  assert.equal(fact(a, 'devices')?.value, 16);
});

test('colossalai run: processes per node, unknown in total with a host file; --plugin zero2 is ZeRO-2', async () => {
  const one = await analyze(
    { 'c.sh': 'colossalai run --nproc_per_node 4 train_lm.py --plugin zero2 --max_epochs 1\n' },
    'c.sh',
  );
  assert.equal(fact(one, 'devices')?.value, 4);
  assert.equal(fact(one, 'zero_stage')?.value, 2);
  const many = await analyze(
    { 'c.sh': 'colossalai run --nproc_per_node 8 --hostfile ./hosts train_lm.py --zero_stage 1 --pp_size 2\n' },
    'c.sh',
  );
  assert.equal(fact(many, 'devices')?.value, null);
  assert.match(fact(many, 'devices')?.note ?? '', /host count is not in this file/);
  assert.equal(fact(many, 'zero_stage')?.value, 1);
  assert.equal(fact(many, 'pp')?.value, 2);
});

test('an in-repo copy of torch.distributed.launch, a DGX platform and --arch: devices, hardware and model', async () => {
  const a = await analyze(
    {
      'cls/run/amp.sh':
        'python ./multiproc.py --nproc_per_node 8 ./main_cls.py --arch resnet50 --platform DGXA100 --epochs 90 /data\n',
    },
    'cls/run/amp.sh',
  );
  assert.equal(fact(a, 'devices')?.value, 8);
  assert.equal(fact(a, 'hardware')?.value, 'a100');
  assert.equal(fact(a, 'model')?.value, 'resnet50');
  assert.equal(fact(a, 'seq_len')?.value, undefined, 'an image model has no sequence length');
});

test('--model with a word that is not a model name gives no model', async () => {
  const a = await analyze({ 'r.sh': 'torchrun --nproc_per_node 2 fit_x.py --model large --epochs 3\n' }, 'r.sh');
  assert.ok(!fact(a, 'model') || fact(a, 'model')?.value === null);
});

test('SLURM --constraint=volta32gb is a V100; a bare architecture name (ampere) names no GPU', async () => {
  const v = await analyze(
    { 'v.sh': '#SBATCH --gres=gpu:8\n#SBATCH --constraint=volta32gb\nsrun python train.py --epochs 2\n' },
    'v.sh',
  );
  assert.equal(fact(v, 'hardware')?.value, 'v100-32gb');
  const a = await analyze(
    { 'a.sh': '#SBATCH --gres=gpu:8\n#SBATCH --constraint=ampere\nsrun python train.py --epochs 2\n' },
    'a.sh',
  );
  assert.notEqual(fact(a, 'hardware')?.origin, 'explicit');
});

test('$(dirname "$0")/train.py is the script beside the launcher; a positional GPU count stays unknown', async () => {
  const files = {
    'tools/dist.sh':
      'python -m torch.distributed.launch --nproc_per_node=$2 $(dirname "$0")/train.py $1 --launcher pytorch\n',
    'tools/train.py': 'import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument("config")\n',
  };
  const a = await analyze(files, 'tools/dist.sh');
  const run = theRun(a);
  assert.ok(run.plan.files.some((f) => f.endsWith('tools/train.py')));
  assert.equal(fact(a, 'devices')?.value, null);
});

test('--cfg-path: the config a script is given is the run, with the launcher over it', async () => {
  const files = {
    'runs/pretrain/stage1.sh':
      'python -m torch.distributed.run --nproc_per_node=4 train.py --cfg-path proj/configs/stage1.yaml\n',
    'train.py': 'import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument("--cfg-path")\n',
    'proj/configs/stage1.yaml':
      'model:\n  name: vlm2\nrun:\n  epochs: 5\n  batch_size: 32\n  lr: 1.0e-4\n  amp: true\n',
  };
  const a = await analyze(files, 'runs/pretrain/stage1.sh');
  assert.equal(fact(a, 'devices')?.value, 4);
  assert.ok(theRun(a).plan.files.some((f) => f.endsWith('proj/configs/stage1.yaml')));
  assert.equal(fact(a, 'epochs')?.value, 5);
});

test('a model "name" that is a local folder names no model; a settings model still fills it', async () => {
  const sh = 'torchrun --nproc_per_node 2 /x/train.py --model_name_or_path ./work/stage1/ckpt-final/ --bf16\n';
  const a = await analyze({ 'l.sh': sh }, 'l.sh');
  assert.equal(fact(a, 'model')?.value, null);
  assert.match(fact(a, 'model')?.note ?? '', /local folder/);
  const b = await analyze({ 'l.sh': sh }, 'l.sh', { model: 'gpt2' });
  assert.equal(fact(b, 'model')?.value, 'gpt2');
});

test('sizes stated by model names; mixture-of-experts names and ambiguous ones state none', () => {
  assert.equal(sizeFromName('Org/Coder-6.7b-instruct'), 6.7e9);
  assert.equal(sizeFromName('tiny-lm-410m'), 410e6);
  assert.equal(sizeFromName('Org/Mix-8x7B-v0.1'), undefined);
  assert.equal(sizeFromName('Org/Chat-MoE-A2.7B'), undefined);
  assert.equal(sizeFromName('resnet50'), undefined);
  assert.equal(sizeFromName('vit-1b-350m'), undefined);
  assert.equal(isLocalPath('Org/Name-7B'), false);
  assert.equal(isLocalPath('/mnt/ckpt/run3'), true);
  assert.equal(isLocalPath('./out/'), true);
});

test('eval "$CMD": the command a launcher builds in a string, with its environment and --deepspeed_config', async () => {
  const files = {
    'ft/run_lora.sh': [
      'ENVS="NCCL_DEBUG=info LOCAL_WORLD_SIZE=4"',
      'OPTS="--model-parallel-size 2 --deepspeed_config ds_bf16.json --train-iters 100"',
      'cmd="${ENVS} deepspeed --num_gpus 4 --master_port 1234 ft_main.py ${OPTS}"',
      'eval ${cmd}',
      '',
    ].join('\n'),
    'ft/ds_bf16.json': DS(2),
  };
  const a = await analyze(files, 'ft/run_lora.sh');
  assert.equal(fact(a, 'devices')?.value, 4);
  assert.equal(fact(a, 'zero_stage')?.value, 2);
  assert.equal(fact(a, 'tp')?.value, 2);
});

test('a DeepSpeed config the launcher writes with a heredoc gives the ZeRO stage, variables filled in', async () => {
  const sh = [
    'ZERO=2',
    'MBS=4',
    'DS_JSON=./ds_gen.json',
    'cat <<EOT > $DS_JSON',
    '{',
    '  "train_micro_batch_size_per_gpu": $MBS,',
    '  "gradient_accumulation_steps": $GAS,',
    '  "zero_optimization": { "stage": $ZERO },',
    '  "bf16": { "enabled": true }',
    '}',
    'EOT',
    'deepspeed --num_gpus 8 pretrain_lm.py --num-layers 24 --deepspeed --deepspeed_config $DS_JSON',
    '',
  ].join('\n');
  const a = await analyze({ 'gen.sh': sh }, 'gen.sh');
  assert.equal(fact(a, 'devices')?.value, 8);
  assert.equal(fact(a, 'zero_stage')?.value, 2);
  assert.equal(fact(a, 'micro_batch')?.value, 4);
  const ga = fact(a, 'grad_accum');
  assert.ok(!(ga?.origin === 'explicit' && typeof ga.value === 'number'), 'an unset variable gives no value');
});

test('a heredoc DeepSpeed config also reaches a Trainer script the launcher starts', async () => {
  const sh = [
    'cat > ./zero.json <<EOF',
    '{"zero_optimization": {"stage": 3}, "bf16": {"enabled": "auto"}}',
    'EOF',
    'torchrun --nproc_per_node 2 sft.py --deepspeed ./zero.json --bf16 True',
    '',
  ].join('\n');
  const a = await analyze({ 'go.sh': sh, 'sft.py': TRAIN_HF }, 'go.sh');
  assert.equal(fact(a, 'devices')?.value, 2);
  assert.equal(fact(a, 'zero_stage')?.value, 3);
});

test('a SLURM partition named after its GPUs gives the hardware; a generic partition or a choice gives none', async () => {
  const job = (p: string, gres = 'gpu:4') =>
    `#SBATCH --partition=${p}\n#SBATCH --gres=${gres}\nsrun python train.py --epochs 2\n`;
  const hw = async (sh: string) => fact(await analyze({ 'j.sh': sh }, 'j.sh'), 'hardware');
  assert.equal((await hw(job('gpu-a100')))?.value, 'a100');
  assert.equal((await hw(job('h100_80gb')))?.value, 'h100');
  assert.notEqual((await hw(job('gpu')))?.origin, 'explicit');
  assert.notEqual((await hw(job('a100,v100')))?.origin, 'explicit');
  assert.equal((await hw(job('a100', 'gpu:h100:4')))?.value, 'h100', 'the GPU type the job requests wins');
  assert.equal((await hw('srun -p v100-long --gres=gpu:2 python train.py --epochs 1\n'))?.value, 'v100');
});

test('a hub id given to a weights flag names the model; a folder of the tree does not', async () => {
  const run = (flag: string) =>
    analyze({ 'p.sh': `torchrun --nproc_per_node 2 /src/train_vlm.py ${flag} --epochs 1\n` }, 'p.sh');
  assert.equal(fact(await run('--pretrained-ckpt Org/vlm-llama-7b'), 'model')?.value, 'Org/vlm-llama-7b');
  assert.equal(fact(await run('--model_path Org/tiny-2b-chat'), 'params')?.value, 2e9);
  const local = fact(await run('--pretrained-ckpt checkpoints/step1000'), 'model');
  assert.ok(!local || local.value === null);
});

test('a launcher deep under scripts/ whose flags name no training setting runs the root script it names: that script’s run', async () => {
  const run = `import argparse
from exp.exp_main import Exp_Main

parser = argparse.ArgumentParser()
parser.add_argument('--model_id', type=str, default='test')
parser.add_argument('--data', type=str, default='ETTh1')
parser.add_argument('--train_epochs', type=int, default=10)
parser.add_argument('--batch_size', type=int, default=32)
args = parser.parse_args()
exp = Exp_Main(args)
exp.train('run')
`;
  const sh = 'python -u run.py \\\n  --model_id ETTh1_96 \\\n  --data ETTh1\n';
  // Another launcher of the same script, beside it: its flags belong to its own run, not to this one.
  const files = {
    'README.md': '# forecasting\n',
    'run.py': run,
    'run_all.sh': 'python run.py --model_id Weather_96 --batch_size 64\n',
    'scripts/long_term/ETT/etth1.sh': sh,
  };
  const r = await analyze(files, 'scripts/long_term/ETT/etth1.sh');
  const d = theRun(r);
  assert.match(d.plan.entry.file, /etth1\.sh$/);
  assert.deepEqual([fact(r, 'epochs')?.value, fact(r, 'micro_batch')?.value], [10, 32]);
  assert.notEqual(fact(r, 'model')?.value, 'Weather_96');
  // must not: a bare script name is not looked for above the repository's root (the README's folder).
  const outside = await analyze(
    { 'run.py': run, 'proj/README.md': '# other\n', 'proj/scripts/long_term/etth1.sh': sh },
    'proj/scripts/long_term/etth1.sh',
  );
  assert.equal(outside.runs.length + (outside.linked ?? []).length, 0);
});

test('shell: the script given to `bash -c` runs too; evaluation tools after training give the run no settings', () => {
  const text = [
    '#SBATCH --gres=gpu:4',
    'srun --ntasks-per-node=1 bash -c "',
    'export MODEL=meta-llama/Meta-Llama-3-8B',
    'accelerate launch --num_processes 4 train.py --lr 1e-6 --model \\$MODEL',
    'lm_eval --model hf --batch_size 4',
    '"',
  ].join('\n');
  const cmds = parseShell(text).commands.map((c) => c.words.map((w) => w.text).join(' '));
  assert.ok(
    cmds.some((c) => c.startsWith('accelerate launch --num_processes 4 train.py --lr 1e-6')),
    cmds.join(' | '),
  );
  // Read where written: the span of `train.py` is inside the quoted script.
  const acc = parseShell(text).commands.find((c) => c.words[0].text === 'accelerate')!;
  const w = acc.words.find((x) => x.text === 'train.py')!;
  assert.equal(text.slice(w.span.start, w.span.end), 'train.py');
  const keys = shellEntries('run.sh', text).entries.map((e) => e.path.join('.'));
  assert.ok(keys.includes('lr') && keys.includes('num_processes'), keys.join(' '));
  // must not: lm_eval's batch is an evaluation batch, not the run's.
  assert.ok(!keys.includes('batch_size'), keys.join(' '));
});
