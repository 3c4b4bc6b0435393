#!/usr/bin/env bash
# One prepared pass of train_energy.py over the workloads the core is checked against, sized to finish in about four
# minutes on an H100/H200-class GPU. Writes one JSON per group and a log into the folder given (default: .):
#   bash bench/gpu-energy/run-matrix.sh OUT_DIR
# Groups: (a) GPT-style decoder, ResNet-50 and ViT-B/16 at fp32, tf32, bf16 and fp16; (b) a GPT-2-large-shaped model
# (774 M) full fine-tune and LoRA in bf16; (c) the GPT decoder at a small batch (load-dependent power); (d) a
# BERT-base-shaped model (d = 768, 512 tokens) in bf16 and fp32; (e) the power-sample fallback against the energy
# counter on the same runs; (f) small, launch-bound batches; (g) shapes not measured before (a 24-layer decoder at 2,048
# tokens, a 1.3 B decoder, ResNet-50 and ViT-B/16 at batch 64); (h) small batches, three passes, for the spread between
# passes; (i) fp8 (torch._scaled_mm, see train_energy.py) against bf16 on three decoder sizes.
set -uo pipefail
out=${1:-.}
mkdir -p "$out"
here=$(dirname "$0")
export PYTHONUNBUFFERED=1
py=${PYTHON:-python3}
nvidia-smi --query-gpu=name,driver_version,power.limit,power.max_limit,clocks.max.sm,memory.total --format=csv \
  >"$out/nvidia-smi.csv" 2>&1
run() { local name=$1; shift; echo "== $name: $*"; "$py" "$here/train_energy.py" --out "$out/$name.json" "$@"; }
groups=${GROUPS_TO_RUN:-abcdefghi}   # e.g. GROUPS_TO_RUN=e for the fallback check alone
has() { [[ $groups == *$1* ]]; }
{
  ! has a || run a-matrix --workloads gpt,resnet50,vit --precisions fp32,tf32,bf16,fp16 --steps 60 --warmup 10
  ! has b || run b-774m --workloads gpt,gpt-lora --precisions bf16 --layers 36 --d-model 1280 --heads 20 --batch 8 \
    --steps 40 --warmup 8
  ! has c || run c-small-batch --workloads gpt --precisions bf16,fp32 --batch 2 --steps 60 --warmup 10
  ! has d || run d-bert-base --workloads gpt --precisions bf16,fp32 --layers 12 --d-model 768 --heads 12 --seq 512 \
    --batch 32 --steps 60 --warmup 10
  # (f) small batches, launch-bound: the 185 M decoder at 1, 4 and 8 sequences and the 774 M one at 1 and 2 (bf16)
  if has f; then
    for b in 1 4 8; do run "f-gpt-batch$b" --workloads gpt --precisions bf16 --batch "$b" --steps 60 --warmup 10; done
    for b in 1 2; do
      run "f-774m-batch$b" --workloads gpt --precisions bf16 --layers 36 --d-model 1280 --heads 20 --batch "$b" \
        --steps 40 --warmup 8
    done
  fi
  if has i; then
    run i-fp8-185m --workloads gpt --precisions bf16,fp8 --steps 60 --warmup 10
    run i-fp8-774m --workloads gpt --precisions bf16,fp8 --layers 36 --d-model 1280 --heads 20 --batch 8 --steps 30 \
      --warmup 6
    run i-fp8-1b3 --workloads gpt --precisions bf16,fp8 --layers 24 --d-model 2048 --heads 16 --batch 8 --steps 20 \
      --warmup 5
  fi
  if has g; then
    run g-350m-seq2048 --workloads gpt --precisions bf16,tf32 --layers 24 --d-model 1024 --heads 16 --seq 2048 \
      --batch 8 --steps 30 --warmup 6
    run g-1b3 --workloads gpt --precisions bf16,fp32 --layers 24 --d-model 2048 --heads 16 --batch 8 --steps 20 \
      --warmup 5
    run g-vision-batch64 --workloads resnet50,vit --precisions bf16,fp16 --image-batch 64 --vit-batch 64 --steps 60 \
      --warmup 10
  fi
  if has h; then
    for pass in 1 2 3; do
      for b in 1 2 8; do run "h-pass$pass-gpt-batch$b" --workloads gpt --precisions bf16 --batch "$b" --steps 60 --warmup 10; done
    done
  fi
  # (e) the power-sample fallback against the energy counter on the same runs (where the GPU has the counter)
  if has e; then
    run e-counter --workloads gpt,resnet50 --precisions bf16 --steps 80 --warmup 10 --energy-source counter &&
      run e-samples --workloads gpt,resnet50 --precisions bf16 --steps 80 --warmup 10 --energy-source samples
  fi
} 2>&1 | tee "$out/log.txt"
