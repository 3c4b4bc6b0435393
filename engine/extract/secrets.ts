// What a credential written in a training file looks like, shared by the Python reader (python-hints.ts) and the
// shell launcher reader (launcher-debug.ts). Formats: Hugging Face user access tokens start with `hf_`
// (https://huggingface.co/docs/hub/security-tokens); OpenAI keys with `sk-` / `sk-proj-`; W&B API keys are 40 hex
// characters, newer ones `wandb_v1_…` (https://docs.wandb.ai/guides/track/environment-variables, WANDB_API_KEY).
export const SECRET_PATTERNS: { kind: string; re: RegExp }[] = [
  { kind: 'Hugging Face token', re: /^hf_[A-Za-z0-9]{30,}$/ },
  { kind: 'OpenAI API key', re: /^sk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{20,}$/ },
  { kind: 'Weights & Biases API key', re: /^(?:[0-9a-f]{40}|wandb_v\d+_[A-Za-z0-9_-]{30,})$/ },
];

/** Placeholders people write in examples ("hf_xxxx…", "sk-your-key-here"). */
export const PLACEHOLDER = /x{4,}|your|example|placeholder|redacted|token_here|\*{3,}|(.)\1{9,}/i;

/** The kind of secret a literal is, or undefined (not one, or a placeholder). */
export function secretKind(s: string): string | undefined {
  if (PLACEHOLDER.test(s)) return undefined;
  return SECRET_PATTERNS.find((p) => p.re.test(s))?.kind;
}
