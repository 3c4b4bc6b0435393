"""Builds footprint-heldout-16 (cases.json next to this file).

Every number below is either copied from the quoted sentence / table row in the case's notes or computed here from such
numbers (GPUs x hours, days x 24, h:mm / minutes / 60). Nothing is fitted and the Green ML Review estimator was never run
on these cases. [R] = recalled / secondary (not read in the primary source); [D] = derived here.
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


def hm(h, m):
    """h:mm wall-clock as hours"""
    return h + m / 60


GPUH = "gpuHours"
cases = []
A = cases.append

COCO_TRAIN2017 = 118_287   # COCO train2017 images [R]
IMAGENET1K = 1_281_167     # ImageNet-1k train images [R]

# ====================================================================== vision: YOLOv5 (ultralytics/yolov5 README)
Y5_REPO = "ultralytics/yolov5 (GitHub) README.md, commit 5081342f04fb287fc2e5f2b5a4e06752b7937b1c (blob 953f2f6b); train.py blob c7af6495"
Y5_DET_NOTE = ("README (COCO reproduction): 'Training times for YOLOv5n/s/m/l/x are approximately 1/2/4/6/8 days on a single "
               "NVIDIA V100 GPU.' ... 'The batch sizes shown below are for V100-16GB GPUs.' Commands: 'python train.py --data "
               "coco.yaml --epochs 300 --weights '' --cfg yolov5{n,s,m,l,x}.yaml --batch-size {128,64,40,24,16}' (from scratch). "
               "Detection table: size 640, Params (M) n 1.9 / s 7.2 / m 21.2 / l 46.5 / x 86.7, FLOPs@640 (B) 4.5 / 16.5 / 49.0 / "
               "109.1 / 205.7; 'All checkpoints were trained for 300 epochs using default settings.' Precision: train.py "
               "'amp = check_amp(model)' (AMP on by default on a CUDA device). samples = COCO train2017 118,287 images [R]. "
               "The figure is a rounded per-model statement ('approximately ... days'), not a logged run. ")
for key, label, params, days, bs in (("n", "YOLOv5n", 1.9e6, 1, 128), ("s", "YOLOv5s", 7.2e6, 2, 64),
                                     ("m", "YOLOv5m", 21.2e6, 4, 40), ("l", "YOLOv5l", 46.5e6, 6, 24),
                                     ("x", "YOLOv5x", 86.7e6, 8, 16)):
    A(C(id=f"yolov5{key}-coco-det-300ep-1xv100-{days}d",
        name=f"{label} object detection trained from scratch on COCO train2017, 300 epochs at 640 px, batch {bs}, one V100 16GB, ~{days} day(s) (Ultralytics, 2020-22)",
        quality="B", modality="vision", architecture=f"{label} (CSP-Darknet backbone + PANet neck, anchor-based YOLO head), {params/1e6:g}M parameters",
        paramsTotal=int(params), samples=COCO_TRAIN2017, epochs=300, resolution=640, hardware="V100 16GB", devices=1,
        precision="fp16 (AMP default)",
        target=dict(metric=GPUH, value=days * 24),
        source=Y5_REPO,
        notes=Y5_DET_NOTE + f"Target [D] = 1 x {days} d x 24 = {days*24} V100-hours. Quality B: 'approximately' whole days; dataset size recalled."))

Y5_SEG_NOTE = ("README (Segmentation Checkpoints): 'YOLOv5 segmentation models were trained on the COCO dataset for 300 epochs at an "
               "image size of 640 pixels using A100 GPUs.' Table column 'Train Time 300 epochs A100 (hours)' in h:mm; rows "
               "'YOLOv5s-seg | 640 | 37.6 | 31.7 | 88:16 | ... | 7.6 | 26.4' and 'YOLOv5x-seg | 640 | 50.7 | 41.4 | 62:56 (3x) | ... | "
               "88.8 | 265.7' (params M, FLOPs@640 B). 'All checkpoints were trained for 300 epochs using the SGD optimizer with "
               "lr0=0.01 and weight_decay=5e-5 at an image size of 640 pixels, using default settings.' Batch size not stated. "
               "Precision: AMP default of the training script [R for segment/train.py, which was not opened]. samples = COCO "
               "train2017 118,287 [R]. ")
A(C(id="yolov5s-seg-coco-300ep-1xa100-88h",
    name="YOLOv5s-seg instance segmentation on COCO, 300 epochs at 640 px, A100, 88 h 16 min (Ultralytics v7.0, 2022)",
    quality="B", modality="vision", architecture="YOLOv5s-seg (YOLOv5s detector + prototype mask head), 7.6M parameters",
    paramsTotal=7_600_000, samples=COCO_TRAIN2017, epochs=300, resolution=640, hardware="A100", devices=1,
    precision="fp16 (AMP default)",
    target=dict(metric=GPUH, value=hm(88, 16)),
    source=Y5_REPO,
    notes=Y5_SEG_NOTE + "Target [D] = 88:16 = 88.27 A100-hours; one A100 assumed because the row carries no '(2x)/(3x)' mark "
          "while the l/x rows do. Quality B: the single-GPU reading and the dataset size are inferred/recalled."))
A(C(id="yolov5x-seg-coco-300ep-3xa100-63h",
    name="YOLOv5x-seg instance segmentation on COCO, 300 epochs at 640 px, '(3x)' A100, 62 h 56 min (Ultralytics v7.0, 2022)",
    quality="C", modality="vision", architecture="YOLOv5x-seg (YOLOv5x detector + prototype mask head), 88.8M parameters",
    paramsTotal=88_800_000, samples=COCO_TRAIN2017, epochs=300, resolution=640, hardware="A100", devices=3,
    precision="fp16 (AMP default)",
    target=dict(metric=GPUH, value=3 * hm(62, 56)),
    also=[dict(metric=GPUH, value=hm(62, 56))],
    source=Y5_REPO,
    notes=Y5_SEG_NOTE + "Target [D] = 3 x 62:56 = 188.8 A100-hours, reading '(3x)' as three A100s in parallel for 62 h 56 min; "
          "also = 62.93 h if '(3x)' meant something else (the README does not explain the mark). Quality C: the device count "
          "is an interpretation of '(3x)'."))

Y5_CLS_NOTE = ("README (Classification Checkpoints): 'YOLOv5-cls classification models were trained on ImageNet for 90 epochs using a "
               "4xA100 instance. ResNet and EfficientNet models were trained alongside under identical settings for comparison.' "
               "Column 'Training 90 epochs 4xA100 (hours)' in h:mm. 'All checkpoints were trained for 90 epochs using the SGD "
               "optimizer with lr0=0.001 and weight_decay=5e-5 at an image size of 224 pixels, using default settings.' Batch "
               "size not stated. samples = ImageNet-1k train 1,281,167 [R]. The ResNet50 and EfficientNet_b0 rows of the same "
               "table are NOT used (excluded development models). ")
for cid, label, arch, params, h, m in (
        ("yolov5s-cls-imagenet-90ep-4xa100-8h09", "YOLOv5s-cls", "YOLOv5s backbone + classification head", 5.4e6, 8, 9),
        ("resnet101-yolov5cls-imagenet-90ep-4xa100-17h10", "ResNet101", "ResNet-101 (torchvision architecture [R], trained with the YOLOv5 classify recipe)", 44.5e6, 17, 10),
        ("efficientnet-b3-yolov5cls-imagenet-90ep-4xa100-19h19", "EfficientNet_b3", "EfficientNet-B3 (trained with the YOLOv5 classify recipe at 224 px)", 12.2e6, 19, 19)):
    A(C(id=cid,
        name=f"{label} ImageNet-1k classification, 90 epochs at 224 px, 4x A100, {h} h {m:02d} min (Ultralytics YOLOv5 v6.2/v7.0 table, 2022)",
        quality="B", modality="vision", architecture=f"{arch}, {params/1e6:g}M parameters",
        paramsTotal=int(params), samples=IMAGENET1K, epochs=90, resolution=224, hardware="A100", devices=4,
        precision="fp16 (AMP default)",
        target=dict(metric=GPUH, value=4 * hm(h, m)),
        source=Y5_REPO,
        notes=Y5_CLS_NOTE + f"Row: '{label} | 224 | ... | {h}:{m:02d} | ... | {params/1e6:g} | ...'. Target [D] = 4 x {h}:{m:02d} = "
              f"{4*hm(h, m):.2f} A100-hours. Precision: AMP default of the training script [R for classify/train.py]. "
              "Quality B: dataset size recalled; A100 memory size not stated."))

# ====================================================================== diffusion: EDM (NVlabs/edm README)
EDM_REPO = "NVlabs/edm (GitHub) README.md 'Training new models' table, commit 008a4e5316c8e3bfe61a62f874bddba254295afb (blob dfcdbd4f); train.py blob 68516043"
EDM_NOTE = ("README: 'The above example uses the default batch size of 512 images (controlled by --batch) that is divided evenly "
            "among 8 GPUs'; table 'Model | GPUs | Time | Options'. train.py defaults: '--duration ... default=200' (Mimg, "
            "total_kimg = duration x 1000), '--batch ... default=512', '--fp16 ... default=False'; the README's example run "
            "directory is '...-gpus8-batch64-fp32'. Karras et al., 'Elucidating the Design Space of Diffusion-Based Generative "
            "Models' (NeurIPS 2022). ")
A(C(id="edm-cifar10-cond-vp-ddpmpp-200mimg-8xv100-2d",
    name="EDM class-conditional CIFAR-10 32x32 (DDPM++ / VP), 200 Mimg, batch 512, 8x V100, ~2 days (NVIDIA, 2022)",
    quality="B", modality="diffusion", architecture="DDPM++ U-Net (EDM preconditioning), ~56M parameters [R]",
    paramsTotal=56_000_000, samples=50_000, epochs=200e6 / 50_000, resolution=32, hardware="V100", devices=8, precision="fp32",
    target=dict(metric=GPUH, value=8 * 2 * 24),
    source=EDM_REPO,
    notes=EDM_NOTE + "Row: 'cifar10-32x32-cond-vp | 8xV100 | ~2 days | --cond=1 --arch=ddpmpp'. Target [D] = 8 x 2 d x 24 = 384 "
          "V100-hours. samples = CIFAR-10 train 50,000 [R]; epochs [D] = 200 Mimg / 50k = 4,000 image passes. paramsTotal ~56M [R, EDM paper]. fp32 (train.py default, README run name). "
          "Quality B: '~2 days', parameter count recalled."))
A(C(id="edm-ffhq64-uncond-vp-ddpmpp-200mimg-8xv100-4d",
    name="EDM unconditional FFHQ 64x64 (DDPM++ / VP), 200 Mimg, batch 256, 8x V100, ~4 days (NVIDIA, 2022)",
    quality="B", modality="diffusion", architecture="DDPM++ U-Net, channel multipliers 1,2,2,2 (EDM), ~62M parameters [R]",
    paramsTotal=62_000_000, samples=70_000, epochs=200e6 / 70_000, resolution=64, hardware="V100", devices=8, precision="fp32",
    target=dict(metric=GPUH, value=8 * 4 * 24),
    source=EDM_REPO,
    notes=EDM_NOTE + "Row: 'ffhq-64x64-uncond-vp | 8xV100 | ~4 days | --cond=0 --arch=ddpmpp --batch=256 --cres=1,2,2,2 --lr=2e-4 "
          "--dropout=0.05 --augment=0.15'. Target [D] = 8 x 4 d x 24 = 768 V100-hours. samples = FFHQ 70,000 images [R]; "
          "epochs [D] = 200 Mimg (default duration) / 70k = 2,857. paramsTotal ~62M [R]. Quality B: '~4 days', parameter "
          "count recalled."))
A(C(id="edm-imagenet64-cond-adm-2500mimg-32xa100-80gb-13d",
    name="EDM class-conditional ImageNet 64x64 (ADM architecture), 2,500 Mimg, batch 4096, fp16, 32x A100 80GB, ~13 days (NVIDIA, 2022)",
    quality="B", modality="diffusion", architecture="ADM U-Net (Dhariwal & Nichol) with EDM preconditioning, ~296M parameters [R]",
    paramsTotal=296_000_000, samples=IMAGENET1K, epochs=2500e6 / IMAGENET1K, resolution=64, hardware="A100 80GB", devices=32,
    precision="fp16 (mixed, --fp16=1)",
    target=dict(metric=GPUH, value=32 * 13 * 24),
    source=EDM_REPO,
    notes=EDM_NOTE + "Row: 'imagenet-64x64-cond-adm | 32xA100 | ~13 days | --cond=1 --arch=adm --duration=2500 --batch=4096 "
          "--lr=1e-4 --ema=50 --dropout=0.10 --augment=0 --fp16=1 --ls=100 --tick=200'. 'For ImageNet-64, we ran the training on "
          "four NVIDIA DGX A100 nodes, each containing 8 Ampere GPUs with 80 GB of memory.' Target [D] = 32 x 13 d x 24 = "
          "9,984 A100-hours. epochs [D] = 2,500 Mimg / 1,281,167 [R] = 1,951. paramsTotal ~296M [R]. Not ADM's own "
          "ImageNet runs (footprint-4/-8). Quality B: '~13 days', parameter count recalled."))

# ====================================================================== diffusion: BK-SDM distillation (Nota-NetsPresso/BK-SDM)
BK_SRC = ("Nota-NetsPresso/BK-SDM (GitHub) README.md (blob 5079a472) and MODEL_CARD.md (blob db656756), scripts/kd_train.sh (blob "
          "746bbee6), commit e13670c8a7e2b896f508cbece59335930703be6c; Kim et al., 'BK-SDM: A Lightweight, Fast, and Cheap "
          "Version of Stable Diffusion' (2023)")
BK_NOTE = ("README: 'The dataset with 212K (=0.22M) pairs is downloaded ...' 'With a batch size of 256 (=4x64), training BK-SDM-Base "
           "for 50K iterations takes about 300 hours and 53GB GPU memory. With a batch size of 64 (=4x16), it takes 60 hours and "
           "28GB GPU memory.' MODEL_CARD: 'BK-SDM: 212,776 image-text pairs ... from LAION-Aesthetics V2 6.5+', 'Hardware: A single "
           "NVIDIA A100 80GB GPU', 'Batch: 256 (=4x64)', 'a constant learning rate of 5e-5 for 50K-iteration pretraining', "
           "'0.76B-param BK-SDM-Base (0.58B-param U-Net)'. kd_train.sh: '--resolution 512', '--mixed_precision=\"fp16\"', "
           "'--gradient_checkpointing', '--use_ema' (its --max_train_steps=400000 is a ceiling; the paper run is 50K "
           "iterations). Knowledge distillation: every step also runs the frozen SD-v1.4 teacher U-Net (0.86B) forward; "
           "text encoder and VAE are frozen. paramsTotal = whole BK-SDM-Base (0.76B); trained share = U-Net 0.58B. "
           "Not SD v1 pre-training (excluded); a block-removed student distilled from it. ")
A(C(id="bk-sdm-base-kd-50k-bs256-1xa100-80gb-300h",
    name="BK-SDM-Base distillation pre-training (block-removed SD-v1.4 U-Net), 50K iterations x 256 on 212K LAION pairs, one A100 80GB, ~300 h (Nota AI, 2023)",
    quality="B", modality="diffusion", architecture="latent diffusion U-Net with blocks removed (0.58B trained) + frozen CLIP text encoder and VAE; frozen 0.86B teacher U-Net",
    paramsTotal=760_000_000, samples=212_776, epochs=50_000 * 256 / 212_776, resolution=512, hardware="A100 80GB", devices=1,
    precision="fp16 (mixed)",
    target=dict(metric=GPUH, value=300),
    source=BK_SRC,
    notes=BK_NOTE + "Target = 300 A100-hours ('about 300 hours'). epochs [D] = 50,000 x 256 / 212,776 = 60.2. Quality B: 'about'; "
          "teacher forward cost not in the parameter count."))
A(C(id="bk-sdm-base-kd-50k-bs64-1xa100-80gb-60h",
    name="BK-SDM-Base distillation pre-training, 50K iterations x 64 (=4x16), one A100 80GB, 60 h (Nota AI README, 2023)",
    quality="B", modality="diffusion", architecture="latent diffusion U-Net with blocks removed (0.58B trained) + frozen CLIP text encoder and VAE; frozen 0.86B teacher U-Net",
    paramsTotal=760_000_000, samples=212_776, epochs=50_000 * 64 / 212_776, resolution=512, hardware="A100 80GB", devices=1,
    precision="fp16 (mixed)",
    target=dict(metric=GPUH, value=60),
    source=BK_SRC,
    notes=BK_NOTE + "Target = 60 A100-hours (the README's batch-64 sentence). epochs [D] = 50,000 x 64 / 212,776 = 15.0. The "
          "sentence gives time and memory for this configuration, not its results; it is a second run of the same recipe at "
          "a quarter of the batch (x4 fewer images, x5 less time). Quality B: a single sentence; teacher cost as above."))

# ====================================================================== speech: Parler-TTS Mini v1 (huggingface/parler-tts)
A(C(id="parler-tts-mini-v1-880m-45kh-32xh100-80gb-1.5d",
    name="Parler-TTS Mini v1 (880M) trained on 45K hours of annotated audiobook speech, 4 nodes x 8 H100 80GB, ~1.5 days (Hugging Face, 2024)",
    quality="B", modality="speech", architecture="Parler-TTS: decoder-only transformer over DAC audio codes, conditioned on a frozen Flan-T5 text/description encoder, 880M",
    paramsTotal=880_000_000, epochs=4, hardware="H100 80GB", devices=32, precision="bf16",
    target=dict(metric=GPUH, value=32 * 1.5 * 24),
    source="huggingface/parler-tts (GitHub) training/README.md (blob 0e145e66) and README.md, commit d108732cd57788ec86bc857d99a6cabd66663d68 (Dec 2024)",
    notes="training/README: 'we released a 880M checkpoint trained on 45K hours of annotated data under the repository id: "
          "parler-tts/parler-tts-mini-v1'; 'In our case, we used 4 nodes of 8 H100 80GB to train Parler-TTS Mini for around 1.5 "
          "days.' The example command (said to be 'the exact same hyper-parameters' as helpers/training_configs/"
          "starting_point_v1.json) has '--num_train_epochs 4', '--per_device_train_batch_size 4', '--gradient_accumulation_steps "
          "6', '--max_duration_in_seconds 30', '--dtype \"bfloat16\"', '--freeze_text_encoder true'. README: 'These checkpoints "
          "have been trained on 45k hours of audiobook data.' Target [D] = 32 x 1.5 d x 24 = 1,152 H100-hours. samples "
          "(utterance count) not stated, so null; 45k hours of audio. Whether the example command (epochs 4) is exactly the "
          "v1 run is as the README says, not checked against the wandb log. Quality B: 'around 1.5 days'; sample count missing."))

# ====================================================================== NVIDIA DeepLearningExamples (not the rows used in footprint-13)
DLE = "NVIDIA/DeepLearningExamples (GitHub), commit 729963dd47e7c8bd462ad10bfac7a7b0b604e6dd (Apr 2024)"
# --- BERT-large pre-training (PyTorch/LanguageModeling/BERT)
BERT_TOK = 7038 * 65536 * 128 + 1563 * 32768 * 512
BERT_NOTE = ("README 'Pre-training loss results: NVIDIA DGX A100 (8x A100 80GB)': '| 32 x DGX A100 80GB | 8 | 256 and 32 | 256 and "
             "128 | 1 and 4 | --- | 1.2437 | --- | 1.2 | 1.9 |' (mixed precision) and '| 32 x DGX A100 80GB | 8 | 128 and 16 | 256 "
             "and 128 | 2 and 8 | 1.2465 | --- | 2.4 | --- | --- |' (TF32), columns ending 'Time to train(hours) - TF32 | Time to "
             "train(hours) - mixed precision'. README: LAMB 'allows using a global batch size of 65536 and 32768 on sequence "
             "lengths 128 and 512'; 'Phase 1: Pre-training on samples of sequence length 128 and 20 masked predictions per "
             "sequence. Phase 2: ... sequence length 512 and 80 masked predictions'. scripts/run_pretraining.sh defaults: "
             "'train_steps=${6:-7038}', 'train_steps_phase2=${19:-1563}', 'BERT_CONFIG=${32:-bert_configs/large.json}', "
             "'precision=${3:-\"fp16\"}'. Check: 256 GPUs x 256 x 1 = 65,536 and 256 x 32 x 4 = 32,768 sequences per step. tokens [D] "
             "= 7,038 x 65,536 x 128 + 1,563 x 32,768 x 512 = 85.27B token positions. Wikipedia ('2500M words'). BERT-large "
             "340M [R]. Not the original Google BERT-large (footprint-1) nor the DLE SQuAD fine-tune (footprint-13). ")
A(C(id="dle-bert-large-pretrain-2phase-256xa100-80gb-amp-1.2h",
    name="BERT-large pre-training (DLE PyTorch, LAMB, phases 128/512), 32 DGX A100 80GB = 256 GPUs, mixed precision, 1.2 h",
    quality="A", modality="text", architecture="encoder-only transformer (BERT-large: 24 layers, 1024 hidden), 340M",
    paramsTotal=340_000_000, tokens=BERT_TOK, seqLen=128, hardware="A100 80GB", devices=256, precision="fp16 (AMP)",
    target=dict(metric=GPUH, value=256 * 1.2),
    source=DLE + ", PyTorch/LanguageModeling/BERT/README.md and scripts/run_pretraining.sh",
    notes=BERT_NOTE + "Target [D] = 256 x 1.2 = 307.2 A100-hours. seqLen is phase 1's 128 (phase 2 uses 512 for 1,563 steps). "
          "Quality A: hardware, devices, time, steps, batches, sequence lengths and model config stated (parameter count is "
          "the standard BERT-large figure)."))
A(C(id="dle-bert-large-pretrain-2phase-256xa100-80gb-tf32-2.4h",
    name="BERT-large pre-training (DLE PyTorch, LAMB, phases 128/512), 32 DGX A100 80GB = 256 GPUs, TF32, 2.4 h",
    quality="A", modality="text", architecture="encoder-only transformer (BERT-large: 24 layers, 1024 hidden), 340M",
    paramsTotal=340_000_000, tokens=BERT_TOK, seqLen=128, hardware="A100 80GB", devices=256, precision="tf32",
    target=dict(metric=GPUH, value=256 * 2.4),
    source=DLE + ", PyTorch/LanguageModeling/BERT/README.md and scripts/run_pretraining.sh",
    notes=BERT_NOTE + "Target [D] = 256 x 2.4 = 614.4 A100-hours (the same schedule as the mixed-precision row, per-GPU batch halved "
          "and accumulation doubled). Quality A as the AMP row."))

# --- ELECTRA-base pre-training (TensorFlow2/LanguageModeling/ELECTRA)
EL_TOK = 10_000 * (176 * 48 * 8) * 128 + 930 * (24 * 144 * 8) * 512
EL_NOTE = ("README 'Pre-training loss results' table (columns DGX System | GPUs | Batch size / GPU (Phase 1 and Phase 2) | "
           "Accumulation steps | Final Loss - TF32/FP32 | Final Loss - mixed precision | Time to train(hours) - TF32/FP32 | "
           "Time to train(hours) - mixed precision | speedup): '|48 x DGX A100 |8 |176 and 24 |1 and 3 |8.686|8.68|1.61 |1.126|1.43', "
           "'|1 x DGX A100 |8 |176 and 24 |48 and 144|-|-|54.84 |30.47|1.8', '|1 x DGX-1 16G |8 |88 and 12 |96 and 288|-|-|241.8 "
           "|65.1 |3.71'. 'All results are on ELECTRA-base model'; model table 'ELECTRA_BASE |12 encoder| 768 |110M'. Parameters: "
           "'<train_steps_p1> ... Default is 10000', '<training_steps_p2> ... Default is 930' (scripts/run_pretraining.sh says "
           "933), phase 1 sequence length 128, phase 2 512; Wikipedia + BookCorpus. Global batch [D] = 176 x 48 x 8 = 67,584 "
           "(phase 1) and 24 x 144 x 8 = 27,648 (phase 2) sequences, the same for every row. tokens [D] = 10,000 x 67,584 x 128 "
           "+ 930 x 27,648 x 512 = 99.7B token positions. The 110M is the discriminator; a smaller generator is trained jointly "
           "(its size not read). Not ELECTRA-small (excluded) nor Google's ELECTRA-base (footprint-9). ")
A(C(id="dle-electra-base-pretrain-8xa100-amp-30.5h",
    name="ELECTRA-base pre-training (DLE TensorFlow2, LAMB, phases 128/512), one DGX A100 (8 GPUs), mixed precision, 30.47 h",
    quality="B", modality="text", architecture="ELECTRA-base discriminator (12 layers, 768 hidden, 110M) + generator",
    paramsTotal=110_000_000, tokens=EL_TOK, seqLen=128, hardware="A100", devices=8, precision="fp16 (AMP)",
    target=dict(metric=GPUH, value=8 * 30.47),
    source=DLE + ", TensorFlow2/LanguageModeling/ELECTRA/README.md and scripts/run_pretraining.sh",
    notes=EL_NOTE + "Target [D] = 8 x 30.47 = 243.76 A100-hours. Quality B: generator size not read; A100 memory not stated in the row."))
A(C(id="dle-electra-base-pretrain-8xv100-16gb-amp-65.1h",
    name="ELECTRA-base pre-training (DLE TensorFlow2), one DGX-1 16G (8x V100 16GB), mixed precision, 65.1 h",
    quality="B", modality="text", architecture="ELECTRA-base discriminator (12 layers, 768 hidden, 110M) + generator",
    paramsTotal=110_000_000, tokens=EL_TOK, seqLen=128, hardware="V100 16GB", devices=8, precision="fp16 (AMP)",
    target=dict(metric=GPUH, value=8 * 65.1),
    source=DLE + ", TensorFlow2/LanguageModeling/ELECTRA/README.md and scripts/run_pretraining.sh",
    notes=EL_NOTE + "Target [D] = 8 x 65.1 = 520.8 V100-hours (per-GPU batch 88/12 with doubled accumulation: same global batch). "
          "Quality B: generator size not read."))
A(C(id="dle-electra-base-pretrain-384xa100-amp-1.13h",
    name="ELECTRA-base pre-training (DLE TensorFlow2), 48 DGX A100 = 384 GPUs, mixed precision, 1.126 h",
    quality="B", modality="text", architecture="ELECTRA-base discriminator (12 layers, 768 hidden, 110M) + generator",
    paramsTotal=110_000_000, tokens=EL_TOK, seqLen=128, hardware="A100", devices=384, precision="fp16 (AMP)",
    target=dict(metric=GPUH, value=384 * 1.126),
    source=DLE + ", TensorFlow2/LanguageModeling/ELECTRA/README.md and scripts/run_pretraining.sh",
    notes=EL_NOTE + "Target [D] = 384 x 1.126 = 432.4 A100-hours: the same 99.7B-token schedule as the single-node row (243.8 "
          "A100-hours) costs 1.8x more GPU-hours across 48 nodes. Quality B: generator size not read."))

# --- DLRM (PyTorch/Recommendation/DLRM)
DLRM_NOTE = ("README: 'The scripts provided enable you to train DLRM on the Criteo Terabyte Dataset.' 'we train models of three "
             "sizes: \"small\" (~15 GB), \"large\" (~82 GB), and \"xlarge\" (~142 GB). We use the hybrid-parallel approach for the "
             "\"large\" and \"xlarge\" models'. Training commands use '--epochs 1 --amp --cuda_graphs'. Time-to-train table columns "
             "'GPUs | Model size | Batch size / GPU | Accuracy (AUC) - TF32/FP32 | Accuracy (AUC) - mixed precision | Time to "
             "train - TF32/FP32 | Time to train - mixed precision' (h:mm:ss). samples = Criteo Terabyte click logs, ~4.2B "
             "training samples [R] (one epoch). Parameters are embedding tables (~15 GB / ~82 GB of fp32 [D: ~3.75B / ~20.5B "
             "weights]) looked up sparsely; the dense MLPs are small, so FLOPs per sample are tiny compared with the parameter "
             "count. paramsTotal left null for that reason. ")
A(C(id="dle-dlrm-large-criteo1tb-1ep-8xa100-80gb-amp-4m36s",
    name="DLRM 'large' (~82 GB embeddings, hybrid-parallel) on Criteo Terabyte, 1 epoch, 8x A100 80GB, batch 8k/GPU, mixed precision, 4 min 36 s",
    quality="B", modality="multimodal", architecture="DLRM (embedding tables + bottom/top MLPs, dot interaction), 'large' ~82 GB",
    samples=4_200_000_000, epochs=1, hardware="A100 80GB", devices=8, precision="fp16 (AMP)",
    target=dict(metric=GPUH, value=8 * (4 * 60 + 36) / 3600),
    source=DLE + ", PyTorch/Recommendation/DLRM/README.md ('Training accuracy: NVIDIA DGX A100 (8x A100 80GB)')",
    notes=DLRM_NOTE + "Row: '| 8 | large | 8k | 0.802509 | 0.802528 | 0:06:27 | 0:04:36 | 1.40217 |'. Target [D] = 8 x 4:36 = 8 x "
          "0.0767 h = 0.613 A100-hours. Quality B: sample count recalled; parameter count not usable as a compute proxy."))
A(C(id="dle-dlrm-small-criteo1tb-1ep-1xv100-32gb-fp32-1h58",
    name="DLRM 'small' (~15 GB embeddings) on Criteo Terabyte, 1 epoch, one V100 32GB, batch 64k, FP32, 1 h 58 min 10 s",
    quality="B", modality="multimodal", architecture="DLRM (embedding tables + bottom/top MLPs, dot interaction), 'small' ~15 GB",
    samples=4_200_000_000, epochs=1, hardware="V100 32GB", devices=1, precision="fp32",
    target=dict(metric=GPUH, value=(1 * 3600 + 58 * 60 + 10) / 3600),
    source=DLE + ", PyTorch/Recommendation/DLRM/README.md ('Training accuracy: NVIDIA DGX-1 (8x V100 32GB)')",
    notes=DLRM_NOTE + "Row: '| 1 | small | 64k | 0.802784 | 0.802723 | 1:58:10 | 0:38:17 | 3.08663 |' (FP32 1:58:10, mixed "
          "precision 0:38:17). Target [D] = 1:58:10 = 1.969 V100-hours (FP32); also the AMP run 0.638 h is a separate "
          "measurement not used. Quality B: sample count recalled."))

# --- SE(3)-Transformer on QM9 (DGLPyTorch/DrugDiscovery/SE3Transformer)
SE3_NOTE = ("README: 'The QM9 dataset from DGL is used'; hyperparameters 'identical to the ones in the original publication': "
            "'Number of layers: 7', 'Number of degrees: 4', 'Number of channels: 32', 'Number of attention heads: 8'. Time-to-"
            "train tables (target homo): A100 80GB '|  1   |       240        | 0.03038 | 0.02987 | 1h02min | 50min | 1.24x |', "
            "'|  8   |       240        | 0.03466 | 0.03436 | 13min | 10min | 1.27x |'; V100 16GB '| 1 | 240 | ... | 2h07min | "
            "1h22min |', '| 8 | 240 | ... | 27min | 19min |' (FP32/TF32 then mixed precision). scripts/train.sh: 'BATCH_SIZE=${1:-240}', "
            "'AMP=${2:-true}', 'NUM_EPOCHS=${3:-100}'; scripts/train_multi_gpu.sh: 'NUM_EPOCHS=${3:-130}'. samples = QM9 training "
            "split ~100k molecules [R]. Parameter count not stated in what was read (null). Graph neural network on molecular "
            "graphs (modality 'multimodal', the class earlier sets used for science/graph models). ")
A(C(id="dle-se3-transformer-qm9-100ep-1xa100-80gb-amp-50min",
    name="SE(3)-Transformer (7 layers, degree 4) on QM9 homo, 100 epochs, batch 240, one A100 80GB, mixed precision, 50 min",
    quality="B", modality="multimodal", architecture="SE(3)-equivariant graph transformer, 7 layers, degrees 4, 32 channels, 8 heads",
    samples=100_000, epochs=100, hardware="A100 80GB", devices=1, precision="fp16 (AMP)",
    target=dict(metric=GPUH, value=50 / 60),
    source=DLE + ", DGLPyTorch/DrugDiscovery/SE3Transformer/README.md and scripts/train.sh",
    notes=SE3_NOTE + "Target [D] = 50 / 60 = 0.833 A100-hours. Quality B: dataset split size recalled, parameters not stated."))
A(C(id="dle-se3-transformer-qm9-130ep-8xv100-16gb-amp-19min",
    name="SE(3)-Transformer on QM9 homo, 130 epochs, batch 240/GPU, 8x V100 16GB, mixed precision, 19 min",
    quality="B", modality="multimodal", architecture="SE(3)-equivariant graph transformer, 7 layers, degrees 4, 32 channels, 8 heads",
    samples=100_000, epochs=130, hardware="V100 16GB", devices=8, precision="fp16 (AMP)",
    target=dict(metric=GPUH, value=8 * 19 / 60),
    source=DLE + ", DGLPyTorch/DrugDiscovery/SE3Transformer/README.md and scripts/train_multi_gpu.sh",
    notes=SE3_NOTE + "Target [D] = 8 x 19 / 60 = 2.533 V100-hours. epochs = 130 (train_multi_gpu.sh default; the table does not "
          "restate it). Quality B: epochs from the script default, dataset size recalled."))

# --- Wide & Deep (TensorFlow2/Recommendation/WideAndDeep)
A(C(id="dle-wide-deep-outbrain-20ep-1xv100-32gb-fp32-xla-72min",
    name="Wide & Deep CTR model (~92M parameters) on the Outbrain click-prediction features, 20 epochs, one V100 32GB, batch 131072, FP32 + XLA, 72.02 min",
    quality="B", modality="multimodal", architecture="Wide & Deep recommender: 16 categorical embeddings (total dim 1235) + wide part, five 1024-wide hidden layers, ~92M parameters (embedding-dominated)",
    epochs=20, hardware="V100 32GB", devices=1, precision="fp32",
    target=dict(metric=GPUH, value=72.02 / 60),
    source=DLE + ", TensorFlow2/Recommendation/WideAndDeep/README.md",
    notes="README model properties: 'Five hidden layers, each with a size of 1024', 'Total number of model parameters is ~92M', "
          "embeddings such as (128,300000), (128,250000), (128,100000). Parameters table: '--num_epochs NUM_EPOCHS | Number of "
          "training epochs | 20'. DGX-1 (8x V100 32GB) table: '| 1 | 131072 | Yes | 0.65726 | 0.65732 | 72.02 | 24.80 | 2.90 |' "
          "(GPUs | batch/GPU | XLA | MAP@12 FP32 | MAP@12 mixed | Time to train - FP32 (minutes) | - mixed precision (minutes)). "
          "Target [D] = 72.02 / 60 = 1.200 V100-hours (FP32). The number of Outbrain training rows in DLE's preprocessing was "
          "not read (samples null). paramsTotal left null: ~92M is almost all embedding rows looked up sparsely. Quality B: "
          "sample count missing."))

# --- Temporal Fusion Transformer (PyTorch/Forecasting/TFT)
A(C(id="dle-tft-electricity-30ep-8xa100-80gb-amp-176s",
    name="Temporal Fusion Transformer on the Electricity load dataset, 30 epochs x 450k sampled windows, 8x A100 80GB, batch 1024/GPU, mixed precision, 176 s",
    quality="B", modality="multimodal", architecture="Temporal Fusion Transformer (multi-horizon time-series forecasting: variable-selection networks, LSTM encoder-decoder, interpretable multi-head attention), hidden size 128, 4 heads",
    samples=450_000, epochs=30, hardware="A100 80GB", devices=8, precision="fp16 (AMP)",
    target=dict(metric=GPUH, value=8 * 176 / 3600),
    source=DLE + ", PyTorch/Forecasting/TFT/README.md and scripts/run_electricity.sh",
    notes="README 'Training accuracy: NVIDIA DGX A100 (8x A100 80GB)': '| Electricity | 8 | 1024 | 0.026 / 0.056 / 0.029 | 0.028 / "
          "0.058 / 0.029 | 200s | 176s | 1.136x' (Time to train TF32 | mixed precision). 'The presented results are the averages "
          "from the hundreds of runs.' scripts/run_electricity.sh: 'NGPU:=8', 'BATCH_SIZE:=1024', 'EPOCHS:=30', '--sample 450000 "
          "50000', '--use_amp'. Configuration table: '| Electricity | 450k | 50k | 53.5k | 168 | 24 | 0.1 | 128 | 4 | 8x1024 | 1e-3 | 0.0 |' (training samples | validation | test | history length | forecast horizon | dropout | hidden size | #heads | BS | LR | clipping). train.py has an '--early_stopping' option (default not read). Target [D] = 8 x 176 s / 3600 = 0.391 A100-hours. samples = 450,000 training windows drawn per "
          "epoch (the script's --sample), epochs 30 by default. Parameter count not read (null). Time-series forecasting is put "
          "in the 'multimodal' class as earlier sets did for science models. Quality B: parameter count missing; an average of "
          "many runs."))

# ====================================================================== speech: SpeechBrain recipes (speechbrain/speechbrain)
SB = "speechbrain/speechbrain (GitHub), commit 9c826ef3937bac885c8a6ca86c6889a30f256fb5"
A(C(id="sb-cvss-s2ut-fr-en-w2v2-large-30ep-1xa100-80gb-32.5h",
    name="SpeechBrain speech-to-unit translation French->English on CVSS-C (wav2vec 2.0 FR-7K-large encoder fine-tuned + transformer decoder), 30 epochs, one A100 80GB, ~32.5 h",
    quality="B", modality="speech", architecture="wav2vec 2.0 large encoder (LeBenchmark FR-7K, unfrozen after 10k steps) + transformer decoder predicting HuBERT k-means units, ~330M [R]",
    paramsTotal=330_000_000, epochs=30, hardware="A100 80GB", devices=1, precision="bf16 (mixed, --bfloat16_mix_prec)",
    target=dict(metric=GPUH, value=30 * hm(1, 5)),
    source=SB + ", recipes/CVSS/S2ST/README.md (blob 9a4e1ddc) and hparams/train_fr-en.yaml (blob 4a9fb102)",
    notes="README: 'Training requires about 1 hour and 5 minutes for each epoch on an NVIDIA A100 GPU. A total of 30 epochs are "
          "needed.' Results table row 'train_fr-en.yaml | 24.25 | 24.47 | ... | 1xA100 80GB'. Command: 'python train.py "
          "hparams/train_fr-en.yaml ... --bfloat16_mix_prec'; 'Dynamic batch settings are optimized for a 40GB VRAM GPU.' yaml: "
          "'epochs: 30', 'wav2vec2_source: LeBenchmark/wav2vec2-FR-7K-large', 'wav2vec2_frozen: False', 'wav2vec2_freeze_steps: "
          "10000', 'max_batch_len: 180 # 40 GB GPU' (dynamic batching). Target [D] = 30 x 1:05 = 32.5 A100-hours. Sample count "
          "(French CoVoST/CVSS-C train utterances) not read: null. paramsTotal ~330M [R] (wav2vec 2.0 large ~315M + decoder). "
          "A fine-tune of a self-supervised encoder, not wav2vec 2.0 pre-training (excluded development case). Quality B: "
          "per-epoch time x stated epoch count; parameter count recalled."))
A(C(id="sb-sepformer-dns4-enhancement-45ep-8xrtxa6000-3330h",
    name="SpeechBrain SepFormer speech enhancement on DNS Challenge 4 (1,300 h of noisy-clean pairs), 45 epochs, 8x RTX A6000 48GB, ~9.25 h per epoch",
    quality="B", modality="speech", architecture="SepFormer (dual-path transformer masking network, 256 channels), ~26M [R]",
    paramsTotal=26_000_000, epochs=45, hardware="RTX A6000 48GB", devices=8, precision="fp16",
    target=dict(metric=GPUH, value=8 * 45 * 9.25),
    source=SB + ", recipes/DNS/enhancement/README.md (blob 8ef4c2c4) and hparams/sepformer-dns-16k.yaml (blob 78d06851)",
    notes="README: 'We performed 45 epochs of training for the enhancement using an 8 X RTXA6000 48GB GPU. On average, each "
          "epoch took approximately 9.25 hours to complete. Consider training it for atleast 90-100 epochs for superior "
          "performance.' 'To handle the size of 1300 hours of clean-noisy pairs, we employed a multi-GPU distributed data-"
          "parallel (DDP) training scheme'. yaml: 'precision: fp16', 'N_epochs: 100' (the stated run stopped at 45), "
          "'batch_size: 4', 'sample_rate: 16000', 'N_encoder_out: 256'. Target [D] = 8 x 45 x 9.25 h = 3,330 GPU-hours "
          "(416.25 h wall-clock). Sample count null (1,300 hours of synthesized 16 kHz audio, shard-based). paramsTotal ~26M "
          "[R, SepFormer paper]. Quality B: 'approximately' per epoch; parameter count recalled.")) 

# ====================================================================== description
DESCRIPTION = ("Sixteenth held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md. Built without running the estimator and without reading product code; no model/run of "
               "footprint-heldout-1..15 nor of the development cases they name as excluded. gpuHours means accelerator-hours. "
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
    "set": "footprint-heldout-16",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
