// Facts computed from other vocabulary readings: per-device batch from a global one, gradient accumulation from
// global ÷ (micro × data-parallel ranks), steps from samples, the model's size from its
// architecture keys (with the arithmetic in the note), and the run's modality. Every derived fact is `inferred`.
import { lookupModel } from '../../core/index';
import { sizeFromName } from '../extract/model-name';
import type { Fact, FactKey, FactValue } from '../types';
import type { Target } from './aliases';
import type { Framework } from './frameworks';
import type { Hit } from './read';
import { ultralyticsBatch } from './ultralytics-batch';
import { ultralyticsStop } from './ultralytics-train';

type Put = (k: FactKey, v: FactValue, h: Hit, note?: string) => void;
type Extras = Map<Target, { value: number; hit: Hit }>;

const fmt = (n: number) => n.toLocaleString('en-US');

export function derive(
  facts: Map<FactKey, Fact>,
  extras: Extras,
  fw: Framework | undefined,
  put: Put,
  /** The sequence length came from a generic `max_length` only (a speech config's frame filter says it too). */
  weakSeqLen = false,
  /** True when the files write a value for this target that could not be read (`${eval:…}`). */
  writtenUnread: (k: FactKey) => boolean = () => false,
): void {
  const num = (k: FactKey) => {
    const v = facts.get(k)?.value;
    return typeof v === 'number' ? v : undefined;
  };
  const inferred = (k: FactKey, v: FactValue, h: Hit, note: string) => {
    put(k, v, { ...h, own: false }, note);
    const f = facts.get(k);
    if (f) f.note = note;
  };
  // Parallel degrees as written (Megatron, NeMo, torchtitan): devices = TP × PP × DP.
  for (const k of ['tp', 'pp', 'dp'] as const) {
    const x = extras.get(k);
    // torchtitan's shard and replicate degrees multiply (one of them is often -1, "the rest"): not one degree.
    if (x && !facts.has(k) && !/replicate|shard/.test(x.hit.key)) put(k, x.value, x.hit);
  }
  // Devices from the degrees when no count is written (nanotron's parallelism: dp × tp × pp).
  const deg = (['dp', 'tp', 'pp'] as const).map((k) => facts.get(k)?.value);
  const dpHit = extras.get('dp')?.hit;
  if (!facts.has('devices') && dpHit && deg.every((v) => typeof v === 'number')) {
    const n = (deg as number[]).reduce((p, v) => p * v, 1);
    inferred('devices', n, dpHit, `data × tensor × pipeline parallel degrees ${deg.join(' × ')} = ${n} devices`);
  }
  // NeMo's Megatron models accumulate gradients to reach the global batch; `accumulate_grad_batches` stays 1
  // (https://docs.nvidia.com/nemo-framework/user-guide/latest/nemotoolkit/nlp/nemo_megatron/batching.html, 2024).
  if (fw?.id === 'nemo' && facts.has('global_batch') && facts.get('grad_accum')?.value === 1)
    facts.delete('grad_accum');
  // fairseq batches up to `--batch-size` sentences and `--max-tokens` tokens, whichever is reached first
  // (https://fairseq.readthedocs.io/en/latest/command_line_tools.html, "--max-tokens: maximum number of tokens in a
  // batch", "--batch-size: number of examples in a batch"): with both, the sentences of a batch are not a fixed count
  // — unless the cap is one sentence, which every batch holds.
  const cap = facts.get('micro_batch');
  if (fw?.id === 'fairseq' && extras.has('batch_tokens') && cap && typeof cap.value === 'number' && cap.value > 1)
    facts.set('micro_batch', {
      ...cap,
      value: null,
      note: `${cap.note ?? 'batch size'}: a cap beside the token cap ${extras.get('batch_tokens')?.hit.entry.text}, not a fixed count`,
    });
  if (fw?.id === 'ultralytics') {
    ultralyticsBatch(facts, extras.get('nbs')?.value, writtenUnread('global_batch') || writtenUnread('micro_batch'));
    ultralyticsStop(facts, extras.get('patience'), writtenUnread('epochs'), put);
  }
  // Batch: gradient accumulation from global ÷ (micro × data-parallel ranks), when all are known.
  const micro = num('micro_batch');
  const global = num('global_batch');
  const devices = num('devices');
  const tp = extras.get('tp')?.value ?? 1;
  const pp = extras.get('pp')?.value ?? 1;
  const gf = facts.get('global_batch');
  if (gf && global !== undefined && devices !== undefined && !facts.has('grad_accum')) {
    const dp = Math.max(1, Math.floor(devices / (tp * pp)));
    if (micro !== undefined && global % (micro * dp) === 0) {
      const ga = global / (micro * dp);
      facts.set('grad_accum', {
        key: 'grad_accum',
        value: ga,
        origin: 'inferred',
        file: gf.file,
        span: gf.span,
        note: `global batch ${global} ÷ (micro-batch ${micro} × ${dp} data-parallel rank${dp === 1 ? '' : 's'}) = ${ga}`,
      });
    } else if (
      micro === undefined &&
      global % dp === 0 &&
      !writtenUnread('micro_batch') &&
      !writtenUnread('grad_accum')
    ) {
      facts.set('micro_batch', {
        key: 'micro_batch',
        value: global / dp,
        origin: 'inferred',
        file: gf.file,
        span: gf.span,
        note: `global batch ${global} over ${dp} data-parallel rank${dp === 1 ? '' : 's'} = ${global / dp} per device (no accumulation assumed)`,
      });
    }
  }
  // Samples → steps.
  const samples = extras.get('train_samples');
  if (samples && global && !facts.has('max_steps'))
    inferred(
      'max_steps',
      Math.ceil(samples.value / global),
      samples.hit,
      `${samples.hit.entry.text}: ${fmt(samples.value)} samples ÷ global batch ${global}`,
    );
  // LoRA over 4-bit quantized weights is QLoRA (`quantize: bnb.nf4`, `load_in_4bit: true`).
  const q = extras.get('quantized');
  const peft = facts.get('peft');
  if (q?.value === 1 && peft?.value === 'lora')
    facts.set('peft', {
      ...peft,
      value: 'qlora',
      note: `${peft.note} with ${q.hit.entry.text}: LoRA over 4-bit weights (QLoRA)`,
    });
  // Model size from architecture keys, when no known model is named.
  const L = extras.get('arch.layers');
  const d = extras.get('arch.hidden');
  // A named model whose name states its size (`model_name: llama2-7b` over a base config's small defaults) is that size.
  const named = facts.get('model')?.value;
  if (L && d && !facts.has('params') && !(typeof named === 'string' && (lookupModel(named) || sizeFromName(named)))) {
    const V = extras.get('arch.vocab')?.value;
    const ratio = extras.get('arch.mlp_ratio')?.value;
    const glu = extras.get('arch.glu')?.value === 1;
    let ffn = extras.get('arch.ffn')?.value ?? (ratio ? Math.round(ratio * d.value) : 4 * d.value);
    // OLMo's mlp_hidden_size / mlp_ratio is the fused width of both gated branches (its SwiGLU halves it).
    if (glu && fw?.id === 'olmo') ffn = Math.round(ffn / 2);
    const untied = extras.get('arch.untied')?.value === 1 || extras.get('arch.tied')?.value === 0;
    const m = glu ? 3 : 2;
    const emb = V ? V * d.value * (untied ? 2 : 1) : 0;
    const embText = V
      ? ` + ${fmt(V)} × ${d.value} embeddings${untied ? ' × 2 (untied)' : ''}`
      : ' (vocabulary size not stated: embeddings left out)';
    const moe = moeShape(extras, ffn);
    if (moe) {
      // Every layer taken as a mixture-of-experts layer (a few dense first layers, DeepSeek's first_k_dense_replace,
      // are left out), each with E routed experts of width f, of which k run per token, plus shared experts.
      const mlp = (experts: number) => m * d.value * (experts * moe.ffn + moe.shared);
      const router = d.value * moe.experts;
      const attention = 4 * d.value * d.value;
      const params = L.value * (attention + mlp(moe.experts) + router) + emb;
      const active = L.value * (attention + mlp(moe.topk) + router) + emb;
      const layer = (experts: number) =>
        `${L.value} layers × (4·${d.value}² attention + ${m}·${d.value}·(${experts}·${moe.ffn}${moe.shared ? ` + ${moe.shared} shared` : ''}) MLP${glu ? ' (gated)' : ''} + router)`;
      inferred(
        'params',
        params,
        moe.hit,
        `${layer(moe.experts)}${embText} = ${(params / 1e6).toFixed(1)} M parameters, ${moe.experts} experts (biases and norms left out)`,
      );
      inferred(
        'active_params',
        active,
        moe.hit,
        `${moe.topk} of ${moe.experts} experts per token: ${layer(moe.topk)}${embText} = ${(active / 1e6).toFixed(1)} M active parameters`,
      );
    } else {
      const perLayer = 4 * d.value * d.value + m * d.value * ffn;
      const params = L.value * perLayer + emb;
      const note =
        `${L.value} layers × (4·${d.value}² attention + ${m}·${d.value}·${ffn} MLP${glu ? ' (gated)' : ''})` +
        embText +
        ` = ${(params / 1e6).toFixed(1)} M parameters (biases and norms left out)`;
      // The size the launcher names the shape by counts the embeddings this count leaves out: taken when it is at
      // least the layers' count and at most twice it (a size that disagrees with the shape names another model).
      const nominal = extras.get('arch.nominal_b');
      const stated = nominal && nominal.value * 1e9;
      if (!V && stated && stated >= params && stated <= 2 * params)
        inferred(
          'params',
          stated,
          nominal.hit,
          `${nominal.hit.entry.text}: ${fmt(stated)} parameters as the launcher names its shape (${note})`,
        );
      else inferred('params', params, L.hit, note);
    }
  }
  // Modality: the framework's, or image/audio keys without any sequence setting.
  const seqSet = facts.has('seq_len') && !weakSeqLen;
  const modality =
    fw?.modality ??
    (extras.has('vision') && !seqSet && !extras.has('arch.vocab')
      ? 'vision'
      : extras.has('audio') && !seqSet
        ? 'audio'
        : undefined);
  if (modality) {
    const h = extras.get(modality === 'vision' ? 'vision' : 'audio')?.hit;
    facts.set('modality', {
      key: 'modality',
      value: modality,
      origin: fw?.modality ? 'explicit' : 'inferred',
      file: h ? facts.values().next().value?.file : undefined,
      note: fw?.modality ? `${fw.label}: ${modality} models` : `inferred from key \`${h?.entry.path.join('.')}\``,
    });
    if (modality !== 'text') facts.delete('seq_len');
  }
  // A resolution belongs to an image model (a language model's `image_size` is its vision tower's).
  if (modality !== 'vision') facts.delete('resolution');
}

/**
 * The experts of a mixture-of-experts config, when it states how many there are and how many each token uses (1 < k <
 * E): an expert's MLP width (`moe_intermediate_size`, else the dense `intermediate_size`) and the width of the shared
 * experts (`n_shared_experts` of that width, or one `shared_expert_intermediate_size`).
 */
function moeShape(
  extras: Extras,
  ffn: number,
): { experts: number; topk: number; ffn: number; shared: number; hit: Hit } | undefined {
  const e = extras.get('arch.experts');
  const k = extras.get('arch.topk')?.value;
  if (!e || k === undefined || !(e.value > 1) || !(k >= 1) || k >= e.value) return undefined;
  const f = extras.get('arch.moe_ffn')?.value ?? ffn;
  const shared = (extras.get('arch.shared_experts')?.value ?? 0) * f + (extras.get('arch.shared_ffn')?.value ?? 0);
  return { experts: e.value, topk: k, ffn: f, shared, hit: e.hit };
}
