// The process groups the supervisor started and that may still have members, kept on disk so
// whoever cleans up after a crashed supervisor knows exactly what it may signal.
import { isRecordedGroupAlive, readProcStat, signalRecordedGroup, type GroupRecord } from './proc-info.ts';
import { readJsonFile, writeJsonFile } from './json-file.ts';

export function readGroupRecords(path: string): GroupRecord[] {
  return readJsonFile<GroupRecord[]>(path, []);
}

/** SIGKILLs every recorded group that is still provably ours; returns the pgids signalled. */
export function killRecordedGroups(path: string): number[] {
  return readGroupRecords(path)
    .filter((record) => signalRecordedGroup(record, 'SIGKILL'))
    .map((record) => record.pgid);
}

export class GroupRegistry {
  readonly #path: string;
  #records: GroupRecord[];

  constructor(path: string) {
    this.#path = path;
    this.#records = readGroupRecords(path);
  }

  /** Records a freshly spawned job process, which is its own group's leader. */
  add(pid: number, label: string): GroupRecord {
    const record = { pgid: pid, startTime: readProcStat(pid)?.startTime ?? '', label };
    this.#records.push(record);
    this.#save();
    return record;
  }

  /** Drops groups that have no member left. */
  prune(): void {
    const alive = this.#records.filter((record) => isRecordedGroupAlive(record));
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
