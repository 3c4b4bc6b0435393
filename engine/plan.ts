// Linking: completes a run plan extracted from code with workspace settings and visible assumptions, then turns it
// into the footprint core's inputs. Override order: explicit > script default > setting > framework default > assumed.
import { closeGlobalBatch } from './plan-batch';
import { closeSaveCadence } from './plan-save';
import { closeEarlyStop } from './plan-stop';
import { stepBudgetOverEpochs } from './plan-length';
import { lookupModel, type Assumption, type OptimizerKind, type Precision, type RunInputs } from '../core/index';
import { lookupDataset } from '../core/data/datasets';
import { lookupArchitecture } from '../core/data/vision-audio';
import type { ArchitectureInfo } from '../core/types';
import { hubIdOfLocalPath, isLocalPath, sizeFromName, tableModel } from './extract/model-name';
import type { Settings } from './settings';
import type { Fact, FactKey, FactValue, RunPlan } from './types';

export const ASSUMED_SEQ_LEN = 512;
export const ASSUMED_DATASET_EXAMPLES = 50_000;

/**
 * The vision or audio architecture a run trains (ResNet-50, ViT-B/16, Whisper small), when its model is one and is
 * not a language model the models table knows: the run is then a per-sample workload (images or clips × epochs), with
 * no sequence length.
 */
export function perSampleArchitecture(plan: RunPlan): ArchitectureInfo | undefined {
  const m = tableModel(plan);
  return m !== undefined && !lookupModel(m) ? lookupArchitecture(m) : undefined;
}

/**
 * A model "name" that is a local folder: the hub checkpoint it is a copy of (./extract/model-name `hubIdOfLocalPath`);
 * else, when the table does not know it either, no model: its value becomes unknown.
 */
function localModelPath(plan: RunPlan): void {
  const m = plan.facts.get('model');
  if (!m || typeof m.value !== 'string' || !isLocalPath(m.value)) return;
  const hub = hubIdOfLocalPath(m.value);
  if (hub) {
    plan.facts.set('model', {
      ...m,
      value: hub,
      note: `${m.note ? `${m.note}; ` : ''}${m.value}: a local copy of ${hub}`,
    });
    return;
  }
  if (lookupModel(m.value) || lookupArchitecture(m.value)) return;
  plan.facts.set('model', {
    ...m,
    value: null,
    note: `${m.value} is a local folder: the model it holds is not named in the code`,
  });
}

/** Hardware on which GPU rules do not apply: the CPU, and Apple silicon through MPS. */
export const isCpuLike = (hw: FactValue | undefined) => hw === 'cpu' || hw === 'mps';

function setIfAbsent(plan: RunPlan, fact: Fact) {
  const cur = plan.facts.get(fact.key);
  // A setting also fills a device count the code leaves open (`devices="auto"`: a count not in the file).
  if (
    !cur ||
    cur.origin === 'assumed' ||
    (fact.origin === 'setting' &&
      (cur.origin === 'framework-default' ||
        cur.origin === 'inferred' ||
        (cur.value === null && fact.key === 'devices')))
  )
    plan.facts.set(fact.key, fact);
}

/**
 * A notebook's runtime (its metadata: a Colab GPU runtime, ./extract/notebook-runtime.ts) fills the device count and
 * hardware the code leaves open — unstated, assumed, or a count the code cannot fix (a Trainer takes every visible
 * GPU: on that runtime, its one). A value the code states stays, and so does a CPU or MPS device it names.
 */
function fillFromNotebookRuntime(plan: RunPlan, facts: Fact[] | undefined): void {
  for (const f of facts ?? []) {
    const cur = plan.facts.get(f.key);
    if (!cur || cur.origin === 'assumed' || (f.key === 'devices' && cur.value === null)) plan.facts.set(f.key, f);
  }
}

