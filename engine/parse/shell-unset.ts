// Values a plain run of a shell script leaves unset: a positional parameter (`GPUS=$1`, run without arguments) and
// an environment variable with a lower-case name that the script never sets (`if [ $batch_size ]; then
// BATCH_SIZE=$batch_size; else BATCH_SIZE=24; fi`) — names with lower-case letters are the user's own, not the
// system's ("The name space of environment variable names containing lowercase letters is reserved for
// applications", POSIX.1-2017 Base Definitions §8.1, https://pubs.opengroup.org/onlinepubs/9699919799/basedefs/V1_chap08.html).
// A variable assigned from one is treated as unset, so that its default stands, as for `${1:-8}` (./shell).

/** True when `raw` (an assignment's value as written) is only `$1` or `$name` of a variable the script never sets. */
export function unsetInPlainRun(raw: string, text: string, assigned: (name: string) => boolean): boolean {
  const m = /^"?\$\{?(\d|[a-z_][a-z0-9_]*)\}?"?$/.exec(raw);
  if (!m) return false;
  const name = m[1];
  if (/^\d$/.test(name)) return true;
  // Set by the script some way the reader does not follow (a loop variable, `read`, `getopts`, an export).
  const set = new RegExp(
    `\\bfor\\s+${name}\\s+in\\b|\\b(read|getopts)\\b[^\\n]*\\b${name}\\b|(^|[\\s;&|(])${name}=`,
    'm',
  );
  return !assigned(name) && !set.test(text);
}
