// `openclaw-fleet add <name>`: a new instance with its own state dir, port and token, loaded and
// verified serving; on failure nothing it created stays behind (the state dir goes to the backups).
import { addInstance, type AddResult } from '../../fleet/add-instance.ts';
import { checkInstanceName } from '../../core/instance-name.ts';
import { locateGatewayRuntime } from '../../platform/locate-openclaw.ts';
import { addProgress } from '../add-progress.ts';
import { EXIT_OK, OperationFailed, UsageError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { fleetFor } from '../fleet-for.ts';
import { flag, integerOption, secondsOption, stringOption } from '../option-values.ts';

const DEFAULT_TIMEOUT_S = 60;

export const addCommand: Command = {
  name: 'add',
  summary: 'create an instance (state dir, config with its own token, LaunchAgent) and start it',
  usage: 'add <name> [--port N] [--node PATH] [--entry PATH] [--no-start] [--timeout S]',
  details: [
    '  --port N      base port (default: the next free one of 18789, 18909, 19029, ...)',
    '  --node PATH   absolute Node >= 24.16 (default: the node beside openclaw, else on PATH)',
    '  --entry PATH  the OpenClaw entry (default: dist/index.js of the openclaw package on PATH or in the global npm root)',
    '  --no-start    write the files only: launchd starts it at the next login, or run openclaw-fleet start <name>',
    `  --timeout S   seconds to wait until it serves (default ${DEFAULT_TIMEOUT_S})`,
    'The token goes into <state dir>/openclaw.json (0600) only; it is never printed.',
    'When the start fails, everything is rolled back and the state dir (with its log) is moved to',
    '<root>/.fleet/backups/state.',
  ].join('\n'),
  options: {
    port: { type: 'string' },
    node: { type: 'string' },
    entry: { type: 'string' },
    'no-start': { type: 'boolean' },
    timeout: { type: 'string' },
  },
  positionals: 'any',
  async run({ io, args, paths, interrupted }) {
    if (args.positionals.length !== 1) {
      throw new UsageError(`'add' takes exactly one instance name, got ${args.positionals.length}`);
    }
    const name = args.positionals[0]!;
    const check = checkInstanceName(name);
    if (!check.ok) throw new UsageError(check.message);
    const port = integerOption(args, 'port', { min: 1024, max: 65535, example: 18909 });
    const timeoutS = secondsOption(args, 'timeout', DEFAULT_TIMEOUT_S);
    const located = await locateGatewayRuntime({
      node: stringOption(args, 'node'),
      entry: stringOption(args, 'entry'),
      env: io.env,
      cwd: io.cwd,
    });
    if (!located.ok) throw new UsageError(located.message);
    const result = await addInstance(
      fleetFor(paths, io),
      {
        name,
        port: port ?? null,
        nodePath: located.runtime.nodePath,
        entryPath: located.runtime.entryPath,
        start: !flag(args, 'no-start'),
        timeoutMs: timeoutS * 1000,
      },
      { ...addProgress(io), interrupted },
    );
    io.out(renderAdded(result));
    return EXIT_OK;
  },
};

/** The success lines; every other outcome is thrown as the error the CLI turns into its exit code. */
function renderAdded(result: AddResult): string {
  switch (result.kind) {
    case 'bad-input':
      throw new UsageError(result.message);
    case 'failed':
      throw new OperationFailed(result.message);
    case 'rolled-back':
      throw new OperationFailed(renderRolledBack(result));
    case 'added': {
      const { instance, started } = result;
      const head = `added ${instance.name}: ${instance.label} on port ${instance.port}`;
      const state =
        started === null
          ? `, not started (--no-start): it starts at the next login, or now with openclaw-fleet start ${instance.name}`
          : `, pid ${started.pid}, serving after ${(started.elapsedMs / 1000).toFixed(1)} s`;
      return `${head}${state}\ntoken stored in ${instance.configPath} (mode 0600)\n`;
    }
  }
}

function renderRolledBack(result: Extract<AddResult, { kind: 'rolled-back' }>): string {
  const { instance, cause, rollback } = result;
  const lines = [`could not add ${instance.name}: ${cause}`];
  if (rollback.logLines.length > 0) {
    lines.push(`last lines of ${rollback.logPath}:`, ...rollback.logLines.map((l) => `  ${l}`));
  } else {
    lines.push(`the gateway wrote nothing to its log (${instance.logPath})`);
  }
  if (rollback.done.length > 0) lines.push(`rolled back: ${rollback.done.join('; ')}`);
  for (const problem of rollback.problems) lines.push(`not rolled back: ${problem}`);
  return lines.join('\n');
}
