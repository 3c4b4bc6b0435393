"""Builds footprint-heldout-17 (cases.json next to this file).

Every number below is either copied from the quoted sentence / table row in the case's notes or computed here from such
numbers (GPUs x hours, s/iter x iterations / 3600, iterations x minibatch / images). Nothing is fitted and the Green ML
Review estimator was never run on these cases. [R] = recalled / secondary (not read in the primary source); [D] = derived here.
Run: CREATED=... python3 make_cases.py (then npx prettier --write cases.json)
"""
import datetime
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def C(**kw):
    base = dict(id=None, name=None, quality=None, modality="text", architecture="dense",
                paramsTotal=None, paramsActive=None, tokens=None, samples=None, epochs=None,
                seqLen=None, resolution=None, hardware=None, devices=None, precision=None,
                target=None, also=[], convention=None, source=None, notes=None)
    for k in kw:
        assert k in base, k
    base.update(kw)
    return base


GPUH = "gpuHours"
cases = []
A = cases.append

COCO_TRAIN2017 = 118_287   # stated in Detectron MODEL_ZOO.md ('the 118,287 images in coco_2014_train union coco_2014_valminusminival')
IMAGENET1K = 1_281_167     # ImageNet-1k train images [R]

# ====================================================================== vision: Detectron (Caffe2) model zoo, 8x P100
DET_SRC = ("facebookresearch/Detectron (GitHub, Caffe2) MODEL_ZOO.md (blob 3819f919) at commit 04155a01a6ea68f22ac27c79a822066457941ece; "
           "'12_2017_baselines', trained 'primarily in late December 2017'")
DET_COMMON = ("Detectron MODEL_ZOO.md: 'All baselines were run on Big Basin servers with 8 NVIDIA Tesla P100 GPU accelerators (with "
              "16GB GPU memory, CUDA 8.0, and cuDNN 6.0.21).' 'All baselines were trained using 8 GPU data parallel sync SGD with a "
              "minibatch size of either 8 or 16 images (see the im/gpu column).' '1x: For minibatch size 16, this schedule ... "
              "terminates at 90k iterations. This schedules results in 12.17 epochs over the 118,287 images in coco_2014_train union "
              "coco_2014_valminusminival'; '2x: Twice as long as the 1x schedule'; 's1x (\"stretched 1x\"): ... With a minibatch size "
              "of 16, it reduces the LR by * 0.1 at 100k and 120k iterations, finally ending after 130k iterations.' 'When changing the "
              "minibatch size between 8 and 16 images, we adjust the number of SGD iterations' (Goyal et al. linear scaling). Table "
              "columns: backbone | type | lr schd | im/gpu | train mem (GB) | train time (s/iter) | train time total (hr) | inference "
              "time (s/im) | box AP | mask AP | kp AP | prop. AR | model id. ")
DET_ITERS16 = {"1x": 90_000, "2x": 180_000, "s1x": 130_000}
DET_TABLE = {
    "rpn": "'RPN Proposal Baselines' table (RPN only; 'Inference time only includes RPN proposal generation')",
    "fast": "'Fast & Mask R-CNN Baselines Using Precomputed RPN Proposals' table ('Each row uses precomputed RPN proposals from the corresponding table row above'); the RPN training is a separate run not inside this figure",
    "maskpre": "'Fast & Mask R-CNN Baselines Using Precomputed RPN Proposals' table (Mask R-CNN rows; proposals precomputed by the separate RPN run)",
    "faster": "'End-to-End Faster & Mask R-CNN Baselines' table ('RPN and the detector are trained jointly and end-to-end')",
    "mask": "'End-to-End Faster & Mask R-CNN Baselines' table ('RPN and the detector are trained jointly and end-to-end')",
    "retinanet": "'RetinaNet Baselines' table",
    "kps": "'End-to-End Keypoint-Only Mask R-CNN Baselines' table; keypoint settings: 'we enable multi-scale jitter during training for all keypoint detection models' and 'Models are trained only on images from coco_2014_train union coco_2014_valminusminival that contain at least one person with keypoint annotations (all other images are discarded from the training set).'",
    "bells": "'Mask R-CNN with Bells & Whistles' table; notes: 'A deeper backbone architecture is used: ResNeXt-152-32x8d-FPN', 'The backbone ResNeXt-152-32x8d model was trained on ImageNet-5k (not the usual ImageNet-1k)', 'Training uses multi-scale jitter over scales {640, 672, 704, 736, 768, 800}'; model file name 'e2e_mask_rcnn_X-152-32x8d-FPN-IN5k_1.44x.yaml'",
}
DET_ARCH = {
    "rpn": "Region Proposal Network only",
    "fast": "Fast R-CNN (box head on precomputed proposals)",
    "maskpre": "Mask R-CNN heads (box + mask) on precomputed proposals",
    "faster": "Faster R-CNN (RPN + box head, end-to-end)",
    "mask": "Mask R-CNN (RPN + box + mask heads, end-to-end)",
    "retinanet": "RetinaNet (one-stage, focal loss)",
    "kps": "Keypoint R-CNN (Mask R-CNN with a keypoint head, person only, end-to-end)",
    "bells": "Mask R-CNN (RPN + box + mask heads, end-to-end)",
}
# torchvision parameter counts of the same detector on a ResNet-50-FPN backbone [R] (not stated by Detectron)
R50FPN_PARAMS = {"faster": (41_755_286, "torchvision fasterrcnn_resnet50_fpn"),
                 "mask": (44_401_393, "torchvision maskrcnn_resnet50_fpn"),
                 "retinanet": (34_014_999, "torchvision retinanet_resnet50_fpn"),
                 "kps": (59_137_258, "torchvision keypointrcnn_resnet50_fpn")}
