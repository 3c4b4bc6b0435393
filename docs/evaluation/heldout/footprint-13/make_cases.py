"""Builds footprint-heldout-13 (cases.json next to this file).

Every number below is either copied from the quoted table row / sentence in the case's notes or computed here from such
numbers (GPUs x hours, h:mm:ss -> hours, steps x batch, images x epochs). Nothing is fitted and the Green ML Review
estimator was never run on these cases. [R] = recalled / secondary (not read in the primary source); [D] = derived here.
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


def hours(devices, h):
    """device-hours for `devices` running `h` wall hours."""
    return devices * h


def hms(s):
    """'hh:mm:ss' -> hours."""
    h, m, sec = (int(x) for x in s.split(":"))
    return h + m / 60 + sec / 3600


GPUH = "gpuHours"
cases = []
A = cases.append

# ---------------------------------------------------------------- shared recalled dataset sizes [R]
LJ_TRAIN_V3 = 12_496        # lines of FastPitch/filelists/ljs_audio_pitch_text_train_v3.txt (read at the commit) [D]
LJ_TRAIN_TACO = 12_500      # lines of Tacotron2/filelists/ljs_audio_text_train_filelist.txt (read at the commit) [D]
LIBRI960 = 281_241          # LibriSpeech train-clean-100 + train-clean-360 + train-other-500 utterances [R]
IMAGENET = 1_281_167        # ImageNet-1k train images [R]
COCO = 118_287              # COCO train2017 images [R]
SQUAD11 = 87_599            # SQuAD v1.1 train questions [R]
CNNDM = 287_113             # CNN/DailyMail train articles [R]

DLE = "NVIDIA/DeepLearningExamples (GitHub, commit 729963d, April 2024)"
AMP = "mixed (AMP)"

# ====================================================================== NVIDIA DeepLearningExamples: speech synthesis (LJSpeech)
FP = DLE + " PyTorch/SpeechSynthesis/FastPitch/README.md (blob e06ccbf), 'Expected training time' tables; filelists/ljs_audio_pitch_text_train_v3.txt"
A(C(id="dle-fastpitch-ljspeech-1000ep-8xa100-amp-2h",
    name="NVIDIA DLE FastPitch on LJSpeech-1.1, 1000 epochs, DGX A100 (8x A100 80GB), mixed precision, 2.0 h",
    quality="B", modality="speech", architecture="non-autoregressive TTS (FastPitch, feed-forward transformer + pitch predictor)",
    samples=LJ_TRAIN_V3, epochs=1000, hardware="A100 80GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 2.0)), also=[dict(metric=GPUH, value=hours(8, 2.2))],
    source=FP,
    notes="README, section 'Training performance: NVIDIA DGX A100 (8x A100 80GB)', 'Expected training time': 'The following table "
          "shows the expected training time for convergence for 1000 epochs:' row '| 32 | 8 | 1 | 2.2 | 2.0 | 1.12 |' (batch/GPU 32, 8 "
          "GPUs, grad accumulation 1, TF32 2.2 h, mixed precision 2.0 h). Target [D] = 8 x 2.0 h = 16 A100-hours (also: TF32 8 x 2.2 = "
          "17.6). samples = 12,496 lines of the train_v3 file list in the repository [D]; epochs 1000 as stated (also the --epochs "
          "default). Parameter count not stated in the README (null). The time excludes pitch extraction / data preparation. "
          "'Expected' time: a table value, not a logged run. Quality B: table estimate, one decimal."))
A(C(id="dle-fastpitch-ljspeech-1000ep-8xv100-amp-4.7h",
    name="NVIDIA DLE FastPitch on LJSpeech-1.1, 1000 epochs, DGX-1 (8x V100 16GB), mixed precision, 4.7 h",
    quality="B", modality="speech", architecture="non-autoregressive TTS (FastPitch, feed-forward transformer + pitch predictor)",
    samples=LJ_TRAIN_V3, epochs=1000, hardware="V100 16GB (DGX-1)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 4.7)), also=[dict(metric=GPUH, value=hours(8, 9.1))],
    source=FP,
    notes="README, 'Training performance: NVIDIA DGX-1 (8x V100 16GB)', 'Expected training time' for 1000 epochs: row "
          "'| 16 | 8 | 2 | 9.1 | 4.7 | 1.93 |' (batch/GPU 16, 8 GPUs, grad accumulation 2, FP32 9.1 h, mixed 4.7 h). Target [D] = 8 x "
          "4.7 = 37.6 V100-hours (also FP32: 72.8). samples 12,496 [D] (train_v3 list), epochs 1000. Parameters not stated. Pair with "
          "the A100 row (same recipe, global batch 256 both). Quality B: table estimate."))

TT = DLE + " PyTorch/SpeechSynthesis/Tacotron2/README.md (blob 7e443b0), 'Expected training time' tables; filelists/ljs_audio_text_train_filelist.txt"
A(C(id="dle-tacotron2-ljspeech-1501ep-8xa100-amp-16h",
    name="NVIDIA DLE Tacotron 2 on LJSpeech-1.1, 1501 epochs, DGX A100 (8x A100 40GB), mixed precision, 16 h",
    quality="B", modality="speech", architecture="autoregressive TTS (Tacotron 2, LSTM encoder-decoder with attention)",
    samples=LJ_TRAIN_TACO, epochs=1501, hardware="A100 40GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 16)), also=[dict(metric=GPUH, value=hours(8, 14))],
    source=TT,
    notes="README, section 'Training performance: NVIDIA DGX A100 (8x A100 40GB)': 'The following table shows the expected training time for convergence for Tacotron 2 (1501 "
          "epochs):' row '|8| 128| 16| 14| 0.84|' (8 GPUs, batch/GPU 128, mixed precision 16 h, TF32 14 h: mixed is slower here). "
          "Target [D] = 8 x 16 = 128 A100-hours (also TF32: 112). samples = 12,500 lines of the training file list [D]; epochs 1501 "
          "('--epochs ... Tacotron 2: 1501'). Parameters not stated (null). Quality B: whole-hour table estimate."))
A(C(id="dle-tacotron2-ljspeech-1501ep-8xv100-amp-31h",
    name="NVIDIA DLE Tacotron 2 on LJSpeech-1.1, 1501 epochs, DGX-1 (8x V100 16GB), mixed precision, 31 h",
    quality="B", modality="speech", architecture="autoregressive TTS (Tacotron 2, LSTM encoder-decoder with attention)",
    samples=LJ_TRAIN_TACO, epochs=1501, hardware="V100 16GB (DGX-1)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 31)), also=[dict(metric=GPUH, value=hours(8, 48))],
    source=TT,
    notes="README (DGX-1 8x V100 16G section), Tacotron 2 (1501 epochs) expected training time row '|8| 104@FP16, 48@FP32|  31|  48| "
          "1.56|'. Target [D] = 8 x 31 = 248 V100-hours (also FP32: 384). Batch/GPU 104 under mixed precision. samples 12,500 [D], "
          "epochs 1501. Parameters not stated. Quality B: whole-hour table estimate."))
A(C(id="dle-waveglow-ljspeech-1001ep-8xa100-amp-33h",
    name="NVIDIA DLE WaveGlow vocoder on LJSpeech-1.1, 1001 epochs, DGX A100 (8x A100 40GB), mixed precision, 33 h",
    quality="B", modality="speech", architecture="flow-based vocoder (WaveGlow)",
    samples=LJ_TRAIN_TACO, epochs=1001, hardware="A100 40GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 33)), also=[dict(metric=GPUH, value=hours(8, 75))],
    source=TT,
    notes="README, section 'Training performance: NVIDIA DGX A100 (8x A100 40GB)': 'The following table shows the expected training time for convergence for WaveGlow (1001 "
          "epochs):' row '|8| 10@FP16, 4@TF32 |  33|  75| 2.29|'. Target [D] = 8 x 33 = 264 A100-hours (also TF32: 600). WaveGlow "
          "trains on fixed-length audio segments of the same file list (12,500 clips [D]); epochs 1001. Parameters not stated in "
          "the README (null). Quality B: whole-hour table estimate."))
A(C(id="dle-waveglow-ljspeech-1001ep-8xv100-amp-48h",
    name="NVIDIA DLE WaveGlow vocoder on LJSpeech-1.1, 1001 epochs, DGX-1 (8x V100 16GB), mixed precision, 48 h",
    quality="B", modality="speech", architecture="flow-based vocoder (WaveGlow)",
    samples=LJ_TRAIN_TACO, epochs=1001, hardware="V100 16GB (DGX-1)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 48)), also=[dict(metric=GPUH, value=hours(8, 127))],
    source=TT,
    notes="README (DGX-1 section), WaveGlow (1001 epochs) expected training time row '|8| 10@FP16, 4@FP32 |  48| 127| 2.98|'. Target "
          "[D] = 8 x 48 = 384 V100-hours (also FP32: 1,016). samples 12,500 clips [D], epochs 1001. Parameters not stated. Quality "
          "B: whole-hour table estimate."))

HG = (DLE + " PyTorch/SpeechSynthesis/HiFiGAN/README.md (blob 10fa340), 'Training accuracy' tables; scripts/train_lj22khz.sh "
      "(blob 65155b8); platform/DGXA100_HiFi-GAN_AMP_8GPU.sh, platform/DGX1_HiFi-GAN_AMP_8GPU.sh")
HG_P = 13_920_000  # HiFi-GAN V1 generator, Kong et al. 2020 Table 1 [R]
A(C(id="dle-hifigan-ljspeech-6500ep-8xa100-amp-32.8h",
    name="NVIDIA DLE HiFi-GAN vocoder on LJSpeech-1.1 (6,500 epochs default), DGX A100 (8x A100 80GB), mixed precision, 32.8 h",
    quality="B", modality="speech", architecture="GAN vocoder (HiFi-GAN V1 generator + multi-period / multi-scale discriminators)",
    paramsTotal=HG_P, samples=LJ_TRAIN_V3, epochs=6500, hardware="A100 80GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 32.8)), also=[dict(metric=GPUH, value=hours(8, 32.9))],
    source=HG,
    notes="README 'Training accuracy: NVIDIA DGX A100 (8x A100 80GB)': '| LJSpeech-1.1 |  16 | 1 | 8 | 9.65 | 9.68 |  32.9 h |  32.8 h | "
          "1.00x |' (batch/GPU 16, 8 GPUs, FP32 32.9 h, mixed 32.8 h). Target [D] = 8 x 32.8 = 262.4 A100-hours. scripts/train_lj22khz.sh: "
          "'EPOCHS:=6500', 'BATCH_SIZE:=16', 'NUM_GPUS:=8' (global batch 128); the platform script only sets AMP. epochs = 6,500 (script "
          "default; the README table does not repeat it). samples = 12,496 [D]: the README names the list 'ljs_audio_train_v3.txt', the "
          "FastPitch folder's train_v3 list has 12,496 lines (the HiFi-GAN list is generated by prepare_dataset.sh and was not read). "
          "paramsTotal = 13.92M = generator only [R] (HiFi-GAN paper); the two discriminators, also trained every step, are not "
          "counted. Quality B: generator-only parameters, samples from a sibling list."))
A(C(id="dle-hifigan-ljspeech-6500ep-8xv100-amp-56.7h",
    name="NVIDIA DLE HiFi-GAN vocoder on LJSpeech-1.1 (6,500 epochs default), DGX-1 (8x V100 16GB), mixed precision, 56.7 h",
    quality="B", modality="speech", architecture="GAN vocoder (HiFi-GAN V1 generator + multi-period / multi-scale discriminators)",
    paramsTotal=HG_P, samples=LJ_TRAIN_V3, epochs=6500, hardware="V100 16GB (DGX-1)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 56.7)), also=[dict(metric=GPUH, value=hours(8, 88.3))],
    source=HG,
    notes="README 'Training accuracy: NVIDIA DGX-1 (8x V100 16GB)': '| LJSpeech-1.1 |  16 | 1 | 8 | 9.65 | 9.73 |  88.3 h |  56.7 h | "
          "1.56x |'. Target [D] = 8 x 56.7 = 453.6 V100-hours (also FP32: 706.4). Same recipe as the A100 row (6,500 epochs script "
          "default, global batch 128); samples and parameters as there. Quality B."))

# ====================================================================== speech recognition (LibriSpeech 960 h)
QN = (DLE + " PyTorch/SpeechRecognition/QuartzNet/README.md (blob 2903ee2), 'Training accuracy: NVIDIA DGX A100'; scripts/train.sh "
      "(blob 9c990b6); platform/DGXA100_QuartzNet_AMP_8GPU.sh")
A(C(id="dle-quartznet15x5-ls960-260ep-8xa100-amp-34h",
    name="NVIDIA DLE QuartzNet 15x5 on LibriSpeech 960 h, 260 epochs, DGX A100 (8x A100 80GB), mixed precision, 34 h",
    quality="B", modality="speech", architecture="CTC ASR (QuartzNet 15x5, 1D time-channel separable convolutions)",
    paramsTotal=18_900_000, samples=LIBRI960, epochs=260, hardware="A100 80GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 34)),
    source=QN,
    notes="README: '| Number of GPUs | Batch size per GPU | Precision | ... | Time to train |' / '|   8 | 144 | mixed |  3.47 | 10.84 | 3.69 "
          "| 10.69 | 34 h |'. Target [D] = 8 x 34 = 272 A100-hours. scripts/train.sh: 'EPOCHS:=260', 'GPU_BATCH_SIZE:=72', "
          "'GRAD_ACCUMULATION:=2' (72 x 2 = the table's 144 per GPU), config quartznet15x5_speedp-online-1.15_speca.yaml (online speed "
          "perturbation + SpecAugment). samples = 281,241 LibriSpeech-960 utterances [R] (the config may drop utterances over its "
          "maximum duration). paramsTotal = 18.9M [R] (QuartzNet paper). Quality B: whole hours, recalled data size and parameters."))
JS = (DLE + " PyTorch/SpeechRecognition/Jasper/README.md (blob 934aa54), 'Training accuracy' tables; scripts/train.sh (blob 1049af4); "
      "platform/DGXA100_Jasper_AMP_8GPU.sh, platform/DGX1-32GB_Jasper_AMP_8GPU.sh (blob 5f3885f)")
A(C(id="dle-jasper10x5dr-ls960-440ep-8xa100-amp-70h",
    name="NVIDIA DLE Jasper 10x5 DR on LibriSpeech 960 h, 440 epochs, DGX A100 (8x A100 80GB), mixed precision, 70 h",
    quality="B", modality="speech", architecture="CTC ASR (Jasper 10x5 dense residual, 1D convolutions)",
    paramsTotal=333_000_000, samples=LIBRI960, epochs=440, hardware="A100 80GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 70)),
    source=JS,
    notes="README: 'All results are trained on 960 hours of LibriSpeech with a maximum audio length of 16.7s.'; DGX A100 table row "
          "'|   8 |  64 | mixed |  3.20 |  9.78 | 3.41 |  9.71 | 70 h |'. Target [D] = 8 x 70 = 560 A100-hours. platform/DGXA100_Jasper_AMP_8GPU.sh: "
          "'NUM_GPUS=8 AMP=true BATCH_SIZE=64 GRAD_ACCUMULATION_STEPS=1'; scripts/train.sh: 'EPOCHS:=440'. samples = 281,241 utterances "
          "[R] (fewer after the 16.7 s cap). paramsTotal = 333M [R] (Jasper 10x5 DR as usually quoted). README: 'We show the best of 5 "
          "runs (mixed precision)' — the time is of one run. Quality B: whole hours, recalled parameters and data size."))
A(C(id="dle-jasper10x5dr-ls960-440ep-8xv100-amp-130h",
    name="NVIDIA DLE Jasper 10x5 DR on LibriSpeech 960 h, 440 epochs, DGX-1 (8x V100 32GB), mixed precision, 130 h",
    quality="B", modality="speech", architecture="CTC ASR (Jasper 10x5 dense residual, 1D convolutions)",
    paramsTotal=333_000_000, samples=LIBRI960, epochs=440, hardware="V100 32GB (DGX-1)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 130)),
    source=JS,
    notes="README 'Training accuracy: NVIDIA DGX-1 (8x V100 32GB)': '|   8 |  64 | mixed |  3.26 | 10.00 | 3.54 |  9.80 | 130 h |'. Target "
          "[D] = 8 x 130 = 1,040 V100-hours. platform/DGX1-32GB_Jasper_AMP_8GPU.sh sets the same batch 64 x 8, no accumulation; 440 "
          "epochs (train.sh default). Parameters and samples as the A100 row. Quality B."))

# ====================================================================== vision: classification (ImageNet-1k)
EF = (DLE + " PyTorch/Classification/ConvNets/efficientnet/README.md (blob 7e10c93), 'Training accuracy: NVIDIA DGX A100 (8x A100 80GB)'; "
      "efficientnet/training/AMP/DGXA100_efficientnet-b4_AMP.sh (blob 54664b5)")
A(C(id="dle-efficientnet-b4-in1k-400ep-8xa100-amp-66h",
    name="NVIDIA DLE EfficientNet-B4 on ImageNet-1k, 400 epochs, DGX A100 (8x A100 80GB), mixed precision, 66 h",
    quality="B", modality="vision", architecture="CNN classifier (EfficientNet-B4)",
    paramsTotal=19_000_000, samples=IMAGENET, epochs=400, hardware="A100 80GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 66)), also=[dict(metric=GPUH, value=hours(8, 126))],
    source=EF,
    notes="README table: '| Model | Epochs | GPUs | Top1 accuracy - TF32 | Top1 accuracy - mixed precision | Time to train - TF32 | Time "
          "to train - mixed precision | ...' row '| efficientnet-b4 | 400 | 8 | 82.82 +/- 0.04 | 82.85 +/- 0.09 | 126 | 66 | 1.909 |'. "
          "The unit of the time columns is not written; read as hours (66 minutes for 400 ImageNet epochs is impossible). Target [D] = 8 "
          "x 66 = 528 A100-hours (also TF32: 1,008). The launcher runs '--model efficientnet-b4 --precision AMP --mode convergence "
          "--platform DGXA100' on 8 processes. samples = 1,281,167 ImageNet-1k images [R]; paramsTotal = 19M [R] (EfficientNet paper). "
          "Training resolution not read (null). The accuracy '+/-' implies several runs; the time is per run. Quality B: unit inferred, "
          "recalled parameters. (EfficientNet-B0, a development case, is not used.)"))
RX = DLE + " PyTorch/Classification/ConvNets/resnext101-32x4d/README.md (blob 5184c7c), 'Training performance: NVIDIA DGX A100 (8x A100 80GB)'"
A(C(id="dle-resnext101-32x4d-in1k-90ep-8xa100-amp-5h",
    name="NVIDIA DLE ResNeXt101-32x4d on ImageNet-1k, 90 epochs, DGX A100 (8x A100 80GB), mixed precision, ~5 h",
    quality="B", modality="vision", architecture="CNN classifier (ResNeXt-101 32x4d)",
    paramsTotal=44_200_000, samples=IMAGENET, epochs=90, resolution=224, hardware="A100 80GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 5)), also=[dict(metric=GPUH, value=hours(8, 10))],
    source=RX,
    notes="README performance table: '| GPUs | Throughput - TF32 | Throughput - mixed precision | ... | Mixed Precision Training Time "
          "(90E) | TF32 Training Time (90E) |' row '| 8 | 3471 img/s | 7925 img/s | 2.28 x | 7.6 x | 6.54 x | ~5 hours | ~10 hours |'. "
          "Target [D] = 8 x 5 = 40 A100-hours (also TF32: 80). The 90-epoch time is projected from throughput, not a logged convergence "
          "run (1,281,167 x 90 / 7,925 img/s = 4.0 h of pure training [D], so the ~5 h includes other overhead). samples 1,281,167 [R]; "
          "resolution 224 [R] (standard crop); paramsTotal 44.2M [R]. Quality B: '~', throughput-derived."))
SX = DLE + " PyTorch/Classification/ConvNets/se-resnext101-32x4d/README.md (blob 9c4ad69), 'Training performance: NVIDIA DGX A100 (8x A100 80GB)'"
A(C(id="dle-se-resnext101-32x4d-in1k-90ep-8xa100-amp-6h",
    name="NVIDIA DLE SE-ResNeXt101-32x4d on ImageNet-1k, 90 epochs, DGX A100 (8x A100 80GB), mixed precision, ~6 h",
    quality="B", modality="vision", architecture="CNN classifier (SE-ResNeXt-101 32x4d)",
    paramsTotal=49_000_000, samples=IMAGENET, epochs=90, resolution=224, hardware="A100 80GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 6)), also=[dict(metric=GPUH, value=hours(8, 12))],
    source=SX,
    notes="README performance table row '| 8 | 2991 img/s | 5779 img/s | 1.93 x | 7.56 x | 6.75 x | ~6 hours | ~12 hours |' (mixed "
          "precision / TF32 training time for 90 epochs). Target [D] = 8 x 6 = 48 A100-hours (also TF32: 96). Throughput-projected like "
          "the ResNeXt row (1,281,167 x 90 / 5,779 = 5.5 h [D]). samples [R], resolution 224 [R], paramsTotal 49.0M [R]. Quality B."))
EV2 = (DLE + " TensorFlow2/Classification/ConvNets/efficientnet_v2/README.md (blob 5727823), 'Training results for EfficientNet v2-S'; "
       "efficientnet_v2/S/training/AMP/convergence_8xA100-80G.sh (blob 5ba05c9), convergence_8xV100-32G.sh")
A(C(id="dle-efficientnetv2-s-in1k-350ep-8xa100-amp-14h",
    name="NVIDIA DLE EfficientNetV2-S on ImageNet-1k, 350 epochs (progressive resizing 128->300), DGX A100 (8x A100 80GB), mixed precision, 14 h",
    quality="B", modality="vision", architecture="CNN classifier (EfficientNetV2-S, progressive learning)",
    paramsTotal=22_000_000, samples=IMAGENET, epochs=350, resolution=300, hardware="A100 80GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 14)), also=[dict(metric=GPUH, value=hours(8, 32)), dict(metric=GPUH, value=hours(16, 7))],
    source=EV2,
    notes="README 'Training accuracy: NVIDIA DGX A100 (8x A100 80GB)': '| 8 | 83.87% | 83.93% | 32hrs | 14hrs | 2.28 |' (TF32 32 h, "
          "mixed 14 h) and '| 16 | ... | 16hrs | 7hrs |'. Target [D] = 8 x 14 = 112 A100-hours (also: TF32 256; 16 GPUs x 7 h = 112). "
          "The convergence script runs 'horovodrun -np 8 ... --use_amp --use_xla ... --n_stages 4 --max_epochs 350 --train_batch_size 460 "
          "--train_img_size 300 --base_img_size 128' (progressive resizing: early stages train below 300 px, so resolution 300 is the "
          "maximum). samples 1,281,167 [R]; paramsTotal 22M [R] (EfficientNetV2 paper). Not footprint-4's EfficientNetV2-XL (ImageNet-21k, TPU). "
          "Quality B: whole hours, recalled parameters."))
A(C(id="dle-efficientnetv2-s-in1k-350ep-8xv100-amp-55h",
    name="NVIDIA DLE EfficientNetV2-S on ImageNet-1k, 350 epochs, DGX-1 (8x V100 32GB), mixed precision, 55 h",
    quality="B", modality="vision", architecture="CNN classifier (EfficientNetV2-S, progressive learning)",
    paramsTotal=22_000_000, samples=IMAGENET, epochs=350, resolution=300, hardware="V100 32GB (DGX-1)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 55)), also=[dict(metric=GPUH, value=hours(8, 90.3))],
    source=EV2,
    notes="README 'Training accuracy: NVIDIA DGX-1 (8x V100 32GB)': '| 8 | 83.86% | 84.0% | 90.3hrs | 55hrs | 1.64 |' (FP32 90.3 h, mixed "
          "55 h). Target [D] = 8 x 55 = 440 V100-hours (also FP32: 722.4). convergence_8xV100-32G.sh: '--max_epochs 350', "
          "'--train_batch_size 128', '--train_img_size 300'. samples / parameters as the A100 row. Quality B."))

# ====================================================================== vision: detection (COCO 2017)
SSD = DLE + " PyTorch/Detection/SSD/README.md (blob b3ad035), 'Default configuration' and 'Training accuracy' tables"
A(C(id="dle-ssd300-r50-coco-65ep-8xa100-amp-b64-26min",
    name="NVIDIA DLE SSD300 (ResNet-50 backbone) on COCO 2017, 65 epochs, DGX A100 (8x A100 80GB), batch 64/GPU, mixed precision, 0:26:10",
    quality="B", modality="vision", architecture="single-shot detector (SSD300, ResNet-50 backbone)",
    samples=COCO, epochs=65, resolution=300, hardware="A100 80GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, hms("00:26:10"))),
    source=SSD,
    notes="README: 'We trained the model for 65 epochs with the following setup' (SGD, LR decay before 43 and 54 epochs); DGX A100 table "
          "row '|8 |64 |0.270 |0.269 |00:26:10 |00:26:10 | 99% |' (8 GPUs, batch/GPU 64, TF32 and mixed both 00:26:10). Target [D] = 8 x "
          "(26 min 10 s = 0.4361 h) = 3.49 A100-hours (TF32 the same, so no 'also'). Consistent with the README's training-performance "
          "table (8 GPUs, batch 64, mixed precision '5252.84' img/s: 65 x 118,287 / 5,253 = 24.4 min [D]); the equal TF32 time is "
          "not (TF32 throughput 2,838.76 img/s), so the TF32 column may be a copy. samples = 118,287 [R]; resolution 300 (SSD300). Parameters not "
          "stated. Quality B: surprising table value."))
A(C(id="dle-ssd300-r50-coco-65ep-8xv100-amp-b32-1h",
    name="NVIDIA DLE SSD300 (ResNet-50 backbone) on COCO 2017, 65 epochs, DGX-1 (8x V100 16GB), batch 32/GPU, mixed precision, 1:00:27",
    quality="B", modality="vision", architecture="single-shot detector (SSD300, ResNet-50 backbone)",
    samples=COCO, epochs=65, resolution=300, hardware="V100 16GB (DGX-1)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, hms("01:00:27"))), also=[dict(metric=GPUH, value=hours(8, hms("02:35:00")))],
    source=SSD,
    notes="README DGX-1 (8x V100 16GB) table row '|8 |32 |0.271 |0.269 |02:35:00 |01:00:27 |256% |' (FP32 2:35:00, mixed 1:00:27). "
          "Target [D] = 8 x 1.0075 h = 8.06 V100-hours (also FP32: 20.67). 65 epochs (default configuration); samples 118,287 [R]. "
          "Parameters not stated. Quality B."))
MR = (DLE + " PyTorch/Segmentation/MaskRCNN/README.md (blob 65f9f86), default configuration list and 'Training Accuracy Results'")
MR_P = 44_400_000  # torchvision maskrcnn_resnet50_fpn [R]
A(C(id="dle-maskrcnn-r50fpn-coco-16667it-8xa100-amp-1.85h",
    name="NVIDIA DLE Mask R-CNN R50-FPN on COCO 2017, 16,667 iterations x 96 images, DGX A100 (8x A100 80GB), mixed precision, 1.85 h",
    quality="B", modality="vision", architecture="two-stage detector / instance segmentation (Mask R-CNN, ResNet-50 FPN)",
    paramsTotal=MR_P, samples=COCO, epochs=round(16667 * 96 / COCO, 2), hardware="A100 80GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 1.85)), also=[dict(metric=GPUH, value=hours(8, 2.15))],
    source=MR,
    notes="README default configuration: 'Feature extractor set to ResNet-50 with Feature Pyramid Networks (FPN)', 'Dataset - COCO 2017', "
          "'Global train batch size - 96', 'Max iterations - 16667'. Table 'Training accuracy: NVIDIA DGX A100 (8x A100 80GB)': '| 8 | 12 | "
          "0.3765 | 0.3408 | 0.3763 | 0.3417 | 2.15 | 1.85 | 1.16x' (TF32 2.15, mixed 1.85). The time unit is not written; read as hours "
          "(1.6M images in 1.85 minutes is impossible). Target [D] = 8 x 1.85 = 14.8 A100-hours (also TF32: 17.2). epochs [D] = 16,667 "
          "x 96 / 118,287 = 13.5; samples 118,287 [R]; paramsTotal 44.4M [R] (torchvision's Mask R-CNN R50-FPN). Quality B: unit "
          "inferred."))
A(C(id="dle-maskrcnn-r50fpn-coco-16667it-8xv100-amp-3.37h",
    name="NVIDIA DLE Mask R-CNN R50-FPN on COCO 2017, 16,667 iterations x 96 images, DGX-1 (8x V100 32GB), mixed precision, 3.37 h",
    quality="B", modality="vision", architecture="two-stage detector / instance segmentation (Mask R-CNN, ResNet-50 FPN)",
    paramsTotal=MR_P, samples=COCO, epochs=round(16667 * 96 / COCO, 2), hardware="V100 32GB (DGX-1)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 3.37)), also=[dict(metric=GPUH, value=hours(8, 5.58))],
    source=MR,
    notes="README 'Training accuracy: NVIDIA DGX-1 (8x V100 32GB)': '| 8 | 12 | 0.3768 | 0.3415 | 0.3755 | 0.3403 | 5.58 | 3.37 | 1.65x' "
          "(FP32 5.58, mixed 3.37; unit read as hours as in the A100 row). Target [D] = 8 x 3.37 = 26.96 V100-hours (also FP32: 44.64). "
          "Same schedule (16,667 x 96). Quality B."))
ED = (DLE + " TensorFlow2/Detection/Efficientdet/README.md (blob 76d450d), 'Training Accuracy Results'; scripts/D0/convergence-AMP-8xA100-80G.sh "
      "(blob e53862d), scripts/D0/convergence-AMP-8xV100-32G.sh")
A(C(id="dle-efficientdet-d0-coco-300ep-8xa100-amp-4.6h",
    name="NVIDIA DLE EfficientDet-D0 (TF2) on COCO 2017, 300 epochs, 512x512, DGX A100 (8x A100 80GB), mixed precision, 4.6 h",
    quality="B", modality="vision", architecture="single-stage detector (EfficientDet-D0, EfficientNet-B0 backbone + BiFPN)",
    paramsTotal=3_900_000, samples=COCO, epochs=300, resolution=512, hardware="A100 80GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 4.6)), also=[dict(metric=GPUH, value=hours(8, 8.5))],
    source=ED,
    notes="README: results 'obtained by running the scripts/D0/convergence-{AMP, TF32}-8xA100-80G.sh training script ... on NVIDIA DGX "
          "A100 (8x A100 80GB) GPUs while evaluating every 10 epochs after 200 epochs of training until the 300th epoch is completed.'; row "
          "'| 8 | 512 x 512 | FP16 | 200 | 34.27 | 4.6 hrs | 1.84x' (TF32: batch 104, 8.5 hrs). Target [D] = 8 x 4.6 = 36.8 A100-hours "
          "(also TF32: 68). epochs = 300 per the README sentence; note the AMP A100 script sets 'ep=400' (with 'bs=200') — a run to 400 "
          "epochs would be longer, so the README's 300 is used. The time includes the evaluations after epoch 200. samples 118,287 [R]; "
          "paramsTotal 3.9M [R] (EfficientDet paper). Quality B: script/README epoch mismatch."))
A(C(id="dle-efficientdet-d0-coco-300ep-8xv100-amp-14.3h",
    name="NVIDIA DLE EfficientDet-D0 (TF2) on COCO 2017, 300 epochs, 512x512, DGX-1 (8x V100 32GB), mixed precision, 14.3 h",
    quality="B", modality="vision", architecture="single-stage detector (EfficientDet-D0, EfficientNet-B0 backbone + BiFPN)",
    paramsTotal=3_900_000, samples=COCO, epochs=300, resolution=512, hardware="V100 32GB (DGX-1)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 14.3)), also=[dict(metric=GPUH, value=hours(8, 16.9))],
    source=ED,
    notes="README: DGX-1 results 'with no intermediate evaluation'; row '| 8 | 512 x 512 | FP16 | 64 | 34.45 | 14.3 hrs | 1.18x' (FP32: "
          "batch 40, 16.9 hrs). Target [D] = 8 x 14.3 = 114.4 V100-hours (also FP32: 135.2). convergence-AMP-8xV100-32G.sh: 'bs=64', "
          "'ep=300'. samples / parameters as the A100 row. Quality B."))

# ====================================================================== text: BERT / BART fine-tunes
BS = (DLE + " PyTorch/LanguageModeling/BERT/README.md (blob 19d6535), 'Fine-tuning accuracy results: NVIDIA DGX A100 (8x A100 80GB)'; "
      "scripts/configs/squad_config.sh (dgxa100-80g_8gpu_fp16), scripts/run_squad.sh")
A(C(id="dle-bert-large-squad11-2ep-8xa100-fp16-0.0574h",
    name="NVIDIA DLE BERT-large (uncased) fine-tune on SQuAD v1.1, 2 epochs, DGX A100 (8x A100 80GB), fp16, 0.0574 h",
    quality="B", modality="text", architecture="dense-encoder (BERT-large, extractive QA head), fine-tune",
    paramsTotal=335_000_000, samples=SQUAD11, epochs=2, seqLen=384, hardware="A100 80GB (DGX A100)", devices=8, precision="fp16",
    target=dict(metric=GPUH, value=hours(8, 0.0574)), also=[dict(metric=GPUH, value=hours(8, 0.102))],
    source=BS,
    notes="README SQuAD table: '| GPUs | Batch size / GPU (TF32 and FP16) | Accuracy - TF32(% F1) | Accuracy - mixed precision(% F1) | "
          "Time to train(hours) - TF32 | Time to train(hours) - mixed precision | ...' row '| 8 | 32 | 90.93 | 90.96 | 0.102 | 0.0574 | "
          "1.78 |'. Target [D] = 8 x 0.0574 = 0.4592 A100-hours (about 3.4 minutes wall; also TF32: 0.816). squad_config.sh "
          "dgxa100-80g_8gpu_fp16: 'epochs=\"2.0\"', 'batch_size=\"32\"', 'precision=\"fp16\"', 'num_gpu=\"8\"', SQuAD v1.1, vocab "
          "uncased_L-24_H-1024_A-16; run_squad.sh: '--max_seq_length=384'. samples = 87,599 SQuAD v1.1 training questions [R] (windowing "
          "gives slightly more features); paramsTotal 335M [R] (BERT-large). Quality B: recalled parameters and data size. Not the "
          "BERT-base development case, nor footprint-1's 'bert-large' (the original pre-training): a SQuAD fine-tune."))
BT = (DLE + " PyTorch/LanguageModeling/BART/README.md (blob 16e2761), 'Fine-tuning accuracy: NVIDIA DGX A100 (8x A100 80GB)' (CNN-DM); "
      "scripts/params/cnn_dm_params.sh (blob 21097db), dgxa100_8gpu_bf16")
A(C(id="dle-bart-large-cnndm-2000steps-8xa100-bf16-0.45h",
    name="NVIDIA DLE BART-large fine-tune on CNN/DailyMail, 2,000 steps x 320 articles, DGX A100 (8x A100 80GB), bf16, 0.45 h",
    quality="B", modality="text", architecture="dense-encoder-decoder (BART-large, summarisation), fine-tune",
    paramsTotal=406_000_000, tokens=2000 * 8 * 40 * 1024, samples=CNNDM, epochs=round(2000 * 8 * 40 / CNNDM, 3), seqLen=1024,
    hardware="A100 80GB (DGX A100)", devices=8, precision="bf16",
    target=dict(metric=GPUH, value=hours(8, 0.45)), also=[dict(metric=GPUH, value=hours(8, 0.73))],
    source=BT,
    notes="README: 'In addition,results for CNN-DM dataset are:' row '|    8 |         192, 320 | 43.77 | ... | 0.73 | 0.45 | 1.62 |' "
          "(global batch TF32 192 / BF16 320; time to train (hrs) TF32 0.73, BF16 0.45). Target [D] = 8 x 0.45 = 3.6 A100-hours (also "
          "TF32: 5.84). cnn_dm_params.sh dgxa100_8gpu_bf16: 'NUM_GPU=8', 'BS=40', 'ACCUM=1', 'PRECISION=\"bf16\"', 'TRAIN_STEPS=2000', "
          "'MAX_SOURCE_LEN=1024', 'MAX_TARGET_LEN=142'. tokens [D] = 2,000 x 8 x 40 x 1,024 = 655.4M encoder sequence slots (upper "
          "bound; target tokens extra); epochs [D] = 640,000 / 287,113 = 2.23 with samples = CNN/DM train articles [R]; paramsTotal 406M "
          "[R] (BART-large). Whether the time includes the final evaluation is not said. Quality B."))

TXL = DLE + " PyTorch/LanguageModeling/Transformer-XL/README.md (blob 0ebf3a6), hyperparameter table and 'Training accuracy: NVIDIA DGX A100 (8x A100 40GB)'"
A(C(id="dle-transformer-xl-large-wt103-100k-steps-8xa100-40gb-amp-477min",
    name="NVIDIA DLE Transformer-XL large on WikiText-103, 100,000 steps x 128 x 384 tokens, DGX A100 (8x A100 40GB), mixed precision, 477 min",
    quality="B", modality="text", architecture="dense-decoder (Transformer-XL large, 18 layers, d_model 1024, segment recurrence, adaptive softmax)",
    paramsTotal=257_000_000, tokens=100_000 * 128 * 384, seqLen=384, hardware="A100 40GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 477 / 60)), also=[dict(metric=GPUH, value=hours(8, 735 / 60)), dict(metric=GPUH, value=hours(8, 430 / 60))],
    source=TXL,
    notes="README hyperparameter table (large model): 'n_layer 18', 'd_model 1024', 'n_head 16', 'd_inner 4096', 'max_step 100,000', "
          "'batch_size 128', 'tgt_len 384', 'mem_len 384'. DGX A100 (8x A100 40GB) large-model table: '| 8 | 8  | 18.18 | 18.18 | 735 | "
          "477 | 1.54 |' (batch/GPU 8, TF32 735 min, mixed 477 min) and '| 8 | 16 | N/A | 18.19 | N/A | 430 | 1.71 |'. Target [D] = 8 x "
          "477 / 60 = 63.6 A100-hours (also: TF32 98.0; batch 16/GPU mixed 57.3). tokens [D] = 100,000 x 128 x 384 = 4.92B predicted "
          "tokens (the 384-token memory is attended to but not predicted). paramsTotal = 257M [R] (Transformer-XL paper, large "
          "WikiText-103 model, same shape). Quality B: recalled parameters."))
A(C(id="dle-transformer-xl-base-wt103-40k-steps-8xa100-40gb-amp-76min",
    name="NVIDIA DLE Transformer-XL base (NVIDIA variant) on WikiText-103, 40,000 steps x 256 x 192 tokens, DGX A100 (8x A100 40GB), mixed precision, 76 min",
    quality="B", modality="text", architecture="dense-decoder (Transformer-XL base variant, 16 layers, d_model 512, adaptive softmax)",
    tokens=40_000 * 256 * 192, seqLen=192, hardware="A100 40GB (DGX A100)", devices=8, precision=AMP,
    target=dict(metric=GPUH, value=hours(8, 76 / 60)), also=[dict(metric=GPUH, value=hours(8, 110 / 60))],
    source=TXL,
    notes="README: base model 'n_layer 16', 'd_model 512', 'n_head 8', 'd_inner 2048', 'max_step 40,000', 'batch_size 256', 'tgt_len "
          "192' (NVIDIA changed n_head 10 -> 8 and tgt_len 150 -> 192 from the original base). DGX A100 base table: '| 8 | 32 | 23.24 | "
          "23.24 | 110 | 76 | 1.45 |' (minutes). Target [D] = 8 x 76 / 60 = 10.13 A100-hours (also TF32: 14.67). tokens [D] = 40,000 x "
          "256 x 192 = 1.97B. Parameter count not stated for this variant (null; it differs from the paper's 151M base). Quality B."))

# ====================================================================== other sources (Hugging Face cards / a GitHub issue, read through the search tool)
A(C(id="rwkv-7b-world-toolformer-translation-ft-0.6b-tok-4xa800-25h",
    name="xiaol/RWKV-toolformer-translation-japanese-chinese-english-7B-World-128k: continued training of RWKV 7B World on 0.6B tokens, 4 A800, 25 h",
    quality="B", modality="text", architecture="recurrent LM (RWKV-4 World 7B), full fine-tune / continued training",
    paramsTotal=7_500_000_000, tokens=600_000_000, hardware="A800 (memory not stated)", devices=4,
    target=dict(metric=GPUH, value=hours(4, 25)),
    source=("xiaol/RWKV-toolformer-translation-japanese-chinese-english-7B-World-128k model card on Hugging Face (README.md, commit "
            "30caf5c diff, August 2023), read through the search tool (docs corpus)"),
    notes="Card: 'this is the model trained from RWKV 7B world' / '## Trainning details' / '4*A800 25hours with 0.6B tokens, more coming' "
          "(the commit replaces the earlier line '4*A800'). Target [D] = 4 x 25 = 100 A800-hours. tokens = 0.6B as stated. paramsTotal = "
          "7.5B [R] (RWKV-4 World 7B, approximate); whether all weights were trained (not LoRA) is not said, 'trained from' is read as "
          "full continued training. Context length: the name says 128k, the card does not give the training length (seqLen null). "
          "Precision not stated. 'more coming': the figure is for the run up to that commit. Quality B: terse card, recalled parameters. "
          "A800 is the export variant of the A100."))
A(C(id="sygil-diffusion-sd15-ft-1.49m-steps-1xrtx3050-520h",
    name="Sygil Diffusion (Stable Diffusion v1.5 fine-tune on the INE dataset), 1,489,983 steps at batch 1, one RTX 3050 8GB, ~520 h",
    quality="B", modality="diffusion", architecture="latent diffusion UNet (Stable Diffusion v1.5), fine-tune",
    resolution=512, hardware="RTX 3050 8GB (consumer)", devices=1,
    target=dict(metric=GPUH, value=hours(1, 520)), also=[dict(metric=GPUH, value=477), dict(metric=GPUH, value=384)],
    source=("Sygil/Sygil-Diffusion model card on Hugging Face (README.md): commit 4898144 diff ('Hours Trained: 520 hours approximately', "
            "'Total Training Steps: 1,489,983'), with the earlier readings in commits 737beff (477 h, 1,296,090 steps) and e36b0e9 (384 h); "
            "read through the search tool (docs corpus)"),
    notes="Card (commit 4898144): '**Hardware:** 1 x Nvidia RTX 3050 8GB GPU', '**Hours Trained:** 520 hours approximately.', "
          "'**Gradient Accumulations**: 4', '**Batch:** 1', 'Learning rate: warmup to 1e-7 for 10,000 steps and then kept constant', "
          "'**Total Training Steps:** 1,489,983'; later versions add '**Resolution**: 512 pixels' and LoRA learning rates ('Lora unet "
          "Learning Rate: 1e-7'), and a checkpoint is named '..._lora.ckpt', so part of the training may be LoRA rather than full "
          "fine-tuning. The card was updated as training went on: 384 h (e36b0e9) -> 477 h at 1,296,090 steps (737beff) -> 520 h at "
          "1,489,983 steps (4898144); the 520 h reading is the target (also: 477 and 384). Whether 'steps' counts micro-batches or "
          "optimizer steps (accumulation 4) is not said; samples / epochs null. Parameters null (SD v1.5 UNet ~860M [R], but LoRA "
          "parts unclear). Not the excluded Stable Diffusion v1 pre-training: a community fine-tune. Quality B: '~', moving figure."))
DIF = ("zsyoaoa/DifFace GitHub issue #3 'How long it takes to train the entire network?' (reply in the thread), read through the "
       "search tool (docs corpus); the repository itself was not fetched")
A(C(id="difface-diffusion-prior-8xv100-1wk",
    name="DifFace (blind face restoration): the diffusion model, 8 V100, about one week",
    quality="B", modality="diffusion", architecture="pixel diffusion UNet (DifFace face prior)",
    hardware="V100", devices=8,
    target=dict(metric=GPUH, value=8 * 7 * 24),
    source=DIF,
    notes="Issue reply: 'To train the diffusion model, 8 V100 GPU, taking about one week.' Target [D] = 8 x 7 days x 24 = 1,344 V100-hours. "
          "Dataset, resolution, steps and parameters are not in the reply (null); the reply's author is not identified in the excerpt "
          "read (taken to be the maintainer answering). Quality B: 'about one week', secondary (issue thread)."))
A(C(id="difface-swinir-estimator-4xv100-4d",
    name="DifFace (blind face restoration): the diffused estimator based on SwinIR, 4 V100, about 4 days",
    quality="B", modality="vision", architecture="image restoration transformer (SwinIR-based estimator)",
    hardware="V100", devices=4,
    target=dict(metric=GPUH, value=4 * 4 * 24),
    source=DIF,
    notes="Issue reply: 'To train the diffused estimator based on SwinIR, 4 V100 GPUs, taking about 4 days.' Target [D] = 4 x 4 x 24 = 384 "
          "V100-hours. Nothing else about the run is in the reply (null). Pair with the diffusion-model row (same project). Quality B."))

DESCRIPTION = ("Thirteenth held-out set of published training runs for validating the Green ML Review footprint estimator. "
               "See README.md. Built without running the estimator and without reading product code; no model/run of "
               "footprint-heldout-1..12 nor of the development cases they name as excluded. gpuHours means accelerator-hours. "
               "[R] = recalled/secondary; [D] = derived arithmetic shown in notes and in make_cases.py.")


# ====================================================================== write
def num(v):
    """integral floats become ints; others are rounded to 4 decimals."""
    if isinstance(v, float):
        return int(v) if v.is_integer() else round(v, 4)
    return v


assert len({c["id"] for c in cases}) == len(cases)
for c in cases:
    assert c["target"] and c["source"] and c["notes"] and c["quality"] in ("A", "B"), c["id"]
    c["target"]["value"] = num(c["target"]["value"])
    c["also"] = [dict(metric=a["metric"], value=num(a["value"])) for a in c["also"]]
    for k in ("epochs", "tokens"):
        c[k] = num(c[k])

out = {
    "set": "footprint-heldout-13",
    "created": os.environ.get("CREATED") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "description": DESCRIPTION,
    "cases": cases,
}
with open(os.path.join(HERE, "cases.json"), "w") as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(len(cases), "cases")
