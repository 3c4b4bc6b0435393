// What a model name says by itself, for models the core's table does not know: the size it states
// ("Qwen2-7B-Instruct" → 7 B, "deepseek-coder-6.7b" → 6.7 B, "pythia-410m" → 410 M), and whether the "name" is in
// fact a local folder (`./work_dirs/stage1/`, `/mnt/ckpt/run-3`) that names no model at all.
//
// A stated size is the model's rounded published size (within about 10 % of the real count for the families
// checked: Llama 2/3, Qwen2/2.5, DeepSeek-Coder, Pythia, OPT), so it is reported as `inferred` with that caveat.
// Mixture-of-experts names ("8x7B", "A2.7B") state no total size and give none.

/** Parameters stated by a size token of the name's last segment (`7B`, `1.5b`, `410M`), or undefined. */
export function sizeFromName(name: string): number | undefined {
  const seg = name.replace(/\/+$/, '').split('/').pop() ?? '';
  if (/\d+x\d+(\.\d+)?[bm]\b/i.test(seg) || /(^|[-_])moe([-_]|$)/i.test(seg)) return undefined;
  const sizes = [...seg.matchAll(/(?:^|[-_.])(\d+(?:\.\d+)?)([bm])(?=$|[-_.])/gi)].map(
    (m) => Number(m[1]) * (m[2].toLowerCase() === 'b' ? 1e9 : 1e6),
  );
  // One size only ("Llama-2-7b" yes; "vit-b16-350m-1b-tokens" is ambiguous).
  if (sizes.length !== 1 || !(sizes[0] >= 1e6 && sizes[0] <= 2e12)) return undefined;
  return sizes[0];
}

/**
 * True for a filesystem path rather than a hub id or a name: absolute, `./`, `../`, `~`, a trailing `/`, or three
 * or more segments (a hub id is `owner/name`).
 */
export function isLocalPath(name: string): boolean {
  const s = name.trim();
  return /^(\/|\.\.?\/|~)/.test(s) || s.endsWith('/') || s.split('/').filter(Boolean).length >= 3;
}
