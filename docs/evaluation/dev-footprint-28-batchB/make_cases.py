# Batch B of dev-footprint-28: published runs written down BEFORE the estimator was run on them.
# Every number is what the source states; [D] marks plain arithmetic on stated figures.
import json, os
C = []
def case(**k): C.append(k)

# 1-2 LayoutLMv3 pre-training (microsoft/unilm issue #917, maintainer HYPJUDY, 2022-11-16): table
# "LayoutLMv3-base | 11 million | 500,000 | 4x8 | 8 | 8 | 468.5h" and "LayoutLMv3-large | 11 million | 500,000 | 8x8 | 4 | 8 | 805h",
# columns Data Size / Steps / Number of GPUs / Batch Size per GPU / Gradient Accumulation / Time; "training setting using v100 (32G) GPUs".
# Input length 711 (= 514 words + 197 image patches) is the asker's statement of the model's input in the same thread.
# samples [D] = 500,000 x (32 x 8 x 8 = 2,048) = 1.024e9 for base; large 500,000 x (64 x 4 x 8 = 2,048) = 1.024e9.
# params base [D]: transformers LayoutLMv3Config defaults (vocab 50,265, hidden 768, 12 layers, FFN 3,072, 2-D coordinate/shape 128,
# patch 16 at 224): encoder 85.05M + word embeddings 38.60M + 1-D/2-D positions 0.92M + patch embedding and its positions 0.74M = 125.3M.
# params large [D, shape inferred]: the RoBERTa-large shape its word embeddings initialise from (24 layers, hidden 1,024, FFN 4,096):
# encoder 302.3M + word embeddings 51.5M + positions/patches ~2.2M = 356M. GPU-hours [D] = 32 x 468.5 = 14,992; 64 x 805 = 51,520.
case(id='layoutlmv3-base-pretrain-500k-steps-gbs2048-32xv100-32gb-468.5h', name='LayoutLMv3-base pre-training on IIT-CDIP (11M documents), 500,000 steps x 2,048 documents, 32 V100 32GB, 468.5 h',
     quality='B', modality='image-text', architecture='multimodal transformer encoder (text + image patches; RoBERTa-base shape)',
     paramsTotal=125_300_000, paramsActive=None, tokens=None, samples=1_024_000_000, epochs=1, seqLen=711, resolution=None,
     hardware='V100 32GB', devices=32, precision=None, target={'metric': 'gpuHours', 'value': 14992},
     source='GitHub microsoft/unilm issue #917 (maintainer comment 2022-11-16, table of pre-training settings); transformers LayoutLMv3Config defaults (huggingface/transformers configuration_layoutlmv3.py)',
     notes='Time 468.5 h on 4x8 V100 32G; batch 8 per GPU x accumulation 8; AMP named by the asker only (precision left null).')
case(id='layoutlmv3-large-pretrain-500k-steps-gbs2048-64xv100-32gb-805h', name='LayoutLMv3-large pre-training on IIT-CDIP (11M documents), 500,000 steps x 2,048 documents, 64 V100 32GB, 805 h',
     quality='B', modality='image-text', architecture='multimodal transformer encoder (text + image patches; RoBERTa-large shape)',
     paramsTotal=356_000_000, paramsActive=None, tokens=None, samples=1_024_000_000, epochs=1, seqLen=711, resolution=None,
     hardware='V100 32GB', devices=64, precision=None, target={'metric': 'gpuHours', 'value': 51520},
     source='GitHub microsoft/unilm issue #917 (maintainer comment 2022-11-16)', notes='Time 805 h on 8x8 V100 32G; batch 4 per GPU x accumulation 8; params from the large shape [D, shape inferred].')

# 3 EVA2.0 (thu-coai/EVA issue #51, maintainer t1101675, 2022-06-21): "batch size = 4096; 64 NVIDIA V100 32G GPUs; ...
# max pre-training steps: 400K; training time: ~30 Days". 2.8 billion parameters (EVA2.0 abstract, arXiv 2203.09313).
# samples [D] = 400,000 x 4,096 = 1.6384e9 context-response pairs; GPU-hours [D] = 64 x 30 x 24 = 46,080.
case(id='eva2.0-2.8b-dialogue-pretrain-400k-steps-bs4096-64xv100-32gb-30d', name='EVA2.0 2.8B Chinese dialogue model pre-training, 400K steps x 4,096, 64 V100 32G, ~30 days',
     quality='B', modality='text', architecture='encoder-decoder transformer', paramsTotal=2_800_000_000, paramsActive=None, tokens=None,
     samples=1_638_400_000, epochs=1, seqLen=None, resolution=None, hardware='V100 32GB', devices=64, precision=None,
     target={'metric': 'gpuHours', 'value': 46080}, source='GitHub thu-coai/EVA issue #51 (2022-06-21); EVA2.0 paper abstract (arXiv 2203.09313)',
     notes='Sequence length not stated in the text read.')

