// The model an Ultralytics script trains reaches the core: `YOLO("yolov8n.pt")` names a network the architecture table
// knows (core/data/yolo.ts), so the run is estimated per image; a project's own weights or another library's `YOLO`
// class name no model.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lookupArchitecture } from '../../core/index';
import { runShape } from '../../engine/plan';
import { analyze, settings, theRun } from '../formats/helpers';

const script = (imports: string, weights: string) => `${imports}

model = YOLO("${weights}")
model.train(data="coco.yaml", epochs=100, imgsz=640, batch=32)
`;

async function architectureOf(imports: string, weights: string) {
  const r = await analyze({ 'train.py': script(imports, weights) }, 'train.py', { hardware: 'a100' });
  const named = runShape(theRun(r).plan, settings({ hardware: 'a100' })).inputs.architecture;
  return named === undefined ? undefined : lookupArchitecture(named)?.id;
}

test('YOLO("yolov8n.pt") and YOLO("models/yolov5s.yaml") from ultralytics are the run\'s architecture', async () => {
  assert.equal(await architectureOf('from ultralytics import YOLO', 'yolov8n.pt'), 'yolov8n');
  assert.equal(await architectureOf('from ultralytics import YOLO', 'models/yolov5s.yaml'), 'yolov5s');
  assert.equal(await architectureOf('from ultralytics import YOLO', 'yolov8s-seg.pt'), 'yolov8s-seg');
  assert.equal(await architectureOf('from ultralytics import YOLO', 'yolo11m.pt'), 'yolo11m');
});

test("must not: a project's best.pt, a pose model, or a YOLO class of another module names no architecture", async () => {
  assert.equal(await architectureOf('from ultralytics import YOLO', 'runs/train/exp/weights/best.pt'), undefined);
  assert.equal(await architectureOf('from ultralytics import YOLO', 'yolov8n-pose.pt'), undefined);
  assert.equal(await architectureOf('from models.yolo import YOLO', 'yolov8n.pt'), undefined);
});
