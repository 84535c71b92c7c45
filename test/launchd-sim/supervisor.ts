// The long-lived half of the simulator: owns the gui domain and every job process. Started
// detached by the first launchctl call of a state dir (see supervisor-client.ts), it ends on
// `sim-shutdown`, or — killing its jobs — when the state dir disappears, when the owner process
// named by LAUNCHD_SIM_OWNER_PID is gone, or on SIGTERM/SIGINT.
import { existsSync, rmSync, unlinkSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { DisabledStore } from './disabled-store.ts';
import { GuiDomain } from './domain.ts';
import { GroupRegistry, killRecordedGroups } from './group-registry.ts';
import { ACCOUNT_VARIABLES, type Account } from './job-environment.ts';
import { writeJsonFile } from './json-file.ts';
import { reply } from './messages.ts';
import { isProcessAlive, procBackend, readProcStat } from './proc-info.ts';
import { encode, readLine, type SimRequest } from './protocol.ts';
import { readSimConfig, socketPathFor, stateFiles } from './sim-config.ts';

const WATCHDOG_INTERVAL_MS = 200;
/** The audit-session id printed for the simulated login session. */
const ASID = 100008;

const configResult = readSimConfig(process.env, process.cwd());
if (!configResult.ok) {
  process.stderr.write(`${configResult.message}\n`);
  process.exit(1);
}
const config = configResult.config;
const files = stateFiles(config.dir);
const socketPath = socketPathFor(config.dir, tmpdir());
const log = (message: string) => process.stdout.write(`${new Date().toISOString()} ${message}\n`);

// launchd takes these from the user's account record; the supervisor's own environment stands
// in for it, with the passwd entry as a fallback.
function accountOf(env: NodeJS.ProcessEnv): Account {
  const info = userInfo();
  const fallback: Account = {
    HOME: info.homedir,
    USER: info.username,
    LOGNAME: info.username,
    SHELL: info.shell ?? '/bin/sh',
    TMPDIR: tmpdir(),
  };
  const account: Account = {};
  for (const name of ACCOUNT_VARIABLES) {
    const value = env[name] ?? fallback[name];
    if (value !== undefined && value !== '') account[name] = value;
  }
  return account;
}

const groups = new GroupRegistry(files.liveGroups);
const domain = new GuiDomain({
  uid: process.getuid?.() ?? 0,
  asid: ASID,
  timeScale: config.timeScale,
  account: accountOf(process.env),
  disabled: new DisabledStore(files.disabled),
  groups,
  log,
});

let stopping = false;

function removeEndpoint(): void {
  try {
    unlinkSync(socketPath);
  } catch {
    // Already gone.
  }
  rmSync(files.supervisor, { force: true });
}

/** Kill everything now and leave: the test that owned this simulator is gone. */
function emergencyExit(why: string): never {
  log(`emergency shutdown: ${why}`);
  domain.killAll();
  killRecordedGroups(files.liveGroups);
  removeEndpoint();
  process.exit(0);
}

async function serve(socket: Socket): Promise<void> {
  socket.on('error', () => socket.destroy());
  let request: SimRequest;
  try {
    request = JSON.parse(await readLine(socket)) as SimRequest;
  } catch {
    socket.destroy();
    return;
  }
  if (request.command.verb === 'sim-shutdown') {
    if (stopping) return void socket.end(encode(reply(0)));
    stopping = true;
    server.close();
    await domain.shutdown();
    killRecordedGroups(files.liveGroups);
    removeEndpoint();
    log('sim-shutdown complete');
    socket.end(encode(reply(0)), () => process.exit(0));
    return;
  }
  const answer = stopping
    ? reply(1, '', 'launchctl (launchd simulator): shutting down\n')
    : await domain.handle(request.command, request.flags);
  socket.end(encode(answer));
}

const server = createServer((socket) => void serve(socket));

server.on('error', (error) => {
  log(`cannot listen on ${socketPath}: ${error.message}`);
  process.exit(1);
});

server.listen(socketPath, () => {
  writeJsonFile(files.supervisor, {
    pid: process.pid,
    startTime: readProcStat(process.pid)?.startTime ?? '',
    socketPath,
  });
  log(
    `supervisor ${process.pid} listening on ${socketPath} (time scale ${config.timeScale}, process facts from ${procBackend().name})`,
  );
});

setInterval(() => {
  if (!existsSync(config.dir)) emergencyExit('state dir removed');
  if (config.ownerPid !== undefined && !isProcessAlive(config.ownerPid))
    emergencyExit(`owner ${config.ownerPid} is gone`);
  groups.prune();
}, WATCHDOG_INTERVAL_MS);

process.on('SIGTERM', () => emergencyExit('SIGTERM'));
process.on('SIGINT', () => emergencyExit('SIGINT'));
process.on('SIGHUP', () => undefined);
