// peft's k-bit preparation (`prepare_model_for_int8_training(model)`, `prepare_model_for_kbit_training(model)`)
// turns activation checkpointing on for a model loaded in 8 or 4 bits: `use_gradient_checkpointing` defaults to True.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fact } from './helpers';

const alpaca = (opts: { load: string; prepare: string; param?: string }) => `import fire
import torch
import transformers
from peft import LoraConfig, get_peft_model, prepare_model_for_int8_training, prepare_model_for_kbit_training
from transformers import LlamaForCausalLM, LlamaTokenizer


def train(base_model: str = "huggyllama/llama-7b", micro_batch_size: int = 4, num_epochs: int = 3${opts.param ?? ''}):
    model = LlamaForCausalLM.from_pretrained(base_model, ${opts.load}device_map="auto")
    tokenizer = LlamaTokenizer.from_pretrained(base_model)
${opts.prepare}
    config = LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM")
    model = get_peft_model(model, config)
    trainer = transformers.Trainer(
        model=model,
        train_dataset=load(tokenizer),
        args=transformers.TrainingArguments(
            per_device_train_batch_size=micro_batch_size,
            num_train_epochs=num_epochs,
            fp16=True,
            output_dir="out",
        ),
    )
    trainer.train()


if __name__ == "__main__":
    fire.Fire(train)
`;

const checkpointing = async (src: string) =>
  fact(await analyze({ 'finetune.py': src }, 'finetune.py'), 'grad_checkpointing')?.value ?? null;

test('an 8-bit model prepared by peft with its defaults trains with activation checkpointing', async () => {
  const on = alpaca({
    load: 'load_in_8bit=True, torch_dtype=torch.float16, ',
    prepare: '    model = prepare_model_for_int8_training(model)',
  });
  assert.equal(await checkpointing(on), true);
  const kbit = alpaca({ load: 'load_in_4bit=True, ', prepare: '    model = prepare_model_for_kbit_training(model)' });
  assert.equal(await checkpointing(kbit), true);
});

test('no checkpointing from peft when the model is not quantised, the preparation is skipped, or it is turned off', async () => {
  // A model in fp16: peft's preparation enables checkpointing only for a quantised model.
  const full = alpaca({
    load: 'torch_dtype=torch.float16, ',
    prepare: '    model = prepare_model_for_kbit_training(model)',
  });
  assert.equal(await checkpointing(full), false);
  // `if load_in_8bit:` with the switch off by default: neither the 8-bit load nor the preparation happens.
  const skipped = alpaca({
    load: 'load_in_8bit=load_in_8bit, ',
    prepare: '    if load_in_8bit:\n        model = prepare_model_for_int8_training(model)',
    param: ', load_in_8bit: bool = False',
  });
  assert.equal(await checkpointing(skipped), false);
  const off = alpaca({
    load: 'load_in_8bit=True, ',
    prepare: '    model = prepare_model_for_int8_training(model, use_gradient_checkpointing=False)',
  });
  assert.equal(await checkpointing(off), false);
});
