import type { Rule } from './types';
import { at, written } from './helpers';

/**
 * GML951 credential-in-code — an access token or API key written in a training script.
 */
export const credentialInCode: Rule = {
  code: 'GML951',
  name: 'credential-in-code',
  defaultSeverity: 'warning',
  summary: 'A Hugging Face token, W&B key or OpenAI key is written in the training code',
  waste: false,
  doc: {
    whatItDoes:
      'Flags string literals shaped like a Hugging Face token (`hf_…`), an OpenAI key (`sk-…`) or a W&B API key (40 ' +
      'hex characters, or `wandb_v1_…`) passed to `login(...)`, `token=`, `api_key=`, `hub_token=`, `key=` or set in ' +
      '`os.environ`, and in shell launchers exported (`export WANDB_API_KEY=…`, `HF_TOKEN=hf_…`) or passed to ' +
      '`wandb login` / `huggingface-cli login --token`. The finding never repeats the secret.',
    whyIsThisBad:
      'Training scripts are shared, committed and pasted into issues; a token in one gives whoever reads it write ' +
      'access to the models, datasets or paid APIs it covers. Hugging Face and GitHub scan public repositories for ' +
      'leaked tokens and revoke them.',
    example: 'login(token="hf_…")  # the token itself, written in the script',
    useInstead: 'login(token=os.environ["HF_TOKEN"])  # or `huggingface-cli login` once per machine',
    fixSafety:
      'Display-only: move the value to the environment or a secrets manager, then revoke the leaked token. Not ' +
      'flagged: placeholders ("hf_xxx…", "sk-your-key"), values read from the environment.',
  },
  check(ctx) {
    const c = ctx.fact('credential');
    if (!written(c)) return [];
    const launcher = c.form === 'launcher';
    return [
      {
        ...at(c),
        message: launcher
          ? `A ${String(c.value)} is written in this launcher: anyone who can read it can use it. Keep it out of the script (the job's secret store, or a log-in made once on the machine) and revoke this one.`
          : `A ${String(c.value)} is written in the code: anyone who can read this file can use it. Read it from the environment and revoke this one.`,
        fixes: [
          {
            title: launcher
              ? 'Keep the secret out of the launcher (and revoke this one)'
              : 'Read the secret from the environment (and revoke this one)',
            applicability: 'display-only',
            edits: [],
          },
        ],
      },
    ];
  },
};
