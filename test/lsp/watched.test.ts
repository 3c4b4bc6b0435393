// A repository's defaults (engine/link/repo-defaults.ts) are kept across keystrokes while the client reports no change
// of the files they were read from: the server asks the client to watch them, and a change it reports is seen. Files
// written for this test.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lsp-client';

const CONFIG = 'experiment: pendulum\nalgorithm:\n  batch_size: 256\n  num_epochs: 300\n  lr: 0.0003\n';
const LEARNER = `import torch


class Learner:
    def __init__(self, policy, lr):
        self.policy = policy.to("cuda")
        self.opt = torch.optim.Adam(policy.parameters(), lr=lr)

    def update(self, batch):
        loss = self.policy.loss(batch)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
`;
const RUNNER =
  'import yaml\nfrom agents.learner import Learner\n\n\ndef main(path):\n    cfg = yaml.safe_load(open(path))\n    Learner(None, cfg["algorithm"]["lr"])\n';

let dir: string;
let lsp: LspSession;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'greenml-watched-'));
  const files: Record<string, string> = {
    'proj/README.md': 'an RL project\n',
    'proj/configs/pendulum.yaml': CONFIG,
    'proj/agents/learner.py': LEARNER,
    'proj/run.py': RUNNER,
  };
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), text);
  }
  lsp = await startServer(dir, {}, undefined, { watchedFiles: true });
});
after(async () => {
  await lsp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const fp32 = (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === 'GML101');

test('a module changed on disk and reported by the client: the repository is read again', async () => {
  const config = path.join(dir, 'proj/configs/pendulum.yaml');
  const uri = lsp.open(config, CONFIG, 'yaml');
  await lsp.diagnostics(uri, fp32, 20_000);
  const watched = lsp.registered.get('workspace/didChangeWatchedFiles') as { watchers: { globPattern: string }[] };
  assert.ok(
    watched?.watchers.some((w) => /\bpy\b/.test(w.globPattern)),
    'the server asks the client to watch Python files',
  );
  // Mixed precision turned on in a module on disk (not open in the editor), then reported by the client.
  const learner = path.join(dir, 'proj/agents/learner.py');
  fs.writeFileSync(learner, LEARNER.replace('loss.backward()', 'torch.cuda.amp.GradScaler().scale(loss).backward()'));
  await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [{ uri: pathToFileURL(learner).href, type: 2 }],
  });
  await lsp.diagnostics(uri, (p) => !fp32(p), 20_000);
});
