#!/bin/bash
#SBATCH --job-name=pythia-ft
#SBATCH --gres=gpu:v100:2
#SBATCH --time=12:00:00
srun python train_bf16.py
