// Lightning 1.x scripts add the Trainer's arguments to their parser (`Trainer.add_argparse_args(parser)`) and build
// it with `Trainer.from_argparse_args(args, **kwargs)`: the flags of the command that runs the script, named as Trainer
// arguments, are the Trainer's arguments, and the keyword arguments override them (Lightning 1.x docs, "Argparser
// Best Practices": https://lightning.ai/docs/pytorch/1.5.0/common/hyperparameters.html; pytorch_lightning/utilities/
// argparse.py `from_argparse_args`). Without a command line those arguments are not known, and ./lightning reads no
// such Trainer.
import type { Fields } from './fields';

/** `pl.Trainer.from_argparse_args(`: a Trainer whose arguments are the command line's. */
export const FROM_ARGPARSE = /\bTrainer\.from_argparse_args\s*\(/;

/** Trainer arguments this reader reads (Lightning 1.x spells the device count `gpus`). */
const TRAINER_ARGS =
  /^(precision|devices|gpus|num_nodes|accelerator|accumulate_grad_batches|max_epochs|max_steps|max_time|enable_checkpointing|strategy|val_check_interval)$/;

/** The command line's flags that are Trainer arguments. */
export function trainerFlags(commandLine: Fields | undefined): Fields {
  return new Map([...(commandLine ?? [])].filter(([name]) => TRAINER_ARGS.test(name)));
}
