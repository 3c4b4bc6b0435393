// A DeepSpeed config a launcher writes itself: `cat <<EOT > $config_json` … `EOT` (or `cat > ds.json <<EOF`), then
// `--deepspeed_config $config_json`. The body is the config the run uses (it is written at launch, over any file of
// that name), with the script's variables filled in (`"stage": $ZERO_STAGE`). Read with the regular expression below
// for the `cat` + heredoc shape only (the shell reader skips heredoc bodies); a variable this script does not set
// becomes `null`, so its key gives no fact. Nothing is run.
import { parseShell } from '../parse/shell';
import type { Span } from '../types';

export interface HeredocFile {
  /** The path written, after variable expansion (`./ds_config.json`). */
  path: string;
  /** The body with the script's variables filled in. */
  text: string;
  /** Where the body is written in the launcher. */
  span: Span;
}

const CAT_HEREDOC =
  /^[ \t]*cat[ \t]+(?:<<-?[ \t]*(['"]?)(\w+)\1[ \t]*>[ \t]*(\S+)|>[ \t]*(\S+)[ \t]+<<-?[ \t]*(['"]?)(\w+)\5)[ \t]*\n/gm;

export function heredocFiles(text: string): HeredocFile[] {
  if (!text.includes('<<')) return [];
  const vars = parseShell(text).vars;
  const expand = (s: string, quoted: boolean) =>
    quoted
      ? s
      : s.replace(/\$\{(\w+)\}|\$(\w+)/g, (_m, a: string | undefined, b: string | undefined) => {
          const v = vars.get((a ?? b) as string);
          return v === undefined ? 'null' : v;
        });
  const out: HeredocFile[] = [];
  for (const m of text.matchAll(CAT_HEREDOC)) {
    const delim = m[2] ?? m[6];
    const quoted = !!(m[1] || m[5]);
    const target = (m[3] ?? m[4]).replace(/^["']|["']$/g, '');
    const start = (m.index ?? 0) + m[0].length;
    const end = new RegExp(`^[ \\t]*${delim}[ \\t]*$`, 'm').exec(text.slice(start));
    if (!end) continue;
    const body = text.slice(start, start + end.index);
    const path = expand(target, false);
    if (/\$|null/.test(path)) continue;
    out.push({ path, text: expand(body, quoted), span: { start, end: start + end.index } });
  }
  return out;
}
