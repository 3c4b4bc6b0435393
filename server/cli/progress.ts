// A progress bar on an interactive terminal (cli-progress), nothing otherwise (CI logs stay clean).
import { SingleBar, Presets } from 'cli-progress';

export function progress(total: number): { tick(file: string): void; done(): void } {
  if (!process.stderr.isTTY || total < 20) return { tick: () => undefined, done: () => undefined };
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: 'greenml {bar} {value}/{total} files {file}',
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return {
    tick: (file) => bar.increment(1, { file: file.length > 40 ? '…' + file.slice(-39) : file }),
    done: () => bar.stop(),
  };
}
