import type { Rule } from './types';
import { at, replaceFact, written } from './helpers';

/**
 * GML505 cudnn-autotuner-off — cuDNN benchmark mode switched off for a fixed-shape convnet.
 */
export const cudnnAutotunerOff: Rule = {
  code: 'GML505',
  name: 'cudnn-autotuner-off',
  defaultSeverity: 'information',
  summary: 'cuDNN benchmark mode switched off for a convolutional model',
  doc: {
    whatItDoes:
      'Flags `torch.backends.cudnn.benchmark = False` in a GPU training script whose model is a convolutional network ' +
      'named by architecture (torchvision or timm), outside a deterministic set-up.',
    whyIsThisBad:
      'With benchmark mode cuDNN times the available convolution algorithms once per input shape and keeps the fastest; ' +
      'without it a heuristic choice can be several times slower for some layers (PyTorch Performance Tuning Guide, ' +
      '"Enable cuDNN auto-tuner"). With fixed input sizes the search runs once.',
    example: 'torch.backends.cudnn.benchmark = False',
    useInstead: 'torch.backends.cudnn.benchmark = True',
    fixSafety:
      'Unsafe: algorithm choice becomes non-deterministic, and inputs whose size changes every batch trigger new ' +
      'searches. Not flagged: scripts that ask for deterministic algorithms (`cudnn.deterministic = True`, ' +
      '`use_deterministic_algorithms(True)`), models not known to be convolutional, CPU runs.',
  },
  check(ctx) {
    const b = ctx.fact('cudnn_benchmark');
    if (b?.value !== false || !written(b) || ctx.cpu) return [];
    const arch = ctx.value('modality') === 'vision' ? String(ctx.value('model') ?? '') : '';
    if (
      !/resnet|resnext|efficientnet|convnext|mobilenet|vgg|densenet|regnet|inception|unet|yolo|wide_resnet/i.test(arch)
    )
      return [];
    // The assignment as written (Fact.form, Fact.name): `<target> = False` becomes `<target> = True`.
    const edits = b.form === 'assignment' && b.name ? replaceFact(b, `${b.name} = True`) : undefined;
    return [
      {
        ...at(b),
        message: `cuDNN benchmark mode is off for a ${arch}: the autotuner would pick the fastest convolution algorithms once for the fixed input size.`,
        fixes: edits ? [{ title: 'Enable cuDNN benchmark mode', applicability: 'unsafe', edits }] : [],
      },
    ];
  },
};
