// ConvMixer networks named as timm names them get an estimate (core/data/convmixer.ts), from a derivation checked against
// the timm model cards' parameter counts and multiply-adds.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate, lookupArchitecture } from '../../core/index';

const row = (name: string) => {
  const a = lookupArchitecture(name);
  assert.ok(a, name);
  return a;
};

describe('ConvMixer', () => {
  it("reproduces timm's model cards: parameters to 0.1 M, multiply-adds the cards' plus the depthwise convolutions", () => {
    // timm/convmixer_*.in1k model cards: Params (M) 51.6 / 21.1 / 24.4; GMACs 19.5 (768/32), 5.5 (1024/20, patch 14).
    for (const [name, paramsM, cardGmacs, depth, dim, kernel, positions] of [
      ['convmixer_1536_20', 51.6, undefined, 20, 1536, 9, 1024],
      ['convmixer_768_32.in1k', 21.1, 19.5, 32, 768, 7, 1024],
      ['convmixer_1024_20_ks9_p14', 24.4, 5.5, 20, 1024, 9, 256],
    ] as const) {
      const a = row(name);
      assert.ok(Math.abs(a.params / 1e6 - paramsM) < 0.05, `${name}: ${a.params}`);
      if (cardGmacs === undefined) continue;
      const depthwise = (depth * kernel * kernel * dim * positions) / 1e9;
      assert.ok(Math.abs(a.forwardFlops / 2e9 - depthwise - cardGmacs) < 0.1, `${name}: ${a.forwardFlops / 2e9}`);
    }
  });

  it('estimates an ImageNet run of each, the wider network costing more per epoch', () => {
    const run = (architecture: string, epochs: number) =>
      estimate({ architecture, samples: 1_281_167, epochs, hardware: 'a100', devices: 8, precision: 'bf16' });
    const wide = run('convmixer_1536_20', 150);
    const deep = run('convmixer_768_32', 150);
    assert.notEqual(wide.method, 'insufficient-inputs');
    assert.ok(wide.gpuHours.mid > 2 * deep.gpuHours.mid, `${wide.gpuHours.mid} vs ${deep.gpuHours.mid}`);
  });

  it('must not: a bare "convmixer" or a size timm does not ship resolves to none', () => {
    assert.equal(lookupArchitecture('convmixer'), undefined);
    assert.equal(lookupArchitecture('convmixer_512_16'), undefined);
  });
});
