// Who publishes checkpoints on the Hugging Face Hub, for reading a local copy of one (../extract/model-name.ts
// `hubIdOfLocalPath`): clusters keep hub checkpoints under a shared folder with the hub's own `<owner>/<name>` layout
// (`/scratch/public_models/huggingface/Qwen/Qwen3-4B`, LitGPT's `checkpoints/<owner>/<name>`), or as the bare
// `<name>` folder a `git clone https://huggingface.co/<owner>/<name>` or `huggingface-cli download` makes.
// Each owner is the organisation's hub page, https://huggingface.co/<owner> (read 2025); each family row names the
// release spelling of one publisher's model cards (the size token is part of every release name).

/** Hub organisations that publish base checkpoints, as spelled on the hub (matched without regard to case). */
export const HUB_OWNERS: readonly string[] = [
  '01-ai',
  'ai21labs',
  'allenai',
  'apple',
  'baichuan-inc',
  'bigcode',
  'bigscience',
  'BAAI',
  'CohereForAI',
  'codellama',
  'CompVis',
  'databricks',
  'deepseek-ai',
  'distilbert',
  'EleutherAI',
  'facebook',
  'FacebookAI',
  'google',
  'google-bert',
  'google-t5',
  'HuggingFaceH4',
  'HuggingFaceTB',
  'huggyllama',
  'ibm-granite',
  'internlm',
  'lmsys',
  'meta-llama',
  'microsoft',
  'mistralai',
  'mosaicml',
  'NousResearch',
  'nvidia',
  'openai',
  'openai-community',
  'openbmb',
  'openlm-research',
  'Qwen',
  'runwayml',
  'Salesforce',
  'sentence-transformers',
  'stabilityai',
  'stable-diffusion-v1-5',
  'THUDM',
  'tiiuae',
  'TinyLlama',
  'togethercomputer',
  'unsloth',
  'upstage',
];

/**
 * Release names that only one owner publishes, for a local folder named exactly as the release (`CodeLlama-7b-Instruct-hf`
 * → `codellama/CodeLlama-7b-Instruct-hf`). Each pattern is the release's own spelling, case included, with its size
 * token, so a project's own or renamed folder (`llama-finetuned`, `qwen2.5-7B-chat`, a Qwen2.5 "chat" that was never
 * released under that name) matches none.
 */
export const HUB_FAMILIES: readonly { name: RegExp; owner: string }[] = [
  // https://huggingface.co/codellama: CodeLlama-{7,13,34,70}b[-Python|-Instruct]-hf
  { name: /^CodeLlama-\d+b(-(Python|Instruct))?-hf$/, owner: 'codellama' },
  // https://huggingface.co/meta-llama: Llama-2-7b-hf, Llama-2-7b-chat-hf, Meta-Llama-3-8B-Instruct,
  // Meta-Llama-3.1-8B, Llama-3.1-8B-Instruct, Llama-3.2-1B, Llama-3.3-70B-Instruct
  {
    name: /^(Llama-2-\d+b(-chat)?-hf|Meta-Llama-3(\.1)?-\d+B(-Instruct)?|Llama-3\.[123]-\d+B(-Instruct)?)$/,
    owner: 'meta-llama',
  },
  // https://huggingface.co/Qwen: Qwen1.5-7B-Chat; Qwen2-7B, Qwen2.5-1.5B-Instruct, Qwen2.5-Math-7B, Qwen2.5-Coder-7B-Instruct;
  // Qwen3-4B, Qwen3-8B-Base
  {
    name: /^(Qwen1\.5-\d+(\.\d+)?B(-Chat)?|Qwen2(\.5)?(-(Math|Coder))?-\d+(\.\d+)?B(-Instruct)?|Qwen3-\d+(\.\d+)?B(-Base)?)$/,
    owner: 'Qwen',
  },
  // https://huggingface.co/mistralai: Mistral-7B-v0.1, Mistral-7B-Instruct-v0.3, Mixtral-8x7B-v0.1, Mixtral-8x22B-Instruct-v0.1
  { name: /^(Mistral-7B(-Instruct)?-v0\.[123]|Mixtral-8x(7|22)B(-Instruct)?-v0\.1)$/, owner: 'mistralai' },
  // https://huggingface.co/deepseek-ai: DeepSeek-R1-Distill-Qwen-7B, deepseek-coder-6.7b-instruct, deepseek-llm-7b-base
  {
    name: /^(DeepSeek-R1-Distill-(Qwen|Llama)-\d+(\.\d+)?B|deepseek-(coder|llm|math)-\d+(\.\d+)?b-(base|instruct|chat))$/,
    owner: 'deepseek-ai',
  },
  // https://huggingface.co/google: gemma-2b, gemma-2-9b-it, gemma-3-4b-pt
  { name: /^gemma-(\d-)?\d+b(-(it|pt))?$/, owner: 'google' },
  // https://huggingface.co/EleutherAI: pythia-410m, pythia-1.4b-deduped
  { name: /^pythia-\d+(\.\d+)?[mb](-deduped)?$/, owner: 'EleutherAI' },
  // https://huggingface.co/tiiuae: falcon-7b, falcon-40b-instruct
  { name: /^falcon-\d+b(-instruct)?$/, owner: 'tiiuae' },
];
