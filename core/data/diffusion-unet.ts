// Pixel-space diffusion U-Nets (round 20): the DDPM U-Net (Ho, Jain & Abbeel 2020) and ADM (Dhariwal & Nichol 2021,
// "guided diffusion"), the two networks most pixel-space diffusion runs train (EDM's `--arch=adm` is ADM; its DDPM++ is
// a DDPM U-Net variant). Derived [D] from their published configurations layer by layer, per image, one denoising step
// (training runs one noise level per image and step); FLOPs = 2 × MACs, the table's convention. Both papers choose the
// network by image size (DDPM: four feature-map resolutions at 32 px, six at 256 px; ADM: a channel multiplier list per
// size), so the row recomputes the network the paper gives for the run's resolution.
//
// The derivation is checked (test/core/diffusion-unet.test.ts) against the parameter counts the papers publish (DDPM
// CIFAR-10 35.7 M, 256 px 114 M; ADM 256 px 554 M, 512 px 559 M; EDM's ADM at 64 px 296 M) and against the FLOPs
// Peebles & Xie 2023 (DiT, Table 4) list for ADM at 256 and 512 px (1,120 and 1,983 "Gflops", counted as
// multiply-adds as for their own DiT-XL/2, 118.6 G).

import type { ArchitectureInfo } from '../types';

/** One U-Net of the DDPM/ADM lineage, as the papers' code builds it. */
export interface DiffusionUnetConfig {
  /** Base channels (DDPM `ch`, ADM `num_channels`). */
  ch: number;
  /** Channel multiplier per feature-map resolution, from the input resolution down. */
  mult: readonly number[];
  /** Residual blocks per resolution on the way down (one more on the way up). */
  blocks: number;
  /** Feature-map resolutions with self-attention. */
  attn: readonly number[];
  /** ADM: down/up-sampling by residual blocks (`resblock_updown`) and scale-and-shift time embedding; DDPM: 3×3 convolutions. */
  adm: boolean;
  /** Output channels (ADM with a learned variance: 6). */
  out: number;
  /** Classes embedded into the time embedding (class-conditional ADM). */
  classes?: number;
}

/**
 * [S] Ho et al. 2020, Appendix B and hojonathanho/diffusion `diffusion_tf/models/unet.py` (2020): `ch` 128,
 * `ch_mult` (1, 2, 2, 2) at 32 px (CIFAR-10) and (1, 1, 2, 2, 4, 4) at 256 px, two residual blocks per resolution,
 * self-attention at 16 × 16.
 */
export const DDPM_CONFIGS: Readonly<Record<number, DiffusionUnetConfig>> = {
  32: { ch: 128, mult: [1, 2, 2, 2], blocks: 2, attn: [16], adm: false, out: 3 },
  256: { ch: 128, mult: [1, 1, 2, 2, 4, 4], blocks: 2, attn: [16], adm: false, out: 3 },
};

/**
 * [S] Dhariwal & Nichol 2021, Table 14 and openai/guided-diffusion `script_util.py` (2021: `channel_mult` by image
 * size) and README.md (model flags): `num_channels` 256 (192 at 64 px), `num_res_blocks` 2 (3 at 64 px), attention at
 * 32, 16 and 8 px with 64 channels per head, `resblock_updown`, `use_scale_shift_norm`, `learn_sigma` (6 output
 * channels), class-conditional (1,000 classes).
 */
export const ADM_CONFIGS: Readonly<Record<number, DiffusionUnetConfig>> = {
  64: { ch: 192, mult: [1, 2, 3, 4], blocks: 3, attn: [32, 16, 8], adm: true, out: 6, classes: 1000 },
  128: { ch: 256, mult: [1, 1, 2, 3, 4], blocks: 2, attn: [32, 16, 8], adm: true, out: 6, classes: 1000 },
  256: { ch: 256, mult: [1, 1, 2, 2, 4, 4], blocks: 2, attn: [32, 16, 8], adm: true, out: 6, classes: 1000 },
  512: { ch: 256, mult: [0.5, 1, 1, 2, 2, 4, 4], blocks: 2, attn: [32, 16, 8], adm: true, out: 6, classes: 1000 },
};

/** Multiply-accumulates of one forward pass at a `res` × `res` RGB input, and the parameters. */
export function diffusionUnetMacs(c: DiffusionUnetConfig, res: number): { macs: number; params: number } {
  let P = 0;
  let M = 0;
  const emb = 4 * c.ch;
  const conv = (h: number, cin: number, cout: number, k: number) => {
    P += cin * cout * k * k + cout;
    M += h * h * cin * cout * k * k;
  };
  const lin = (i: number, o: number, bias = true) => {
    P += i * o + (bias ? o : 0);
    M += i * o;
  };
  const norm = (ch: number) => (P += 2 * ch);
  // A residual block at output resolution h (its convolutions run after any resampling).
  const resblock = (h: number, cin: number, cout: number) => {
    norm(cin);
    conv(h, cin, cout, 3);
    lin(emb, c.adm ? 2 * cout : cout);
    norm(cout);
    conv(h, cout, cout, 3);
    if (cin !== cout) conv(h, cin, cout, 1);
  };
  // Self-attention over h × h positions: q, k, v and the output projection, and the two h² × h² products.
  const attention = (h: number, ch: number) => {
    const t = h * h;
    norm(ch);
    conv(h, ch, 3 * ch, 1);
    M += 2 * t * t * ch;
    conv(h, ch, ch, 1);
  };
  lin(c.ch, emb);
  lin(emb, emb);
  if (c.classes) P += c.classes * emb;
  const chans = c.mult.map((m) => Math.round(m * c.ch));
  let h = res;
  let ch = chans[0];
  conv(h, 3, ch, 3);
  const skips: number[] = [ch];
  chans.forEach((out, level) => {
    for (let b = 0; b < c.blocks; b++) {
      resblock(h, ch, out);
      ch = out;
      if (c.attn.includes(h)) attention(h, ch);
      skips.push(ch);
    }
    if (level < chans.length - 1) {
      h /= 2;
      if (c.adm) resblock(h, ch, ch);
      else conv(h, ch, ch, 3);
      skips.push(ch);
    }
  });
  resblock(h, ch, ch);
  attention(h, ch);
  resblock(h, ch, ch);
  for (let level = chans.length - 1; level >= 0; level--) {
    for (let b = 0; b <= c.blocks; b++) {
      resblock(h, ch + (skips.pop() ?? 0), chans[level]);
      ch = chans[level];
      if (c.attn.includes(h)) attention(h, ch);
    }
    if (level > 0) {
      h *= 2;
      if (c.adm) resblock(h, ch, ch);
      else conv(h, ch, ch, 3);
    }
  }
  norm(ch);
  conv(h, ch, c.out, 3);
  return { macs: M, params: P };
}

