// Devices a Python script states for itself, whatever trains inside it: Ray Train's
// `ScalingConfig(num_workers=N, use_gpu=True, resources_per_worker={"GPU": k})` — N workers, each with k GPUs (1 with
// use_gpu=True and no GPU resource), or CPU workers when use_gpu is false and no GPU is requested
// (https://docs.ray.io/en/latest/train/user-guides/using-gpus.html); `nn.DataParallel(model, device_ids=[0, 1])`;
// `nn.DataParallel(model, device_ids=range(args.ngpu))` with the count's default; `torch.multiprocessing.spawn(fn,
// nprocs=4)`; a device count the script declares as an argparse default or a module constant (`--num_gpus`,
// `--n_gpus`, `--world_size`, `NUM_GPUS = 8`), which a launcher flag of the same name replaces — unless the script
// recomputes it from the visible devices or as a product (`args.world_size = ngpus_per_node * args.world_size`, as in
// PyTorch's ImageNet example, where `--world-size` counts nodes): then the default is a factor, not the count.
import type { SyntaxNode } from '../parse/python';
import { literal, spanOf, type CallSite } from '../parse/python-syntax';
import type { Fact } from '../types';
import type { Resolved, ValueResolver } from './python-values';
import { devicesOf } from '../vocabulary/values';

export const DEVICE_CALLS = ['ScalingConfig', 'DataParallel', 'spawn', 'Fabric'];

/** argparse dests and module constants that hold the number of devices a script runs on. */
const COUNT_NAMES = [
  'num_gpus',
  'n_gpus',
  'ngpu',
  'ngpus',
  'n_gpu',
  'num_gpu',
  'gpus_per_node',
  'nproc_per_node',
  'world_size',
  'num_devices',
];

/** `args.world_size = ngpus_per_node * args.world_size`, `n_gpu = torch.cuda.device_count()`: the script recomputes it. */
const recomputed = (text: string, name: string) =>
  new RegExp(`(^|[^\\w])${name}\\s*=(?!=)[^\\n]*(\\*|device_count)`, 'mi').test(text);

/** DataParallel's `device_ids`: a list literal, `range(n)`, or a value naming ids (`args.gpu_ids` defaulting to "0,1"). */
function deviceIds(ids: SyntaxNode, values: ValueResolver): { n: number; r?: Resolved } | undefined {
  if (ids.type === 'list' || ids.type === 'tuple')
    return ids.namedChildren.length > 0 ? { n: ids.namedChildren.length } : undefined;
  const args =
    ids.type === 'call' && ids.childForFieldName('function')?.text === 'range'
      ? ids.childForFieldName('arguments')?.namedChildren
      : undefined;
  if (args?.length === 1 && args[0]) {
    const r = values.resolve(args[0]);
    return typeof r.value === 'number' && Number.isInteger(r.value) && r.value > 0 ? { n: r.value, r } : undefined;
  }
  const r = values.resolve(ids);
  const n = typeof r.value === 'string' ? devicesOf(r.value, undefined, true) : undefined;
  return n ? { n, r } : undefined;
}

export function pythonDeviceFacts(file: string, calls: CallSite[], values: ValueResolver, text = ''): Fact[] {
  const sc = calls.filter((c) => c.name === 'ScalingConfig');
  // Two scaling configs (say, one for a debug run): which one trains is not in the file.
  if (sc.length === 1 && !sc[0].hasSplat) return rayFacts(file, sc[0], values);
  if (sc.length > 1) return [];
  const fabric = calls.filter((c) => c.name === 'Fabric' && /(^|\.)Fabric$/.test(c.callee));
  if (fabric.length === 1 && !fabric[0].hasSplat) {
    const f = fabricDevices(file, fabric[0], values);
    if (f) return [f];
  }
  for (const c of calls) {
    const ids = c.name === 'DataParallel' ? (c.kwargs.get('device_ids')?.value ?? c.positional[1]) : undefined;
    const dp = ids ? deviceIds(ids, values) : undefined;
    if (ids && dp)
      return [
        {
          key: 'devices',
          value: dp.n,
          origin: dp.r?.scriptDefault ? 'script-default' : 'explicit',
          file,
          span: spanOf(dp.r?.node ?? ids),
          note: `${c.callee}(…, device_ids=${ids.text})${dp.r?.via ? ` (${dp.r.via})` : ''}`,
        },
      ];
    const np =
      c.name === 'spawn' && /(^|\.)(mp|multiprocessing)\.spawn$/.test(c.callee)
        ? c.kwargs.get('nprocs')?.value
        : undefined;
    const r = np ? values.resolve(np) : undefined;
    if (np && r && typeof r.value === 'number' && r.value > 0)
      return [
        {
          key: 'devices',
          value: r.value,
          origin: r.scriptDefault ? 'script-default' : 'explicit',
          file,
          span: spanOf(r.node ?? np),
          note: `${c.callee}(nprocs=${np.text})${r.via ? ` (${r.via})` : ''}: one process per device`,
        },
      ];
  }
  for (const name of COUNT_NAMES) {
    if (recomputed(text, name)) {
      const p = productCount(file, calls[0]?.node, name, values);
      if (p) return [p];
      continue;
    }
    const d = values.declaredDefault(name);
    if (d && typeof d.value === 'number' && Number.isInteger(d.value) && d.value > 0)
      return [{ key: 'devices', value: d.value, origin: 'script-default', file, span: spanOf(d.node), note: d.via }];
    const k = values.constant(name) ?? values.constant(name.toUpperCase());
    if (k && typeof k.value === 'number' && Number.isInteger(k.value) && k.value > 0)
      return [
        {
          key: 'devices',
          value: k.value,
          origin: 'explicit',
          file,
          span: spanOf(k.node),
          note: `module constant ${k.node.parent?.text ?? name}`,
        },
      ];
  }
  return [];
}

