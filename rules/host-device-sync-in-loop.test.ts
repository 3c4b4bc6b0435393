import { runRuleCases } from '../test/helpers/rule-harness';
import { hostDeviceSyncInLoop } from './host-device-sync-in-loop';

const loop = (body: string) => `import torch
model = Net().cuda()
opt = torch.optim.AdamW(model.parameters())
total = 0.0
for step, (x, y) in enumerate(loader):
    loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
    loss.backward()
    opt.step()
${body}
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: 'loss.item() on every step',
    code: loop('    total += loss.item()'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, column: 14, endColumn: 25, messageIncludes: 'loss.item() on every training step' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'every 100 steps',
    code: loop('    if step % 100 == 0:\n        print(loss.item())'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'after the loop, once',
    code: loop('    pass\nprint(loss.item())'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'the loss tensor printed on every step',
    code: loop('    print(f"step {step} loss {loss}")'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, column: 5, messageIncludes: 'print(f"step {step} loss {loss}")' }],
  },
  {
    name: 'the loss tensor logged to W&B on every step',
    code: loop('    wandb.log({"loss": loss, "step": step})'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9, column: 5 }],
  },
  {
    name: 'predictions copied to the host on every step',
    code: loop('    preds.append(logits.argmax(1).cpu())'),
    settings: { hardware: 'a100' },
    expect: [{ line: 9 }],
  },
  {
    name: 'only the loss shape printed: no tensor read',
    code: loop('    print(loss.shape, step)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'logged under a conditional expression',
    code: loop('    print(loss.item()) if step % 50 == 0 else None'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'read once per epoch, after the batch loop (a while loop around it)',
    code: `import torch
model = Net().cuda()
opt = torch.optim.AdamW(model.parameters())
epoch = 0
while epoch < 90:
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        opt.zero_grad()
        loss.backward()
        opt.step()
    print(epoch, loss.item())
    epoch += 1
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a while loop of steps in a helper function, read with scaler-scaled backward',
    code: `import torch
scaler = torch.cuda.amp.GradScaler()


def train(model, opt, max_iters):
    it = 0
    while it < max_iters:
        x, y = get_batch()
        loss = model(x.cuda(), y.cuda())
        scaler.scale(loss).backward()
        scaler.step(opt)
        scaler.update()
        writer.add_scalar("train/loss", loss, it)
        it += 1
`,
    settings: { hardware: 'a100' },
    expect: [{ line: 13, column: 9 }],
  },
  {
    name: 'CPU runs',
    code: loop('    total += loss.item()').replace(/\.cuda\(\)/g, '.to("cpu")'),
    expect: [],
  },
  {
    name: 'an if that only picks a code path (mode, model kind) still runs every step',
    code: loop('    if mode == "train":\n        total += loss.item()'),
    settings: { hardware: 'a100' },
    expect: [{ line: 10, column: 18 }],
  },
  {
    name: 'an if on the loop counter limits it',
    code: loop('    if step == 0:\n        print(loss.item())'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'an if on the main process limits it',
    code: loop('    if is_main_process:\n        wandb.log({"loss": loss.item()})'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'reinforcement learning: the action goes to a CPU environment every step',
    code: `import torch
policy = Policy().cuda()
opt = torch.optim.Adam(policy.parameters(), lr=1e-3)
state = env.reset()
for t in range(100000):
    dist = policy(torch.as_tensor(state).cuda())
    action = dist.sample()
    state, reward, done, info = env.step(action.item())
    loss = -dist.log_prob(action) * reward
    opt.zero_grad()
    loss.backward()
    opt.step()
`,
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
