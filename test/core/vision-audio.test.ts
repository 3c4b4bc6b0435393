import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import {
  ARCHITECTURES,
  estimate,
  saving,
  forwardFlopsAt,
  lookupArchitecture,
  sdUnetMacs,
  unet2015Macs,
  vitMacs,
  wav2vec2Macs,
  whisperMacs,
} from '../../core/index';
import type { RunInputs } from '../../core/index';

function near(actual: number, expected: number, rel: number, what: string): void {
  assert.ok(Math.abs(actual / expected - 1) <= rel, `${what}: ${actual} is not within ${rel * 100} % of ${expected}`);
}

const THIS_YEAR = new Date().getFullYear();
const IMAGENET = 1_281_167;

describe('vision/audio FLOPs table', () => {
  it('has every requested family, each row sourced, with positive FLOPs and a reference input', () => {
    const ids = ARCHITECTURES.map((a) => a.id);
    for (const id of [
      'resnet18',
      'resnet34',
      'resnet50',
      'resnet101',
      'resnet152',
      'vit-b-16',
      'vit-l-16',
      'vit-h-14',
      'efficientnet-b0',
      'efficientnet-b4',
      'efficientnet-b7',
      'convnext-tiny',
      'convnext-small',
      'convnext-base',
      'unet-2015',
      'sd-unet-v1',
      'whisper-tiny',
      'whisper-base',
      'whisper-small',
      'whisper-medium',
      'whisper-large',
      'wav2vec2-base',
      'wav2vec2-large',
    ]) {
      assert.ok(ids.includes(id), `${id} missing`);
    }
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    for (const a of ARCHITECTURES) {
      assert.ok(a.forwardFlops > 1e8 && a.forwardFlops < 1e13, `${a.id} forward FLOPs ${a.forwardFlops}`);
      assert.ok(a.params > 1e5 && a.params < 2e9, `${a.id} params ${a.params}`);
      assert.ok(/^\[(S|D)\]/.test(a.source) && a.source.length > 30, `${a.id} source "${a.source}"`);
      assert.ok(a.year >= 2015 && a.year <= THIS_YEAR, `${a.id} year ${a.year}`);
      assert.ok(
        a.reference.resolution !== undefined || a.reference.seconds !== undefined,
        `${a.id} has a reference input`,
      );
    }
  });

  it('stores FLOPs as 2 × the MACs torchvision publishes (ResNet-50: 4.089 GMACs at 224 px)', () => {
    near(lookupArchitecture('resnet50')!.forwardFlops, 2 * 4.089e9, 1e-12, 'ResNet-50');
    assert.equal(lookupArchitecture('resnet50')!.params, 25_557_032);
    near(lookupArchitecture('efficientnet-b0')!.forwardFlops, 2 * 0.386e9, 1e-12, 'EfficientNet-B0');
  });

  it('derives ViT FLOPs and parameters from the shape, matching torchvision to 0.1 %', () => {
    near(vitMacs({ layers: 12, hidden: 768, patch: 16, mlp: 3072 }, 224).macs, 17.564e9, 0.001, 'ViT-B/16 MACs');
    near(vitMacs({ layers: 24, hidden: 1024, patch: 16, mlp: 4096 }, 224).macs, 61.555e9, 0.001, 'ViT-L/16 MACs');
    near(vitMacs({ layers: 32, hidden: 1280, patch: 14, mlp: 5120 }, 224).macs, 167.295e9, 0.001, 'ViT-H/14 MACs');
    assert.equal(vitMacs({ layers: 12, hidden: 768, patch: 16, mlp: 3072 }, 224).params, 86_567_656);
    assert.equal(vitMacs({ layers: 32, hidden: 1280, patch: 14, mlp: 5120 }, 224).params, 632_045_800);
  });

  it('derives the other architectures with parameter counts that match the published ones', () => {
    // Stable Diffusion v1 U-Net: exactly the diffusers count; one step at 512 px ≈ 0.4 T MACs.
    const sd = sdUnetMacs(64);
    assert.equal(sd.params, 859_520_964);
    near(sd.macs, 401.6e9, 0.01, 'SD U-Net MACs');
    // 2015 U-Net: 572×572 in, 388×388 out (Fig. 1), ≈31 M parameters.
    const u = unet2015Macs();
    assert.equal(u.output, 388);
    near(u.params, 31.03e6, 0.01, 'U-Net params');
    // Whisper (paper Table 1: 39 M, 74 M, 244 M, 769 M, 1,550 M) within 5 %.
    const published: Record<string, number> = { tiny: 39e6, base: 74e6, small: 244e6, medium: 769e6, large: 1550e6 };
    const shapes: Record<string, [number, number]> = {
      tiny: [4, 384],
      base: [6, 512],
      small: [12, 768],
      medium: [24, 1024],
      large: [32, 1280],
    };
    for (const [k, [layers, hidden]] of Object.entries(shapes)) {
      near(whisperMacs({ layers, hidden, vocab: 51865 }).params, published[k], 0.05, `Whisper ${k} params`);
    }
    // wav2vec 2.0 BASE 95 M, LARGE 317 M (paper §4.2) within 2 %; FLOPs grow with the audio length.
    near(wav2vec2Macs({ layers: 12, hidden: 768, ffn: 3072 }, 10).params, 95e6, 0.02, 'wav2vec2 BASE params');
    near(wav2vec2Macs({ layers: 24, hidden: 1024, ffn: 4096 }, 10).params, 317e6, 0.02, 'wav2vec2 LARGE params');
    assert.ok(
      wav2vec2Macs({ layers: 12, hidden: 768, ffn: 3072 }, 20).macs >
        1.9 * wav2vec2Macs({ layers: 12, hidden: 768, ffn: 3072 }, 10).macs,
    );
  });

  it('finds architectures by loose names', () => {
    const cases: Array<[string, string | undefined]> = [
      ['resnet50', 'resnet50'],
      ['ResNet-50', 'resnet50'],
      ['torchvision.models.resnet50', 'resnet50'],
      ['timm/resnet50.a1_in1k', 'resnet50'],
      ['timm vit_base_patch16_224', 'vit-b-16'],
      ['vit_base_patch16_224.augreg_in21k', 'vit-b-16'],
      ['google/vit-base-patch16-224-in21k', 'vit-b-16'],
      ['vit_h_14', 'vit-h-14'],
      ['openai/whisper-small', 'whisper-small'],
      ['openai/whisper-small.en', 'whisper-small'],
      ['openai/whisper-large-v3', 'whisper-large'],
      ['facebook/wav2vec2-base-960h', 'wav2vec2-base'],
      ['facebook/wav2vec2-large-lv60', 'wav2vec2-large'],
      ['efficientnet_b3', 'efficientnet-b3'],
      ['tf_efficientnet_b7.ns_jft_in1k', 'efficientnet-b7'],
      ['convnext_tiny', 'convnext-tiny'],
      ['runwayml/stable-diffusion-v1-5', 'sd-unet-v1'],
      ['CompVis/stable-diffusion-v1-4', 'sd-unet-v1'],
      ['UNet', 'unet-2015'],
      // Not the same architecture, or not in the table.
      ['stabilityai/stable-diffusion-xl-base-1.0', undefined],
      ['stabilityai/stable-diffusion-2-1', undefined],
      ['resnet500', undefined],
      ['resnet5', undefined],
      ['bert-base-uncased', undefined],
      ['', undefined],
    ];
    for (const [q, id] of cases) assert.equal(lookupArchitecture(q)?.id, id, q);
  });

  it('scales vision FLOPs with resolution²; recomputes ViT (attention grows faster); Whisper ignores the audio length', () => {
    const r50 = lookupArchitecture('resnet50')!;
    near(forwardFlopsAt(r50, { resolution: 448 }).flops, 4 * r50.forwardFlops, 1e-12, 'ResNet-50 at 448 px');
    const vit = lookupArchitecture('vit-b-16')!;
    near(
      forwardFlopsAt(vit, { resolution: 384 }).flops,
      2 * 55.484e9,
      0.002,
      'ViT-B/16 at 384 px (torchvision SWAG: 55.484 GMACs)',
    );
    assert.ok(forwardFlopsAt(vit, { resolution: 384 }).flops > vit.forwardFlops * (384 / 224) ** 2);
    const w = lookupArchitecture('whisper-small')!;
    assert.equal(forwardFlopsAt(w, { audioSeconds: 10 }).flops, w.forwardFlops);
  });
});

