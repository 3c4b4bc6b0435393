// Vision transformers named by family and size/patch, the self-supervised objectives that change their FLOPs per image
// where the method is named, and DETR-style detectors (core/data/vision-vit.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate, forwardFlopsAt, lookupArchitecture, maeMacs, plainVitMacs, VIT_SHAPES } from '../../core/index';

function near(actual: number, expected: number, rel: number, what: string): void {
  assert.ok(Math.abs(actual / expected - 1) <= rel, `${what}: ${actual} is not within ${rel * 100} % of ${expected}`);
}

describe('ViT family by name', () => {
  it('reads paper, timm, torchvision and Hugging Face spellings, with the resolution a timm name gives', () => {
    assert.equal(lookupArchitecture('ViT-S/16')?.id, 'vit-s-16');
    assert.equal(lookupArchitecture('deit_small_patch16_224')?.id, 'vit-s-16');
    assert.equal(lookupArchitecture('vit_l_32')?.id, 'vit-l-32-224px');
    assert.equal(lookupArchitecture('timm/vit_large_patch14_clip_224.openai')?.id, 'vit-l-14-224px');
    assert.equal(lookupArchitecture('vit_base_patch16_384')?.id, 'vit-b-16-384px');
    assert.equal(lookupArchitecture('google/vit-large-patch16-384')?.id, 'vit-l-16-384px');
    assert.equal(lookupArchitecture('vit_giant_patch14_dinov2.lvd142m')?.id, 'vit-g-14-dinov2-518px');
  });

  it('derives parameters that match the published counts', () => {
    // Zhai et al. 2022 Table 2: ViT-g/14 1,011 M; DINOv2 ViT-g/14 1.1 B; ViT-L/16 (Dosovitskiy et al. 2021) 307 M
    near(plainVitMacs(VIT_SHAPES.g, 14, 224).params, 1011e6, 0.01, 'ViT-g/14 parameters');
    near(plainVitMacs(VIT_SHAPES.g2, 14, 224).params, 1.1e9, 0.05, 'DINOv2 ViT-g/14 parameters');
  });

  it("matches OpenCLIP's profiled image FLOPs (mlfoundations/open_clip docs/model_profile.csv, image_gflops)", () => {
    // ViT-S-16 9.2, ViT-B-16 35.13, ViT-L-14 162.03, ViT-H-14 334.59, ViT-g-14 534.06 GFLOPs at 224 px
    near(2 * plainVitMacs(VIT_SHAPES.s, 16, 224).macs, 9.2e9, 0.01, 'ViT-S/16');
    near(2 * plainVitMacs(VIT_SHAPES.b, 16, 224).macs, 35.13e9, 0.01, 'ViT-B/16');
    near(2 * plainVitMacs(VIT_SHAPES.l, 14, 224).macs, 162.03e9, 0.01, 'ViT-L/14');
    near(2 * plainVitMacs(VIT_SHAPES.h, 14, 224).macs, 334.59e9, 0.01, 'ViT-H/14');
    near(2 * plainVitMacs(VIT_SHAPES.g, 14, 224).macs, 534.06e9, 0.01, 'ViT-g/14');
  });

  it("MAE's decoder costs under 10 % of the encoder per token (He et al. 2022 §3), and masking cuts the work ≈ 3×", () => {
    const perTokenDecoder = 8 * (4 * 512 * 512 + 2 * 512 * 2048);
    const perTokenEncoder = 24 * (4 * 1024 * 1024 + 2 * 1024 * 4096);
    assert.ok(perTokenDecoder / perTokenEncoder < 0.1);
    const full = plainVitMacs(VIT_SHAPES.l, 16, 224).macs;
    const mae = maeMacs(VIT_SHAPES.l, 16, 224).macs;
    assert.ok(full / mae > 2.5 && full / mae < 4, `ratio ${full / mae}`);
  });

  it('a named method changes the FLOPs per image; the same ViT without it does not', () => {
    const plain = lookupArchitecture('ViT-L/16')!.forwardFlops;
    assert.ok(lookupArchitecture('MAE ViT-L/16, 800 epochs')!.forwardFlops < plain / 2.5);
    near(lookupArchitecture('MoCo v3 ViT-L/16')!.forwardFlops, (8 / 3) * plain, 0.01, 'MoCo v3 = 2 crops + momentum');
    assert.ok(lookupArchitecture('DINO ViT-S/16')!.forwardFlops > 3 * lookupArchitecture('ViT-S/16')!.forwardFlops);
    assert.equal(lookupArchitecture('MoCo v3 ViT-L/16 (as reported by MAE)')?.id, 'mocov3-vit-l-16-224px');
  });

  it('a row found by name is found again by its id, and recomputed at another resolution', () => {
    for (const n of ['MAE ViT-H/14', 'DINOv2 ViT-g/14', 'MoCo v3 ViT-B/16', 'vit_base_patch16_384']) {
      const a = lookupArchitecture(n)!;
      assert.equal(lookupArchitecture(a.id)?.id, a.id, n);
      assert.ok(forwardFlopsAt(a, { resolution: 2 * a.reference.resolution! }).flops > a.forwardFlops, n);
    }
  });

  it('must not: a ViT with no patch size, a checkpoint name as a training method, descendants and composites', () => {
    for (const n of [
      'ViT-Large',
      'ViT-H backbone + transformer decoder head',
      'I-JEPA ViT-Huge/14',
      'DINOv2 ViT-L/14 (distilled from ViT-g)',
      'HQ-SAM (frozen SAM ViT-L)',
      'Segment Anything (SAM, ViT-H)',
      'facebook/sam-vit-huge',
      'LLaVA (Vicuna + CLIP ViT-L/14)',
      'CLIP ViT-L/14',
      'vit_small_patch8_rope_224',
      'mobilevit_s',
    ])
      assert.equal(lookupArchitecture(n), undefined, n);
    // hub checkpoints are backbones: plain ViT FLOPs, not DINO's multi-crop
    assert.equal(lookupArchitecture('dinov2_vitl14')?.id, 'vit-l-14-224px');
    assert.equal(lookupArchitecture('dino_vits16')?.id, 'vit-s-16');
  });
});

