// GML701 on a hand-written loop with several evaluations, each in its own `if step % N == 0:` block (build-nanogpt's
// validation loss and HellaSwag passes): each block is its own pass over its own data, so each is reported.
import { runRuleCases } from '../test/helpers/rule-harness';
import { evalTooFrequent } from './eval-too-frequent';

const loop = (second: string) => `import torch

@torch.no_grad()
def sample_sequences(model):
    model.eval()
    return [model.generate(prompt, max_new_tokens=32) for _ in range(4)]

model = GPT(config).cuda()
opt = torch.optim.AdamW(model.parameters(), lr=6e-4)
for step in range(20000):
    if step % 250 == 0:
        model.eval()
        val_loss = evaluate(model, val_loader)
    if step % 250 == 0:
        model.eval()
        ${second}
    model.train()
    x, y = get_batch("train")
    loss = model(x, y)
    loss.backward()
    opt.step()
    opt.zero_grad(set_to_none=True)
`;

runRuleCases(evalTooFrequent, [
  {
    name: 'a HellaSwag pass in a second block under the same interval is reported on its own interval too',
    code: loop('acc = hellaswag_eval(model, device)'),
    settings: { hardware: 'h100' },
    expect: [
      { line: 11, column: 15, endColumn: 18, messageIncludes: '≈ 80 evaluations over ≈ 20,000 steps' },
      { line: 14, column: 15, endColumn: 18, messageIncludes: 'Another evaluation every 250 steps' },
    ],
    fixes: [
      {
        applicability: 'safe',
        output: loop('acc = hellaswag_eval(model, device)').replace('if step % 250', 'if step % 1000'),
      },
    ],
  },
  {
    name: 'a block that only samples a few sequences (no evaluation by name) is not a second evaluation',
    code: loop('samples = sample_sequences(model)'),
    settings: { hardware: 'h100' },
    expect: [{ line: 11, column: 15, endColumn: 18 }],
  },
]);
