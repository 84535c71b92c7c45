// The real filesystem behind the core's PathInspector port.
import { accessSync, constants, statSync } from 'node:fs';
import { MISSING_PATH, type PathFacts } from '../core/path-facts.ts';

export function inspectPath(path: string): PathFacts {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return MISSING_PATH;
  }
  let executable = false;
  try {
    accessSync(path, constants.X_OK);
    executable = stats.isFile();
  } catch {
    executable = false;
  }
  return { exists: true, isFile: stats.isFile(), isDirectory: stats.isDirectory(), executable };
}
