// The shell reader's types (./shell): words with their spans, commands, comments, the state a scan carries, and the
// word classes it tells apart.
import type { Span } from '../types';

export interface Word {
  /** The word after quote removal and variable expansion. */
  text: string;
  /** Span of the word as written. */
  span: Span;
  /** True when it holds a command substitution or a variable this script does not assign. */
  unresolved: boolean;
  /** True when any part of it was quoted. */
  quoted: boolean;
  /**
   * True when its value comes from a default (`${GPUS:-8}`, `: ${N:=2}`, or a variable set so): a value the caller
   * may replace from the environment or the command line.
   */
  defaulted?: boolean;
}

export interface Command {
  words: Word[];
  /** `NAME=value` words before the command name. */
  env: Map<string, string>;
  span: Span;
  /** Where the command's words (its `NAME=value` prefixes included) take a default value (Word.defaulted). */
  defaulted?: Span[];
  /** A command of a job script handed to a scheduler as text (./shell-jobs): the submitting command's words. */
  submit?: Word[];
}

export interface Comment {
  text: string;
  span: Span;
}

export interface ShellScript {
  commands: Command[];
  comments: Comment[];
  /** Variables assigned in the script (last value wins). */
  vars: Map<string, string>;
  /** Bash arrays assigned in the script (`ARGS=(…)`, `ARGS+=(…)`), their elements as words. */
  arrays: Map<string, Word[]>;
}

export const KEYWORDS = new Set([
  'then',
  'do',
  'else',
  'elif',
  'if',
  'while',
  'until',
  '!',
  '{',
  '(',
  'time',
  'exec',
  'nohup',
  // `eval $CMD`: the words of CMD are the command (its assignments, if first, its environment).
  'eval',
]);
export const ASSIGN = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;

export interface State {
  vars: Map<string, string>;
  /** Variables assigned from something this reader cannot evaluate: their `${X:-default}` is not the default. */
  unknown: Set<string>;
  /**
   * Variables assigned a bare positional parameter (`GPUS=$1`): unset when the script is run without arguments, so
   * their `${GPUS:-8}` is the default, as for `${1:-8}`.
   */
  positional: Set<string>;
  /** Variables whose value is a default (Word.defaulted). */
  defaulted: Set<string>;
  arrays: Map<string, Word[]>;
  /** Variables whose value is several words (`ARGS="--a 1 --b 2"`): those words, spans where they are written. */
  varWords: Map<string, Word[]>;
  /**
   * The variables each open `case … esac` assigns: their values, and each flag's values in their words. Arms that
   * assign a variable differently leave it unknown, or, for a value of several words, the flags whose values differ.
   */
  cases: Map<string, { values: Set<string>; flags: Map<string, Set<string>> }>[];
  /** Open `if … fi` blocks; `guarded`: the command follows `&&` or `||`. */
  ifDepth: number;
  guarded: boolean;
  /** Files the script writes from a heredoc (`cat > job.sh <<EOF`), with the body's span: read if it runs them. */
  written: Map<string, Span>;
}

/** Bash declares (`declare -a X=(…)`, `local -i N=2`): their options are not commands. */
export const DECLARE_OPT = /^-[aAilrxgnu]+$/;
/** A word that is only an expansion: `$X`, `${X}`, `${X[@]}`, `"${X[@]}"` (what may stand for several words). */
export const WHOLE_EXPANSION =
  /^(?:"\$\{([A-Za-z_]\w*)\[[@*]\]\}"|\$\{([A-Za-z_]\w*)\[[@*]\]\}|\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*))(?=[\s;&|<>()]|$)/;
