// Entry point of the simulated `launchctl`: usage errors are answered here, everything else by
// the supervisor of the state dir named in LAUNCHD_SIM_DIR.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgv, type Command } from './argv.ts';
import { EX_USAGE, usageText, type Reply } from './messages.ts';
import { readSimConfig } from './sim-config.ts';
import { sendRequest } from './supervisor-client.ts';

function withAbsolutePaths(command: Command): Command {
  if (command.verb === 'bootstrap' || command.verb === 'bootout-paths') {
    return { ...command, paths: command.paths.map((path) => resolve(process.cwd(), path)) };
  }
  return command;
}

async function main(): Promise<Reply> {
  const parsed = parseArgv(process.argv.slice(2));
  if (!parsed.ok) return { exitCode: EX_USAGE, stdout: '', stderr: usageText(parsed.verb, parsed.badTarget) };
  const configResult = readSimConfig(process.env, process.cwd());
  if (!configResult.ok) return { exitCode: 1, stdout: '', stderr: `${configResult.message}\n` };
  const config = configResult.config;
  const shutdown = parsed.command.verb === 'sim-shutdown';
  if (!existsSync(config.dir)) {
    if (shutdown) return { exitCode: 0, stdout: '', stderr: '' };
    return {
      exitCode: 1,
      stdout: '',
      stderr: `launchctl (launchd simulator): state dir ${config.dir} does not exist\n`,
    };
  }
  const request = {
    command: withAbsolutePaths(parsed.command),
    flags: { noGui: config.noGui, root: config.root, stdoutIsTTY: process.stdout.isTTY === true },
  };
  // Shutting down must never start a supervisor just to stop it again.
  const answer = await sendRequest(config, request, !shutdown);
  return answer ?? { exitCode: 0, stdout: '', stderr: '' };
}

main().then(
  (answer) => {
    process.stdout.write(answer.stdout);
    process.stderr.write(answer.stderr);
    process.exitCode = answer.exitCode;
  },
  (error: unknown) => {
    process.stderr.write(
      `launchctl (launchd simulator): ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