# (kind, backbone, schedule, im/gpu, s/iter, total hr, model id, quality)
DET_ROWS = [
    ("rpn", "R-50-FPN", "1x", 2, 0.416, 10.4, 35998814, "B"),
    ("fast", "R-50-FPN", "1x", 2, 0.285, 7.1, 36225147, "B"),
    ("fast", "X-101-64x4d-FPN", "2x", 1, 0.980, 98.0, 36226326, "B"),
    ("maskpre", "R-50-C4", "2x", 1, 0.464, 46.4, 36224151, "B"),
    ("faster", "R-50-FPN", "1x", 2, 0.544, 13.6, 35857345, "B"),
    ("faster", "X-101-32x8d-FPN", "2x", 1, 0.800, 80.0, 36761786, "B"),
    ("mask", "R-50-C4", "1x", 1, 0.620, 31.0, 35858791, "B"),
    ("mask", "R-50-FPN", "2x", 2, 0.897, 44.9, 35859007, "B"),
    ("mask", "X-101-64x4d-FPN", "2x", 1, 1.210, 121.0, 35859745, "B"),
    ("retinanet", "X-101-64x4d-FPN", "1x", 2, 1.613, 40.3, 36768875, "B"),
    ("retinanet", "X-101-32x8d-FPN", "2x", 2, 1.340, 67.0, 36769641, "B"),
    ("kps", "R-50-FPN", "s1x", 2, 0.828, 29.9, 37697714, "B"),
    ("kps", "X-101-32x8d-FPN", "1x", 2, 1.410, 35.3, 37792158, "B"),
    ("bells", "X-152-32x8d-FPN-IN5k", "s1x", 1, 1.188, 85.8, 37129812, "B"),
]
DET_TYPE_LABEL = {"rpn": "RPN", "fast": "Fast", "maskpre": "Mask", "faster": "Faster", "mask": "Mask",
                  "retinanet": "RetinaNet", "kps": "Kps", "bells": "Mask"}
DET_ID = {"rpn": "rpn", "fast": "fast-rcnn-precomp", "maskpre": "mask-rcnn-precomp", "faster": "faster", "mask": "mask",
          "retinanet": "retinanet", "kps": "keypoint", "bells": "mask-bells"}
