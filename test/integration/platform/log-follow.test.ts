import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followLog, readLastLines } from '../../../src-main/platform/log-follow.ts';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ocf-follow-'));
  path = join(dir, 'gateway.log');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const until = async (check: () => boolean, ms = 3000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
};

describe('readLastLines', () => {
  it('is null for a missing file and empty for an empty one', async () => {
    expect(await readLastLines(path, 5)).toBeNull();
    writeFileSync(path, '');
    expect(await readLastLines(path, 5)).toMatchObject({ lines: [], partial: '', position: { offset: 0 } });
  });

  it('reads only the end of a file many chunks long, and keeps a line still being written apart', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i} ${'x'.repeat(40)}`);
    writeFileSync(path, `${lines.join('\n')}\nhalf`);
    const tail = (await readLastLines(path, 3))!;
    expect(tail.lines).toEqual(lines.slice(-3));
    expect(tail.partial).toBe('half');
    expect(tail.position.offset).toBe(Buffer.byteLength(`${lines.join('\n')}\n`));
    expect((await readLastLines(path, 0))!.lines).toEqual([]);
    expect((await readLastLines(path, 50_000))!.lines).toEqual(lines);
  });

  it('handles multi-byte characters at chunk edges', async () => {
    const line = 'ü'.repeat(40_000);
    writeFileSync(path, `${line}\n${line}\n`);
    expect((await readLastLines(path, 2))!.lines).toEqual([line, line]);
  });
});

describe('followLog', () => {
  it('delivers whole appended lines, survives truncation and rotation, waits for a missing file, and stops', async () => {
    const got: string[] = [];
    const notices: string[] = [];
    let stop: () => void = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const following = followLog(path, {
      from: null,
      until: stopped,
      pollMs: 20,
      onLine: (l) => got.push(l),
      onNotice: (n) => notices.push(n),
    });
    // Let the follower find the file missing first, so it has to notice it appear.
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(path, 'one\ntw');
    await until(() => got.includes('one'));
    expect(got).toEqual(['one']);
    appendFileSync(path, 'o\n');
    await until(() => got.includes('two'));
    writeFileSync(path, 'short\n');
    await until(() => got.includes('short'));
    renameSync(path, `${path}.1`);
    appendFileSync(`${path}.1`, 'old tail\n');
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(path, 'new\nunfinished');
    await until(() => got.includes('new'));
    stop();
    await following;
    expect(got).toEqual(['one', 'two', 'short', 'old tail', 'new', 'unfinished']);
    expect(notices).toEqual([
      `${path} appeared; following it`,
      `${path} was truncated; following it from its start`,
      `${path} was replaced (rotated); following the new file`,
    ]);
  });

  it('continues from a tail position, and from the start when the file is another one now', async () => {
    writeFileSync(path, 'a\nb\n');
    const tail = (await readLastLines(path, 1))!;
    appendFileSync(path, 'c\n');
    const got: string[] = [];
    let stop: () => void = () => {};
    const following = followLog(path, {
      from: tail.position,
      until: new Promise((r) => (stop = r)),
      pollMs: 20,
      onLine: (l) => got.push(l),
      onNotice: () => {},
    });
    await until(() => got.includes('c'));
    stop();
    await following;
    expect(got).toEqual(['c']);

    rmSync(path);
    writeFileSync(path, 'x\n');
    const fresh: string[] = [];
    let stop2: () => void = () => {};
    const again = followLog(path, {
      from: tail.position,
      until: new Promise((r) => (stop2 = r)),
      pollMs: 20,
      onLine: (l) => fresh.push(l),
      onNotice: () => {},
    });
    await until(() => fresh.includes('x'));
    stop2();
    await again;
  });
});
