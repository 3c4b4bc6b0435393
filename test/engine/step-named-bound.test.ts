// A loop over `range(args.num_train_steps)` around an update that lives in an imported agent (RAD, CURL, SAC-AE:
// `for step in range(args.num_train_steps): … agent.update(replay_buffer, L, step)`) runs that many steps. A bound
// named for steps is no epoch count: the run has a step budget and no epochs.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { mergeSettings } from '../../engine/settings';
import { analyzeText } from '../../server/review/analyze-file';

const settings = mergeSettings({ values: { hardware: 'a100' }, source: 'test' });

const agent = `import torch

class Agent:
    def __init__(self):
        self.net = torch.nn.Linear(4, 2).to("cuda")
        self.opt = torch.optim.Adam(self.net.parameters(), lr=1e-3)

    def update(self, buffer, step):
        loss = self.net(buffer.sample()).pow(2).mean()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;

const script = (bound: string) => `import argparse
from agent import Agent

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--${bound}", default=1000000, type=int)
    args = parser.parse_args()
    agent = Agent()
    for step in range(args.${bound}):
        agent.update(buffer, step)

if __name__ == "__main__":
    main()
`;

async function facts(bound: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'step-bound-'));
  fs.writeFileSync(path.join(dir, 'agent.py'), agent);
  const file = path.join(dir, 'train.py');
  fs.writeFileSync(file, script(bound));
  const a = await analyzeText(file, script(bound), settings);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(a.runs.length, 1, `runs: ${a.runs.length}`);
  return a.runs[0].plan.facts;
}

test('range(args.num_train_steps) around an imported agent update: a step budget, no epochs', async () => {
  const f = await facts('num_train_steps');
  assert.equal(f.get('max_steps')?.value, 1000000);
  assert.equal(f.get('epochs')?.value ?? null, null, JSON.stringify(f.get('epochs')));
});

test('a bound named for epochs around the same call still counts epochs', async () => {
  const f = await facts('num_epochs');
  assert.equal(f.get('epochs')?.value, 1000000);
});