for kind, bb, sched, ipg, spi, hr, mid, q in DET_ROWS:
    mb = 8 * ipg
    iters = DET_ITERS16[sched] * 16 // mb
    check = spi * iters / 3600
    person_only = kind == "kps"
    epochs = None if person_only else iters * mb / COCO_TRAIN2017
    params, pnote = (None, "Parameter count not stated (null).")
    if bb == "R-50-FPN" and kind in R50FPN_PARAMS:
        params = R50FPN_PARAMS[kind][0]
        pnote = (f"paramsTotal {params:,} [R] = {R50FPN_PARAMS[kind][1]} (same detector on ResNet-50-FPN; Detectron's 81-class heads "
                 "differ slightly); not stated by Detectron.")
    multiscale = kind in ("kps", "bells")
    res = "multi-scale 640-800 short side (stated)" if multiscale else "800 short side (max 1333) [R]"
    bbid = bb.lower().replace("-in5k", "-in5k")
    cid = f"detectron-{DET_ID[kind]}-{bbid}-{sched}-coco-8xp100-{hr:g}h"
    A(C(id=cid,
        name=f"Detectron {DET_ARCH[kind].split(' (')[0]} {bb}, {sched} schedule on COCO{' person keypoints' if person_only else ''}, 8x P100 16GB, {hr:g} h (FAIR, Dec 2017)",
        quality=q, modality="vision",
        architecture=f"{DET_ARCH[kind]}, {bb} backbone ({'ImageNet-5k' if 'IN5k' in bb else 'ImageNet-1k'}-pretrained), Caffe2",
        paramsTotal=params, samples=None if person_only else COCO_TRAIN2017, epochs=epochs, resolution=res,
        hardware="P100 16GB", devices=8, precision="fp32",
        target=dict(metric=GPUH, value=8 * hr),
        source=DET_SRC,
        notes=(DET_COMMON + f"Row ({DET_TABLE[kind]}): '| {bb} | {DET_TYPE_LABEL[kind]} | {sched} | {ipg} | ... | {spi:.3f} | {hr:g} | ... | "
               f"{mid} |'. Target [D] = 8 GPUs x {hr:g} h = {8*hr:g} P100-hours. Schedule [D]: global minibatch {mb} (8 x {ipg}); "
               f"{sched} = {DET_ITERS16[sched]:,} iterations at minibatch 16, so {iters:,} iterations at {mb}; check: {spi:.3f} s/iter x "
               f"{iters:,} = {check:.1f} h. "
               + ("samples null: person-keypoint subset of COCO train (image count not stated); images processed [D] = "
                  f"{iters:,} x {mb} = {iters*mb:,}. " if person_only else
                  f"epochs [D] = {iters:,} x {mb} / 118,287 = {epochs:.2f}. ")
               + pnote + " Precision fp32: no mixed precision in Detectron (Caffe2, 2017) [R]. "
               + ("Resolution stated (multi-scale jitter). " if multiscale else "Resolution is Detectron's default scale [R], not read in a config. ")
               + "Different row from the Detectron rows in footprint-14 (R-50-C4 / R-101-FPN / X-101 Faster 1x, Mask R-101-FPN / X-101 1x, RetinaNet R-50 1x / R-101 2x). "
               "Quality B: the total time is a table figure (consistent with s/iter x iterations); "
               + ("parameters recalled or unknown." if multiscale else "parameters and default resolution recalled or unknown."))))

# ====================================================================== vision: maskrcnn-benchmark model zoo, 8x V100
MRB_SRC = ("facebookresearch/maskrcnn-benchmark (GitHub, PyTorch) MODEL_ZOO.md (blob a0276d3d) at commit 57eec25b75144d9fb1a6857f32553e1574177daf; "
           "table from 2018-19 ('PyTorch version: 1.0.0a0+dd2c487')")
MRB_COMMON = ("maskrcnn-benchmark MODEL_ZOO.md: '### Hardware - 8 NVIDIA V100 GPUs'; 'All the baselines were trained using the exact same "
              "experimental setup as in Detectron.' Columns: backbone | type | lr sched | im / gpu | train mem(GB) | train time (s/iter) "
              "| total train time(hr) | inference time(s/im) | box AP | mask AP | model id. config defaults.py: '_C.INPUT.MIN_SIZE_TRAIN = "
              "(800,)', '_C.INPUT.MAX_SIZE_TRAIN = 1333', '_C.DTYPE = \"float32\"'. ")
