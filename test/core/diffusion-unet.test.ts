// Pixel-space diffusion U-Nets (core/data/diffusion-unet.ts): the DDPM and ADM networks, derived layer by layer from
// their papers' configurations and checked against the parameter counts and FLOPs others publish; a run naming them is
// estimable, at the network the paper gives for its image size; "DDPM++", "NCSN++" and "UNet++" are other networks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimate, forwardFlopsAt, lookupArchitecture } from '../../core/index';
import { ADM_CONFIGS, DDPM_CONFIGS, diffusionUnetMacs } from '../../core/data/diffusion-unet';

const near = (x: number, y: number, tol: number) => Math.abs(x / y - 1) <= tol;

describe('pixel-space diffusion U-Nets', () => {
  it('reproduces the parameter counts the papers publish', () => {
    // Ho et al. 2020 App. B: CIFAR-10 35.7 M, LSUN/CelebA-HQ 114 M; Dhariwal & Nichol 2021: 554 M (256 px), 559 M
    // (512 px); Karras et al. 2022 (EDM) Table 7 / EDM2 Table 1: ADM at 64 px 295.9 M (3 output channels).
    assert.ok(near(diffusionUnetMacs(DDPM_CONFIGS[32], 32).params, 35.7e6, 0.005));
    assert.ok(near(diffusionUnetMacs(DDPM_CONFIGS[256], 256).params, 114e6, 0.005));
    assert.ok(near(diffusionUnetMacs(ADM_CONFIGS[256], 256).params, 554e6, 0.005));
    assert.ok(near(diffusionUnetMacs(ADM_CONFIGS[512], 512).params, 559e6, 0.005));
    assert.ok(near(diffusionUnetMacs({ ...ADM_CONFIGS[64], out: 3 }, 64).params, 295.9e6, 0.005));
  });

  it("matches the FLOPs DiT's paper lists for ADM (Peebles & Xie 2023, Table 4: 1,120 G at 256 px, 1,983 G at 512 px)", () => {
    assert.ok(near(diffusionUnetMacs(ADM_CONFIGS[256], 256).macs, 1120e9, 0.01));
    assert.ok(near(diffusionUnetMacs(ADM_CONFIGS[512], 512).macs, 1983e9, 0.01));
  });

  it("takes the paper's network for the run's image size, so a 256-px DDPM run is not a CIFAR network scaled up", () => {
    const ddpm = lookupArchitecture('DDPM')!;
    assert.equal(ddpm.id, 'ddpm-unet');
    const at256 = forwardFlopsAt(ddpm, { resolution: 256 }).flops;
    assert.equal(at256, 2 * diffusionUnetMacs(DDPM_CONFIGS[256], 256).macs);
    assert.ok(at256 < ddpm.forwardFlops * 64 * 0.7, 'six resolutions at 256 px, not the 32-px network × 64');
    assert.equal(lookupArchitecture('google/ddpm-church-256')!.id, 'ddpm-unet-256');
    assert.equal(lookupArchitecture('ADM (guided diffusion)')!.id, 'adm-unet');
  });

  it('estimates a DDPM run from what a user states (model, images × epochs, resolution, hardware)', () => {
    const e = estimate({ architecture: 'DDPM', samples: 50_000, epochs: 2_000, resolution: 32, hardware: 'A100' });
    assert.notEqual(e.method, 'insufficient-inputs');
    assert.ok(e.gpuHours.mid > 0);
  });

  it('must not: DDPM++, NCSN++ and UNet++ are other networks and stay unknown; so does a bare "EDM"', () => {
    for (const name of ['DDPM++', 'ddpm++ unet', 'NCSN++', 'UNet++', 'EDM', 'admire'])
      assert.equal(lookupArchitecture(name), undefined, name);
  });
});
