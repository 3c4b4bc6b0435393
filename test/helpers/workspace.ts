// A scratch folder holding the given files (paths relative to it, parent folders created), for tests that run the
// CLI or the analysis on a small project. Each call makes a new folder under the system's temporary directory.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function tempWorkspace(prefix: string, files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `greenml-${prefix}-`));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