MRB_ROWS = [
    # id, name, arch, row text, config (blob), iters, minibatch, hr, s/iter, params, resolution, samples flag
    ("mrb-faster-r-50-fpn-1x-coco-8xv100-8.8h", "maskrcnn-benchmark Faster R-CNN ResNet-50-FPN, 1x on COCO, 8x V100, 8.8 h",
     "Faster R-CNN (RPN + box head, end-to-end), ResNet-50-FPN backbone (ImageNet-pretrained MSRA R-50)",
     "'R-50-FPN | Fast | 1x | 2 | 4.4 | 0.3530 | 8.8 | 0.12580 | 36.8 | - | 6358793'",
     "configs/e2e_faster_rcnn_R_50_FPN_1x.yaml (blob 92df42d9): 'MAX_ITER: 90000', 'STEPS: (60000, 80000)', 'BASE_LR: 0.02'",
     90_000, 16, 8.8, 0.3530, (41_755_286, "torchvision fasterrcnn_resnet50_fpn"), "800 short side (max 1333)", "coco"),
    ("mrb-mask-r-50-fpn-1x-coco-8xv100-11.3h", "maskrcnn-benchmark Mask R-CNN ResNet-50-FPN, 1x on COCO, 8x V100, 11.3 h",
     "Mask R-CNN (RPN + box + mask heads, end-to-end), ResNet-50-FPN backbone (ImageNet-pretrained)",
     "'R-50-FPN | Mask | 1x | 2 | 5.2 | 0.4536 | 11.3 | 0.12966 + 0.034 | 37.8 | 34.2 | 6358792'",
     "1x schedule as in Detectron (90,000 iterations at minibatch 16) [the mask config file was not opened]",
     90_000, 16, 11.3, 0.4536, (44_401_393, "torchvision maskrcnn_resnet50_fpn"), "800 short side (max 1333)", "coco"),
    ("mrb-keypoint-r-50-fpn-1x-coco-person-8xv100-9.4h", "maskrcnn-benchmark Keypoint R-CNN ResNet-50-FPN, 1x on COCO person keypoints, 8x V100, 9.4 h",
     "Keypoint R-CNN (Mask R-CNN with keypoint head, person only), ResNet-50-FPN backbone (ImageNet-pretrained)",
     "'For person keypoint detection: ... R-50-FPN | Keypoint | 1x | 2 | 5.7 | 0.3771 | 9.4 | 0.10941 | 53.7 | 64.3 | 9981060'",
     "configs/e2e_keypoint_rcnn_R_50_FPN_1x.yaml (blob edcbb4ae): 'TRAIN: (\"keypoints_coco_2014_train\", \"keypoints_coco_2014_valminusminival\",)', "
     "'MIN_SIZE_TRAIN: (640, 672, 704, 736, 768, 800)', 'MAX_ITER: 90000'",
     90_000, 16, 9.4, 0.3771, (59_137_258, "torchvision keypointrcnn_resnet50_fpn"), "multi-scale 640-800 short side", "person"),
    ("mrb-fbnet-chamv1a-faster-600-0.75x-coco-8xv100-20.5h", "maskrcnn-benchmark Faster R-CNN with FBNet cham_v1a backbone from scratch, 600 px, 135k iterations at batch 96, 8x V100, 20.5 h",
     "Faster R-CNN with a light-weight FBNet 'cham_v1a' backbone (NAS-found mobile ConvNet), trained from scratch with BN",
     "'[fbnet_chamv1a](configs/e2e_faster_rcnn_fbnet_chamv1a_600.yaml) | Fast | 600 | 0.75x | 12 | 13.6 | 0.5444 | 20.5 | ... | 33.5 | - | f100940543'",
     "configs/e2e_faster_rcnn_fbnet_chamv1a_600.yaml (blob 91e28277): 'ARCH: \"cham_v1a\"', 'STEPS: (90000, 120000)', 'MAX_ITER: 135000', "
     "'IMS_PER_BATCH: 96  # for 8GPUs', 'MIN_SIZE_TRAIN: (600, )', 'MAX_SIZE_TRAIN: 1000', 'BASE_LR: 0.045'",
     135_000, 96, 20.5, 0.5444, None, "600 short side (max 1000)", "coco"),
    ("mrb-fbnet-default-faster-600-0.5x-coco-8xv100-12.5h", "maskrcnn-benchmark Faster R-CNN with FBNet default backbone from scratch, 600 px, 90k iterations at batch 128, 8x V100, 12.5 h",
     "Faster R-CNN with the FBNet 'default' backbone (NAS-found mobile ConvNet), trained from scratch with BN",
     "'[fbnet_default](configs/e2e_faster_rcnn_fbnet_600.yaml) | Fast | 600 | 0.5x | 16 | 11.1 | 0.4872 | 12.5 | ... | 28.2 | - | f101086388'",
     "configs/e2e_faster_rcnn_fbnet_600.yaml (blob 9d0381ef): 'ARCH: \"default\"', 'STEPS: (60000, 80000)', 'MAX_ITER: 90000', "
     "'IMS_PER_BATCH: 128  # for 8GPUs', 'MIN_SIZE_TRAIN: (600, )', 'MAX_SIZE_TRAIN: 1000', 'BASE_LR: 0.06'",
     90_000, 128, 12.5, 0.4872, None, "600 short side (max 1000)", "coco"),
    ("mrb-fbnet-xirb16d-mask-600-0.5x-coco-8xv100-29h", "maskrcnn-benchmark Mask R-CNN with FBNet xirb16d (dsmask) backbone from scratch, 600 px, 90k iterations at batch 128, 8x V100, 29 h",
     "Mask R-CNN with the FBNet 'xirb16d_dsmask' backbone and down-sampled mask head, trained from scratch with BN",
     "'[fbnet_xirb16d](configs/e2e_mask_rcnn_fbnet_xirb16d_dsmask_600.yaml) | Mask | 600 | 0.5x | 16 | 13.4 | 1.1732 | 29 | ... | 30.7 | 26.9 | f101086394'",
     "configs/e2e_mask_rcnn_fbnet_xirb16d_dsmask_600.yaml (blob 5bf03085): 'ARCH: \"xirb16d_dsmask\"', 'MAX_ITER: 90000', "
     "'IMS_PER_BATCH: 128  # for 8GPUs', 'MIN_SIZE_TRAIN: (600, )', 'MAX_SIZE_TRAIN: 1000'",
     90_000, 128, 29.0, 1.1732, None, "600 short side (max 1000)", "coco"),
    ("mrb-fbnet-default-mask-600-0.5x-coco-8xv100-23h", "maskrcnn-benchmark Mask R-CNN with FBNet default backbone from scratch, 600 px, 90k iterations at batch 128, 8x V100, 23.0 h",
     "Mask R-CNN with the FBNet 'default' backbone, trained from scratch with BN",
     "'[fbnet_default](configs/e2e_mask_rcnn_fbnet_600.yaml) | Mask | 600 | 0.5x | 16 | 13.0 | 0.9036 | 23.0 | ... | 29.0 | 26.1 | f101086385'",
     "configs/e2e_mask_rcnn_fbnet_600.yaml (blob 8ec0c2f8): 'ARCH: \"default\"', 'MAX_ITER: 90000', 'IMS_PER_BATCH: 128  # for 8GPUs', "
     "'MIN_SIZE_TRAIN: (600, )', 'MAX_SIZE_TRAIN: 1000'",
     90_000, 128, 23.0, 0.9036, None, "600 short side (max 1000)", "coco"),
]
MRB_FBNET = ("Light-weight section: 'We provided pre-trained models for selected FBNet models. All the models are trained from scratched "
             "with BN using the training schedule specified below.' Columns: backbone | type | resolution | lr sched | im / gpu | train "
             "mem(GB) | train time (s/iter) | total train time (hr) | inference ... | box AP | mask AP | model id. ")
