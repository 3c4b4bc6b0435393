# Batch B of dev-footprint-31: published runs written down BEFORE the estimator was run on them (2026-12-07, 15:36 UTC).
# Every number is what the source states; [D] marks plain arithmetic on stated figures. Same format as the held-out
# footprint sets (docs/evaluation/heldout/footprint-N/cases.json) plus `model` (None: every case states its size).
# Source: GitHub mlcommons/training_results_v1.1 @ ebe92f81f7a69255a3b0a907595d8be623d75ec6 (MLPerf Training v1.1,
# closed division, Nov 2021), claimed in /work/round31-claims.txt as `dev-footprint mlcommons/training_results_v1.1`
# before it was read; `git grep -il training_results_v1.1` over the repository was empty. Read with `git show`:
# <submitter>/results/<system>/<benchmark>/result_N.txt (MLLOG lines) and <submitter>/systems/<system>.json.
# What each case reads: run_start and run_stop time_ms (the benchmark's timed region); the epoch of the last evaluation
# (ResNet, SSD, Mask R-CNN) or the sequences trained at run_stop (BERT); global_batch_size; train_samples; the system's
# number_of_nodes x accelerators_per_node and accelerator_model_name. target [D] = devices x (run_stop - run_start) / 3.6e6 ms.
# One source only (MLPerf closed division: tuned vendor submissions); no public model card of this round had all four
# inputs and no earlier use (section 4 of ../dev-footprint-31.md).
# Conventions as footprint-27 (its MLPerf v1.0 cases, read for format only): BERT-large 340M (Devlin et al. 2019),
# MLPerf BERT continues from the reference phase-1 checkpoint, tokens [D] = sequences x 512; ResNet-50 v1.5 25.6M
# (MLPerf reference), ImageNet-1k 1,281,167 images (train_samples in the logs); precision only where the log states it.
import json, os
C = []
def case(**k): C.append(k)
REPO = 'GitHub mlcommons/training_results_v1.1 @ ebe92f81'

def resnet(sub, system, result, hw, devices, minutes, epochs, gbs, precision, note):
    case(id=f'mlperf-v1.1-{sub.lower()}-{system.lower()}-resnet50-{epochs}ep-{devices}x-{minutes:.1f}min', model=None,
         name=f'MLPerf Training v1.1 closed ResNet-50 v1.5 ({sub} {system}): ImageNet-1k to 75.9 % top-1, {epochs} epochs x 1,281,167 images, {devices} x {hw}, {minutes:.2f} min',
         quality='B', modality='vision', architecture='CNN (ResNet-50 v1.5), supervised ImageNet classification, LARS optimizer',
         paramsTotal=25_600_000, paramsActive=None, tokens=None, samples=1_281_167, epochs=epochs, seqLen=None, resolution=None,
         hardware=hw, devices=devices, precision=precision,
         target={'metric': 'gpuHours', 'value': round(devices * minutes / 60, 4)},
         source=f'{REPO} {sub}/results/{system}/resnet/{result}, {sub}/systems/{system}.json',
         notes=f'run_start..run_stop {minutes:.2f} min; last eval at epoch {epochs}; global_batch_size {gbs}. {note}')

def bert(sub, system, hw, devices, minutes, seqs, gbs, precision, note):
    case(id=f'mlperf-v1.1-{sub.lower()}-{system.lower()}-bert-340m-{seqs}-seq512-{devices}x-{minutes:.1f}min', model=None,
         name=f'MLPerf Training v1.1 closed BERT-large ({sub} {system}): MLM pre-training continued from the reference phase-1 checkpoint to 0.720 masked-LM accuracy, {seqs:,} sequences of 512, {devices} x {hw}, {minutes:.2f} min',
         quality='B', modality='text', architecture='encoder-only transformer (BERT-large: 24 layers, 1024 hidden, 16 heads), masked-LM, continued from a given checkpoint',
         paramsTotal=340_000_000, paramsActive=None, tokens=seqs * 512, samples=None, epochs=None, seqLen=512, resolution=None,
         hardware=hw, devices=devices, precision=precision,
         target={'metric': 'gpuHours', 'value': round(devices * minutes / 60, 4)},
         source=f'{REPO} {sub}/results/{system}/bert/result_0.txt, {sub}/systems/{system}.json',
         notes=f'run_start..run_stop {minutes:.2f} min; sequences trained at run_stop {seqs:,}; global_batch_size {gbs}; tokens [D] = sequences x 512 (max_sequence_length 512). {note}')

resnet('Intel-HabanaLabs', 'HLS-1H-N2', 'result_0.txt', 'Habana Gaudi 32GB', 8, 56.11, 35, 2048, None,
       '2 nodes x 4 "Habana Gaudi" (32 GB), TensorFlow 2.5.1; precision not in the log (the launcher has a bf16 switch).')
resnet('Intel-HabanaLabs', 'HLS-1H-N4', 'result_0.txt', 'Habana Gaudi 32GB', 16, 33.20, 38, 2048, None,
       '4 nodes x 4 "Habana Gaudi" (32 GB), TensorFlow 2.5.1; precision not in the log.')
