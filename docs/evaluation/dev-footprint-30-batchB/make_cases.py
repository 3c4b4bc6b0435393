# Batch B of dev-footprint-30: published runs written down BEFORE the estimator was run on them (12:39 UTC, 2026-12-07).
# Every number is what the source states; [D] marks plain arithmetic on stated figures. Same format as the held-out
# footprint sets (docs/evaluation/heldout/footprint-N/cases.json) plus `model` (None here: every case states its size).
# Sources were claimed in /work/round30-claims.txt as `dev-footprint …` before they were read; `git grep -il` of each
# run's name (languini, cantoformer, dont-stop-pretraining, marin speedrun / speedrun_results) was empty.
import json, os
C = []
def case(**k): C.append(k)

# ---- Marin speedrun (GitHub marin-community/marin, experiments/speedrun/adamw_llama_scaling/<size>/speedrun_results.json):
# machine-written result files of Levanter runs on Cloud TPU v5p. Each states model_size, total_tokens, seq_len 4096,
# tpu_type "v5p-32", training_time (seconds) and gradient_checkpointing true. A v5p-N slice has N TensorCores = N/2 chips;
# the 300m and 1_2b files state "num_chips": 16, "num_devices": 32 for v5p-32 [D for 130m/520m]. chip-hours [D] =
# 16 x training_time / 3600. Precision is not written in the files (Levanter's default mixed policy; left null).
MARIN = [
    # size dir, file commit, model_size, total_tokens, steps, batch, training_time s
    ('130m', '38359f7806df06ce7e187696999fb951f819f34d', 154_147_328, 2_599_944_192, 4959, 128, 1125.3937461299429),
    ('300m', '3cb4a055864191d2b9022185e3ccdb8186a1802e', 299_649_792, 5_999_951_872, 11444, 128, 5250.400686581957),
    ('520m', '0343cb27cea4d76839476eec68614793639e4288', 602_457_088, 10_399_776_768, 9918, 256, 18757.797290551214),
    ('1_2b', '3cb4a055864191d2b9022185e3ccdb8186a1802e', 1_431_373_824, 23_999_807_488, 22888, 256, 54527.10330390734),
]
for size, commit, params, tokens, steps, bs, secs in MARIN:
    case(id=f'marin-speedrun-llama-{size}-adamw-{tokens/1e9:.1f}b-tok-tpuv5p-32',
         model=None,
         name=f'Marin speedrun: Llama-style {params/1e6:.0f}M model trained with AdamW on fineweb-edu-10B, {steps} steps x {bs} x 4096 tokens, TPU v5p-32 (16 chips), {secs/3600:.2f} h',
         quality='A', modality='text', architecture='decoder-only transformer (Llama-style, SiLU, RoPE, untied embeddings; Levanter, JAX)',
         paramsTotal=params, paramsActive=None, tokens=tokens, samples=None, epochs=None, seqLen=4096, resolution=None,
         hardware='TPU v5p', devices=16, precision=None,
         target={'metric': 'gpuHours', 'value': round(16 * secs / 3600, 3)},
         source=f'GitHub marin-community/marin experiments/speedrun/adamw_llama_scaling/{size}/speedrun_results.json @ {commit} (read_file)',
         notes=f'model_size {params}, total_tokens {tokens}, num_train_steps {steps}, train_batch_size {bs}, seq_len 4096, tpu_type v5p-32, training_time {secs:.1f} s, gradient_checkpointing true; chip-hours [D] = 16 x {secs:.1f} / 3600.')

