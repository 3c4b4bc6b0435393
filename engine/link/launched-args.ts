// The script's arguments as its launcher gives them, for what the modules it calls read (./imports-merge): a value
// the launcher passes (`python main.py --batch_size 114 --num_workers 16`) replaces the argparse default the script
// or its options module declares (`self.parser.add_argument('--batch_size', default=32)` in opts.py) wherever the
// code reads `opt.batch_size`, so that a DataLoader in a data module or a batch split over DataParallel is computed
// from what runs. A flag whose value cannot be read (`--lr $LR`) makes the option unknown.
import * as path from 'node:path';
import type { SyntaxNode } from '../parse/python';
import type { CallSite } from '../parse/python-syntax';
import type { LaunchCommand } from '../extract/launcher';
export type { LaunchCommand };
import { ValueResolver, type Resolved } from '../extract/python-values';

/** The objects parsed arguments are read from (`args.x`, `opt.x`, `self.opt.x`). */
const ARGS_OBJECT = /^(?:self\.)?(?:args|opt|opts|cfg|config|hparams|params|flags|FLAGS)$/;

class LaunchedValues extends ValueResolver {
  constructor(
    root: SyntaxNode,
    calls: CallSite[],
    private readonly launch: LaunchCommand,
  ) {
    super(root, calls);
  }

  private given(name: string) {
    return this.declaredDefault(name) ? this.launch.fields.get(name) : undefined;
  }

  override resolve(node: SyntaxNode | null | undefined, depth = 0): Resolved {
    const attr = node?.type === 'attribute' ? node.childForFieldName('attribute')?.text : undefined;
    const g =
      node && attr && ARGS_OBJECT.test(node.childForFieldName('object')?.text ?? '') ? this.given(attr) : undefined;
    if (!node || !g) return super.resolve(node, depth);
    const v = g.value;
    const via = `${g.text} on ${path.basename(this.launch.file)}`;
    return typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean'
      ? { value: v, node, via, dest: attr }
      : { value: undefined, node, via: `${via} (value not readable here)`, dest: attr };
  }
}

/** A resolver over the script's argparse declarations, with the launcher's flags over their defaults when launched. */
export function scriptValues(root: SyntaxNode, calls: CallSite[], launch: LaunchCommand | undefined): ValueResolver {
  return launch ? new LaunchedValues(root, calls, launch) : new ValueResolver(root, calls);
}
