// Data-parallel gradient exchange (core/comm-bound.ts): a small model replicated on several nodes waits for its
// gradient all-reduce, more so the fewer tokens each device gets per step.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { dataParallelComm, DP_COMM_TOKENS, estimate, globalBatchTokens, resolveAccelerator } from '../../core/index';

const a100 = (() => {
  const r = resolveAccelerator('A100 80GB');
  assert.ok(r.ok);
  return r.value;
})();
const mfu = (e: ReturnType<typeof estimate>) => e.assumptions.find((a) => a.key === 'mfu')!.text;

describe('data-parallel all-reduce factor', () => {
  it('takes the global batch from the DeepSeek LLM batch law: it grows with the compute budget', () => {
    const b = globalBatchTokens(125e6, 100e9);
    assert.ok(b > 0.8e6 && b < 1.0e6, String(b));
    assert.ok(globalBatchTokens(360e6, 1e12) > 2 * b);
  });

  it('costs more the more devices share the batch', () => {
    const on32 = dataParallelComm(125e6, 100e9, 32, a100)!;
    const on256 = dataParallelComm(125e6, 100e9, 256, a100)!;
    assert.ok(on256.factor < on32.factor);
    assert.equal(on256.factor, 1 / (1 + DP_COMM_TOKENS / on256.tokensPerDevice));
    assert.ok(on256.factor > 0.4 && on256.factor < 0.6, String(on256.factor));
  });

  it('takes a stated micro-batch as a floor on the tokens per device, and ZeRO-3 as 1.5× the bytes', () => {
    const law = dataParallelComm(125e6, 100e9, 256, a100)!;
    const big = dataParallelComm(125e6, 100e9, 256, a100, { microBatch: 32, seqLen: 1024 })!;
    assert.equal(big.tokensPerDevice, 32 * 1024);
    assert.ok(big.factor > 0.85 && big.factor > law.factor, String(big.factor));
    // A micro-batch smaller than the law's share does not lower it (accumulation may make up the rest).
    const small = dataParallelComm(125e6, 100e9, 256, a100, { microBatch: 1, seqLen: 512 })!;
    assert.equal(small.tokensPerDevice, law.tokensPerDevice);
    const zero3 = dataParallelComm(125e6, 100e9, 256, a100, { zeroStage: 3 })!;
    assert.equal(zero3.factor, 1 / (1 + (1.5 * DP_COMM_TOKENS) / law.tokensPerDevice));
    assert.equal(dataParallelComm(125e6, 100e9, 256, a100, { zeroStage: 2 })!.factor, law.factor);
  });

  it('lengthens the estimate of a 125 M model on 256 GPUs and says why', () => {
    const run = { params: 125e6, tokens: 100e9, hardware: 'A100 80GB' };
    const many = estimate({ ...run, devices: 256 });
    const node = estimate({ ...run, devices: 8 });
    // Device-hours per token grow beyond the multi-node factor (≤ 15 %) alone.
    assert.ok(many.gpuHours.mid > 1.5 * node.gpuHours.mid, `${many.gpuHours.mid} vs ${node.gpuHours.mid}`);
    assert.match(mfu(many), /gradient all-reduce between nodes/);
    assert.doesNotMatch(mfu(node), /all-reduce/);
  });

  it('stays out where the run is not plain data-parallel or the facts are not known', () => {
    // One node, devices not stated, tokens not stated, a 7B model, a TPU pod, a mixture of experts, LoRA.
    assert.equal(dataParallelComm(125e6, 100e9, 8, a100), undefined);
    assert.equal(dataParallelComm(125e6, 100e9, undefined, a100), undefined);
    assert.equal(dataParallelComm(125e6, undefined, 256, a100), undefined);
    assert.equal(dataParallelComm(7e9, 1e12, 256, a100), undefined);
    const tpu = resolveAccelerator('TPU v3');
    assert.ok(tpu.ok);
    assert.equal(dataParallelComm(125e6, 100e9, 256, tpu.value), undefined);
    assert.doesNotMatch(mfu(estimate({ params: 125e6, tokens: 100e9, hardware: 'A100 80GB' })), /all-reduce/);
    assert.doesNotMatch(
      mfu(estimate({ params: 1.2e9, activeParams: 4e8, tokens: 1e11, hardware: 'A100 80GB', devices: 256 })),
      /all-reduce/,
    );
    // LoRA all-reduces only its adapters' gradients.
    assert.doesNotMatch(
      mfu(
        estimate({
          params: 125e6,
          tokens: 100e9,
          hardware: 'A100 80GB',
          devices: 256,
          peft: { method: 'lora' },
        }),
      ),
      /all-reduce/,
    );
  });
});
