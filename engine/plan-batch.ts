// The global batch when a run's files close the arithmetic: micro-batch × gradient accumulation × data-parallel
// devices (devices ÷ tensor × pipeline degrees), each stated by the files — never from an assumed or configured
// device count. Its origin is the weaker of the micro-batch's and the device count's: the product claims no more
// certainty than what it is computed from.
import type { Fact, FactKey, Origin, RunPlan } from './types';

const STRENGTH: Origin[] = ['explicit', 'script-default', 'setting', 'inferred', 'framework-default', 'assumed'];

export function closeGlobalBatch(plan: RunPlan): void {
  const f = plan.facts;
  if (f.has('global_batch')) return;
  const stated = (k: FactKey): (Fact & { value: number }) | undefined => {
    const x = f.get(k);
    return x && typeof x.value === 'number' && x.value > 0 && x.origin !== 'assumed' && x.origin !== 'setting'
      ? (x as Fact & { value: number })
      : undefined;
  };
  const micro = stated('micro_batch');
  const accum = stated('grad_accum');
  const devices = stated('devices');
  if (!micro || !accum || !devices) return;
  const degree = (k: FactKey) => (typeof f.get(k)?.value === 'number' ? (f.get(k)?.value as number) : 1);
  const model = degree('tp') * degree('pp');
  if (model < 1 || devices.value % model !== 0) return;
  const dp = devices.value / model;
  const value = micro.value * accum.value * dp;
  const origin = [micro.origin, devices.origin].sort((a, b) => STRENGTH.indexOf(b) - STRENGTH.indexOf(a))[0];
  f.set('global_batch', {
    key: 'global_batch',
    value,
    origin,
    file: micro.file,
    span: micro.span,
    note: `micro-batch ${micro.value} × ${accum.value} accumulation step${accum.value === 1 ? '' : 's'} × ${dp} data-parallel device${dp === 1 ? '' : 's'} = ${value}`,
  });
}
