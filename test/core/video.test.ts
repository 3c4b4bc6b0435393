// Video classification networks (core/data/video.ts): FLOPs per clip from PyTorchVideo's model zoo, torchvision's
// weights metadata and the TimeSformer paper, looked up in the spellings scripts use; their runs train about 8× slower
// than image runs of the same FLOPs (clip decoding, 3D kernels), which no precision speeds up; names of other variants
// stay unknown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimate, forwardFlopsAt, lookupArchitecture } from '../../core/index';
import { VIDEO_ARCHITECTURES, VIDEO_RUN_FACTOR } from '../../core/data/video';

/** Kinetics-400's training clips (≈ 240,000), 8 V100 GPUs. */
const k400 = (architecture: string, epochs: number, extra: object = {}) =>
  estimate({ architecture, samples: 240_000, epochs, resolution: 224, hardware: 'V100 16GB', devices: 8, ...extra });

describe('video classification networks', () => {
  it('resolves the spellings of torchvision, PyTorchVideo hub and PySlowFast configs, and Hugging Face ids', () => {
    const cases: [string, string][] = [
      ['torchvision.models.video.r3d_18', 'r3d-18'],
      ['models.video.mvit_v2_s', 'mvit-v2-s'],
      ['swin3d_b', 'swin3d-b'],
      ['slowfast_r50', 'slowfast-r50-8x8'],
      ['SLOWFAST_8x8_R50', 'slowfast-r50-8x8'],
      ['SLOWFAST_4x16_R50', 'slowfast-r50-4x16'],
      ['i3d_r50', 'i3d-r50-8x8'],
      ['TimeSformer', 'timesformer-base'],
      ['facebook/timesformer-base-finetuned-k400', 'timesformer-base'],
    ];
    for (const [name, id] of cases) assert.equal(lookupArchitecture(name)?.id, id, name);
  });

  it('counts one view, in FLOPs (2 × the MACs the tables give)', () => {
    // torchvision R3D-18: _ops 40.697 GMACs of a 16-frame 112² clip; PyTorchVideo SlowFast R50 8x8: 65.71 G a view;
    // TimeSformer: 0.59 TFLOPs over 3 views.
    assert.equal(lookupArchitecture('r3d_18')!.forwardFlops, 2 * 40.697e9);
    assert.ok(Math.abs(lookupArchitecture('slowfast_r50')!.forwardFlops / 1e9 - 2 * 65.71) < 1e-6);
    assert.ok(Math.abs(lookupArchitecture('TimeSformer')!.forwardFlops / 1e9 - (2 * 590) / 3) < 0.01);
    // A larger crop scales as for images; the clip's frames do not change with it.
    const sf = lookupArchitecture('slowfast_r50')!;
    assert.ok(Math.abs(forwardFlopsAt(sf, { resolution: 256 }).flops / sf.forwardFlops - (256 / 224) ** 2) < 1e-9);
  });

  it('stores every row with a source naming its year, a reference clip and the video run factor', () => {
    for (const a of VIDEO_ARCHITECTURES) {
      assert.match(a.source, /^\[S\] .*(19|20)\d\d/, a.id);
      assert.ok(a.source.includes(String(a.year)), `${a.id}: year ${a.year} in its source`);
      assert.match(a.reference.note, /clip/, a.id);
      assert.equal(a.runFactor, VIDEO_RUN_FACTOR, a.id);
    }
    assert.equal(lookupArchitecture('resnet50')!.runFactor, undefined);
  });

  it('estimates a SlowFast run at the clip rate published for its code, not at an image convnet rate', () => {
    // PySlowFast trains SlowFast R50 4x16 at 43.2 clips/s on 8 V100 (PaddleVideo benchmark, 2021): 196 epochs of
    // Kinetics-400 is ≈ 2,420 V100-hours. The image model alone would say ≈ 180.
    const e = k400('slowfast_r50_4x16', 196);
    const published = ((240_000 * 196) / 43.2 / 3600) * 8;
    assert.ok(e.gpuHours.low <= published && published <= e.gpuHours.high, JSON.stringify(e.gpuHours));
    assert.ok(e.gpuHours.mid > published / 2 && e.gpuHours.mid < published * 2, `${e.gpuHours.mid}`);
    const mfu = e.assumptions.find((x) => x.key === 'mfu')!;
    assert.match(mfu.text, /× 0\.125 for video clips/);
  });

  it('lets no precision speed up the clip pipeline: fp32 → fp16 saves little on a video run, half on an image run', () => {
    const video =
      k400('slowfast_r50', 100, { precision: 'fp32' }).gpuHours.mid / k400('slowfast_r50', 100).gpuHours.mid;
    const image = k400('resnet50', 100, { precision: 'fp32' }).gpuHours.mid / k400('resnet50', 100).gpuHours.mid;
    assert.ok(video < 1.3, `video fp32/fp16 ${video}`);
    assert.ok(image > 1.5, `image fp32/fp16 ${image}`);
  });

  it('must not: other variants and networks the table does not hold stay unknown; a given utilisation is kept', () => {
    for (const name of [
      'TimeSformer-HR',
      'TimeSformer-L',
      'facebook/timesformer-hr-finetuned-k400',
      'slowfast_r50_16x8',
      'x3d_m',
      'video',
      'torchvision.models.video.r3d_34',
    ])
      assert.equal(lookupArchitecture(name), undefined, name);
    // A utilisation the user gives is the run's: no factor on top.
    const given = k400('slowfast_r50', 10, { mfu: 0.05 });
    assert.ok(!given.assumptions.find((x) => x.key === 'mfu')!.text.includes('video clips'));
  });
});