# ---- Languini Kitchen (GitHub languini-kitchen/languini-kitchen @ bb7afb4c62596fb42fcff67ae8a02e5eed1a2d68,
# languini/projects/gpt/README.md "Train the best config"): each compute class is a number of hours on the reference GPU,
# one RTX 3090, at the throughput measured there (throughput_results.csv: "NVIDIA GeForce RTX 3090", fp16, torch.compile).
# "6h: GPT small, bsz 128, seqlen 512 -> 55416 tokens per second, 18265 steps"; "48h: GPT medium, bsz 256, seqlen 512 ->
# 16618 tokens per second, 21908 steps". Parameters: throughput_results.csv "number of parameters" 110,615,040 (small,
# 12 x 768) and 336,390,144 (medium, 24 x 1024). tokens [D] = steps x bsz x 512. Quality B: the hours are the budget
# the measured step throughput gives (evaluation and start-up not included), not a logged wall clock.
case(id='languini-gpt-small-6h-1.2b-tok-1xrtx3090', model=None,
     name='Languini Kitchen GPT small (110.6M) 6-hour class: 18,265 steps x 128 x 512 tokens on one RTX 3090 (fp16, torch.compile)',
     quality='B', modality='text', architecture='decoder-only transformer (GPT-2 style, 12 x 768, vocabulary 16,384)',
     paramsTotal=110_615_040, paramsActive=None, tokens=18265 * 128 * 512, samples=None, epochs=None, seqLen=512, resolution=None,
     hardware='RTX 3090', devices=1, precision='fp16', target={'metric': 'gpuHours', 'value': 6},
     source='GitHub languini-kitchen/languini-kitchen @ bb7afb4 languini/projects/gpt/README.md and throughput_results.csv',
     notes='55,416 tokens/s x 6 h = 1.197e9 tokens [D]; gradient accumulation 4.')
case(id='languini-gpt-medium-48h-2.9b-tok-1xrtx3090', model=None,
     name='Languini Kitchen GPT medium (336.4M) 48-hour class: 21,908 steps x 256 x 512 tokens on one RTX 3090 (fp16, torch.compile)',
     quality='B', modality='text', architecture='decoder-only transformer (GPT-2 style, 24 x 1024, vocabulary 16,384)',
     paramsTotal=336_390_144, paramsActive=None, tokens=21908 * 256 * 512, samples=None, epochs=None, seqLen=512, resolution=None,
     hardware='RTX 3090', devices=1, precision='fp16', target={'metric': 'gpuHours', 'value': 48},
     source='GitHub languini-kitchen/languini-kitchen @ bb7afb4 languini/projects/gpt/README.md and throughput_results.csv',
     notes='16,618 tokens/s x 48 h = 2.87e9 tokens [D]; gradient accumulation 32.')

# ---- Cantoformer (GitHub paramiai/cantoformer @ ea2ae38f215bfcde8f1651b296e80fc796b2fa13, scripts.md "Pretraining
# scripts"): google-research/electra run_pretraining.py on Cantonese text, vocabulary 32,056, max_seq_length 384.
# "Electra Small / TPU v3-8 ( ~ 2.4 days ) ( ~ 19 steps / s )", num_train_steps 4,000,000, train_batch_size 128;
# "Electra Base / TPU v3-8 ( ~ 8 days ) ( ~ 1.754 steps / s )", 1,200,000 steps, batch 256;
# "Electra x Albert (L-12, H-2024) / TPU Pod v3-32 ( ~ 3.3 days ) ( ~ 2.776 steps / s ) ( stopped at 700000 steps ...)",
# batch 256, overrides num_hidden_layers 12, hidden_size 2048, embedding_size 128. A v3-8 is 4 chips, a v3-32 16 [D].
# Discriminator sizes: ELECTRA-Small 14M, ELECTRA-Base 110M (Clark et al. 2020, Table 1/6; the generator runs beside
# them). The 12 x 2048 model: compute-equivalent 12 x 12 x 2048^2 = 604M + embeddings 32,056 x 128 + 128 x 2048 = 608M [D]
# (FFN 4H assumed; whether its layers share weights does not change the compute). tokens [D] = steps x batch x 384.
case(id='cantoformer-electra-small-4m-steps-bs128-seq384-tpuv3-8-2.4d', model=None,
     name='Cantoformer ELECTRA-small (Cantonese) pre-training, 4,000,000 steps x 128 x 384, TPU v3-8, ~2.4 days',
     quality='B', modality='text', architecture='encoder-only transformer (ELECTRA small discriminator + generator)',
     paramsTotal=14_000_000, paramsActive=None, tokens=4_000_000 * 128 * 384, samples=None, epochs=None, seqLen=384, resolution=None,
     hardware='TPU v3', devices=4, precision=None, target={'metric': 'gpuHours', 'value': round(4 * 2.4 * 24, 1)},
     source='GitHub paramiai/cantoformer @ ea2ae38 scripts.md', notes='~2.4 days; 4 chips x 57.6 h [D].')
