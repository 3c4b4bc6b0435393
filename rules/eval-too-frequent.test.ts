import { runRuleCases } from '../test/helpers/rule-harness';
import { evalTooFrequent } from './eval-too-frequent';

const script = (args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")\nargs = TrainingArguments(output_dir="o", bf16=True, max_steps=5000, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(evalTooFrequent, [
  {
    name: 'eval_steps not set falls back to logging_steps=10: a warning, the fix sets eval_steps',
    code: script('eval_strategy="steps", logging_steps=10'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 69, severity: 'warning', messageIncludes: 'follows logging_steps' }],
    fixes: [{ applicability: 'safe', output: script('eval_strategy="steps", logging_steps=10, eval_steps=250') }],
  },
  {
    name: 'eval_steps=20 over 5,000 steps',
    code: script('eval_strategy="steps", eval_steps=20'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, severity: 'information', messageIncludes: '250 evaluations' }],
    fixes: [{ applicability: 'safe', output: script('eval_strategy="steps", eval_steps=250') }],
  },
  {
    name: 'with load_best_model_at_end the checkpoints follow evaluations: no fix',
    code: script('eval_strategy="steps", eval_steps=20, load_best_model_at_end=True'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3 }],
    noFix: true,
  },
  {
    name: 'a reasonable interval',
    code: script('eval_strategy="steps", eval_steps=500'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  { name: 'per epoch', code: script('eval_strategy="epoch"'), settings: { hardware: 'a100' }, expect: [] },
]);