describe('estimate: per-sample workloads', () => {
  const RN50: RunInputs = {
    architecture: 'resnet50',
    samples: IMAGENET,
    epochs: 90,
    hardware: 'v100-sxm2-16gb',
    devices: 8,
    precision: 'fp16',
  };

  it('uses FLOPs = 3 × forward FLOPs per sample × samples × epochs and says so', () => {
    const e = estimate(RN50);
    assert.equal(e.method, 'flops');
    near(e.work!.flops!, 3 * 2 * 4.089e9 * IMAGENET * 90, 1e-12, 'training FLOPs');
    assert.equal(e.work!.samples, IMAGENET * 90);
    const a = e.assumptions.find((x) => x.key === 'flops');
    assert.ok(a && /3 × 8\.18e9 forward FLOPs per sample of ResNet-50/.test(a.text), a?.text);
    assert.ok(e.assumptions.some((x) => x.key === 'mfu' && /convolutional network on volta/.test(x.text)));
    assert.equal(e.memoryGBPerDevice, undefined, 'no LM activation model for vision');
  });

  it("lands ResNet-50 / ImageNet / 90 epochs on 8× V100 inside NVIDIA DeepLearningExamples' ~7 h (AMP) and ~14 h (FP32)", () => {
    // NVIDIA DeepLearningExamples PyTorch ResNet50 v1.5 README: DGX-1 8× V100 16 GB, 90 epochs, ~7 h AMP, ~14 h FP32.
    const amp = estimate(RN50);
    assert.ok(amp.wallHours.low <= 7 && 7 <= amp.wallHours.high, `AMP wall hours ${JSON.stringify(amp.wallHours)}`);
    const fp32 = estimate({ ...RN50, precision: 'fp32' });
    assert.ok(
      fp32.wallHours.low <= 14 && 14 <= fp32.wallHours.high,
      `FP32 wall hours ${JSON.stringify(fp32.wallHours)}`,
    );
    // Goyal et al. 2017's 1 hour on 256 GPUs is 256 GPU-hours of P100 fp32; on V100 AMP the same work is far less.
    assert.ok(amp.gpuHours.mid < 256);
  });

  it('scales the estimate with resolution² for convnets and treats EfficientNet as far less efficient per FLOP', () => {
    const base = estimate(RN50);
    const big = estimate({ ...RN50, resolution: 448 });
    near(big.gpuHours.mid, 4 * base.gpuHours.mid, 1e-9, 'GPU-hours at 448 px');
    const eff = estimate({ ...RN50, architecture: 'efficientnet-b0' });
    // B0 has 10.6× fewer FLOPs than ResNet-50 but depthwise convolutions run at ~1/10 the utilisation.
    assert.ok(eff.gpuHours.mid > 0.5 * base.gpuHours.mid, `B0 ${eff.gpuHours.mid} vs R50 ${base.gpuHours.mid}`);
  });

  it('uses the transformer utilisation model for ViT, Whisper and wav2vec 2.0', () => {
    const vit = estimate({
      architecture: 'vit-h-14',
      samples: 1e6,
      epochs: 1,
      hardware: 'a100-80gb',
      devices: 8,
      precision: 'bf16',
    });
    const mfu = vit.assumptions.find((a) => a.key === 'mfu')!;
    assert.match(mfu.text, /for ampere at 16-bit/);
    assert.ok(!/tokens per micro-step/.test(mfu.text), 'no LM batch factor for images');
    const w = estimate({
      architecture: 'openai/whisper-small',
      samples: 1e5,
      epochs: 3,
      hardware: 'a100-80gb',
      devices: 1,
    });
    assert.equal(w.method, 'flops');
    assert.ok(
      w.assumptions.some(
        (a) => a.key === 'flops' && /100,000 samples × 3 epochs|100 K samples × 3 epochs|× 3 epochs/.test(a.text),
      ),
    );
  });

  it('gives no estimate for samples without epochs (the run length is unknown), and says what to state', () => {
    const w = estimate({ architecture: 'openai/whisper-small', samples: 1e5, hardware: 'a100-80gb', devices: 1 });
    assert.equal(w.method, 'insufficient-inputs');
    assert.match(
      w.warnings.join('\n'),
      /missing the number of epochs over the 100,000 samples \(set --samples .* and --epochs\)/,
    );
  });

  it('models TF32 on a depthwise-separable network as memory-bound: 1.6–2.6× slower than AMP (DLE measured 1.7–2.3×)', () => {
    const base: RunInputs = {
      architecture: 'efficientnet-b0',
      samples: IMAGENET,
      epochs: 400,
      hardware: 'a100-80gb',
      devices: 8,
    };
    const amp = estimate({ ...base, precision: 'bf16' });
    const tf32 = estimate({ ...base, precision: 'tf32' });
    const r = tf32.gpuHours.mid / amp.gpuHours.mid;
    assert.ok(r >= 1.6 && r <= 2.6, `TF32 / AMP ${r}`);
  });

  it('computes what-if savings for per-sample workloads (fp32 → fp16 on V100, fewer epochs)', () => {
    // DeepLearningExamples ResNet-50 on one V100: 95 h fp32, 41 h AMP (−57 %).
    const s = saving({ ...RN50, precision: 'fp32' }, { precision: 'fp16' });
    assert.ok(s.fraction >= 0.45 && s.fraction <= 0.7, `fp32 → fp16 saves ${s.fraction}`);
    assert.ok(s.kWh.low > 0);
    const e = saving(RN50, { epochs: 45 });
    near(e.fraction, 0.5, 1e-9, 'half the epochs');
    const stated = saving({ ...RN50, gpuHours: 56, precision: 'fp32' }, { precision: 'fp16' });
    near(stated.fraction, s.fraction, 1e-9, 'stated hours scaled by the modelled ratio');
  });

  it('takes forward FLOPs as given, and needs samples', () => {
    const e = estimate({ flopsPerSample: 1e10, samples: 1000, epochs: 2, hardware: 'a100-80gb', devices: 1 });
    near(e.work!.flops!, 3 * 1e10 * 2000, 1e-12, 'FLOPs');
    assert.ok(e.assumptions.some((a) => a.key === 'mfu' && /no architecture given/.test(a.text)));
    const missing = estimate({ architecture: 'resnet50', hardware: 'a100-80gb' });
    assert.equal(missing.method, 'insufficient-inputs');
    assert.ok(missing.warnings.some((w) => /number of training samples/.test(w)));
    const unknown = estimate({ architecture: 'no-such-net', samples: 10 });
    assert.ok(unknown.warnings.some((w) => /not in the table/.test(w)));
  });
});
