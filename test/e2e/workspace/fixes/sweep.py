"""A learning-rate search with no trial cap, written for the end-to-end test that applies every quick fix."""
import optuna
from transformers import Trainer, TrainingArguments


def objective(trial):
    lr = trial.suggest_float("learning_rate", 1e-5, 1e-3, log=True)
    args = TrainingArguments(output_dir="out/sweep", bf16=True, learning_rate=lr, num_train_epochs=1)
    return Trainer(model="Qwen/Qwen2.5-0.5B", args=args).train().training_loss


study = optuna.create_study()
study.optimize(objective)