/**
 * The network a paper gives for a resolution: its own configuration at that size, or the nearest size's scaled by
 * (resolution / size)² (the convolutions dominate; attention grows faster, so this is a floor above the size).
 */
export function diffusionUnetAt(
  configs: Readonly<Record<number, DiffusionUnetConfig>>,
  res: number,
): { macs: number; params: number; size: number; scaled: boolean } {
  const sizes = Object.keys(configs).map(Number);
  const size = sizes.reduce((a, b) => (Math.abs(Math.log(b / res)) < Math.abs(Math.log(a / res)) ? b : a));
  const r = diffusionUnetMacs(configs[size], size);
  return size === res
    ? { ...r, size, scaled: false }
    : { macs: r.macs * (res / size) ** 2, params: r.params, size, scaled: true };
}

const DDPM_SOURCE =
  '[D] diffusionUnetMacs from Ho, Jain & Abbeel 2020 (DDPM), Appendix B, and hojonathanho/diffusion diffusion_tf/models/unet.py (2020)';
const ADM_SOURCE =
  '[D] diffusionUnetMacs from Dhariwal & Nichol 2021 (ADM), Table 14, and openai/guided-diffusion script_util.py and README.md (2021); ' +
  'checked against Peebles & Xie 2023 (DiT), Table 4: 1,120 G multiply-adds at 256 px';

/** The configurations each row recomputes at the run's resolution. */
const ROW_CONFIGS: Readonly<Record<string, Readonly<Record<number, DiffusionUnetConfig>>>> = {
  'ddpm-unet': DDPM_CONFIGS,
  'ddpm-unet-256': DDPM_CONFIGS,
  'adm-unet': ADM_CONFIGS,
};

function row(
  id: string,
  name: string,
  configs: Readonly<Record<number, DiffusionUnetConfig>>,
  size: number,
  extra: Pick<ArchitectureInfo, 'aliases' | 'exactAliases' | 'source' | 'year'>,
): ArchitectureInfo {
  const r = diffusionUnetMacs(configs[size], size);
  return {
    id,
    name,
    modality: 'vision',
    family: 'convnet',
    params: r.params,
    forwardFlops: 2 * r.macs,
    reference: {
      resolution: size,
      note: `${size}×${size} RGB image, one denoising step (the paper's network for each image size: state the resolution)`,
    },
    ...extra,
  };
}

export const DIFFUSION_UNET_ARCHITECTURES: readonly ArchitectureInfo[] = [
  row('ddpm-unet', 'DDPM U-Net (Ho et al. 2020)', DDPM_CONFIGS, 32, {
    aliases: ['ddpmunet', 'ddpmcifar1032'],
    // "DDPM" alone is the paper's network; "DDPM++" (Song et al. 2021) is another, and compacts to the same key
    // (lookupArchitecture keeps names with "++" apart).
    exactAliases: ['ddpm'],
    source: `${DDPM_SOURCE}: CIFAR-10 network, 35.7 M parameters`,
    year: 2020,
  }),
  row('ddpm-unet-256', 'DDPM U-Net 256 px (Ho et al. 2020)', DDPM_CONFIGS, 256, {
    // Hugging Face ports of the paper's checkpoints (google/ddpm-church-256 …), the resolution in their names.
    aliases: ['ddpmcelebahq256', 'ddpmchurch256', 'ddpmbedroom256', 'ddpmcat256'].flatMap((k) => [
      k,
      k.replace('ddpm', 'ddpmema'),
    ]),
    source: `${DDPM_SOURCE}: LSUN and CelebA-HQ network, 114 M parameters`,
    year: 2020,
  }),
  row('adm-unet', 'ADM U-Net (Dhariwal & Nichol 2021, guided diffusion)', ADM_CONFIGS, 256, {
    aliases: ['admunet', 'guideddiffusion', 'dhariwalunet'],
    exactAliases: ['adm'],
    source: `${ADM_SOURCE}; 554 M parameters at 256 px`,
    year: 2021,
  }),
];

/** Forward FLOPs of a diffusion U-Net row at the run's resolution: the paper's network for that size. */
export function diffusionUnetFlopsAt(
  a: ArchitectureInfo,
  res: number | undefined,
): { flops: number; note: string } | undefined {
  const configs = ROW_CONFIGS[a.id];
  if (!configs || res === undefined || !(res > 0) || res === a.reference.resolution) return undefined;
  const r = diffusionUnetAt(configs, res);
  return {
    flops: 2 * r.macs,
    note: r.scaled
      ? `the paper's ${r.size}-px network × (${res} / ${r.size})²`
      : `the paper's ${res}-px network (${Math.round(r.params / 1e6)} M parameters)`,
  };
}