/**
 * Lightning Fabric `Fabric(devices=N, num_nodes=M)`: N devices on each of M machines (Fabric's API reference and "Launch
 * distributed training", lightning.ai/docs/fabric). `devices` left out or `"auto"` takes every visible device, and an
 * accelerator of `cpu` runs on processes, not GPUs: no count then. A launcher's `--devices` (`fabric run`) is read
 * from the launcher and wins in the link.
 */
function fabricDevices(file: string, c: CallSite, values: ValueResolver): Fact | undefined {
  const acc = c.kwargs.get('accelerator');
  if (acc && values.resolve(acc.value).value === 'cpu') return undefined;
  const d = c.kwargs.get('devices');
  if (!d) return undefined;
  const r = values.resolve(d.value);
  const perNode =
    typeof r.value === 'number' && Number.isInteger(r.value) && r.value > 0
      ? r.value
      : d.value.type === 'list' && d.value.namedChildren.length > 0
        ? d.value.namedChildren.length
        : undefined;
  if (perNode === undefined) return undefined;
  const nn = c.kwargs.get('num_nodes');
  const nodes = nn ? values.resolve(nn.value) : undefined;
  const n = nodes === undefined ? 1 : nodes.value;
  const base = { key: 'devices' as const, file, span: spanOf(r.node ?? d.value) };
  const origin = r.scriptDefault || nodes?.scriptDefault ? ('script-default' as const) : ('explicit' as const);
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0)
    return {
      ...base,
      origin,
      value: null,
      note: `${c.callee}(devices=${d.value.text}, num_nodes=${nn?.value.text}): the node count is not readable here`,
    };
  return {
    ...base,
    origin,
    value: perNode * n,
    note: `${c.callee}(devices=${d.value.text}${nn ? `, num_nodes=${nn.value.text}` : ''})${r.via ? ` (${r.via})` : ''}`,
  };
}

/**
 * `args.world_size = args.num_proc_node * args.num_process_per_node` (processes per node × nodes, both options the
 * script declares): the product of their defaults, once, with nothing else assigning the name. A factor that is not a
 * number here (`torch.cuda.device_count()`, PyTorch's ImageNet example) leaves it unknown. The note names every
 * option, so a launcher that gives one of them leaves the count to the launcher (../link/merge.ts).
 */
function productCount(
  file: string,
  any: SyntaxNode | undefined,
  name: string,
  values: ValueResolver,
): Fact | undefined {
  const root = any?.tree.rootNode;
  if (!root) return undefined;
  const sets = root
    .descendantsOfType('assignment')
    .filter((a) => new RegExp(`^(\\w+\\.)?${name}$`).test(a?.childForFieldName('left')?.text ?? ''));
  const right = sets.length === 1 ? sets[0]?.childForFieldName('right') : undefined;
  if (right?.type !== 'binary_operator' || right.childForFieldName('operator')?.text !== '*') return undefined;
  if (/device_count|environ|getenv/.test(right.text)) return undefined;
  const r = values.resolve(right);
  if (typeof r.value !== 'number' || !Number.isInteger(r.value) || r.value <= 0 || !r.scriptDefault) return undefined;
  return {
    key: 'devices',
    value: r.value,
    origin: 'script-default',
    file,
    span: spanOf(right),
    note: `${right.parent?.text ?? right.text} = ${r.value}${r.via ? ` (${r.via})` : ''}`,
  };
}

function rayFacts(file: string, c: CallSite, values: ValueResolver): Fact[] {
  const out: Fact[] = [];
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
        ? `ScalingConfig(num_workers=${nw?.value.text}): the worker count is not readable here`
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

/**
 * The script multiplies the key `name` by the GPUs it finds (`cfg["world_size"] * num_gpus` with `num_gpus =
 * torch.cuda.device_count()`, or `* torch.cuda.device_count()` itself): a factor of the count. A product with another
 * setting (PySlowFast's `NUM_GPUS * NUM_SHARDS`, shards defaulting to one) is not this.
 */
export function multipliedByFound(name: string, text: string): boolean {
  if (!/^\w+$/.test(name)) return false;
  const by = [
    ...text.matchAll(new RegExp(`\\b${name}\\b['"]?\\]?\\s*\\*\\s*([\\w.]+)`, 'g')),
    ...text.matchAll(new RegExp(`([\\w.]+)\\s*\\*\\s*[\\w.]*(?:\\[['"])?${name}\\b`, 'g')),
  ].map((m) => m[1].split('.').pop() ?? '');
  return by.some(
    (n) => n === 'device_count' || (/^\w+$/.test(n) && new RegExp(`\\b${n}\\s*=(?!=)[^\\n]*device_count`).test(text)),
  );
}