/** Adds settings and assumptions for what the code does not say. */
export function completePlan(plan: RunPlan, settings: Settings): void {
  const from = (k: keyof Settings) => settings.sources[k] ?? 'settings';
  fillFromNotebookRuntime(plan, settings.notebookRuntime);
  stepBudgetOverEpochs(plan);
  // Before any setting or assumption fills the device count: only what the files state.
  closeGlobalBatch(plan);
  closeSaveCadence(plan);
  closeEarlyStop(plan);
  if (!isCpuLike(plan.facts.get('hardware')?.value)) {
    if (settings.hardware)
      setIfAbsent(plan, {
        key: 'hardware',
        value: settings.hardware,
        origin: 'setting',
        note: `hardware from ${from('hardware')}`,
      });
    else
      setIfAbsent(plan, {
        key: 'hardware',
        value: null,
        origin: 'assumed',
        note: 'hardware unknown: set greenml.hardware (VS Code) or `hardware` in greenml.toml',
      });
  }
  if (settings.devices)
    setIfAbsent(plan, {
      key: 'devices',
      value: settings.devices,
      origin: 'setting',
      note: `devices from ${from('devices')}`,
    });
  else
    setIfAbsent(plan, {
      key: 'devices',
      value: 1,
      origin: 'assumed',
      note: 'one device assumed: set greenml.devices or `devices` in greenml.toml',
    });
  if (settings.region)
    setIfAbsent(plan, {
      key: 'region',
      value: settings.region,
      origin: 'setting',
      note: `region from ${from('region')}`,
    });

  localModelPath(plan);
  if ((!plan.facts.has('model') || plan.facts.get('model')?.value === null) && settings.model)
    plan.facts.set('model', {
      key: 'model',
      value: settings.model,
      origin: 'setting',
      note: `model from ${from('model')}`,
    });
  const model = plan.facts.get('model');
  const arch = perSampleArchitecture(plan);
  if (arch && model && !plan.facts.has('params'))
    plan.facts.set('params', {
      key: 'params',
      value: arch.params,
      origin: model.origin,
      file: model.file,
      span: model.span,
      note: `${arch.name}: ${(arch.params / 1e6).toPrecision(3)} M parameters (${arch.source.replace(/^\[[SD]\] /, '')}, ${arch.year})`,
    });
  const named = tableModel(plan);
  if (model && named !== undefined && !plan.facts.has('params')) {
    const info = lookupModel(named);
    if (info)
      plan.facts.set('params', {
        key: 'params',
        value: info.params,
        origin: model.origin,
        file: model.file,
        span: model.span,
        note: `${info.id}: ${(info.params / 1e9).toPrecision(3)} B parameters (${info.source}, ${info.year})`,
      });
  }
  const stated = named !== undefined && !plan.facts.has('params') ? sizeFromName(named) : undefined;
  if (model && stated)
    plan.facts.set('params', {
      key: 'params',
      value: stated,
      origin: 'inferred',
      file: model.file,
      span: model.span,
      note: `${String(model.value)}: ${stated >= 1e9 ? `${stated / 1e9} B` : `${stated / 1e6} M`} parameters as its name states (a rounded size; the model is not in the models table)`,
    });
  if (arch && model && !plan.facts.has('modality'))
    plan.facts.set('modality', {
      key: 'modality',
      value: arch.modality,
      origin: model.origin,
      file: model.file,
      span: model.span,
      note: `${arch.name} is a ${arch.modality} model: samples × epochs, no sequence length`,
    });
  // Images and audio have no token sequence: no length is assumed for them.
  const modality = plan.facts.get('modality')?.value;
  if (!plan.facts.has('seq_len') && !arch && modality !== 'vision' && modality !== 'audio') {
    plan.facts.set('seq_len', {
      key: 'seq_len',
      value: ASSUMED_SEQ_LEN,
      origin: 'assumed',
      note: `sequence length not found in the script: ${ASSUMED_SEQ_LEN} tokens assumed`,
    });
  }
  const ds = plan.facts.get('dataset_size');
  if (typeof ds?.value === 'string') {
    const info = lookupDataset(ds.value);
    if (info?.tokensPerExample !== undefined) DATASET_TOKENS.set(plan, info.tokensPerExample);
    if (info)
      plan.facts.set('dataset_size', {
        ...ds,
        value: info.trainExamples,
        note: `${info.id}: ${info.trainExamples.toLocaleString('en-US')} training examples (${info.source})`,
      });
    else plan.facts.delete('dataset_size');
  }
  if (!plan.facts.has('dataset_size')) {
    if (settings.datasetSize)
      plan.facts.set('dataset_size', {
        key: 'dataset_size',
        value: settings.datasetSize,
        origin: 'setting',
        note: `dataset size from ${from('datasetSize')}`,
      });
    else
      plan.facts.set('dataset_size', {
        key: 'dataset_size',
        value: ASSUMED_DATASET_EXAMPLES,
        origin: 'assumed',
        note: `dataset size unknown: ${ASSUMED_DATASET_EXAMPLES.toLocaleString('en-US')} examples per epoch assumed (set greenml.datasetSize or \`dataset-size\` in greenml.toml)`,
      });
  }
}

/** Mean tokens per example of the dataset a plan loads by name, when its row gives them (core/data/datasets.ts). */
const DATASET_TOKENS = new WeakMap<RunPlan, number>();
const datasetTokensPerExample = (plan: RunPlan): number | undefined => DATASET_TOKENS.get(plan);

const num = (v: FactValue | undefined): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;

function optimizerKind(v: FactValue | undefined): OptimizerKind | undefined {
  if (typeof v !== 'string') return undefined;
  if (/8bit/.test(v)) return 'adamw-8bit';
  if (/sgd/.test(v)) return 'sgd';
  if (/adafactor/.test(v)) return 'adafactor';
  if (/adam/.test(v)) return 'adamw';
  return undefined;
}

