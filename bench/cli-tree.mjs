// What bench/run.ts and bench/same-outputs.mjs share: the filler that pads a script to a length, the CLI case's tree
// (1,000 copies of a 150-line script in 20 folders) and the way the CLI is started (optionally under GNU time).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A helper function, different for each `i`, to pad a script with. */
export const filler = (i) => `

def collate_${i}(batch, pad_id=0, max_len=512):
    """Pads a batch of token id lists to the same length."""
    longest = min(max(len(x) for x in batch), max_len)
    out = []
    for seq in batch:
        seq = seq[:longest]
        out.append(seq + [pad_id] * (longest - len(seq)))
    return {"input_ids": out, "labels": [list(s) for s in out]}
`;

/** `header` padded with fillers to at least `lines` lines. */
export function padded(header, lines) {
  let text = header;
  for (let i = 0; text.split('\n').length < lines; i++) text += filler(i);
  return text;
}

/** The CLI case's tree under `dir`: `count` copies of `text` as p<i % 20>/train_<i>.py. */
export function writeCliTree(dir, text, count = 1000) {
  for (let i = 0; i < count; i++) {
    const d = path.join(dir, `p${i % 20}`);
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, `train_${i}.py`), text);
  }
}

/**
 * `node <tree>/bin/greenml.js ...args` in `cwd`; with `time` (a GNU time format) under /usr/bin/time when it exists,
 * its line on stderr starting with GREENML_TIME.
 */
export function runCli(tree, args, { cwd, time, env } = {}) {
  const cmd = [process.execPath, path.resolve(tree, 'bin/greenml.js'), ...args];
  const opts = { cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 };
  return time && fs.existsSync('/usr/bin/time')
    ? spawnSync('/usr/bin/time', ['-f', `GREENML_TIME ${time}`, ...cmd], opts)
    : spawnSync(cmd[0], cmd.slice(1), opts);
}
