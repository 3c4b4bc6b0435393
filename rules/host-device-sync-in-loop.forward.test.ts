// GML404 in a model module whose `forward` computes the training loss (a contrastive model, a model that returns its
// loss): a training loop in another file calls it once per step, so what its own body reads waits every step.
import { runRuleCases } from '../test/helpers/rule-harness';
import { hostDeviceSyncInLoop } from './host-device-sync-in-loop';

const model = (tail: string) => `import torch
import torch.nn as nn
import torch.nn.functional as F


class Contrastive(nn.Module):
    def __init__(self, encoder, temperature=0.05):
        super().__init__()
        self.encoder = encoder
        self.temperature = temperature

    def forward(self, q_tokens, k_tokens, stats={}):
        q = self.encoder(q_tokens)
        k = self.encoder(k_tokens)
        logits = q @ k.t() / self.temperature
        labels = torch.arange(q.size(0)).cuda()
        loss = F.cross_entropy(logits, labels)
${tail}
        return loss, stats
`;

runRuleCases(hostDeviceSyncInLoop, [
  {
    name: "a model's forward that computes the loss reads it and a statistic on the host: two waits per step",
    code: model('        stats["loss"] = loss.item()\n        stats["std_q"] = torch.std(q, dim=0).mean().item()'),
    settings: { hardware: 'a100' },
    expect: [
      { line: 18, messageIncludes: 'loss.item()' },
      { line: 19, messageIncludes: '.mean().item() on every training step' },
    ],
  },
  {
    name: 'the same forward keeping its statistics on the device',
    code: model('        stats["loss"] = loss.detach()'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a forward that computes no loss (an inference model) is not a training step',
    code: `import torch
import torch.nn as nn


class Ranker(nn.Module):
    def __init__(self, encoder):
        super().__init__()
        self.encoder = encoder.cuda()

    def forward(self, tokens):
        scores = self.encoder(tokens)
        top = scores.argmax().item()
        return scores, top
`,
    settings: { hardware: 'a100' },
    expect: [],
    noRun: true,
  },
]);
