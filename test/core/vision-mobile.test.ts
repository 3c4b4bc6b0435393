// MixNet, MnasNet and ENet rows (core/data/vision-mobile.ts, round 21): published multiply-adds and parameters, the
// spellings timm and torchvision use, and ENet's non-square reference input.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forwardFlopsAt, genericFlopsPerParam, lookupArchitecture } from '../../core/index';

describe('mobile classifiers and ENet', () => {
  it('holds MixNet and MnasNet as their papers and torchvision publish them, under timm and torchvision names', () => {
    const mixm = lookupArchitecture('timm mixnet_m')!;
    assert.equal(mixm.forwardFlops, 2 * 360e6);
    assert.equal(mixm.params, 5_000_000);
    assert.equal(lookupArchitecture('tf_mixnet_l')!.id, 'mixnet-l');
    assert.equal(lookupArchitecture('semnasnet_100')!.id, 'mnasnet-a1');
    assert.equal(lookupArchitecture('MnasNet-A1')!.forwardFlops, 2 * 312e6);
    const b1 = lookupArchitecture('torchvision.models.mnasnet1_0')!;
    assert.equal(b1.params, 4_383_312);
    assert.equal(b1.family, 'depthwise');
  });

  it('scales ENet from its 640 × 360 reference by the pixels: a 1,024 × 512 run is 2.28× its published 3.83 GFLOPs', () => {
    const enet = lookupArchitecture('ENet')!;
    const side = Math.sqrt(1024 * 512);
    const at = forwardFlopsAt(enet, { resolution: side }).flops;
    assert.ok(Math.abs(at / 3.83e9 - (1024 * 512) / (640 * 360)) < 1e-9);
  });

  it('must not: other MixNet sizes, a bare MnasNet and names that merely contain "enet" stay unknown', () => {
    for (const n of ['mixnet_xl', 'mnasnet', 'efficientnet', 'enet_sad', 'mnasnet_a2'])
      assert.equal(lookupArchitecture(n), undefined, n);
    // The generic FLOPs per parameter of networks the table does not hold do not move.
    assert.match(genericFlopsPerParam().basis, /the table's 27 vision rows/);
  });
});
