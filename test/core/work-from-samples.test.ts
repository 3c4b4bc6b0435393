// Runs that state samples × epochs with a sequence length or a resolution instead of tokens (fine-tunes, image models
// the table does not know): estimable, with the uncertainty of the work in the range and the assumption shown.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate, genericFlopsPerParam, PADDED_TO_MAXIMUM, SAMPLE_TOKENS } from '../../core/index';

const chat = { params: 7e9, samples: 500_000, epochs: 3, seqLen: 2048, hardware: 'a100-80gb', devices: 64 } as const;

describe('text samples × epochs × sequence length', () => {
  it('estimates a fine-tune stated in samples, with full length as the top of the range and how to give tokens', () => {
    const e = estimate(chat);
    assert.equal(e.method, 'flops');
    const full = 500_000 * 3 * 2048;
    const a = e.assumptions.find((x) => x.key === 'tokens')!;
    assert.match(a.text, /at full length is the most the run computes/);
    assert.match(a.override ?? '', /--tokens/);
    // The same run stated in tokens at full length: its mid is the sample run's upper end, up to the utilisation band.
    const atFull = estimate({ ...chat, samples: undefined, epochs: undefined, tokens: full });
    assert.ok(e.gpuHours.mid < atFull.gpuHours.mid, `${e.gpuHours.mid} vs ${atFull.gpuHours.mid}`);
    assert.ok(e.gpuHours.high > atFull.gpuHours.mid, 'packed or padded-to-maximum data stay inside the range');
    assert.ok(e.gpuHours.low < atFull.gpuHours.low, 'short samples padded per batch reach below it');
  });

  it('gives no estimate without the epochs or the sequence length', () => {
    assert.equal(estimate({ ...chat, epochs: undefined }).method, 'insufficient-inputs');
    assert.equal(estimate({ ...chat, seqLen: undefined }).method, 'insufficient-inputs');
  });
});

describe('images of a network the table does not know', () => {
  const run = { params: 300e6, samples: 1_281_167, epochs: 100, resolution: 224, hardware: 'a100-80gb', devices: 8 };

  it('estimates from parameters × FLOPs per parameter × pixels, saying so', () => {
    const e = estimate({ ...run, architecture: 'a ResNet with a new head' });
    assert.equal(e.method, 'flops');
    assert.match(e.assumptions.find((a) => a.key === 'flops')!.text, /not in the table/);
    const twice = estimate({ ...run, architecture: 'a ResNet with a new head', resolution: 448 });
    const r = twice.gpuHours.mid / e.gpuHours.mid;
    assert.ok(r > 3.5 && r < 4.5, `four times the pixels: × ${r}`);
  });

  it("takes a named family's FLOPs per parameter (a ViT); with no family named it asks for the architecture", () => {
    const vit = estimate({ ...run, architecture: 'a ViT-L trained with a new recipe' });
    assert.match(vit.assumptions.find((a) => a.key === 'flops')!.text, /transformer rows/);
    const none = estimate(run);
    assert.equal(none.method, 'insufficient-inputs');
    assert.ok(
      none.warnings.some((w) => /missing the architecture/.test(w)),
      none.warnings.join('\n'),
    );
    const g = genericFlopsPerParam('transformer');
    const all = genericFlopsPerParam();
    assert.ok(g.high / g.low < all.high / all.low);
    assert.ok(g.low < 2 * 197 && 2 * 197 < g.high, 'a ViT/16 at 224² (2 × 197 FLOPs per parameter) lies inside');
  });

  it('gives no estimate without a resolution (a video clip or a text: the FLOPs per sample are unknown)', () => {
    assert.equal(
      estimate({ ...run, architecture: 'a ViT-L trained with a new recipe', resolution: undefined }).method,
      'insufficient-inputs',
    );
  });
});

