import { runRuleCases } from '../test/helpers/rule-harness';
import { debugInstrumentationOn } from './debug-instrumentation-on';

const loop = (setup: string) => `import os
import torch
${setup}
model = Net().cuda()
for x, y in loader:
    loss = model(x.cuda()).sum()
    loss.backward()
    opt.step()
`;

runRuleCases(debugInstrumentationOn, [
  {
    name: 'anomaly detection left on',
    code: loop('torch.autograd.set_detect_anomaly(True)'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, column: 1, endColumn: 40, severity: 'warning', messageIncludes: 'anomaly detection' }],
    fixes: [{ applicability: 'display-only' }],
  },
  {
    name: 'CUDA_LAUNCH_BLOCKING=1',
    code: loop('os.environ["CUDA_LAUNCH_BLOCKING"] = "1"'),
    settings: { hardware: 'a100' },
    expect: [{ line: 3, messageIncludes: 'CUDA_LAUNCH_BLOCKING' }],
  },
  {
    name: 'switched off',
    code: loop('torch.autograd.set_detect_anomaly(False)'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'in a comment',
    code: loop('# os.environ["CUDA_LAUNCH_BLOCKING"] = "1"'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
