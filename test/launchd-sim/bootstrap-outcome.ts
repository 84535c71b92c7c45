// Rendering of bootstrap / bootout failures. Non-root callers get launchd's generic answer;
// root gets one `<path>: <reason>` line per path and a summary (launchd.md §2.1, §3.1, §10).
import { failed, NON_ROOT_HINT, reply, type Reply } from './messages.ts';
import type { PlistProblem } from './plist-file.ts';

export type BootstrapProblem =
  PlistProblem | 'missing-label' | 'missing-program' | 'already-loaded' | 'draining' | 'disabled';

export interface PathFailure<P> {
  path: string;
  problem: P;
}

const ROOT_BOOTSTRAP: Readonly<Record<BootstrapProblem, { line: string; code: number }>> = {
  'already-loaded': { line: 'service already loaded', code: 37 },
  draining: { line: 'service already loaded', code: 37 },
  disabled: { line: 'Service is disabled', code: 119 },
  'bad-permissions': { line: 'Path had bad ownership/permissions', code: 122 },
  'invalid-plist': { line: 'Invalid property list', code: 133 },
  'missing-label': { line: 'Invalid or missing service identifier', code: 110 },
  'missing-program': { line: 'Invalid or missing Program/ProgramArguments', code: 111 },
  unreadable: { line: 'No such file or directory', code: 2 },
};

// 133 means "see stderr": the Sierra capture of an invalid plist shows only the per-path line.
const MULTIPLE_ERRORS = 133;

export function bootstrapFailureReply(failures: Array<PathFailure<BootstrapProblem>>, root: boolean): Reply {
  if (failures.length === 0) return reply(0);
  if (!root) return reply(5, '', `${failed('Bootstrap', 5)}${NON_ROOT_HINT}\n`);
  const lines = failures.map(({ path, problem }) => `${path}: ${ROOT_BOOTSTRAP[problem].line}\n`).join('');
  const code = failures.length === 1 ? ROOT_BOOTSTRAP[failures[0]!.problem].code : MULTIPLE_ERRORS;
  return reply(code, '', code === MULTIPLE_ERRORS ? lines : `${lines}${failed('Bootstrap', code)}`);
}

/** `bootout <domain> <path>…` for paths whose job is not loaded (or unreadable): always 5. */
export function bootoutPathsFailureReply(failedPaths: string[], root: boolean): Reply {
  if (failedPaths.length === 0) return reply(0);
  if (!root) return reply(5, '', `${failed('Boot-out', 5)}${NON_ROOT_HINT}\n`);
  const lines = failedPaths.map((path) => `${path}: Could not find specified service\n`).join('');
  return reply(5, '', `${lines}${failed('Boot-out', 5)}`);
}