describe('text samples × epochs without a sequence length: tokens per sample by kind of sample', () => {
  // A model card's "fine-tuned on 500K instructions for 4 epochs" on 8 A100s, nothing else.
  const sft = { params: 7e9, samples: 500_000, epochs: 4, hardware: 'a100-80gb', devices: 8 } as const;

  it("estimates from the kind's range of tokens per sample, states it with its source, and says how to give it", () => {
    const e = estimate({ ...sft, sampleKind: 'instruction' });
    assert.equal(e.method, 'flops');
    const a = e.assumptions.find((x) => x.key === 'tokens')!;
    const row = SAMPLE_TOKENS.instruction;
    assert.match(a.text, new RegExp(`${row.low.toLocaleString('en-US')}–${row.high.toLocaleString('en-US')}`));
    assert.match(a.override ?? '', /--tokens-per-sample/);
    assert.match(a.source ?? '', /Alpaca/);
    // The mid is the run stated in tokens at the row's mid; the range reaches further than the utilisation band alone.
    const asTokens = estimate({ ...sft, tokens: 500_000 * 4 * row.mid });
    assert.ok(
      Math.abs(e.gpuHours.mid / asTokens.gpuHours.mid - 1) < 1e-9,
      `${e.gpuHours.mid} vs ${asTokens.gpuHours.mid}`,
    );
    const width = (x: { low: number; high: number }) => x.high / x.low;
    assert.ok(
      width(e.gpuHours) > width(asTokens.gpuHours) * 1.2,
      `${width(e.gpuHours)} vs ${width(asTokens.gpuHours)}`,
    );
  });

  it('takes tokens per sample the user states, exactly, over the kind (and over a sequence length)', () => {
    const stated = estimate({ ...sft, sampleKind: 'instruction', seqLen: 4096, tokensPerSample: 700 });
    const asTokens = estimate({ ...sft, seqLen: 4096, tokens: 500_000 * 4 * 700 });
    assert.ok(Math.abs(stated.gpuHours.mid / asTokens.gpuHours.mid - 1) < 1e-9);
    assert.ok(Math.abs(stated.gpuHours.high / asTokens.gpuHours.high - 1) < 1e-9, 'no work range of its own');
  });

  it('orders the kinds by length: sentences to classify < instruction records < image–text samples', () => {
    const h = (k: 'classification' | 'instruction' | 'multimodal') => estimate({ ...sft, sampleKind: k }).gpuHours.mid;
    assert.ok(h('classification') < h('instruction') && h('instruction') < h('multimodal'));
    for (const r of Object.values(SAMPLE_TOKENS)) assert.ok(r.low < r.mid && r.mid < r.high && r.source && r.year);
  });

  it('counts a molecule (SMILES) as tens of tokens, not as a sentence to a document', () => {
    // A 17M SMILES encoder, 50M molecules × 5 epochs on one RTX 3090: as text samples (a sentence to a chat, mid 360
    // tokens) the run is an order of magnitude heavier than as molecules of a few dozen atom-level tokens.
    const smiles = { params: 17e6, samples: 50e6, epochs: 5, hardware: 'rtx-3090', devices: 1 } as const;
    const asMolecules = estimate({ ...smiles, sampleKind: 'molecule' });
    const asText = estimate({ ...smiles, sampleKind: 'text' });
    assert.equal(asMolecules.method, 'flops');
    assert.ok(
      asText.gpuHours.mid > 5 * asMolecules.gpuHours.mid,
      `${asText.gpuHours.mid} vs ${asMolecules.gpuHours.mid}`,
    );
    assert.match(asMolecules.assumptions.find((x) => x.key === 'tokens')!.text, /SMILES/);
    // Must-not: the molecule row is no shorter than what an atom-level tokeniser gives a small fragment, and padding
    // to a chemical model's maximum stays its top.
    assert.ok(SAMPLE_TOKENS.molecule.low >= 10 && SAMPLE_TOKENS.molecule.high <= 512);
    assert.ok(SAMPLE_TOKENS.molecule.mid < SAMPLE_TOKENS.classification.mid);
  });

  it('a model the models table sizes has text samples', () => {
    const e = estimate({ ...sft, shape: { layers: 32, hidden: 4096, heads: 32 } });
    assert.equal(e.method, 'flops');
    assert.match(e.assumptions.find((x) => x.key === 'tokens')!.text, /text sample of a kind not stated/);
  });

  it('holds a chat fine-tune that padded every record to 4,096 tokens inside its range, the mid unchanged', () => {
    // FastChat's train.py pads each conversation to model_max_length (4,096 in the Llama 2-era recipes): a 7B full
    // fine-tune on 4 A100s then computes 4,096 tokens per record, several times the records' own length.
    const run = { params: 7e9, samples: 290_000, epochs: 3, hardware: 'a100-80gb', devices: 4 } as const;
    for (const sampleKind of ['text', 'instruction'] as const) {
      const e = estimate({ ...run, sampleKind });
      const padded = estimate({ ...run, tokens: 290_000 * 3 * PADDED_TO_MAXIMUM });
      assert.ok(e.gpuHours.high >= padded.gpuHours.mid, `${sampleKind}: ${e.gpuHours.high} vs ${padded.gpuHours.mid}`);
      assert.match(
        e.assumptions.find((x) => x.key === 'tokens')!.text,
        /–4,096: .*4,096 when padded to the maximum length/,
      );
      // Must-not: padding to the maximum is the top of the range, not its middle (collators pad to the batch's longest).
      const atMid = estimate({ ...run, tokens: 290_000 * 3 * SAMPLE_TOKENS[sampleKind].mid });
      assert.ok(Math.abs(e.gpuHours.mid / atMid.gpuHours.mid - 1) < 1e-9);
      assert.ok(SAMPLE_TOKENS[sampleKind].mid < 500, `${SAMPLE_TOKENS[sampleKind].mid}`);
    }
    // Must-not: sentences to classify keep BERT's 512-token top.
    assert.equal(SAMPLE_TOKENS.classification.high, 512);
  });

  it('asks for the epochs, or for what the samples are, rather than assuming them', () => {
    const noEpochs = estimate({ ...sft, epochs: undefined, sampleKind: 'instruction' });
    assert.equal(noEpochs.method, 'insufficient-inputs');
    assert.match(noEpochs.warnings.join('\n'), /epochs over the 500,000 samples/);
    // Samples of an unknown kind (speech clips, detection images, graphs …): no tokens are assumed for them.
    const unknown = estimate(sft);
    assert.equal(unknown.method, 'insufficient-inputs');
    assert.match(unknown.warnings.join('\n'), /tokens per sample of the 500,000 samples .*--sample-kind/);
  });
});