case(id='cantoformer-electra-base-1.2m-steps-bs256-seq384-tpuv3-8-8d', model=None,
     name='Cantoformer ELECTRA-base (Cantonese) pre-training, 1,200,000 steps x 256 x 384, TPU v3-8, ~8 days',
     quality='B', modality='text', architecture='encoder-only transformer (ELECTRA base discriminator + generator)',
     paramsTotal=110_000_000, paramsActive=None, tokens=1_200_000 * 256 * 384, samples=None, epochs=None, seqLen=384, resolution=None,
     hardware='TPU v3', devices=4, precision=None, target={'metric': 'gpuHours', 'value': 4 * 8 * 24},
     source='GitHub paramiai/cantoformer @ ea2ae38 scripts.md', notes='~8 days; 4 chips x 192 h [D].')
case(id='cantoformer-electra-albert-l12-h2048-700k-steps-bs256-seq384-tpuv3-32-3.3d', model=None,
     name='Cantoformer ELECTRA x ALBERT (12 layers x 2048, embedding 128) pre-training, stopped at 700,000 steps x 256 x 384, TPU v3-32, ~3.3 days',
     quality='C', modality='text', architecture='encoder-only transformer (ELECTRA objective, ALBERT-style factorised embedding, 12 x 2048)',
     paramsTotal=608_000_000, paramsActive=None, tokens=700_000 * 256 * 384, samples=None, epochs=None, seqLen=384, resolution=None,
     hardware='TPU v3', devices=16, precision=None, target={'metric': 'gpuHours', 'value': round(16 * 3.3 * 24, 1)},
     source='GitHub paramiai/cantoformer @ ea2ae38 scripts.md',
     notes='~3.3 days (700,000 / 2.776 steps/s = 2.9 days); size is the compute-equivalent count derived from the overrides [D].')

# ---- Don't Stop Pretraining, DAPT on computer-science papers (GitHub allenai/dont-stop-pretraining issue #16, maintainer
# kyleclo 2020-09-06): "Each file took roughly 23~26 min to finish performing 55 gradient updates (at effective batch size of
# 2048 ...). We did this for 12.5K updates (i.e. finished 227 shards) ... so roughly 5675 min (94 hrs or 4 days)"; the asker's
# and the maintainer's setting: a single TPU v3-8 (4 chips [D]); "one of the TPUs was a bit unstable, so wall clock time
# estimates are longer". Model: RoBERTa-base (the paper's model; 125M, Liu et al. 2019). Sequence length 512 is the
# RoBERTa pre-training length (not stated in the thread: quality C). tokens [D] = 12,500 x 2,048 x 512 = 1.31e10.
case(id='dapt-roberta-base-cs-12.5k-updates-bs2048-tpuv3-8-94h', model=None,
     name="Don't Stop Pretraining: DAPT of RoBERTa-base on computer-science papers, 12,500 updates x 2,048 sequences, one TPU v3-8 (PyTorch/XLA), ~94 h",
     quality='C', modality='text', architecture='encoder-only transformer (RoBERTa-base)',
     paramsTotal=125_000_000, paramsActive=None, tokens=12_500 * 2048 * 512, samples=None, epochs=None, seqLen=512, resolution=None,
     hardware='TPU v3', devices=4, precision=None, target={'metric': 'gpuHours', 'value': round(4 * 5675 / 60, 1)},
     source='GitHub allenai/dont-stop-pretraining issue #16 (maintainer, 2020-09-06), as stored in the issues corpus',
     notes='5,675 min on 4 chips [D]; early torch-xla beta and an unstable TPU lengthened the clock (stated).')

out = {'set': 'dev-footprint-30-batchB', 'created': '2026-12-07',
       'description': 'Batch B of dev-footprint-30: ten published runs no file of the repository names, written down before scoring.',
       'cases': C}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases.json'), 'w') as f:
    json.dump(out, f, ensure_ascii=False, indent=2); f.write('\n')
print(len(C), 'cases')
