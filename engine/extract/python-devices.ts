// Devices a Python script states for itself, whatever trains inside it: Ray Train's
// `ScalingConfig(num_workers=N, use_gpu=True, resources_per_worker={"GPU": k})` — N workers, each with k GPUs (1 with
// use_gpu=True and no GPU resource), or CPU workers when use_gpu is false and no GPU is requested
// (https://docs.ray.io/en/latest/train/user-guides/using-gpus.html).
import type { SyntaxNode } from '../parse/python';
import { literal, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { ValueResolver } from './python-values';

export const DEVICE_CALLS = ['ScalingConfig'];

export function pythonDeviceFacts(file: string, calls: CallSite[], values: ValueResolver): Fact[] {
  const out: Fact[] = [];
  const sc = calls.filter((c) => c.name === 'ScalingConfig');
  // Two scaling configs (say, one for a debug run): which one trains is not in the file.
  if (sc.length !== 1 || sc[0].hasSplat) return out;
  const c = sc[0];
  const base = { origin: 'explicit' as const, file, span: spanOf(c.node) };
  const nw = c.kwargs.get('num_workers');
  const workers = nw ? values.resolve(nw.value) : undefined;
  const ug = c.kwargs.get('use_gpu');
  const useGpu = ug ? values.resolve(ug.value).value : false;
  const gpuPerWorker = gpuResource(c.kwargs.get('resources_per_worker')?.value, values);
  const n = typeof workers?.value === 'number' && workers.value > 0 ? workers.value : undefined;
  if (gpuPerWorker === undefined && useGpu !== true && useGpu !== false) {
    if (nw)
      out.push({
        ...base,
        key: 'devices',
        value: null,
        note: `${c.node.text.replace(/\s+/g, ' ')}: use_gpu not readable here`,
      });
    return out;
  }
  const perWorker = gpuPerWorker ?? (useGpu === true ? 1 : 0);
  if (perWorker === 0) {
    out.push({
      ...base,
      key: 'hardware',
      value: 'cpu',
      note: 'ScalingConfig without use_gpu=True: Ray Train workers run on CPUs',
    });
    if (n !== undefined)
      out.push({ ...base, key: 'devices', value: n, note: `ScalingConfig(num_workers=${n}): CPU workers` });
    return out;
  }
  // num_workers defaults to 1 (ray.train.ScalingConfig).
  const count = nw ? n : 1;
  out.push({
    ...base,
    key: 'devices',
    value: count === undefined ? null : count * perWorker,
    note:
      count === undefined
        ? `ScalingConfig(num_workers=${nw!.value.text}): the worker count is not readable here`
        : `ScalingConfig(num_workers=${count}${gpuPerWorker !== undefined ? `, ${perWorker} GPU per worker` : ', use_gpu=True'})${workers?.via ? ` (num_workers from ${workers.via})` : ''}`,
  });
  return out;
}

/** `{"GPU": 2}` in resources_per_worker, or undefined when none is written. */
function gpuResource(node: SyntaxNode | undefined, values: ValueResolver): number | undefined {
  if (!node || node.type !== 'dictionary') return undefined;
  for (const p of node.namedChildren) {
    if (p?.type !== 'pair' || literal(p.childForFieldName('key')) !== 'GPU') continue;
    const v = values.resolve(p.childForFieldName('value')).value;
    return typeof v === 'number' && v >= 0 ? v : undefined;
  }
  return undefined;
}