resnet('Dell', 'XE8545x4A100-SXM-80GB', 'result_0.txt', 'A100 SXM4 80GB', 4, 56.79, 35, 1632, 'fp16',
       '1 node x 4 "NVIDIA A100-SXM4-80GB (500W)", NGC MXNet 21.09; dtype=\'float16\' in the logged arguments.')
resnet('Baidu', '1_node_8_A100_PaddlePaddle', 'result_0.txt', 'A100 SXM4 80GB', 8, 28.62, 35, 3264, 'fp16',
       '1 node x 8 "NVIDIA A100-SXM4-80GB (400W)", PaddlePaddle; --fp16 in the logged arguments.')
resnet('Graphcore', 'ipu-pod16-TF1', 'result_1.txt', 'Graphcore IPU GC200', 16, 28.33, 38, 3200, None,
       '1 x 16 "Graphcore IPU GC200", TensorFlow 1.15 / Poplar SDK 2.3.0; result_0 did not reach the target (run_stop success false), result_1 did (0.7596 at epoch 38): 1636170730871..1636172430710 ms.')
bert('Intel-HabanaLabs', 'HLS-1H-N2', 'Habana Gaudi 32GB', 8, 87.82, 2_851_520, 448, None,
     '2 nodes x 4 "Habana Gaudi" (32 GB), TensorFlow 2.5.1; run_stop epoch_num 2,851,520 (samples, the MLPerf BERT convention); precision not in the log.')
bert('Dell', 'R750xax4A100-PCIE-80GB', 'A100 PCIe 80GB', 4, 53.39, 2_700_032, 256, 'fp16',
     '1 node x 4 "NVIDIA A100-PCIE-80GB (300W)", NGC PyTorch 21.09; --fp16 in the logged arguments.')
bert('Fujitsu', 'gx_A100x4_pytorch_NGC_21.09', 'A100 PCIe 40GB', 4, 122.30, 6_000_128, 256, 'fp16',
     '1 node x 4 "NVIDIA A100-PCIe-40GB (250W)", PyTorch NGC 21.09; fp16 in the logged arguments.')
# Detection (COCO 2017 train: 117,266 images with annotations, train_samples of the SSD log).
case(id='mlperf-v1.1-dell-xe8545x4a100-sxm-80gb-ssd300-resnet34-50ep-4x-16.2min', model=None,
     name='MLPerf Training v1.1 closed SSD (Dell XE8545x4A100-SXM-80GB): SSD300 with a ResNet-34 backbone on COCO 2017 to 23.0 mAP, 50 epochs x 117,266 images, 4 x A100 SXM4 80GB, 16.24 min',
     quality='B', modality='vision', architecture='single-shot detector (SSD300, ResNet-34 backbone), COCO detection',
     paramsTotal=None, paramsActive=None, tokens=None, samples=117_266, epochs=50, seqLen=None, resolution=300,
     hardware='A100 SXM4 80GB', devices=4, precision=None, target={'metric': 'gpuHours', 'value': round(4 * 16.24 / 60, 4)},
     source=f'{REPO} Dell/results/XE8545x4A100-SXM-80GB/ssd/result_0.txt, Dell/systems/XE8545x4A100-SXM-80GB.json',
     notes='run_start..run_stop 16.24 min; eval_accuracy 0.2337 at epoch 50, run_stop at the start of epoch 51; global_batch_size 456; train_samples 117,266. Precision not clear in the log (left null). Parameters not stated (null).')
case(id='mlperf-v1.1-dell-xe8545x4a100-sxm-80gb-maskrcnn-r50fpn-14ep-4x-83.8min', model=None,
     name='MLPerf Training v1.1 closed Mask R-CNN (Dell XE8545x4A100-SXM-80GB): Mask R-CNN ResNet-50 FPN on COCO 2017 to 0.377 box / 0.339 mask AP, 14 epochs x 117,266 images, 4 x A100 SXM4 80GB, 83.75 min',
     quality='C', modality='vision', architecture='two-stage detector (Mask R-CNN, ResNet-50 FPN backbone), COCO instance segmentation',
     paramsTotal=None, paramsActive=None, tokens=None, samples=117_266, epochs=14, seqLen=None, resolution=800,
     hardware='A100 SXM4 80GB', devices=4, precision='fp16', target={'metric': 'gpuHours', 'value': round(4 * 83.75 / 60, 4)},
     source=f'{REPO} Dell/results/XE8545x4A100-SXM-80GB/maskrcnn/result_0.txt, Dell/systems/XE8545x4A100-SXM-80GB.json',
     notes='run_start..run_stop 83.75 min; eval_accuracy BBOX 0.379 / SEGM 0.343 at epoch 14 (the 15th epoch had started when run_stop came: evaluation runs alongside); global_batch_size 96; DTYPE float16 in the logged config; 800 px short side is the Mask R-CNN reference input [R]. Quality C: the image count is the COCO train split the SSD log states (this log does not), the partial 15th epoch is not counted.')

out = {'set': 'dev-footprint-31-batchB', 'created': os.environ.get('CREATED', '2026-12-07T15:55:00Z'), 'cases': C}
json.dump(out, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases.json'), 'w'), indent=2)
print(len(C), 'cases')