for cid, name, arch, row, cfg, iters, mb, hr, spi, par, res, ds in MRB_ROWS:
    person = ds == "person"
    epochs = None if person else iters * mb / COCO_TRAIN2017
    fb = "fbnet" in cid
    if par:
        pnote = f"paramsTotal {par[0]:,} [R] = {par[1]} (same detector on ResNet-50-FPN); not stated in the repository."
    else:
        pnote = "Parameter count of the FBNet detectors not stated (null)."
    A(C(id=cid, name=name + " (FAIR, 2018-19)", quality="B", modality="vision", architecture=arch,
        paramsTotal=par[0] if par else None, samples=None if person else COCO_TRAIN2017, epochs=epochs, resolution=res,
        hardware="V100", devices=8, precision="fp32",
        target=dict(metric=GPUH, value=8 * hr),
        source=MRB_SRC + "; " + cfg.split(" (blob")[0] if cfg.startswith("configs/") else MRB_SRC,
        notes=(MRB_COMMON + (MRB_FBNET if fb else "") + f"Row: {row}. Config: {cfg}. Target [D] = 8 GPUs x {hr:g} h = {8*hr:g} V100-hours. "
               f"Schedule: {iters:,} iterations x global minibatch {mb} ({mb//8} per GPU x 8); check: {spi} s/iter x {iters:,} = "
               f"{spi*iters/3600:.1f} h. "
               + ("samples null: person-keypoint subset of COCO (image count not stated); images processed [D] = "
                  f"{iters*mb:,}. " if person else f"epochs [D] = {iters:,} x {mb} / 118,287 = {epochs:.2f} (COCO train2017 size as stated by Detectron). ")
               + pnote + " V100 memory size not stated. "
               + ("New run: footprint-14 used only the R-50-C4 / R-101-FPN / X-101-32x8d rows of this table. " if not fb else
                  "From-scratch light-weight detector with a large per-GPU batch (the FBNet rows are not in any earlier set). ")
               + "Quality B: table figure consistent with s/iter x iterations; parameters "
               + ("recalled." if par else "unknown.")))) 

