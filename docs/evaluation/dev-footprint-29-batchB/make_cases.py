# Batch B of dev-footprint-29: published runs written down BEFORE the estimator was run on them.
# Every number is what the source states; [D] marks plain arithmetic on stated figures. Same format as the held-out
# footprint sets (docs/evaluation/heldout/footprint-N/cases.json). `model` (added here) is the hub id a user's script
# would name for the configuration the source names; the held-out format has no such field.
import json, os
C = []
def case(**k): C.append(k)

# 1 ALBERT-xxlarge on protein sequences (GitHub google-research/albert issue #198, opened 2020-04-07): "We are training a
# bioinformatics data using ALBERT-xxlarge on TPU V3-512 ... our training will take 7 days to complete 130k. Our vocab file is
# only 34"; command: --albert_config_file=albert-xxlarge-v2-config.json --train_batch_size=10240 --max_seq_length=512
# --num_train_steps=130000 --num_tpu_cores=512. Chips [D] = 512 cores / 2 = 256 (a TPU v3 chip has two cores).
# samples [D] = 130,000 x 10,240 = 1.3312e9 sequences of up to 512 tokens. Duration is the asker's projection from the
# step rate the run logged (quality C). chip-hours [D] = 7 x 24 x 256 = 43,008.
case(id='albert-xxlarge-protein-130k-steps-bs10240-seq512-tpuv3-512-7d', model='albert/albert-xxlarge-v2',
     name='ALBERT-xxlarge (v2 config, 34-token protein vocabulary) pre-training, 130,000 steps x 10,240 sequences of 512, TPU v3-512, ~7 days (projected from the logged rate)',
     quality='C', modality='text', architecture='encoder-only transformer (ALBERT xxlarge, albert-xxlarge-v2 config; size named only)',
     paramsTotal=None, paramsActive=None, tokens=None, samples=1_331_200_000, epochs=1, seqLen=512, resolution=None,
     hardware='TPU v3', devices=256, precision=None, target={'metric': 'gpuHours', 'value': 43008},
     source='GitHub google-research/albert issue #198 (2020-04-07), as stored in the issues corpus',
     notes='Duration projected by the asker from the logged step rate; num_tpu_cores=512 = 256 chips [D].')

# 2 ALBERT-xlarge on a v3-8 (GitHub google-research/google-research issue #146, 2019-11-24): "Albert xLarge pretraining ...
# single v3-8 tpu"; "--train_batch_size=512 --max_seq_length=128 ... --num_tpu_cores=8"; "custom vocab comparable to the
# original vocab size"; "here it seems 10K/1.15 hr or more". Run = 10,000 steps at that rate (quality C, a rate, not a
# finished run). chips [D] = 8 cores / 2 = 4; chip-hours [D] = 4 x 1.15 = 4.6. samples [D] = 10,000 x 512 = 5.12e6.
case(id='albert-xlarge-10k-steps-bs512-seq128-tpuv3-8-1.15h', model='albert/albert-xlarge-v2',
     name='ALBERT-xlarge pre-training on a custom ~30 GB corpus, 10,000 steps x 512 sequences of 128 in ~1.15 h on one TPU v3-8 (logged rate)',
     quality='C', modality='text', architecture='encoder-only transformer (ALBERT xlarge config; size named only)',
     paramsTotal=None, paramsActive=None, tokens=None, samples=5_120_000, epochs=1, seqLen=128, resolution=None,
     hardware='TPU v3', devices=4, precision=None, target={'metric': 'gpuHours', 'value': 4.6},
     source='GitHub google-research/google-research issue #146 (2019-11-24), as stored in the issues corpus',
     notes='"10K/1.15 hr or more": a step rate read from the run log; the run later idled (not counted).')

# 3 ELECTRA-small on one V100 (GitHub richarddwang/electra_pytorch issue #31, maintainer 2021-11-27: "About 4~5 days on a
# single v100"; the default configuration of pretrain.py @bebf72f77a634a614e6a59eff9de713dd6588786: size 'small',
# bs 128, steps 10**6, max_length 128, mixed_precision 'native'). Params 14M: ELECTRA-Small in Clark et al. 2020 (Table 1);
# the generator (hidden / 4) runs beside it. samples [D] = 1e6 x 128 = 1.28e8 sequences of 128. GPU-hours [D] = 4.5 x 24 = 108.
case(id='electra-small-1m-steps-bs128-seq128-1xv100-4.5d', model=None,
     name='ELECTRA-small (electra_pytorch reimplementation) pre-training on Wikipedia + BookCorpus, 1,000,000 steps x 128 sequences of 128, one V100, ~4-5 days',
     quality='B', modality='text', architecture='encoder-only transformer (ELECTRA small discriminator + quarter-width generator)',
     paramsTotal=14_000_000, paramsActive=None, tokens=None, samples=128_000_000, epochs=1, seqLen=128, resolution=None,
     hardware='V100', devices=1, precision='fp16 (native AMP)', target={'metric': 'gpuHours', 'value': 108},
     source='GitHub richarddwang/electra_pytorch issue #31 (maintainer, 2021-11-27); pretrain.py @bebf72f; Clark et al. 2020 (ELECTRA) Table 1: 14M',
     notes='"4~5 days": 4.5 days used; V100 memory size not stated.')

# 4 BERT-base further pre-training on one GTX 1080 Ti (GitHub xuyige/BERT4doc-Classification issue #4, 2020-06-02): command
# run_pretraining.py --init_checkpoint=uncased_L-12_H-768_A-12 --train_batch_size=32 --max_seq_length=128
# --num_train_steps=100000 --use_tpu=False; maintainer: "We run on a single 1080Ti GPU for about 8-10 hours for 100k steps".
# samples [D] = 100,000 x 32 = 3.2e6 sequences of 128. Params: BERT-base 110M (Devlin et al. 2019). GPU-hours: 9 (8-10).
case(id='bert-base-further-pretrain-100k-steps-bs32-seq128-1x1080ti-9h', model='google-bert/bert-base-uncased',
     name='BERT-base (uncased) further pre-training on in-domain text, 100,000 steps x 32 sequences of 128, one GTX 1080 Ti, ~8-10 h',
     quality='B', modality='text', architecture='encoder-only transformer (BERT-base)',
     paramsTotal=110_000_000, paramsActive=None, tokens=None, samples=3_200_000, epochs=1, seqLen=128, resolution=None,
     hardware='GTX 1080 Ti', devices=1, precision=None, target={'metric': 'gpuHours', 'value': 9},
     source='GitHub xuyige/BERT4doc-Classification issue #4 (maintainer, 2020-06-02)',
     notes='Google BERT run_pretraining.py (TensorFlow, no mixed-precision flag); "about 8-10 hours": 9 used.')

out = {'set': 'dev-footprint-29-batchB', 'created': '2026-12-07',
       'description': 'Batch B of dev-footprint-29: four published runs no file of the repository names, written down before scoring.',
       'cases': C}
json.dump(out, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'cases.json'), 'w'), indent=1)
print(len(C), 'cases')