// Run length resting on the assumed dataset size (no max_steps): information that says so; never a warning.
const epochScript = (args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")\nargs = TrainingArguments(output_dir="o", bf16=True, num_train_epochs=3, per_device_train_batch_size=16, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(evalTooFrequent, [
  {
    name: 'assumed dataset size: ≈ 93 evaluations, information naming the assumption',
    code: epochScript('eval_strategy="steps", eval_steps=100'),
    settings: { hardware: 'a100' },
    expect: [
      {
        line: 3,
        column: 128,
        endColumn: 142,
        severity: 'information',
        messageIncludes: 'assuming 50,000 examples per epoch on one device (set greenml.datasetSize',
      },
    ],
    fixes: [{ applicability: 'safe', output: epochScript('eval_strategy="steps", eval_steps=250') }],
  },
  {
    name: 'assumed dataset size and logging every 10 steps: still information, not a warning',
    code: epochScript('eval_strategy="steps", logging_steps=10'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, severity: 'information', messageIncludes: 'assuming' }],
    fixes: [{ applicability: 'safe', outputIncludes: ['eval_steps=250'] }],
  },
  {
    name: 'the dataset size set: the count is known and no assumption is named',
    code: epochScript('eval_strategy="steps", eval_steps=100'),
    settings: { hardware: 'a100', datasetSize: 200_000 },
    expect: [{ line: 3, messageExcludes: 'assuming' }],
    fixes: [{ applicability: 'safe', outputIncludes: ['eval_steps='] }],
  },
  {
    name: 'assumed dataset size, a sparse interval: nothing to say',
    code: epochScript('eval_strategy="steps", eval_steps=1000'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// A short run (one epoch of an assumed 50,000 examples at a global batch of 1,024: ≈ 49 steps) that falls back to
// the logging interval: evaluating after every step or few steps weighs on it whatever its length.
const shortRun = (args: string) =>
  `from transformers import AutoModelForCausalLM, Trainer, TrainingArguments\nmodel = AutoModelForCausalLM.from_pretrained("Qwen/Qwen2.5-0.5B")\nargs = TrainingArguments(output_dir="o", bf16=True, num_train_epochs=1, per_device_train_batch_size=16, gradient_accumulation_steps=64, ${args})\nTrainer(model=model, args=args).train()\n`;

runRuleCases(evalTooFrequent, [
  {
    name: 'a short run evaluating after every step (fallback to logging_steps=1): information',
    code: shortRun('eval_strategy="steps", logging_steps=1'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, severity: 'information', messageIncludes: 'Evaluation every step' }],
  },
  {
    name: 'the same short run logging every 20 steps: two evaluations, nothing to say',
    code: shortRun('eval_strategy="steps", logging_steps=20'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// Lightning: val_check_interval=N (an int) validates every N training batches.
const lightning = (arg: string) =>
  `import lightning as L\nmodel = LitModel()\ntrainer = L.Trainer(accelerator="gpu", devices=1, max_steps=20000, ${arg})\ntrainer.fit(model, train_loader, val_loader)\n`;

runRuleCases(evalTooFrequent, [
  {
    name: 'Lightning val_check_interval=10 over 20,000 steps: on that argument, the fix widens it',
    code: lightning('val_check_interval=10'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 68, endColumn: 89, messageIncludes: 'Validation every 10 training batches' }],
    fixes: [{ applicability: 'safe', output: lightning('val_check_interval=1000') }],
  },
  {
    name: 'Lightning: a float is a fraction of the epoch',
    code: lightning('val_check_interval=0.25'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Lightning: 1.0 is once per epoch',
    code: lightning('val_check_interval=1.0'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'Lightning: every 2,000 batches',
    code: lightning('val_check_interval=2000'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// Hand-written loops: an evaluation under `if it % N == 0` in the loop that runs the backward pass.
const handLoop = (guard: string, body = 'val_loss = evaluate(model, val_loader)') => `import torch
model = GPT(config).cuda()
opt = torch.optim.AdamW(model.parameters(), lr=3e-4)
for it in range(100000):
    x, y = get_batch("train")
    loss = model(x, y)
    loss.backward()
    opt.step()
    opt.zero_grad(set_to_none=True)
    if ${guard}:
        ${body}
`;

runRuleCases(evalTooFrequent, [
  {
    name: 'hand loop: evaluate every 50 of 100,000 steps, on the interval',
    code: handLoop('it % 50 == 0'),
    settings: { hardware: 'a100' },
    expect: [{ line: 10, column: 13, endColumn: 15, messageIncludes: '≈ 2000 evaluations over ≈ 100,000 steps' }],
    fixes: [{ applicability: 'safe', output: handLoop('it % 5000 == 0') }],
  },
  {
    name: 'hand loop: evaluate every 5,000 steps (20 evaluations)',
    code: handLoop('it % 5000 == 0'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'hand loop: only a print every 50 steps',
    code: handLoop('it % 50 == 0', 'print(it)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'hand loop: an interval the file does not give (`it % cfg.eval_every`) is not logging_steps: nothing said',
    code: handLoop('it % cfg.eval_every == 0'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);

// A `while True:` step loop with its own budget (`if it > max_iters: break`) and an evaluation function named for
// what it computes (`estimate_loss`, under no_grad, looping over batches).
const whileLoop = (evaluator: string, budget = '    if it > max_iters:\n        break') => `import torch

max_iters = 600000
model = GPT(config).cuda()
opt = torch.optim.AdamW(model.parameters(), lr=3e-4)

${evaluator}

it = 0
while True:
    if it % 50 == 0:
        losses = estimate_loss()
    x, y = get_batch("train")
    loss = model(x, y)
    loss.backward()
    opt.step()
    opt.zero_grad(set_to_none=True)
    it += 1
${budget}
`;
const noGradEval = `@torch.no_grad()
def estimate_loss():
    model.eval()
    out = [model(*get_batch("val")) for _ in range(200)]
    model.train()
    return out`;

runRuleCases(evalTooFrequent, [
  {
    name: 'while True with a 600,000-step budget, estimate_loss (no_grad, a loop) every 50 steps',
    code: whileLoop(noGradEval),
    settings: { hardware: 'a100' },
    expect: [{ line: 16, messageIncludes: '600,000 steps' }],
  },
  {
    name: 'the same function computing a training statistic with gradients is not an evaluation',
    code: whileLoop(`def estimate_loss():\n    return [model(*get_batch("train")) for _ in range(2)]`),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'while it < budget bounds the loop too',
    code: whileLoop(noGradEval, '').replace('while True:', 'while it < max_iters:'),
    settings: { hardware: 'a100' },
    expect: [{ line: 16, messageIncludes: '600,000 steps' }],
  },
]);

// Epochs of a `while True:` loop that a step budget ends (`if global_step % t_total == 0: break` after the batch loop):
// the budget is the run's length.
const budgetedEpochs = (evalEvery: number) => `import argparse
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--num_steps", type=int, default=10000)
parser.add_argument("--eval_every", type=int, default=${evalEvery})
args = parser.parse_args()
t_total = args.num_steps
global_step = 0
while True:
    for step, (x, y) in enumerate(train_loader):
        loss = model(x.cuda(), y.cuda())
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        global_step += 1
        if global_step % args.eval_every == 0:
            valid(model, test_loader)
        if global_step % t_total == 0:
            break
    if global_step % t_total == 0:
        break
`;

runRuleCases(evalTooFrequent, [
  {
    name: 'epochs a step budget ends: evaluating every 100 of 10,000 steps is 100 evaluations',
    code: budgetedEpochs(100),
    settings: { hardware: 'a100' },
    expect: [{ line: 17, messageIncludes: '≈ 100 evaluations over ≈ 10,000 steps' }],
  },
  {
    name: 'the same budget evaluated every 1,000 steps: ten evaluations, nothing to say',
    code: budgetedEpochs(1000),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
