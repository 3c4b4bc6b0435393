// YOLOv5 and YOLOv8 detection, instance-segmentation and classification networks and YOLO11 detection (Ultralytics),
// FLOPs per image as Ultralytics publishes them (round 20); YOLOv8 and YOLO11 below (`yolov8`, `yolo11`). Every number is the README's own table, read at ultralytics/yolov5 commit
// 5081342f04fb287fc2e5f2b5a4e06752b7937b1c (README.md): "params (M)" and "FLOPs @640 (B)" (detection, P5 and P6
// models, and segmentation) or "FLOPs @224 (B)" (classification). Ultralytics counts these with thop and doubles the
// multiply-accumulates (utils/torch_utils.py `profile`: `thop.profile(...)[0] / 1e9 * 2`; `model_info` likewise), so
// they are FLOPs = 2 × MACs, the table's convention (core/data/vision-audio.ts).
//
// The P6 models (YOLOv5n6 … x6) train and run at 1,280 px; the README's FLOPs column gives them at 640 px like the P5
// rows, so their reference is 640 and a run at 1,280 scales by (1280/640)² as every convolutional row does. Training
// sees the image as the network does at the run's `--img` (mosaic tiles a 2·img canvas and crops img × img: a square
// input), so the run's resolution scales the FLOPs.
//
// Years: the release that added each table (ultralytics/yolov5 releases): detection P5/P6 v6.0 (October 2021; YOLOv5n
// and the P6 family as tabled), classification v6.2 (August 2022), segmentation v7.0 (November 2022).

import type { ArchitectureInfo } from '../types';
import { visionRow } from './torchvision-row';

const README = 'ultralytics/yolov5 README.md (commit 5081342f)';
/** The keys of these rows (`yolov5s`, `yolov8m`, `yolov5x6`, `yolov8n-seg` …). */
export const YOLO_KEY = /^yolo(v[58]|11)[nsmlx]/;
/**
 * What follows a row's key in the name of another network: Ultralytics' anchor-free YOLOv5 (`yolov5nu`, ultralytics
 * 8.x), pose, oriented-box, Open Images and YOLO-World variants, Ghost and P2 models (ultralytics/cfg/models), and
 * YOLO11's segmentation and classification models, which the table does not hold (a row's own -seg/-cls key is longer
 * and matches first).
 */
export const YOLO_OTHER = /^(u|pose|obb|oiv7|world|ghost|p2|seg|cls)/;

type Size = 'n' | 's' | 'm' | 'l' | 'x';

/** One row as Ultralytics tables it: `paramsM` million parameters, `gflops` billion FLOPs (thop MACs × 2) at `res` px. */
function row(
  id: string,
  name: string,
  paramsM: number,
  gflops: number,
  res: number,
  note: string,
  table: string,
  year: number,
  aliases = [id.replace('-', '')],
): ArchitectureInfo {
  return visionRow({
    id,
    name,
    family: 'convnet',
    params: paramsM * 1e6,
    forwardFlops: gflops * 1e9,
    resolution: res,
    note,
    aliases,
    source: `[S] ${table}: ${name} ${paramsM} M parameters, ${gflops} B FLOPs at ${res} px (thop MACs × 2)`,
    year,
  });
}

const TASK = { det: 'object detection', p6: 'object detection', seg: 'instance segmentation', cls: 'classification' };

/** [S] A YOLOv5 row of the README's detection (P5, P6), segmentation or classification table. */
function yolo(size: Size, kind: 'det' | 'p6' | 'seg' | 'cls', paramsM: number, gflops: number): ArchitectureInfo {
  const suffix = kind === 'det' ? '' : kind === 'p6' ? '6' : `-${kind}`;
  const res = kind === 'cls' ? 224 : 640;
  const table =
    kind === 'cls'
      ? 'Classification table (ImageNet, 90 epochs)'
      : kind === 'seg'
        ? 'Segmentation table (COCO)'
        : 'Detection table (COCO)';
  const note =
    kind === 'p6'
      ? '640×640 image as the README tables it (the P6 models train at 1,280 px: state the resolution)'
      : `${res}×${res} image (${TASK[kind]})`;
  const year = kind === 'cls' || kind === 'seg' ? 2022 : 2021;
  return row(
    `yolov5${size}${suffix}`,
    `YOLOv5${size}${suffix}`,
    paramsM,
    gflops,
    res,
    note,
    `${README}, ${table}`,
    year,
  );
}

const V8_DOCS = 'ultralytics/ultralytics docs/en/models/yolov8.md (commit 05cd4a2c), Performance Metrics';

