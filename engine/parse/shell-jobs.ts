// Job scripts a launcher hands to another program as text instead of as a file of the repository, read where they are
// written (./shell reads their commands and `#SBATCH` lines as the launcher's own):
// - a heredoc given to a scheduler on standard input: `sbatch <<EOF … EOF`, `sed -e … <<'EOF' | sbatch` (SLURM:
//   "If no file name is specified, sbatch will read in a script from standard input",
//   https://slurm.schedmd.com/sbatch.html; PBS `qsub` likewise, https://openpbs.atlassian.net/wiki/spaces/PBSPro/pages/5537837/qsub);
// - a heredoc written to a file that the script then runs or submits: `cat > job <<EOF … EOF` then `sbatch job`,
//   `bash job`, `source job`;
// - a command string: `bash -c "…"`, `sbatch --wrap="…"` ("Sbatch will wrap the specified command string in a simple
//   "sh" shell script, and submit that script", https://slurm.schedmd.com/sbatch.html).
// Nothing is run.
import type { Span } from '../types';
import type { Word } from './shell-types';

/** The variable `read [-r] [-d ''] NAME` reads into (its input a heredoc), if the words are that command. */
export function readTarget(words: Word[]): string | undefined {
  const last = words[words.length - 1];
  if (words[0]?.text !== 'read' || words[0].quoted || !last || words.length < 2) return undefined;
  if (!/^[A-Za-z_]\w*$/.test(last.text) || last.quoted) return undefined;
  const opts = words.slice(1, -1);
  return opts.every((w, j) => /^-[rs]*d?$/.test(w.text) || (w.text === '' && /d$/.test(opts[j - 1]?.text ?? '')))
    ? last.text
    : undefined;
}

const SUBMIT = new Set(['sbatch', 'qsub']);
const ASSIGN = /^[A-Za-z_]\w*=/;
const JOB_FILE = /\.(sh|bash|sbatch|slurm|job|pbs|qsub)$/;

/** The command's own words: after `NAME=value` prefixes and `nohup`/`exec`/`time`. */
function head(words: Word[]): Word[] {
  let k = 0;
  while (
    k < words.length &&
    !words[k].quoted &&
    (ASSIGN.test(words[k].text) || /^(nohup|exec|time)$/.test(words[k].text))
  )
    k++;
  return words.slice(k);
}

/**
 * The words of a scheduler command that reads its job script from standard input (no job file among its words, no
 * `--wrap`): the heredoc on its line is the job. Undefined when the command is not one.
 */
export function stdinSubmit(words: Word[]): Word[] | undefined {
  const w = head(words);
  if (!w[0] || w[0].quoted || !SUBMIT.has(w[0].text)) return undefined;
  return w.slice(1).some((x) => JOB_FILE.test(x.text) || x.text.startsWith('--wrap')) ? undefined : w;
}

/** `cat > FILE <<EOF` / `cat <<EOF > FILE`: whether the line's command writes its heredoc to a file. */
export function writesHeredoc(words: Word[]): boolean {
  const w = head(words);
  return !!w[0] && !w[0].quoted && w[0].text === 'cat';
}

/** The file a heredoc is written to, as the script names it (`$script_name`, `"job.sh"`), with its variables. */
export function writtenPath(raw: string, vars: Map<string, string>): string | undefined {
  const path = raw
    .replace(/^["']|["']$/g, '')
    .replace(/\$\{(\w+)\}|\$(\w+)/g, (m, a: string | undefined, b: string | undefined) => vars.get(a ?? b ?? '') ?? m);
  return path && !path.includes('$') ? path.replace(/^\.\//, '') : undefined;
}

/**
 * A command that runs or submits a file written from a heredoc earlier in the script (`sbatch $script_name`,
 * `bash job.sh`, `source job.sh`, `./job.sh`): the file's name as written, and whether it goes to a scheduler.
 */
export function runsWritten(words: Word[], written: Map<string, Span>): { path: string; submit: boolean } | undefined {
  const w = head(words);
  if (!w[0] || w[0].quoted) return undefined;
  const cmd = w[0].text;
  const runner = SUBMIT.has(cmd) || /^(ba|z|da)?sh$|^source$|^\.$/.test(cmd);
  const cands = runner ? w.slice(1) : [w[0]];
  for (const x of cands) {
    const p = x.text.replace(/^\.\//, '');
    if (!x.unresolved && written.has(p)) return { path: p, submit: SUBMIT.has(cmd) };
  }
  return undefined;
}

/**
 * The command string a command runs, inside its quotes: `bash -c "…"` / `sh -c '…'`, `sbatch … --wrap="…"` (or
 * `--wrap "…"`). `submit`: the string is a job handed to the scheduler, whose options on this line it runs with.
 */
export function commandString(text: string, words: Word[]): { span: Span; submit: boolean } | undefined {
  const inQuotes = (w: Word | undefined, from: number): Span | undefined => {
    if (!w) return undefined;
    const q = text[from];
    return (q === '"' || q === "'") && text[w.span.end - 1] === q && w.span.end - 1 > from
      ? { start: from + 1, end: w.span.end - 1 }
      : undefined;
  };
  const c = words.findIndex((w, j) => /^(ba)?sh$/.test(w.text) && !w.quoted && words[j + 1]?.text === '-c');
  if (c >= 0) {
    const span = inQuotes(words[c + 2], words[c + 2]?.span.start ?? 0);
    return span && { span, submit: false };
  }
  const w = head(words);
  if (w[0]?.text !== 'sbatch' || w[0].quoted) return undefined;
  const k = w.findIndex((x) => x.text === '--wrap' || x.text.startsWith('--wrap='));
  if (k === -1) return undefined;
  const word = w[k].text === '--wrap' ? w[k + 1] : w[k];
  const from = word ? word.span.start + (w[k].text === '--wrap' ? 0 : '--wrap='.length) : 0;
  const span = inQuotes(word, from);
  return span && { span, submit: true };
}

/** `#SBATCH --nodes $NODES` in a job body: the directive with the values the launcher gives those variables. */
export function directiveText(text: string, vars: Map<string, string>): string {
  if (!/^#(SBATCH|PBS|BSUB)\s/.test(text)) return text;
  return text.replace(
    /\$\{(\w+)\}|\$(\w+)/g,
    (m, a: string | undefined, b: string | undefined) => vars.get(a ?? b ?? '') ?? m,
  );
}