# ====================================================================== vision: ENet semantic segmentation, one GTX 1070
ENET_SRC = "davidtvs/PyTorch-ENet (GitHub) save/README.md (blob 72730db2) and README.md (blob 950f4aa5), commit e17d404e2f649a3476eabe39f8a05e5eb77c55fd"
ENET_NOTE = ("save/README.md '# Pre-trained models' table: 'Dataset | Classes | Input resolution | Batch size | Epochs | Mean IoU (%) | GPU "
             "memory (GiB) | Training time (hours)'; footnote 2: 'These are just for reference. Implementation, datasets, and hardware "
             "changes can lead to very different results. Reference hardware: Nvidia GTX 1070 and an AMD Ryzen 5 3600 3.6GHz. You can "
             "also train for 100 epochs or so and get similar mean IoU (± 2%).' No mixed precision in main.py (no autocast/half; fp32). "
             "paramsTotal ~0.37M [R, ENet paper]. ")
A(C(id="enet-camvid-300ep-480x360-bs10-1xgtx1070-1h",
    name="ENet semantic segmentation on CamVid (11 classes), 300 epochs at 480x360, batch 10, one GTX 1070, ~1 h (PyTorch-ENet, 2020)",
    quality="C", modality="vision", architecture="ENet (encoder-decoder bottleneck ConvNet for real-time segmentation), ~0.37M parameters [R]",
    paramsTotal=370_000, samples=367, epochs=300, resolution="480x360", hardware="GTX 1070 8GB", devices=1, precision="fp32",
    target=dict(metric=GPUH, value=1),
    source=ENET_SRC,
    notes=ENET_NOTE + "Row: '| CamVid | 11 | 480x360 | 10 | 300 | 52.1 | 4.2 | 1 |'. Target = 1 x 1 h = 1 GTX-1070-hour. samples = CamVid "
          "train 367 images [R]. Quality C: a whole-hour figure 'for reference' (1 h for 300 epochs is coarse to +-50%); dataset size and "
          "parameters recalled; GTX 1070 memory (8GB) [R]."))
A(C(id="enet-cityscapes-300ep-1024x512-bs4-1xgtx1070-20h",
    name="ENet semantic segmentation on Cityscapes (19 classes), 300 epochs at 1024x512, batch 4, one GTX 1070, ~20 h (PyTorch-ENet, 2020)",
    quality="B", modality="vision", architecture="ENet (encoder-decoder bottleneck ConvNet for real-time segmentation), ~0.37M parameters [R]",
    paramsTotal=370_000, samples=2975, epochs=300, resolution="1024x512", hardware="GTX 1070 8GB", devices=1, precision="fp32",
    target=dict(metric=GPUH, value=20),
    source=ENET_SRC,
    notes=ENET_NOTE + "Row: '| Cityscapes | 19 | 1024x512 | 4 | 300 | 59.5 | 5.4 | 20 |'. Target = 1 x 20 h = 20 GTX-1070-hours. samples = "
          "Cityscapes fine train 2,975 images [R]. Quality B: one consumer GPU, stated epochs/batch/resolution; dataset size and "
          "parameters recalled."))

# ====================================================================== vision: ImageNet mobile ConvNets, 2x V100 (5663015/Imagenet_training)
IMT_SRC = "5663015/Imagenet_training (GitHub) README.md (blob 293dada5), train.py (blob 336a0adb), timm_models.py, commit 2ce32f7120eb7478bf8afaccfd05b040eda432ad (2020)"
IMT_NOTE = ("README command: 'export CUDA_VISIBLE_DEVICES=6,7 && nohup python -u train.py --arch model_name --data_backend pytorch --epochs "
            "150 --batch_size 256 --lr 0.05 --weight_decay 4e-5 --dropout 0.2 --drop_connect 0.2 ...'; table '| 模型 | accuracy (top-1) / % "
            "| running time (2 V100 GPUs) |'. train.py: \"--epochs', default=150\", \"--batch_size', default=256\" ('total batch size of all "
            "GPUs'), \"--input_size', type=int, default=224\", torch.nn.DataParallel / DistributedDataParallel, no AMP (fp32). "
            "timm_models.py builds the networks from timm ('from timm.models.efficientnet import efficientnet_b0, efficientnet_b7, "
            "mixnet_m, mnasnet_a1', 'from timm.models.mobilenetv3 import mobilenetv3_large_100'). samples = ImageNet-1k train 1,281,167 [R]. "
            "The EfficientNet_b0 row (about 66 hours) is NOT used (EfficientNet-B0 is an excluded development model). ")
