import { runRuleCases } from '../test/helpers/rule-harness';
import { cudnnAutotunerOff } from './cudnn-autotuner-off';

const script = (setup: string, model = 'torchvision.models.resnet50()') => `import torch
import torchvision
from torch.utils.data import DataLoader
${setup}
model = ${model}.cuda()
loader = DataLoader(train, batch_size=256, shuffle=True, num_workers=8, pin_memory=True)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(90):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x.cuda()), y.cuda())
        loss.backward()
        opt.step()
        opt.zero_grad()
`;

runRuleCases(cudnnAutotunerOff, [
  {
    name: 'benchmark off for a ResNet: the fix turns it on',
    code: script('torch.backends.cudnn.benchmark = False'),
    settings: { hardware: 'a100' },
    expect: [{ line: 4, column: 1, endColumn: 39, messageIncludes: 'resnet50' }],
    fixes: [{ applicability: 'unsafe', output: script('torch.backends.cudnn.benchmark = True') }],
  },
  {
    name: 'deterministic runs keep it off on purpose',
    code: script('torch.backends.cudnn.benchmark = False\ntorch.backends.cudnn.deterministic = True'),
    settings: { hardware: 'a100' },
    expect: [],
  },
  {
    name: 'a model not known to be convolutional',
    code: script('torch.backends.cudnn.benchmark = False', 'MyTransformer()'),
    settings: { hardware: 'a100' },
    expect: [],
  },
]);
