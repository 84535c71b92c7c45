// launchd's persistent enable/disable overrides: independent of whether a label is loaded, and
// kept on disk so they survive bootout and restarts of the supervisor (launchctl(1) "persists
// across boots").
import { readJsonFile, writeJsonFile } from './json-file.ts';

export class DisabledStore {
  readonly #path: string;

  constructor(path: string) {
    this.#path = path;
  }

  /** Overrides in the order they were first set. */
  entries(): Array<[string, boolean]> {
    return readJsonFile<Array<[string, boolean]>>(this.#path, []);
  }

  override(label: string): boolean | undefined {
    return this.entries().find(([entry]) => entry === label)?.[1];
  }

  set(label: string, disabled: boolean): void {
    const entries = this.entries();
    const existing = entries.find(([entry]) => entry === label);
    if (existing) existing[1] = disabled;
    else entries.push([label, disabled]);
    writeJsonFile(this.#path, entries);
  }
}
