// What a shell launcher puts in the environment of the training process that the rules judge:
// - debug switches: `export CUDA_LAUNCH_BLOCKING=1`, `CUDA_LAUNCH_BLOCKING=1 python train.py`,
//   `TORCH_SHOW_CPP_STACKTRACES=1` → `debug_flag`. A value other than 1 (`=0`, `=$DEBUG`) is not a switch that is on.
//   NCCL_DEBUG=INFO is not here: it logs at set-up and on errors, not per kernel (NCCL environment variables,
//   docs.nvidia.com/deeplearning/nccl).
// - credentials written in the script: `export WANDB_API_KEY=…`, `HF_TOKEN=hf_…`, `wandb login <key>`,
//   `huggingface-cli login --token hf_…`, OpenRLHF's `--use_wandb <key>` → `credential` (the kind of secret, never the secret).
// Commented-out lines (`# export CUDA_LAUNCH_BLOCKING=1`, the usual "uncomment to debug") are not read: the shell word
// splitter gives the comments' spans, and a hit inside one is skipped. A debug switch set only under a condition
// (`if [ "$DEBUG" = 1 ]; then … fi`, `[ -n "$DEBUG" ] && export …`) is not on by default and is not reported.
import type { ShellScript } from '../parse/shell';
import type { Fact } from '../types';
import { secretKind } from './secrets';

const SWITCHES = ['CUDA_LAUNCH_BLOCKING', 'TORCH_SHOW_CPP_STACKTRACES'] as const;

const SECRET_VARS =
  'WANDB_API_KEY|HF_TOKEN|HUGGING_FACE_HUB_TOKEN|HUGGINGFACE_HUB_TOKEN|HUGGINGFACE_TOKEN|HF_API_TOKEN|OPENAI_API_KEY';
/**
 * `NAME=secret`, `wandb login secret`, `huggingface-cli login --token secret`, `--hub_token secret` (group 1: the
 * secret).
 */
const SECRET_SITES = [
  new RegExp(`(?<![\\w$])(?:${SECRET_VARS})=["']?([\\w-]{20,})["']?`, 'g'),
  /\bwandb\s+login\s+(?:--relogin\s+)?["']?([\w-]{20,})["']?/g,
  /\b(?:huggingface-cli|hf(?:\s+auth)?)\s+login\s+(?:[\w-]+\s+)*?--token[=\s]+["']?([\w-]{20,})["']?/g,
  // An argument of the training command that names a token or key (`--hub_token hf_…`, `use_auth_token="hf_…"`,
  // also inside a quoted `CMD="…"` string); secretKind() still has to recognise the value's format.
  /(?<![\w$])(?:--?)?[A-Za-z_.-]*(?:token|api_key|apikey)[=\s]+\\?["']?([\w-]{20,})/gi,
  // An option named for W&B that takes the key itself: OpenRLHF's `--use_wandb <key>`, which its trainers hand to
  // `wandb.login(key=args.use_wandb)`; `--wandb_key`. Not the run's name, project, group, entity, id or folder.
  /(?<![\w$])--?(?![\w-]*(?:project|entity|name|group|org|tags?|_id|-id|dir|mode)\b)[\w-]*wandb[\w-]*[=\s]+\\?["']?([\w-]{20,})/gi,
];

/**
 * True when the line at `i` runs only on a condition: inside an `if … fi` / `case … esac` block opened on an earlier
 * line (`if [ "$DEBUG" = 1 ]; then export CUDA_LAUNCH_BLOCKING=1; fi`), or after `&&` / `||` on its own line.
 * Counted from keywords at the start of lines (a hand count: the word splitter keeps no block structure).
 */
function conditional(text: string, i: number): boolean {
  const lineStart = text.lastIndexOf('\n', i - 1) + 1;
  if (/&&|\|\||\bthen\b/.test(text.slice(lineStart, i))) return true;
  let depth = 0;
  for (const line of text.slice(0, lineStart).split('\n')) {
    const l = line.replace(/#.*$/, '').trim();
    if (/^(if|case)\b/.test(l) && !/\b(fi|esac)\s*;?$/.test(l)) depth++;
    else if (/^(fi|esac)\b/.test(l)) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

export function launcherEnvFacts(file: string, text: string, script: ShellScript): Fact[] {
  const out: Fact[] = [];
  const inComment = (i: number) => script.comments.some((c) => c.span.start <= i && i < c.span.end);
  for (const name of SWITCHES) {
    const set = script.vars.get(name) === '1' || script.commands.some((c) => c.env.get(name) === '1');
    if (!set) continue;
    const re = new RegExp(`(?<![\\w$])${name}=(["']?)1\\1(?![\\w.])`, 'g');
    const hit = [...text.matchAll(re)].find((m) => !inComment(m.index) && !conditional(text, m.index));
    if (!hit) continue;
    out.push({
      key: 'debug_flag',
      value: name,
      origin: 'explicit',
      file,
      span: { start: hit.index, end: hit.index + hit[0].length },
      note: `${hit[0]} in the launcher's environment`,
    });
    break; // one debug switch per run is enough to report; the first one written
  }
  for (const re of SECRET_SITES)
    for (const m of text.matchAll(re)) {
      const kind = secretKind(m[1]);
      if (!kind || inComment(m.index)) continue;
      out.push({
        key: 'credential',
        value: kind,
        origin: 'explicit',
        file,
        span: { start: m.index, end: m.index + m[0].length },
        note: `a ${kind} written in the launcher (not shown)`,
        form: 'launcher',
      });
      return out;
    }
  return out;
}
