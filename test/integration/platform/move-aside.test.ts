import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveAside } from '../../../src-main/platform/move-aside.ts';

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'ocf-move-'));
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('moveAside', () => {
  it('moves a file under a timestamped name that keeps its extension last', async () => {
    const path = join(base, 'ai.openclaw.luca.plist');
    writeFileSync(path, 'first');
    const moved = await moveAside(path, join(base, 'backups'), '.plist');
    expect(moved).toMatch(/\/backups\/ai\.openclaw\.luca\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.plist$/);
    expect(readFileSync(moved, 'utf8')).toBe('first');
    expect(statSync(join(base, 'backups')).mode & 0o777).toBe(0o700);
  });

  it('never overwrites an earlier backup of the same name, even within one millisecond', async () => {
    const moved: string[] = [];
    for (const content of ['a', 'b', 'c']) {
      writeFileSync(join(base, 'x.plist'), content);
      moved.push(await moveAside(join(base, 'x.plist'), join(base, 'backups'), '.plist'));
    }
    expect(new Set(moved).size).toBe(3);
    expect(moved.map((p) => readFileSync(p, 'utf8'))).toEqual(['a', 'b', 'c']);
  });

  it('moves a directory with its modes, dropping the leading dot so the backup is visible', async () => {
    const dir = join(base, '.openclaw-luca');
    mkdirSync(join(dir, 'logs'), { recursive: true, mode: 0o700 });
    writeFileSync(join(dir, 'openclaw.json'), '{}', { mode: 0o600 });
    const moved = await moveAside(dir, join(base, 'state'));
    expect(readdirSync(join(base, 'state'))).toEqual([moved.split('/').at(-1)]);
    expect(moved).toMatch(/\/state\/openclaw-luca\.[\dTZ-]+$/);
    expect(statSync(join(moved, 'openclaw.json')).mode & 0o777).toBe(0o600);
  });
});
