import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { estimate, GRID, MARGINAL_BY_ZONE, marginalFor, resolveRegion } from '../../core/index';
import type { RunInputs } from '../../core/index';

function near(actual: number, expected: number, rel: number, what: string): void {
  assert.ok(Math.abs(actual / expected - 1) <= rel, `${what}: ${actual} is not within ${rel * 100} % of ${expected}`);
}

const RUN: RunInputs = { gpuHours: 1000, hardware: 'h100', devices: 8, region: 'aws:us-east-1' };

describe('marginal-intensity sensitivity', () => {
  it('is reported beside the location-based figure for a region with data, never in it', () => {
    const off = estimate(RUN);
    const on = estimate({ ...RUN, marginal: true });
    assert.deepEqual(on.co2eKg, off.co2eKg, 'co2eKg stays location-based');
    assert.equal(on.marginal!.gPerKWh, 557);
    near(on.marginal!.co2eKg.mid, (on.energyKWh.mid * 557) / 1000, 1e-12, 'marginal CO2e');
    assert.match(on.marginal!.source, /WattTime/);
    assert.equal(on.marginal!.year, 2024);
    assert.ok(on.assumptions.some((a) => a.key === 'marginal'));
  });

  it('maps regions of a quoted zone and says so; omits the sensitivity (with a warning) where there is no data', () => {
    const ohio = resolveRegion('aws:us-east-2');
    assert.ok(ohio.ok);
    assert.match(marginalFor(ohio.value)!.label, /mapped by us/);
    const fr = estimate({ ...RUN, region: 'FR', marginal: true });
    assert.equal(fr.marginal, undefined);
    assert.ok(fr.warnings.some((w) => /No marginal intensity/.test(w)));
    const none = estimate({ ...RUN, region: undefined, marginal: true });
    assert.equal(none.marginal, undefined);
  });

  it('uses a given marginal intensity when one is passed', () => {
    const e = estimate({ ...RUN, region: 'FR', marginalGPerKWh: 400 });
    assert.equal(e.marginal!.gPerKWh, 400);
    assert.equal(e.marginal!.label, 'as given');
  });

  it('has only zones that exist in the grid table', () => {
    const zones = new Set(GRID.map((g) => g.zone).filter((z) => z !== undefined));
    for (const z of Object.keys(MARGINAL_BY_ZONE)) assert.ok(zones.has(z), `zone ${z} not in GRID`);
  });
});

describe('market-based figure', () => {
  it('appears only when a market intensity is given, and never changes co2eKg', () => {
    assert.equal(estimate(RUN).marketBased, undefined);
    const e = estimate({ ...RUN, marketIntensity: 0 });
    assert.deepEqual(e.co2eKg, estimate(RUN).co2eKg);
    assert.deepEqual(e.marketBased!.co2eKg, { low: 0, mid: 0, high: 0 });
    const m = estimate({ ...RUN, marketIntensity: 50 });
    near(m.marketBased!.co2eKg.mid, (m.energyKWh.mid * 50) / 1000, 1e-12, 'market CO2e');
    assert.ok(m.assumptions.some((a) => a.key === 'market-based' && /never mixed/.test(a.text)));
  });

  it('rejects a negative market intensity with a warning', () => {
    const e = estimate({ ...RUN, marketIntensity: -1 });
    assert.equal(e.marketBased, undefined);
    assert.ok(e.warnings.some((w) => /marketIntensity/.test(w)));
  });
});
