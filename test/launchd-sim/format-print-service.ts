// `launchctl print gui/<uid>/<label>` for a LaunchAgent, in the field order and grouping of
// launchd.md §5.2 (macOS 13–15): one TAB per nesting level, blank lines between groups.
import { lastExitLine } from './exit-status.ts';
import { STANDARD_PATH } from './job-environment.ts';
import type { ServiceView } from './views.ts';

function block(key: string, entries: string[]): string[] {
  return [`\t${key} = {`, ...entries.map((entry) => `\t\t${entry}`), '\t}'];
}

function runningCounters(view: ServiceView): string[] {
  if (view.pid === undefined) return [];
  return [
    `\tpid = ${view.pid}`,
    `\timmediate reason = ${view.immediateReason ?? 'speculative'}`,
    '\tforks = 0',
    '\texecs = 1',
    '\tinitialized = 1',
    '\ttrampolined = 1',
    '\tstarted suspended = 0',
    '\tproxy started suspended = 0',
  ];
}

export function formatPrintService(view: ServiceView): string {
  const domain = `gui/${view.uid}`;
  const exit = lastExitLine(view.lastExit);
  const lines = [
    `${domain}/${view.label} = {`,
    `\tactive count = ${view.pid === undefined ? 0 : 1}`,
    `\tpath = ${view.plistPath}`,
    '\ttype = LaunchAgent',
    `\tstate = ${view.state}`,
    '',
    `\tprogram = ${view.program}`,
  ];
  if (view.arguments) lines.push(...block('arguments', view.arguments), '');
  if (view.workingDirectory !== undefined) lines.push(`\tworking directory = ${view.workingDirectory}`, '');
  if (view.stdoutPath !== undefined) lines.push(`\tstdout path = ${view.stdoutPath}`);
  if (view.stderrPath !== undefined) lines.push(`\tstderr path = ${view.stderrPath}`);
  lines.push(...block('default environment', [`PATH => ${STANDARD_PATH}`]), '');
  lines.push(
    ...block(
      'environment',
      view.environment.map(([name, value]) => `${name} => ${value}`),
    ),
    '',
  );
  lines.push(
    `\tdomain = ${domain} [${view.asid}]`,
    `\tasid = ${view.asid}`,
    `\tminimum runtime = ${view.minimumRuntimeS}`,
    `\texit timeout = ${view.exitTimeoutS}`,
    `\truns = ${view.runs}`,
    ...runningCounters(view),
    `\t${exit.key} = ${exit.value}`,
    '',
  );
  if (view.semaphores.length > 0) {
    lines.push(
      ...block(
        'semaphores',
        view.semaphores.map(([name, value]) => `${name} => ${value}`),
      ),
      '',
    );
  }
  lines.push(
    `\tspawn type = ${view.spawnType}`,
    '\tjetsam priority = 40',
    '\tjetsam memory limit (active) = (unlimited)',
    '\tjetsam memory limit (inactive) = (unlimited)',
    '\tjetsamproperties category = daemon',
    '\tjetsam thread limit = 32',
    '\tcpumon = default',
  );
  if (view.jobState !== undefined) lines.push(`\tjob state = ${view.jobState}`);
  lines.push(
    ...block('probabilistic guard malloc policy', ['activation rate = 1/1000', 'sample rate = 1/0']),
    '',
    // An empty property list still prints `properties = ` with its trailing space.
    `\tproperties = ${view.properties.join(' | ')}`,
    '}',
  );
  return `${lines.join('\n')}\n`;
}
