// Both process-fact backends against real processes: /proc (Linux only) and ps (the macOS one,
// which Linux can run too). They must give the same answers for the same processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync } from 'node:fs';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isRecordedGroupAlive,
  isRunning,
  procBackend,
  processGroupMembers,
  signalRecordedGroup,
  type ProcBackendName,
} from '../../launchd-sim/proc-info.ts';
import { waitFor } from './sim-test-kit.ts';

function hasProc(): boolean {
  try {
    accessSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
}
const BACKENDS: ProcBackendName[] = hasProc() ? ['proc', 'ps'] : ['ps'];

// A group led by perl (which, unlike sh, never reaps behind our back): one child that exits at
// once and stays a zombie, one `sleep` that lives. Closing stdin makes perl reap both and exit,
// so nothing is left for an init that might not reap orphans.
const GROUP_SCRIPT = `
$| = 1;
my $zombie = fork // die "fork: $!"; exit 0 if !$zombie;
my $member = fork // die "fork: $!"; if (!$member) { exec 'sleep', '30'; exit 127 }
print "$member $zombie\\n";
<STDIN>;
kill 'KILL', $member;
waitpid $_, 0 for $member, $zombie;
`;

let group: ChildProcess;
let leader: number;
let member: number;
let zombie: number;

beforeAll(async () => {
  group = spawn('perl', ['-e', GROUP_SCRIPT], { detached: true, stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = (await once(group.stdout!.setEncoding('utf8'), 'data')) as [string];
  [member, zombie] = line.trim().split(' ').map(Number) as [number, number];
  leader = group.pid!;
});

afterAll(async () => {
  if (group.exitCode !== null || group.signalCode !== null) return;
  const exited = once(group, 'exit');
  group.stdin!.end();
  await exited;
});

describe.each(BACKENDS)('the %s backend', (name) => {
  const backend = procBackend(name);

  it('reads state, group and a start time that stays the same', () => {
    const stat = backend.readStat(leader);
    expect(stat?.pgrp).toBe(leader);
    expect(isRunning(stat)).toBe(true);
    expect(stat?.startTime).not.toBe('');
    expect(backend.readStat(leader)?.startTime).toBe(stat?.startTime);
    expect(backend.readStat(member)).toMatchObject({ pgrp: leader });
    expect(isRunning(backend.readStat(member))).toBe(true);
    expect(backend.readStat(process.pid)?.pgrp).not.toBe(leader);
  });

  it('reports a zombie as not running, and lists only the live members of a group', async () => {
    await waitFor(() => backend.readStat(zombie)?.state === 'Z', 'zombie state');
    expect(backend.readStat(zombie)?.pgrp).toBe(leader);
    expect(isRunning(backend.readStat(zombie))).toBe(false);
    expect(processGroupMembers(leader, backend)).toEqual([leader, member].sort((a, b) => a - b));
    // A snapshot (one ps run for a batch) answers the same.
    const view = backend.snapshot();
    expect(processGroupMembers(leader, view)).toEqual(processGroupMembers(leader, backend));
    for (const pid of [leader, member, zombie]) expect(view.readStat(pid)).toEqual(backend.readStat(pid));
  });

  it('knows a group only by its leader start time', () => {
    const startTime = backend.readStat(leader)?.startTime ?? '';
    expect(isRecordedGroupAlive({ pgid: leader, startTime, label: 'x' }, backend)).toBe(true);
    expect(isRecordedGroupAlive({ pgid: leader, startTime: `${startTime}0`, label: 'x' }, backend)).toBe(
      false,
    );
    // A reused pid must never be signalled: nothing happens to the group.
    expect(signalRecordedGroup({ pgid: leader, startTime: 'other', label: 'x' }, 'SIGKILL', backend)).toBe(
      false,
    );
    expect(isRunning(backend.readStat(member))).toBe(true);
  });

  it('signals a recorded sleep that is provably ours, and then reads it as gone', async () => {
    const sleeper = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    const exited = once(sleeper, 'exit');
    try {
      const pid = sleeper.pid!;
      const stat = backend.readStat(pid);
      expect(stat?.pgrp).toBe(pid);
      const record = { pgid: pid, startTime: stat?.startTime ?? '', label: 'sleep' };
      expect(signalRecordedGroup(record, 'SIGKILL', backend)).toBe(true);
      expect(await exited).toEqual([null, 'SIGKILL']);
      expect(backend.readStat(pid)).toBeNull();
      expect(processGroupMembers(pid, backend)).toEqual([]);
      expect(isRecordedGroupAlive(record, backend)).toBe(false);
    } finally {
      sleeper.kill('SIGKILL');
    }
  });
});

describe.skipIf(BACKENDS.length < 2)('both backends', () => {
  it('agree on group and running state of the same processes', async () => {
    const [proc, ps] = BACKENDS.map((name) => procBackend(name));
    await waitFor(() => ps!.readStat(zombie)?.state === 'Z', 'zombie state');
    for (const pid of [leader, member, zombie, process.pid]) {
      const a = proc!.readStat(pid);
      const b = ps!.readStat(pid);
      expect([b?.pgrp, isRunning(b)]).toEqual([a?.pgrp, isRunning(a)]);
    }
    expect(processGroupMembers(leader, ps)).toEqual(processGroupMembers(leader, proc));
  });

  it('agree that the whole group is gone once it exited', async () => {
    const exited = once(group, 'exit');
    group.stdin!.end();
    await exited;
    for (const backend of BACKENDS.map((name) => procBackend(name))) {
      for (const pid of [leader, member, zombie]) expect(backend.readStat(pid)).toBeNull();
      expect(processGroupMembers(leader, backend)).toEqual([]);
    }
  });
});
