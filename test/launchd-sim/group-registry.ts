// The process groups the supervisor started and that may still have members, kept on disk so
// whoever cleans up after a crashed supervisor knows exactly what it may signal.
import {
  isRecordedGroupAlive,
  procBackend,
  signalRecordedGroup,
  type GroupRecord,
  type ProcBackend,
} from './proc-info.ts';
import { readJsonFile, writeJsonFile } from './json-file.ts';

export function readGroupRecords(path: string): GroupRecord[] {
  return readJsonFile<GroupRecord[]>(path, []);
}

/**
 * SIGKILLs every recorded group that is still provably ours; returns the pgids signalled. The
 * backend must be the one the supervisor recorded the start times with.
 */
export function killRecordedGroups(path: string, backend = procBackend()): number[] {
  const view = backend.snapshot();
  return readGroupRecords(path)
    .filter((record) => signalRecordedGroup(record, 'SIGKILL', view))
    .map((record) => record.pgid);
}

export class GroupRegistry {
  readonly #path: string;
  readonly #backend: ProcBackend;
  #records: GroupRecord[];

  constructor(path: string, backend = procBackend()) {
    this.#path = path;
    this.#backend = backend;
    this.#records = readGroupRecords(path);
  }

  /** Records a freshly spawned job process, which is its own group's leader. */
  add(pid: number, label: string): GroupRecord {
    const record = { pgid: pid, startTime: this.#backend.readStat(pid)?.startTime ?? '', label };
    this.#records.push(record);
    this.#save();
    return record;
  }

  /** Signals a recorded group if it is still provably the one this registry recorded. */
  signal(record: GroupRecord, signal: NodeJS.Signals): boolean {
    return signalRecordedGroup(record, signal, this.#backend);
  }

  /** Drops groups that have no member left. */
  prune(): void {
    if (this.#records.length === 0) return;
    const view = this.#backend.snapshot();
    const alive = this.#records.filter((record) => isRecordedGroupAlive(record, view));
    if (alive.length === this.#records.length) return;
    this.#records = alive;
    this.#save();
  }

  records(): readonly GroupRecord[] {
    return this.#records;
  }

  #save(): void {
    writeJsonFile(this.#path, this.#records);
  }
}