# 4-5 UDLM / MDLM (kuleshov-group/discrete-diffusion-guidance issue #5, maintainer yair-schiff, 2026-01-04): "On 8 A100s (40GB):
# LM1B training took about 50hrs; text8 took about 45hrs" (question: MDLM and UDLM on text8 and LM1B).
# scripts/train_lm1b.sh @edb0f8c: global batch 512, model=small, model.length=128, max_steps 1,000,000, bf16, bert-base-uncased tokenizer.
# scripts/train_text8.sh: global batch 512, model.length=256, max_steps 1,000,000, bf16. configs/model/small.yaml: hidden 768, 12 blocks,
# cond_dim 128. tokens [D] LM1B = 1e6 x 512 x 128 = 6.5536e10; text8 = 1e6 x 512 x 256 = 1.31072e11.
# params [D] from models/dit.py (qkv/out no bias, MLP ratio 4, adaLN 128->6x768 per block): blocks 92.1M; LM1B adds 30,522 x 768 input
# and output embeddings (46.9M) = 139M; text8 (character vocabulary) ~92M.
case(id='udlm-mdlm-small-lm1b-1m-steps-gbs512-len128-8xa100-40gb-50h', name='MDLM/UDLM DiT-small on LM1B, 1M steps x 512 x 128 tokens, 8 A100 40GB, ~50 h',
     quality='B', modality='text', architecture='diffusion transformer (DiT, 12 blocks, hidden 768) over tokens', paramsTotal=139_000_000, paramsActive=None,
     tokens=65_536_000_000, samples=None, epochs=None, seqLen=128, resolution=None, hardware='A100 40GB', devices=8, precision='bf16',
     target={'metric': 'gpuHours', 'value': 400}, source='GitHub kuleshov-group/discrete-diffusion-guidance issue #5 (2026-01-04); scripts/train_lm1b.sh, configs/model/small.yaml, models/dit.py at edb0f8c28b7caeb4ea7a06a2fee8d74ab6da1661',
     notes='GPU-hours [D] = 8 x 50. The answer does not say which of MDLM/UDLM; same backbone and steps.')
case(id='udlm-mdlm-small-text8-1m-steps-gbs512-len256-8xa100-40gb-45h', name='MDLM/UDLM DiT-small on text8, 1M steps x 512 x 256 characters, 8 A100 40GB, ~45 h',
     quality='B', modality='text', architecture='diffusion transformer (DiT, 12 blocks, hidden 768) over characters', paramsTotal=92_000_000, paramsActive=None,
     tokens=131_072_000_000, samples=None, epochs=None, seqLen=256, resolution=None, hardware='A100 40GB', devices=8, precision='bf16',
     target={'metric': 'gpuHours', 'value': 360}, source='GitHub kuleshov-group/discrete-diffusion-guidance issue #5 (2026-01-04); scripts/train_text8.sh at edb0f8c',
     notes='GPU-hours [D] = 8 x 45; the script requests 4 GPUs, the answer says 8 A100s (the answer is used).')

# 6-9 SmallDoge Doge base models (Hugging Face cards SmallDoge/Doge-20M, -60M, -320M, JingzeShi/Doge-60M README, 2025): table
# "Model | Training Data | Steps | Content Length | Tokens | LR | Batch Size | Precision | RTX 4090 GPU hours":
# 20M 8k 2048 4B 8e-3 0.5M bf16 14; 60M 16k 2048 16B 6e-3 1M bf16 128; 160M 24k 2048 32B 4e-3 1.5M bf16 522; 320M 32k 2048 64B 2e-3 2M bf16 1856.
# Parameters: the model names (20M, 60M, 160M, 320M); the device count is not stated (GPU-hours are).
for p, steps, tok, gh in [(20, '8k', 4e9, 14), (60, '16k', 16e9, 128), (160, '24k', 32e9, 522), (320, '32k', 64e9, 1856)]:
    case(id=f'doge-{p}m-pt-smollm-corpus-{steps}-steps-{int(tok/1e9)}b-tok-ctx2048-rtx4090-{gh}gpuh', name=f'Doge-{p}M pre-training on smollm-corpus, {steps} steps, {int(tok/1e9)}B tokens, context 2048, RTX 4090, {gh} GPU hours',
         quality='B', modality='text', architecture='decoder-only transformer (Dynamic Mask Attention)', paramsTotal=p * 1_000_000, paramsActive=None,
         tokens=int(tok), samples=None, epochs=None, seqLen=2048, resolution=None, hardware='RTX 4090', devices=None, precision='bf16',
         target={'metric': 'gpuHours', 'value': gh}, source='Hugging Face model cards SmallDoge/Doge-20M, SmallDoge/Doge-320M (Pre-Training table), 2025',
         notes='Parameters as named; devices not stated.')

# 10 SmolLM-135M DPO (Hugging Face card JaydeepR/SmolLM-135M-neuraltxt-dpo-v1, as stored by friendli.ai): "DPO (TRL + Unsloth); LoRA rank/alpha
# 32/32; Effective batch 128 (8 x grad_accum 16); Max seq / prompt length 1024 / 768; Epochs 3 (2,757 steps); Hardware 1x RTX 3090, ~6h17m".
# samples [D] = 2,757 x 128 = 352,896 preference pairs seen (over 3 epochs); GPU-hours [D] = 6.28.
case(id='smollm-135m-neuraltxt-dpo-lora-3ep-2757-steps-bs128-1xrtx3090-6h17m', name='SmolLM-135M DPO (LoRA r32) on a research-assistant preference set, 3 epochs = 2,757 steps x 128, max length 1024, one RTX 3090, ~6h17m',
     quality='B', modality='text', architecture='decoder-only transformer (SmolLM-135M)', paramsTotal=135_000_000, paramsActive=None, tokens=None,
     samples=352_896, epochs=1, seqLen=1024, resolution=None, hardware='RTX 3090', devices=1, precision=None,
     target={'metric': 'gpuHours', 'value': 6.28}, source='Hugging Face model card JaydeepR/SmolLM-135M-neuraltxt-dpo-v1 (training table; stored copy at friendli.ai)',
     notes='Samples are the passes (steps x effective batch), epochs 1 accordingly; LoRA not passed to the core by the scorer.')

out = {'set': 'dev-footprint-28-batchB', 'created': os.environ.get('CREATED', '2026-12-07T07:59Z'),
       'description': 'Batch B of dev-footprint-28: published runs written down before the estimator was run on them.', 'cases': C}
json.dump(out, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases.json'), 'w'), indent=1)
print(len(C), 'cases')
