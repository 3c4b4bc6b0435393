// `for NAME in WORDS; do … done` (bash manual, "Looping Constructs": "The list of words following in is expanded,
// … and the commands are executed for each element, with name bound to that member"). A list of one plain word runs
// the body once with NAME bound to it: `for ep in 3; do python train.py --epochs $ep; done` trains 3 epochs (a sweep
// template left at one value). A list of several words is a sweep: NAME has no single value, and one written
// earlier no longer holds inside the loop. Words made by globs, brace ranges, `"$@"`, `${arr[@]}` or a command
// substitution are not counted here: NAME stays unknown.
import type { Word } from './shell-types';

/** The loop a command opens, when it is a `for NAME in …` header; `value` is set when the list is one plain word. */
export function forLoop(words: Word[], raw: (w: Word) => string): { name: string; value?: string } | undefined {
  if (words.length < 3 || words[0].quoted || words[0].text !== 'for' || words[2].text !== 'in') return undefined;
  const name = words[1].text;
  if (!/^[A-Za-z_]\w*$/.test(name)) return undefined;
  const list = words.slice(3);
  const one = list.length === 1 ? list[0] : undefined;
  const plain =
    one &&
    !one.unresolved &&
    one.text !== '' &&
    !/\s/.test(one.text) &&
    !/[*?[\]{}]|\$[@*(]|\[[@*]\]|`/.test(raw(one)) &&
    !/[*?[\]{}]/.test(one.text);
  return plain ? { name, value: one.text } : { name };
}