describe('DETR-style detectors', () => {
  it('take the published GFLOPs (multiply-accumulates, doubled) and ignore the stated resolution', () => {
    assert.equal(lookupArchitecture('facebook/detr-resnet-50')?.forwardFlops, 2 * 86e9);
    assert.equal(lookupArchitecture('DETR-DC5 (ResNet-50, dilated C5)')?.forwardFlops, 2 * 187e9);
    assert.equal(lookupArchitecture('SenseTime/deformable-detr-single-scale')?.forwardFlops, 2 * 78e9);
    assert.equal(lookupArchitecture('Two-stage Deformable DETR with box refinement')?.id, 'deformable-detr-two-stage');
    const d = lookupArchitecture('detr_resnet101')!;
    assert.equal(forwardFlopsAt(d, { resolution: 512 }).flops, d.forwardFlops);
  });

  it('must not: descendants and other backbones the tables do not give', () => {
    for (const n of [
      'DAB-DETR',
      'conditional_detr_resnet50',
      'DINO-DETR',
      'RT-DETR',
      'Deformable DETR (ResNet-101)',
      'DETR (Swin-L)',
    ])
      assert.equal(lookupArchitecture(n), undefined, n);
  });

  it("assumes fp32 when a run states no precision, as DETR's reference code trains; a stated precision wins", () => {
    const run = { samples: 118287, epochs: 50, architecture: 'detr-r50', hardware: 'V100', devices: 8 } as const;
    const unstated = estimate(run);
    assert.match(unstated.assumptions.find((a) => a.key === 'precision')!.text, /assumed fp32, as DETR/);
    assert.equal(unstated.gpuHours.mid, estimate({ ...run, precision: 'fp32' }).gpuHours.mid);
    assert.ok(estimate({ ...run, precision: 'fp16' }).gpuHours.mid < unstated.gpuHours.mid / 1.5);
    // must not: a network with no such note keeps the accelerator's mixed-precision default
    const vit = estimate({ ...run, architecture: 'vit-b-16' });
    assert.match(vit.assumptions.find((a) => a.key === 'precision')!.text, /assumed fp16 mixed precision/);
  });
});