for cid, label, arch, params, acc, hours in (
        ("mixnet-m-imagenet-150ep-bs256-2xv100-92h", "MixNet_m", "MixNet-M (mixed depthwise-kernel mobile ConvNet, timm mixnet_m)", 5_010_000, "73.15", 92),
        ("mobilenetv3-large-imagenet-150ep-bs256-2xv100-52h", "MobileNet_v3", "MobileNetV3-Large 1.0 (timm mobilenetv3_large_100)", 5_480_000, "72.042", 52),
        ("mnasnet-a1-imagenet-150ep-bs256-2xv100-51h", "MNASNet_a1", "MnasNet-A1 (NAS mobile ConvNet with SE, timm mnasnet_a1)", 3_890_000, "72.342", 51)):
    A(C(id=cid,
        name=f"{label} ImageNet-1k classification from scratch, 150 epochs at 224 px, batch 256, 2x V100, about {hours} hours (2020)",
        quality="B", modality="vision", architecture=f"{arch}, ~{params/1e6:.2f}M parameters [R]",
        paramsTotal=params, samples=IMAGENET1K, epochs=150, resolution=224, hardware="V100", devices=2, precision="fp32",
        target=dict(metric=GPUH, value=2 * hours),
        source=IMT_SRC,
        notes=IMT_NOTE + f"Row: '| {label} | {acc} | about {hours} hours |'. Target [D] = 2 GPUs x {hours} h = {2*hours} V100-hours. "
              f"paramsTotal [R] (timm model card figure, not stated in the repository). Quality B: 'about' hours; epochs from the README "
              "command / train.py default, not the table; parameters and dataset size recalled; V100 memory not stated."))

# ====================================================================== vision: DAViD (Microsoft) dense human-centric prediction, 4x A100
DAVID_SRC = "microsoft/DAViD (GitHub), commit 20a3eb66f61d0e1caff42489c6775e142179bd46"
DAVID_COMMON = ("Model card 'Environmental Impact': 'These are the numbers for training the _Large_ version of the model:' 'Hardware Type: "
                "NVIDIA A100x4 (for training)', 'Cloud Provider: Microsoft Azure', 'Compute Region: westeurope'. Training hyper-parameters "
                "section: 'Model backbone: vitl16_384', 'Pretrained backbone: True', 'Input size: 512x512 px.'; 'Training Procedure: See the "
                "paper.' README.md (blob fc41b8c1): 'The SynthHuman dataset contains approximately 300,000 images of synthetic humans' ... "
                "'The dataset contains 298008 samples.' (~100k each of face, upper-body and full-body). Epochs / steps / batch / precision "
                "not stated in the repository (null). ")
for cid, task, card, blob, hours, params, pnote, extra in (
        ("david-large-depth-vitl16-dpt-synthhuman-4xa100-500h", "relative depth estimation", "model_cards/depth_model.md", "bb10396a", 500, 340_000_000,
         "Params column of the card's results table: 'DAViD-Large | 0.34B' (DAViD-Base 0.12B).", "ONNX 'Large | 1314.13' MB, '331.5B' MACs."),
        ("david-large-normal-vitl16-dpt-synthhuman-4xa100-500h", "surface normal estimation", "model_cards/surface_normal_model.md", "bdea9802", 500, 340_000_000,
         "Params not in this card; 0.34B [D] from the depth card's DAViD-Large (same ViT-L/16 DPT, same ONNX size 1314.13 MB).", "ONNX 'Large | 1314.13' MB, '331.5B' MACs."),
        ("david-large-soft-fg-seg-vitl16-dpt-synthhuman-4xa100-500h", "soft foreground segmentation (matting)", "model_cards/soft_foreground_segmentation_model.md", "a5bc59df", 500, 340_000_000,
         "Params not in this card; 0.34B [D] from the depth card's DAViD-Large (same ViT-L/16 DPT, same ONNX size 1314.13 MB).", "ONNX 'Large | 1314.13' MB, '331.5B' MACs; card says 'Hardware Type: NVIDIA A100x4'."),
        ("david-multitask-large-vitl16-dpt-synthhuman-4xa100-528h", "multi-task depth + normals + soft foreground", "model_cards/multi_task_model.md", "7e889177", 528, 350_000_000,
         "Params column: 'DAViD-Multi-task-Large | 1× 0.35B'.", "ONNX 'Multi task model | Large | 1316.66' MB, '389.9B' MACs; 'Carbon Emitted: 75.24 kg CO_2 eq.'")):
    A(C(id=cid,
        name=f"DAViD-Large {task} (ViT-L/16 DPT, ImageNet-pretrained backbone) trained on SynthHuman (298k synthetic images) at 512x512, 4x A100, {hours} GPU-hours (Microsoft, ICCV 2025)",
        quality="B" if params and "[D]" not in pnote else "C", modality="vision",
        architecture=f"DPT dense-prediction transformer with ViT-L/16-384 backbone, {task} head(s), ~{params/1e9:.2f}B parameters",
        paramsTotal=params, samples=298_008, resolution=512, hardware="A100", devices=4,
        target=dict(metric=GPUH, value=hours),
        source=DAVID_SRC + f", {card} (blob {blob}) and README.md (blob fc41b8c1)",
        notes=DAVID_COMMON + f"{card}: 'Hours used: {hours} GPU-hours'" + ("" if hours == 528 else ", 'Carbon Emitted: 71.25 kg CO_2 eq.'")
              + f". {pnote} {extra} Target = {hours} A100-hours as stated (GPU-hours, not wall-clock; wall-clock [D] = {hours}/4 = "
              f"{hours/4:g} h on the 4 GPUs). Amount of training (epochs/steps) not stated: epochs null. A100 memory size not stated. "
              + ("Quality B: stated GPU-hours, devices and parameters; amount of training only as dataset size."
                 if "[D]" not in pnote else "Quality C: stated GPU-hours and devices; parameters inferred from a sibling card; amount of training only as dataset size.")))