/**
 * [S] A YOLOv8 row (Ultralytics, January 2023): parameters and FLOPs as the docs table them, counted by the same thop
 * code (ultralytics/utils/torch_utils.py `get_flops`: MACs × 2). Detection and segmentation at 640 px; the
 * classification table gives "FLOPs (B) at 640" although the models train at 224 px: the row's reference is 640 and a
 * run at 224 px scales by (224/640)².
 */
function yolov8(size: Size, kind: 'det' | 'seg' | 'cls', paramsM: number, gflops: number): ArchitectureInfo {
  const suffix = kind === 'det' ? '' : `-${kind}`;
  const table =
    kind === 'det' ? 'Detection (COCO)' : kind === 'seg' ? 'Segmentation (COCO)' : 'Classification (ImageNet)';
  const note =
    kind === 'cls'
      ? '640×640 image as the docs table it (the models train at 224 px: state the resolution)'
      : `640×640 image (${TASK[kind]})`;
  return row(
    `yolov8${size}${suffix}`,
    `YOLOv8${size}${suffix}`,
    paramsM,
    gflops,
    640,
    note,
    `${V8_DOCS}, ${table}`,
    2023,
  );
}

/**
 * [S] A YOLO11 detection row (Ultralytics, September 2024): ultralytics/ultralytics docs/en/macros/yolo-det-perf.md
 * (commit 500415dc), the table docs/en/models/yolo11.md includes, at 640 px, thop MACs × 2 like the rows above. The
 * segmentation and classification tables of YOLO11 were revised between releases (YOLO11n-seg 9.7 then 10.4 B): not held.
 */
function yolo11(size: Size, paramsM: number, gflops: number): ArchitectureInfo {
  const table = 'ultralytics/ultralytics docs/en/macros/yolo-det-perf.md (commit 500415dc), YOLO11 detection (COCO)';
  const note = '640×640 image (object detection)';
  return row(`yolo11${size}`, `YOLO11${size}`, paramsM, gflops, 640, note, table, 2024, [
    `yolo11${size}`,
    `yolov11${size}`,
  ]);
}

export const YOLO_ARCHITECTURES: readonly ArchitectureInfo[] = [
  yolo('n', 'det', 1.9, 4.5),
  yolo('s', 'det', 7.2, 16.5),
  yolo('m', 'det', 21.2, 49.0),
  yolo('l', 'det', 46.5, 109.1),
  yolo('x', 'det', 86.7, 205.7),
  yolo('n', 'p6', 3.2, 4.6),
  yolo('s', 'p6', 12.6, 16.8),
  yolo('m', 'p6', 35.7, 50.0),
  yolo('l', 'p6', 76.8, 111.4),
  yolo('x', 'p6', 140.7, 209.8),
  yolo('n', 'seg', 2.0, 7.1),
  yolo('s', 'seg', 7.6, 26.4),
  yolo('m', 'seg', 22.0, 70.8),
  yolo('l', 'seg', 47.9, 147.7),
  yolo('x', 'seg', 88.8, 265.7),
  yolo('n', 'cls', 2.5, 0.5),
  yolo('s', 'cls', 5.4, 1.4),
  yolo('m', 'cls', 12.9, 3.9),
  yolo('l', 'cls', 26.5, 8.5),
  yolo('x', 'cls', 48.1, 15.9),
  yolov8('n', 'det', 3.2, 8.7),
  yolov8('s', 'det', 11.2, 28.6),
  yolov8('m', 'det', 25.9, 78.9),
  yolov8('l', 'det', 43.7, 165.2),
  yolov8('x', 'det', 68.2, 257.8),
  yolov8('n', 'seg', 3.4, 12.6),
  yolov8('s', 'seg', 11.8, 42.6),
  yolov8('m', 'seg', 27.3, 110.2),
  yolov8('l', 'seg', 46.0, 220.5),
  yolov8('x', 'seg', 71.8, 344.1),
  yolov8('n', 'cls', 2.7, 4.3),
  yolov8('s', 'cls', 6.4, 13.5),
  yolov8('m', 'cls', 17.0, 42.7),
  yolov8('l', 'cls', 37.5, 99.7),
  yolov8('x', 'cls', 57.4, 154.8),
  yolo11('n', 2.6, 6.5),
  yolo11('s', 9.4, 21.5),
  yolo11('m', 20.1, 68.0),
  yolo11('l', 25.3, 86.9),
  yolo11('x', 56.9, 194.9),
];
