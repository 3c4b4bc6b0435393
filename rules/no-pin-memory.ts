import type { Rule } from './types';
import { at, setArg } from './helpers';

/**
 * GML402 no-pin-memory — host-to-GPU copies from pageable memory.
 */
export const noPinMemory: Rule = {
  code: 'GML402',
  name: 'no-pin-memory',
  defaultSeverity: 'information',
  summary: 'The training DataLoader of a GPU run does not pin memory',
  doc: {
    whatItDoes:
      "Flags the training `DataLoader` of a GPU run whose `pin_memory` is False (written, or PyTorch's default), also " +
      'in a script whose training step runs in a module it calls (`trainer.train_step(img.cuda(), …)`), and a ' +
      'written `dataloader_pin_memory=False` in TrainingArguments. A model built from a class of the project ' +
      "(`model = CAM(in_channels=1)`) says nothing of its data: such a run is judged like one with no model named. A data module of the project that runs nothing by itself (the `dataset.py` a training script imports its loader from) is judged with the run of the training script that imports it, on the module's own line.",
    whyIsThisBad:
      'Copies from pageable host memory go through a staging buffer and cannot overlap with compute; pinned memory ' +
      'allows asynchronous copies (`.to(device, non_blocking=True)`). The PyTorch tuning guide recommends it; creedengo ' +
      'rule GCI102 measured −9.8 % time and −7.6 % emissions from pinning alone.',
    example: 'DataLoader(train, batch_size=64, num_workers=4)',
    useInstead: 'DataLoader(train, batch_size=64, num_workers=4, pin_memory=True)',
    fixSafety:
      'Safe: results are unchanged; pinned memory is page-locked host RAM. Not flagged: CPU/MPS runs, text models ' +
      '(token batches are small; also a run whose files state a sequence length, and a model class named for text: ' +
      '`GPTLanguageModel`, `BertClassifier`, `SentenceEmbedding`, `LSTMTagger`), scripts that never ' +
      'move batches to CUDA (neither the script nor the module that runs its step names CUDA, `nn.DataParallel` or ' +
      'the NCCL backend); information only when ' +
      'the GPU is not named in the settings; ' +
      'the Trainer (it pins by default), Lightning and accelerate loops (they place batches themselves).',
  },
  check(ctx) {
    const f = ctx.fact('pin_memory');
    if (f?.value !== false || ctx.cpu || !f.file || !f.span) return [];
    const hf = ctx.plan.framework === 'hf-trainer' || ctx.plan.framework === 'trl';
    if (hf && f.origin !== 'explicit') return [];
    // A plain loop that copies batches itself (Lightning and accelerate place batches): information when the GPU
    // is not named in the settings, since the file only shows that batches go to CUDA.
    // A script whose training step runs in a module it calls (`trainer.train_step(img, …)`) is a run of its own
    // (framework `config`); its DataLoader's default or written value is judged as a loop's is.
    const delegated = ctx.plan.framework === 'config' && (f.origin === 'framework-default' || f.origin === 'explicit');
    if (!hf && ctx.plan.framework !== 'pytorch' && !delegated) return [];
    // Token batches are a few kilobytes: pinning them saves nothing measurable. Images and audio are the case; a
    // named model that is not a vision or audio one (the engine sets modality only for those) is a text model.
    // The training images' size (a crop in the transforms, a known image dataset) says images too, whatever the
    // model's name.
    const modality = ctx.value('modality');
    const images = typeof ctx.value('resolution') === 'number' && ctx.fact('resolution')?.origin !== 'assumed';
    // A sequence length the files state (`--max_len 150`, `block_size`) says token batches too, whatever the model.
    const tokens = ctx.fact('seq_len') !== undefined && ctx.fact('seq_len')?.origin !== 'assumed';
    // A model class of the project's own (`model = CAM(in_channels=1)`, `TrajectoryTransformer(…)`) says nothing of
    // the data it is fed, as no model written says nothing: judged like a run with no model, unless its name says
    // it reads text (`GPTLanguageModel`, `BertClassifier`, `LSTMTagger`).
    const model = ctx.value('model');
    const ownClass = typeof model === 'string' && PROJECT_CLASS.test(model) && !TEXT_CLASS.test(model);
    if (!hf && modality !== 'vision' && modality !== 'audio' && !images && ((model != null && !ownClass) || tokens))
      return [];
    const edits = setArg(ctx, 'pin_memory', hf ? 'dataloader_pin_memory' : 'pin_memory', true);
    return [
      {
        ...at(f),
        severity: ctx.accelerator ? undefined : 'information',
        message: `Batches are copied to the GPU from pageable memory (pin_memory=False${f.origin === 'explicit' ? '' : ', the default'}): pinned memory lets the copies overlap with compute.`,
        fixes: edits ? [{ title: 'Pin host memory (pin_memory=True)', applicability: 'safe', edits }] : [],
      },
    ];
  },
};

/**
 * A model the run builds from a class of its project: a Python class name (`CAM`, `WideResNet`), not a hub id
 * (`bert-base-uncased`, `Rostlab/prot_bert_bfd`) nor a library's lower-case builder (`resnet50`).
 */
const PROJECT_CLASS = /^[A-Z]\w*$/;
/**
 * Class names that say the model reads token sequences: language models, BERT/GPT/T5 kinds, text embedders, recurrent
 * taggers.
 */
const TEXT_CLASS =
  /gpt|bert|llama|t5|lm(?![a-z])|language|token|text|word|embed|seq2seq|translat|lstm|rnn|gru|nlp|chat/i;
