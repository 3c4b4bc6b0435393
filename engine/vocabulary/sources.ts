// Where each framework documents the settings the vocabulary reads: one public page per framework, with the year
// it was read. Every alias row (./aliases.ts) and every framework default (./frameworks.ts) names one of these.
export interface Source {
  url: string;
  year: number;
}

export const SOURCES = {
  hf: {
    url: 'https://huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments',
    year: 2025,
  },
  'hf-moe': {
    url: 'https://huggingface.co/docs/transformers/model_doc/mixtral#transformers.MixtralConfig',
    year: 2025,
  },
  lightning: { url: 'https://lightning.ai/docs/pytorch/stable/common/trainer.html', year: 2025 },
  // TorchDrug's Engine builds each component from the `class` key of its dict (`optimizer: {class: Adam, lr: …}`).
  torchdrug: { url: 'https://github.com/DeepGraphLearning/torchdrug/blob/master/torchdrug/core/engine.py', year: 2023 },
  deepspeed: { url: 'https://www.deepspeed.ai/docs/config-json/', year: 2025 },
  accelerate: { url: 'https://huggingface.co/docs/accelerate/package_reference/cli', year: 2025 },
  torchtitan: { url: 'https://github.com/pytorch/torchtitan/blob/main/torchtitan/config/job_config.py', year: 2025 },
  olmo: { url: 'https://github.com/allenai/OLMo/blob/main/olmo/config.py', year: 2024 },
  litgpt: { url: 'https://github.com/Lightning-AI/litgpt/blob/main/litgpt/args.py', year: 2024 },
  composer: { url: 'https://docs.mosaicml.com/projects/composer/en/stable/trainer/time.html', year: 2024 },
  neox: { url: 'https://github.com/EleutherAI/gpt-neox/blob/main/configs/neox_arguments.md', year: 2024 },
  megatron: { url: 'https://github.com/NVIDIA/Megatron-LM/blob/main/megatron/training/arguments.py', year: 2025 },
  'megatron-deepspeed': {
    url: 'https://github.com/microsoft/Megatron-DeepSpeed/blob/main/examples_deepspeed/rebase/ds_pretrain_gpt_125M.sh',
    year: 2023,
  },
  nemo: { url: 'https://docs.nvidia.com/nemo-framework/user-guide/latest/nemotoolkit/core/core.html', year: 2024 },
  detectron2: {
    url: 'https://github.com/facebookresearch/detectron2/blob/main/detectron2/config/defaults.py',
    year: 2024,
  },
  lazyconfig: { url: 'https://detectron2.readthedocs.io/en/latest/tutorials/lazyconfigs.html', year: 2024 },
  mmengine: { url: 'https://mmengine.readthedocs.io/en/latest/tutorials/runner.html', year: 2024 },
  timm: { url: 'https://huggingface.co/docs/timm/training_script', year: 2024 },
  diffusers: {
    url: 'https://github.com/huggingface/diffusers/blob/main/examples/text_to_image/train_text_to_image.py',
    year: 2024,
  },
  ultralytics: { url: 'https://docs.ultralytics.com/modes/train/#train-settings', year: 2024 },
  keras: { url: 'https://www.tensorflow.org/guide/distributed_training', year: 2024 },
  t5x: { url: 'https://github.com/google-research/t5x/blob/main/docs/usage/gin.md', year: 2023 },
  levanter: { url: 'https://levanter.readthedocs.io/en/latest/reference/Configuration/', year: 2024 },
  torchtune: { url: 'https://pytorch.org/torchtune/stable/deep_dives/configs.html', year: 2025 },
  mlcollections: { url: 'https://github.com/google/ml_collections', year: 2024 },
  // DI-engine's defaults live in its code: ding/policy/base_policy.py (`cuda`, `multi_gpu`),
  // ding/worker/learner/base_learner.py (`save_ckpt_after_iter`), ding/entry/serial_entry.py (`stop_value`).
  'di-engine': { url: 'https://github.com/opendilab/DI-engine/blob/main/ding/policy/base_policy.py', year: 2024 },
  'composer-numerics': {
    url: 'https://docs.mosaicml.com/projects/composer/en/stable/notes/numerics.html',
    year: 2024,
  },
  'olmo-core': { url: 'https://olmo-core.readthedocs.io/en/latest/train.html', year: 2025 },
  'flax-imagenet': { url: 'https://github.com/google/flax/blob/main/examples/imagenet/configs/default.py', year: 2024 },
  'big-vision': { url: 'https://github.com/google-research/big_vision/blob/main/big_vision/train.py', year: 2024 },
  pytorch: { url: 'https://pytorch.org/docs/stable/data.html#torch.utils.data.DataLoader', year: 2025 },
  peft: { url: 'https://huggingface.co/docs/peft/package_reference/lora', year: 2025 },
  dinov2: {
    url: 'https://github.com/facebookresearch/dinov2/blob/main/dinov2/configs/ssl_default_config.yaml',
    year: 2024,
  },
  dino: { url: 'https://github.com/facebookresearch/dino/blob/main/main_dino.py', year: 2023 },
  speechbrain: { url: 'https://speechbrain.readthedocs.io/en/latest/tutorials/basics/brain-class.html', year: 2025 },
  fairseq: { url: 'https://github.com/facebookresearch/fairseq/blob/main/fairseq/dataclass/configs.py', year: 2024 },
  verl: { url: 'https://verl.readthedocs.io/en/latest/examples/config.html', year: 2025 },
  fairchem: {
    url: 'https://github.com/FAIR-Chem/fairchem/blob/main/src/fairchem/core/trainers/ocp_trainer.py',
    year: 2024,
  },
  rllib: { url: 'https://docs.ray.io/en/releases-1.13.0/rllib/rllib-training.html#common-parameters', year: 2022 },
  nanotron: { url: 'https://github.com/huggingface/nanotron/blob/main/src/nanotron/config/config.py', year: 2025 },
  pyslowfast: { url: 'https://github.com/facebookresearch/SlowFast/blob/main/slowfast/config/defaults.py', year: 2024 },
  internevo: { url: 'https://github.com/InternLM/InternEvo/blob/develop/configs/7B_sft.py', year: 2024 },
  s3prl: { url: 'https://github.com/s3prl/s3prl/blob/main/s3prl/downstream/runner.py', year: 2024 },
  espnet: { url: 'https://espnet.github.io/espnet/espnet2_training_option.html', year: 2024 },
  opennmt: { url: 'https://opennmt.net/OpenNMT-py/options/train.html', year: 2024 },
  xgboost: { url: 'https://xgboost.readthedocs.io/en/stable/python/python_api.html#xgboost.train', year: 2025 },
  lightgbm: { url: 'https://lightgbm.readthedocs.io/en/latest/Parameters.html#num_iterations', year: 2025 },
  deepchem: { url: 'https://deepchem.readthedocs.io/en/latest/api_reference/models.html#model', year: 2025 },
  flair: { url: 'https://flairnlp.github.io/docs/tutorial-training/how-to-train-sequence-tagger', year: 2025 },
  lerobot: { url: 'https://github.com/huggingface/lerobot/blob/main/src/lerobot/configs/train.py', year: 2025 },
  coqui: { url: 'https://github.com/coqui-ai/Trainer/blob/main/trainer/config.py', year: 2024 },
  tfmodels: {
    url: 'https://github.com/tensorflow/models/blob/master/official/core/config_definitions.py',
    year: 2024,
  },
  mlx: { url: 'https://github.com/ml-explore/mlx-lm/blob/main/mlx_lm/LORA.md', year: 2025 },
  kohya: { url: 'https://github.com/kohya-ss/sd-scripts/blob/main/docs/train_README-en.md', year: 2024 },
  aitoolkit: {
    url: 'https://github.com/ostris/ai-toolkit/blob/main/config/examples/train_lora_flux_24gb.yaml',
    year: 2025,
  },
  paddledet: {
    url: 'https://github.com/PaddlePaddle/PaddleDetection/blob/release/2.8/docs/tutorials/GETTING_STARTED_cn.md',
    year: 2024,
  },
  openrlhf: { url: 'https://github.com/OpenRLHF/OpenRLHF/blob/main/openrlhf/cli/train_sft.py', year: 2025 },
  hydra: { url: 'https://hydra.cc/docs/advanced/instantiate_objects/overview/', year: 2024 },
  'hydra-defaults': { url: 'https://hydra.cc/docs/advanced/defaults_list/', year: 2024 },
  wenet: {
    url: 'https://github.com/wenet-e2e/wenet/blob/main/examples/aishell/s0/conf/train_conformer.yaml',
    year: 2024,
  },
  'score-sde': {
    url: 'https://github.com/yang-song/score_sde_pytorch/blob/main/configs/default_cifar10_configs.py',
    year: 2021,
  },
  // `n_epochs`: the number of epochs Darts' torch forecasting models train for, the spelling research scripts share.
  darts: {
    url: 'https://unit8co.github.io/darts/generated_api/darts.models.forecasting.torch_forecasting_model.html',
    year: 2025,
  },
  'mesh-jax': { url: 'https://github.com/kingoflolz/mesh-transformer-jax/blob/master/howto_finetune.md', year: 2021 },
  blip: { url: 'https://github.com/salesforce/BLIP/blob/main/configs/caption_coco.yaml', year: 2022 },
  'lightning-cli': { url: 'https://lightning.ai/docs/pytorch/stable/cli/lightning_cli_advanced_3.html', year: 2025 },
  dpr: { url: 'https://github.com/facebookresearch/DPR/blob/main/conf/encoder/hf_bert.yaml', year: 2021 },
  galore: { url: 'https://github.com/jiaweizzhao/GaLore/blob/master/torchrun_main.py', year: 2024 },
  basicsr: { url: 'https://github.com/XPixelGroup/BasicSR/blob/master/docs/Config.md', year: 2022 },
  'gpt-neo': { url: 'https://github.com/EleutherAI/gpt-neo/blob/master/README.md#training-guide', year: 2021 },
  opensora: {
    url: 'https://github.com/PKU-YuanGroup/Open-Sora-Plan/blob/main/opensora/train/train_causalvae.py',
    year: 2024,
  },
  scenic: { url: 'https://github.com/google-research/scenic/blob/main/scenic/projects/baselines/configs', year: 2024 },
  mmf: { url: 'https://github.com/facebookresearch/mmf/blob/main/mmf/configs/defaults.yaml', year: 2023 },
  corenet: { url: 'https://github.com/apple/corenet/blob/main/corenet/options/opts.py', year: 2024 },
  'hf-flags': {
    url: 'https://huggingface.co/docs/transformers/main_classes/trainer#transformers.TrainingArguments',
    year: 2025,
  },
  slurm: { url: 'https://slurm.schedmd.com/sbatch.html', year: 2025 },
  torchrun: { url: 'https://pytorch.org/docs/stable/elastic/run.html', year: 2025 },
  dataparallel: { url: 'https://pytorch.org/docs/stable/generated/torch.nn.DataParallel.html', year: 2025 },
  azureml: { url: 'https://learn.microsoft.com/en-us/azure/machine-learning/reference-yaml-job-command', year: 2025 },
  'deepspeed-launcher': {
    url: 'https://www.deepspeed.ai/getting-started/#resource-configuration-multi-node',
    year: 2025,
  },
  maxtext: { url: 'https://github.com/AI-Hypercomputer/maxtext/blob/main/MaxText/configs/base.yml', year: 2025 },
  'tpu-estimator': {
    url: 'https://www.tensorflow.org/api_docs/python/tf/compat/v1/estimator/tpu/TPUEstimator',
    year: 2024,
  },
  // llama-recipes / llama-cookbook `train_config`: `batch_size_training` is each process's loader batch.
  'llama-recipes': {
    url: 'https://github.com/meta-llama/llama-cookbook/blob/main/src/llama_cookbook/configs/training.py',
    year: 2024,
  },
  // tf.estimator.RunConfig: `save_checkpoints_steps` saves every N global steps.
  'tf-estimator': { url: 'https://www.tensorflow.org/api_docs/python/tf/estimator/RunConfig', year: 2024 },
  // compare_gan: gin `options.*` (runner_lib.get_options_dict: `batch_size` is the global batch) and `run_config.*`
  // (main.py `_get_run_config`, save_checkpoints_steps defaulting to 5000).
  'compare-gan': { url: 'https://github.com/google/compare_gan/blob/master/compare_gan/runner_lib.py', year: 2019 },
  determined: {
    url: 'https://docs.determined.ai/latest/reference/training/experiment-config-reference.html',
    year: 2024,
  },
  vissl: { url: 'https://vissl.readthedocs.io/en/latest/vissl_modules/train.html', year: 2022 },
  'classy-vision': {
    url: 'https://github.com/facebookresearch/ClassyVision/blob/main/classy_vision/tasks/classification_task.py',
    year: 2022,
  },
  lavis: { url: 'https://opensource.salesforce.com/LAVIS/latest/tutorial.configs.html', year: 2023 },
  pycls: { url: 'https://github.com/facebookresearch/pycls/blob/main/pycls/core/config.py', year: 2021 },
  paddleseg: {
    url: 'https://github.com/PaddlePaddle/PaddleSeg/blob/release/2.9/docs/config/pre_config.md',
    year: 2024,
  },
  vdm: { url: 'https://github.com/google-research/vdm/blob/main/configs/cifar10.py', year: 2022 },
  openmmlab: { url: 'https://mmengine.readthedocs.io/en/latest/advanced_tutorials/config.html', year: 2024 },
  deepmd: { url: 'https://docs.deepmodeling.com/projects/deepmd/en/stable/train/training.html', year: 2024 },
  spacy: { url: 'https://spacy.io/api/data-formats#config', year: 2024 },
  rwkv: { url: 'https://github.com/BlinkDL/RWKV-LM/blob/main/RWKV-v5/train.py', year: 2024 },
  // taming-transformers' `instantiate_from_config`: a `{target: module.Class, params: {…}}` node builds that class
  // (latent-diffusion, VQ-Diffusion and their forks build optimizers so).
  'target-params': { url: 'https://github.com/CompVis/taming-transformers/blob/master/main.py', year: 2022 },
  // denoising-diffusion-pytorch's Trainer (`gradient_accumulate_every`, `train_num_steps`), spellings its users and
  // Diffusion Policy's `training:` configs share.
  'ddpm-trainer': {
    url: 'https://github.com/lucidrains/denoising-diffusion-pytorch/blob/main/denoising_diffusion_pytorch/denoising_diffusion_pytorch.py',
    year: 2024,
  },
  // open_lm and open_clip: `--accum-freq` ("Update the model every --accum-freq steps"); open_lm's
  // `--global-batch-size` is the batch over all GPUs, each GPU taking global ÷ world in accum-freq chunks (main.py).
  'open-lm': { url: 'https://github.com/mlfoundations/open_lm/blob/main/open_lm/params.py', year: 2024 },
  'open-clip': {
    url: 'https://github.com/mlfoundations/open_clip/blob/main/src/open_clip_train/params.py',
    year: 2024,
  },
  // LLaMA-Factory's arguments: `finetuning_type` defaults to lora (hparams/finetuning_args.py) and gradient
  // checkpointing is on unless `disable_gradient_checkpointing` (hparams/model_args.py, model/model_utils/checkpointing.py).
  llamafactory: {
    url: 'https://github.com/hiyouga/LLaMA-Factory/blob/main/src/llamafactory/hparams/model_args.py',
    year: 2025,
  },
  // LLaVA's TrainingArguments: `lora_enable: bool = False` (LoRA only when given), and the many projects built on it.
  llava: { url: 'https://github.com/haotian-liu/LLaVA/blob/main/llava/train/train.py', year: 2024 },
} satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

export const cite = (id: SourceId) => `${SOURCES[id].url} (${SOURCES[id].year})`;
