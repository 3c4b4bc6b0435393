// YOLOv5 and YOLOv8 networks (core/data/yolo.ts): a YOLOv5 or YOLOv8 detection, segmentation or classification run is estimable from what a
// user states (the model, images × epochs, image size), with the FLOPs Ultralytics' README tables; other YOLO
// networks stay unknown.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimate, forwardFlopsAt, lookupArchitecture } from '../../core/index';
import { YOLO_ARCHITECTURES } from '../../core/data/yolo';

/** COCO train2017 (118,287 images), 300 epochs at 640 px on one V100: the README's reproduction command. */
const coco = (architecture: string, extra: object = {}) =>
  estimate({ architecture, samples: 118_287, epochs: 300, resolution: 640, hardware: 'V100 16GB', ...extra });

describe('YOLOv5 networks', () => {
  it('resolves the names scripts and configs use: model files, yaml configs, -seg and -cls variants, P6 models', () => {
    const cases: [string, string][] = [
      ['yolov5s', 'yolov5s'],
      ['yolov5s.pt', 'yolov5s'],
      ['yolov5m.yaml', 'yolov5m'],
      ['models/yolov5l.yaml', 'yolov5l'],
      ['yolov5x-seg.pt', 'yolov5x-seg'],
      ['yolov5s-cls', 'yolov5s-cls'],
      ['yolov5n6', 'yolov5n6'],
      ['YOLOv5x6', 'yolov5x6'],
      ['yolov8n.pt', 'yolov8n'],
      ['yolov8m-seg', 'yolov8m-seg'],
      ['yolov8x-cls.pt', 'yolov8x-cls'],
      ['yolo11m.pt', 'yolo11m'],
    ];
    for (const [name, id] of cases) assert.equal(lookupArchitecture(name)?.id, id, name);
  });

  it("takes the README's FLOPs (thop MACs × 2) and scales them with the image size", () => {
    assert.equal(lookupArchitecture('yolov5s')!.forwardFlops, 16.5e9);
    assert.equal(lookupArchitecture('yolov5s-cls')!.forwardFlops, 1.4e9);
    // YOLOv8's classification table gives FLOPs at 640 px; its models train at 224 px.
    const v8cls = lookupArchitecture('yolov8n-cls')!;
    assert.ok(Math.abs(forwardFlopsAt(v8cls, { resolution: 224 }).flops - 4.3e9 * (224 / 640) ** 2) < 1);
    const p6 = lookupArchitecture('yolov5s6')!;
    assert.equal(forwardFlopsAt(p6, { resolution: 1280 }).flops, 4 * 16.8e9);
    for (const a of YOLO_ARCHITECTURES) {
      assert.match(a.source, /^\[S\] ultralytics\/(yolov5 README|ultralytics docs)/, a.id);
      assert.ok(a.year >= 2021, a.id);
    }
  });

  it('estimates a COCO training run that was "footprint unknown" before, larger models taking longer', () => {
    const n = coco('yolov5n');
    const x = coco('yolov5x');
    assert.notEqual(n.method, 'insufficient-inputs');
    assert.notEqual(x.method, 'insufficient-inputs');
    assert.ok(x.gpuHours.mid > 5 * n.gpuHours.mid, `${n.gpuHours.mid} → ${x.gpuHours.mid}`);
    // Training compute = 3 × forward FLOPs × images × epochs.
    const flops = x.assumptions.find((a) => a.key === 'flops')!;
    assert.match(flops.text, /^Training compute 2\.19e\+?19 FLOPs = 3 × /);
  });

  it("must not: Ultralytics' anchor-free yolov5nu … xu, pose and oriented-box models, YOLO11's -seg/-cls and a bare 'yolov5' stay unknown", () => {
    for (const name of [
      'yolov5nu',
      'yolov5su.pt',
      'yolov5xu',
      'yolov8n-pose',
      'yolov8s-obb',
      'yolo11n-seg',
      'yolo11s-cls',
      'yolov5',
      'yolo',
    ])
      assert.equal(lookupArchitecture(name), undefined, name);
    assert.equal(coco('yolov5su').method, 'insufficient-inputs');
  });
});
