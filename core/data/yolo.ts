// YOLOv5 detection, instance-segmentation and classification networks (Ultralytics), FLOPs per image as Ultralytics
// publishes them (round 20). Every number is the README's own table, read at ultralytics/yolov5 commit
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

const README = 'ultralytics/yolov5 README.md (commit 5081342f)';
/** Ultralytics' own anchor-free YOLOv5 ("yolov5nu", ultralytics 8.x) and other suffixes are other networks. */
export const YOLO_KEY = /^yolov5[nsmlx]/;

function yolo(
  size: 'n' | 's' | 'm' | 'l' | 'x',
  kind: 'det' | 'p6' | 'seg' | 'cls',
  paramsM: number,
  gflops: number,
): ArchitectureInfo {
  const suffix = kind === 'det' ? '' : kind === 'p6' ? '6' : `-${kind}`;
  const name = `YOLOv5${size}${suffix}`;
  const res = kind === 'cls' ? 224 : 640;
  const table =
    kind === 'cls'
      ? 'Classification table (ImageNet, 90 epochs)'
      : kind === 'seg'
        ? 'Segmentation table (COCO)'
        : 'Detection table (COCO)';
  const task = kind === 'cls' ? 'classification' : kind === 'seg' ? 'instance segmentation' : 'object detection';
  return {
    id: `yolov5${size}${suffix}`,
    name,
    modality: 'vision',
    family: 'convnet',
    params: Math.round(paramsM * 1e6),
    forwardFlops: gflops * 1e9,
    reference: {
      resolution: res,
      note:
        kind === 'p6'
          ? '640×640 image as the README tables it (the P6 models train at 1,280 px: state the resolution)'
          : `${res}×${res} image (${task})`,
    },
    aliases: [`yolov5${size}${suffix.replace('-', '')}`],
    source: `[S] ${README}, ${table}: ${name} ${paramsM} M parameters, ${gflops} B FLOPs at ${res} px (thop MACs × 2)`,
    year: kind === 'cls' ? 2022 : kind === 'seg' ? 2022 : 2021,
  };
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
];
