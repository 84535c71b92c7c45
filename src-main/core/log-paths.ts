// Where launchd writes an instance's output: the plist's StandardOutPath and StandardErrorPath, as
// launchd opens them (launchd.md §4.5). The product writes one merged file for both, so the paths are
// deduplicated; a relative path resolves against WorkingDirectory (launchd's cwd, `/` by default).
import { isAbsolutePath, joinPath } from './paths.ts';
import { instanceLogPath, type LaunchAgentPlist } from './plist-contract.ts';

export interface LogFile {
  path: string;
  /** Which plist keys point at it. */
  streams: ('stdout' | 'stderr')[];
}

export function plistLogFiles(plist: LaunchAgentPlist): LogFile[] {
  const cwd =
    typeof plist.WorkingDirectory === 'string' && plist.WorkingDirectory !== ''
      ? plist.WorkingDirectory
      : '/';
  const files: LogFile[] = [];
  const add = (value: unknown, stream: 'stdout' | 'stderr') => {
    if (typeof value !== 'string' || value === '') return;
    const path = isAbsolutePath(value) ? joinPath(value) : joinPath(cwd, value);
    const known = files.find((f) => f.path === path);
    if (known) known.streams.push(stream);
    else files.push({ path, streams: [stream] });
  };
  add(plist.StandardOutPath, 'stdout');
  add(plist.StandardErrorPath, 'stderr');
  return files;
}

/**
 * The log files of an instance: its plist's, or the contract's `<state dir>/logs/gateway.log` when the
 * plist is gone (a job loaded without a plist still writes where the plist it was loaded from said).
 */
export function instanceLogFiles(plist: LaunchAgentPlist | null, stateDir: string): LogFile[] {
  return plist === null
    ? [{ path: instanceLogPath(stateDir), streams: ['stdout', 'stderr'] }]
    : plistLogFiles(plist);
}