export interface RunShape {
  inputs: RunInputs;
  /** Optimizer steps over the whole run, when computable. */
  totalSteps?: number;
  /** True when the step count rests on an assumed dataset size. */
  stepsAssumed: boolean;
  /** Assumptions the linker made (tokens), added to the core's own. */
  assumptions: Assumption[];
}

/** Plan facts → the core's inputs, with tokens and steps derived from batch, accumulation, devices and length. */
export function runShape(plan: RunPlan, settings: Settings): RunShape {
  const v = (k: FactKey) => plan.facts.get(k)?.value;
  const origin = (k: FactKey) => plan.facts.get(k)?.origin;
  const devicesKnown = num(v('devices'));
  const devices = devicesKnown ?? 1;
  const micro = num(v('micro_batch')) ?? 1;
  const accum = num(v('grad_accum')) ?? 1;
  const seqLen = num(v('seq_len')) ?? ASSUMED_SEQ_LEN;
  const maxSteps = num(v('max_steps'));
  const epochs = num(v('epochs'));
  const examples = num(v('dataset_size'));
  // A global batch the file states (Megatron, detectron2, T5X) wins over micro × accumulation × devices.
  const globalBatch = num(v('global_batch')) ?? micro * accum * devices;
  const statedTokens = num(v('train_tokens'));
  // Preference pairs (TRL's DPO/ORPO trainers): each sample of the batch is a chosen and a rejected sequence.
  const preference =
    v('preference') === 'reference' || v('preference') === 'reference-free' ? v('preference') : undefined;
  // On-policy RL (TRL's GRPOTrainer): each prompt of the dataset answered `rollouts` times. Its batch and steps count
  // completions (GRPOConfig: the global batch must be divisible by num_generations), so only epochs over the prompts
  // multiply; the core counts the policy generating every completion.
  const rollouts = num(v('rollouts'));
  const rollout = rollouts !== undefined && Number.isInteger(rollouts) && rollouts >= 1 ? rollouts : undefined;
  const pairs = rollout ?? (preference !== undefined ? 2 : 1);
  const pairText =
    rollout !== undefined
      ? ` × ${rollout} completions per prompt`
      : pairs > 1
        ? ' × 2 sequences (a chosen and a rejected response)'
        : '';
  const stepPairs = rollout !== undefined ? 1 : pairs;
  const stepPairText = rollout !== undefined ? '' : pairText;
  const assumptions: Assumption[] = [];
  let tokens: number | undefined;
  let totalSteps: number | undefined;
  let stepsAssumed = false;
  const arch = perSampleArchitecture(plan);
  let perSample: Pick<RunInputs, 'architecture' | 'samples' | 'epochs' | 'resolution'> = {};
  let textSamples: Pick<RunInputs, 'samples' | 'epochs' | 'tokensPerSample'> = {};
  if (arch) {
    // Images or clips × epochs (steps × global batch when a step count is set); the core counts 3 × forward FLOPs.
    const res = num(v('resolution'));
    if (maxSteps !== undefined && maxSteps > 0) {
      totalSteps = maxSteps;
      perSample = { samples: maxSteps * globalBatch, epochs: 1 };
      assumptions.push({
        key: 'samples',
        text: `${maxSteps.toLocaleString('en-US')} steps × global batch ${globalBatch} = ${(maxSteps * globalBatch).toLocaleString('en-US')} samples`,
      });
    } else if (examples !== undefined) {
      perSample = { samples: examples, epochs };
      totalSteps = Math.ceil(examples / globalBatch) * Math.ceil(epochs ?? 1);
      stepsAssumed = origin('dataset_size') === 'assumed';
    }
    perSample = { ...perSample, architecture: String(v('model')), resolution: res };
  } else if (maxSteps !== undefined && maxSteps > 0) {
    totalSteps = maxSteps;
    tokens = maxSteps * globalBatch * seqLen * stepPairs;
    assumptions.push({
      key: 'tokens',
      text: `${maxSteps.toLocaleString('en-US')} steps × global batch ${globalBatch}${rollout !== undefined ? ' completions' : ''} × ${seqLen} tokens${stepPairText} = ${tokens.toExponential(2)} tokens`,
    });
  } else if (statedTokens !== undefined && statedTokens > 0) {
    tokens = statedTokens;
    totalSteps = Math.ceil(statedTokens / (globalBatch * seqLen));
    assumptions.push({
      key: 'tokens',
      text: `${statedTokens.toExponential(2)} training tokens as stated (${plan.facts.get('train_tokens')?.note ?? 'train_tokens'})`,
    });
  } else if (epochs !== undefined && examples !== undefined) {
    totalSteps = Math.ceil((examples * (rollout ?? 1)) / globalBatch) * Math.ceil(epochs);
    stepsAssumed = origin('dataset_size') === 'assumed';
    const override = stepsAssumed ? 'set greenml.datasetSize or `dataset-size` in greenml.toml' : undefined;
    const times = `${epochs} epoch${epochs === 1 ? '' : 's'} × ${examples.toLocaleString('en-US')} examples`;
    // Padded to the maximum length, or packed: every position is computed. Otherwise the core takes the tokens as a
    // share of the full length, with a range from short examples padded per batch to full ones (TEXT_FILL_RANGE).
    const padded = v('padding') === 'max_length';
    if (padded || v('packing') === true) {
      tokens = epochs * examples * seqLen * pairs;
      assumptions.push({
        key: 'tokens',
        text: `${times} × ${seqLen} tokens (${padded ? 'every example padded to the maximum length' : 'packed into full sequences'})${pairText} = ${tokens.toExponential(2)} tokens`,
        override,
      });
    } else {
      // A dataset whose card gives its tokens per example: those, truncated to a length the script states.
      const perExample = datasetTokensPerExample(plan);
      const statedLen = origin('seq_len') !== 'assumed' ? seqLen : undefined;
      const each = perExample !== undefined ? Math.min(perExample, statedLen ?? Infinity) : undefined;
      textSamples = { samples: examples, epochs, tokensPerSample: each };
      const why =
        perExample === undefined || each === undefined
          ? ''
          : each < perExample
            ? `the dataset's ${perExample.toLocaleString('en-US')} truncated to ${seqLen}`
            : "the dataset card's mean";
      assumptions.push({
        key: 'samples',
        text:
          each !== undefined
            ? `${times} of ${each.toLocaleString('en-US')} tokens each (${why})`
            : `${times} of up to ${seqLen} tokens`,
        override,
      });
    }
  }
  const precisionV = v('precision');
  const precision =
    typeof precisionV === 'string' && ['fp32', 'tf32', 'fp16', 'bf16', 'fp8'].includes(precisionV)
      ? (precisionV as Precision)
      : undefined;
  const hardware = v('hardware');
  const peft = v('peft');
  const model = tableModel(plan);
  const info = model !== undefined ? lookupModel(model) : undefined;
  const inputs: RunInputs = {
    model: typeof model === 'string' && model.trim() !== '' ? model : undefined,
    params: num(v('params')),
    activeParams: num(v('active_params')) ?? info?.activeParams,
    shape: info?.shape,
    tokens,
    // A CPU run reaches the core as `cpu`, which it declines to estimate as a GPU; Apple-silicon (`mps`) runs of an
    // unstated model stay unstated.
    hardware: typeof hardware === 'string' && hardware !== 'mps' ? hardware : undefined,
    // Unknown (`devices="auto"`): the core states its own one-device assumption.
    devices: devicesKnown,
    precision,
    // TensorFlow (≥ 2.4) runs float32 matmuls and convolutions as TF32 on Ampere and later by default; PyTorch's
    // default (true fp32 matmuls, TF32 convolutions) is the core's own default.
    // JAX's float32 under XLA's default matmul precision likewise (form `xla-float32`, ./extract/jax.ts).
    fp32Matmul:
      precision === 'fp32' && (plan.framework === 'keras' || plan.facts.get('precision')?.form === 'xla-float32')
        ? 'tf32'
        : undefined,
    // Only image workloads are capped by a loader without workers (the core ignores it for tokens).
    dataLoaderWorkers: num(v('num_workers')),
    region: typeof v('region') === 'string' ? (v('region') as string) : undefined,
    pue: settings.pue,
    intensity: settings.carbonIntensity,
    microBatch: micro,
    // Images and audio have no token sequence: no assumed length for them (a stated one is kept).
    seqLen:
      arch || ((v('modality') === 'vision' || v('modality') === 'audio') && !plan.facts.has('seq_len'))
        ? undefined
        : seqLen,
    ...textSamples,
    ...perSample,
    gradCheckpointing: v('grad_checkpointing') === true,
    optimizer: optimizerKind(v('optimizer')),
    peft: peft === 'lora' || peft === 'qlora' ? { method: peft } : undefined,
    zeroStage: num(v('zero_stage')) as RunInputs['zeroStage'],
    // Weights loaded (or declared) in 16-bit are trained in 16-bit: no fp32 master copy, states in 16-bit.
    // The core doubles the sequences of samples × epochs itself, and adds a reference model's forward pass.
    preference: preference as RunInputs['preference'],
    rollout: rollout !== undefined ? { generations: rollout } : undefined,
    pureHalf:
      (v('model_dtype') === 'bf16' || v('model_dtype') === 'fp16') && v('model_dtype') === precision ? true : undefined,
  };
  return { inputs, totalSteps, stepsAssumed, assumptions };
}