# ====================================================================== science: DEERFold (AlphaFold2 fine-tune with DEER constraints)
A(C(id="deerfold-af2-finetune-openfold-a100-80gb-336h",
    name="DEERFold: AlphaFold2 (model_5_ptm) fine-tuned with DEER distance-distribution inputs on the OpenFold training set, 80GB A100 GPUs, 'Hours used: 336 (14 days)' (Vanderbilt, 2024)",
    quality="C", modality="multimodal",
    architecture="AlphaFold2 (Evoformer + structure module, OpenFold implementation) with an added DEER distogram input, ~93M parameters [R]",
    paramsTotal=93_000_000, samples=140_000, hardware="A100 80GB", devices=None,
    target=dict(metric=GPUH, value=336),
    source="CAAIPD/DEERFold (GitHub) DEERFold_modelcard.md (blob 2edf947a) and README.md (blob 991d657d), commit 91ca329b8ffcc0390c1ffafcea905756885e0fc1",
    notes="Model card: 'Environmental Impact - Hardware Type: 80GB NVIDIA A100 GPUs - Hours used: 336 (14 days) - Platform: Vanderbilt "
          "Data Science Institute - DGX A100'. 'DEERFold was fine-tuned from AlphaFold2's pretrained weights (model_5_ptm) without "
          "templates, following the OpenFold training protocol.' Training data: 'Multiple Sequence Alignments (MSAs): Sourced from the "
          "OpenFold dataset, containing 401,381 MSAs for 140,000 PDB chains and 16,000,000 UniClust30 clusters.' Target = 336 as the card's "
          "'Hours used' value, read as accelerator-hours per the model-card template; but 336 = 14 days x 24 is also the wall-clock of "
          "the run, so the figure equals accelerator-hours only if one GPU ran — the number of GPUs ('GPUs', on a DGX A100 platform) is "
          "not stated (devices null); if all 8 GPUs of a DGX A100 were used the accelerator-hours would be 8 x 336 = 2,688 (also). samples = 140,000 PDB "
          "chains (stated dataset, not the number of training examples seen); steps / epochs / crop size / precision not stated. "
          "paramsTotal ~93M [R, AlphaFold2]. Science model, modality 'multimodal' as in footprint-4/-5 (GraphCast, ESM-2). "
          "Quality C: device count unknown, 'Hours used' ambiguous between GPU-hours and wall-clock.",
    also=[dict(metric=GPUH, value=8 * 336)]))

# ====================================================================== description
DESCRIPTION = ("Seventeenth held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md. Built without running the estimator and without reading product code; no model/run of "
               "footprint-heldout-1..16 nor of the development cases they name as excluded. gpuHours means accelerator-hours. "
               "[R] = recalled/secondary; [D] = derived arithmetic shown in notes and in make_cases.py.")


# ====================================================================== write
def num(v):
    """integral floats become ints; others are rounded to 4 decimals."""
    if isinstance(v, float):
        return int(v) if v.is_integer() else round(v, 4)
    return v


assert len({c["id"] for c in cases}) == len(cases)
for c in cases:
    assert c["target"] and c["source"] and c["notes"] and c["quality"] in ("A", "B", "C"), c["id"]
    c["target"]["value"] = num(float(c["target"]["value"]))
    c["also"] = [dict(metric=a["metric"], value=num(float(a["value"]))) for a in c["also"]]
    for k in ("epochs", "tokens"):
        c[k] = num(c[k])

out = {
    "set": "footprint-heldout-17",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
