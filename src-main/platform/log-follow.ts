// Reads a log like `tail -n N -F`: the last lines of a file of any size without loading all of it,
// then every line appended after, across truncation (`: > gateway.log`) and rotation (the file renamed
// away and a new one created at the path). Only whole lines are delivered while following, so a line
// is never split (which would also let a secret slip past a per-line redaction).
import { open, stat, type FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

const CHUNK_BYTES = 64 * 1024;
/** A tail never reads more than this, however long the lines. */
const MAX_TAIL_BYTES = 16 * 1024 * 1024;

export interface LogTail {
  /** The last complete lines, oldest first. */
  lines: string[];
  /** Text after the last newline (a line still being written), '' when the file ends with one. */
  partial: string;
  /** Where following continues: the byte after the last newline. */
  position: { ino: number; offset: number };
}

/** The last `count` lines of `path`, or null when it does not exist. */
export async function readLastLines(path: string, count: number): Promise<LogTail | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const { size, ino } = await handle.stat();
    const chunks: Buffer[] = [];
    let start = size;
    let newlines = 0;
    // Walk back until there are count+1 newlines (the first one bounds the oldest wanted line).
    while (start > 0 && newlines <= count && size - start < MAX_TAIL_BYTES) {
      const length = Math.min(CHUNK_BYTES, start);
      start -= length;
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, start);
      chunks.unshift(buffer.subarray(0, bytesRead));
      newlines += countNewlines(buffer.subarray(0, bytesRead));
    }
    const bytes = Buffer.concat(chunks);
    const lastNewline = bytes.lastIndexOf(0x0a);
    const complete = lastNewline < 0 ? '' : bytes.subarray(0, lastNewline).toString('utf8');
    const partial = bytes.subarray(lastNewline + 1).toString('utf8');
    let lines = lastNewline < 0 ? [] : complete.split('\n');
    // The first piece starts mid-line unless the walk reached the start of the file.
    if (start > 0) lines = lines.slice(1);
    return {
      lines: count === 0 ? [] : lines.slice(-count),
      partial,
      position: { ino, offset: start + lastNewline + 1 },
    };
  } finally {
    await handle.close();
  }
}

export interface FollowOptions {
  /** Continue from here when the file at `path` is still this inode; otherwise read from the start. */
  from: { ino: number; offset: number } | null;
  /** Following ends when this resolves (Ctrl-C). */
  until: Promise<void>;
  onLine(line: string): void;
  /** Truncation, rotation, a file that appears: said once, for the user, not as log text. */
  onNotice(text: string): void;
  pollMs?: number;
}

export async function followLog(path: string, options: FollowOptions): Promise<void> {
  let stopped = false;
  let wake: () => void = () => {};
  void options.until.then(() => {
    stopped = true;
    wake();
  });
  const pollMs = options.pollMs ?? 200;
  let reader: FileReader | null = await FileReader.open(path, options.from);
  try {
    for (;;) {
      if (reader !== null) await reader.drain(options.onLine);
      if (stopped) break;
      const current = await stat(path).catch(() => null);
      if (reader === null) {
        if (current !== null) {
          options.onNotice(`${path} appeared; following it`);
          reader = await FileReader.open(path, null);
          continue;
        }
      } else if (current !== null && current.ino !== reader.ino) {
        // Rotated: the old file was moved away (and fully read above); a new one took its path.
        reader.flush(options.onLine);
        await reader.close();
        options.onNotice(`${path} was replaced (rotated); following the new file`);
        reader = await FileReader.open(path, null);
        continue;
      } else if (current !== null && current.size < reader.offset) {
        options.onNotice(`${path} was truncated; following it from its start`);
        reader.restart();
        continue;
      }
      // current === null with a reader: moved away, not yet recreated; keep the old file open.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    reader?.flush(options.onLine);
  } finally {
    await reader?.close();
  }
}

/** One open log file: where reading got to, and the undelivered rest of a line. */
class FileReader {
  private pending = '';
  private decoder = new StringDecoder('utf8');
  private readonly handle: FileHandle;
  readonly ino: number;
  offset: number;

  private constructor(handle: FileHandle, ino: number, offset: number) {
    this.handle = handle;
    this.ino = ino;
    this.offset = offset;
  }

  static async open(path: string, from: { ino: number; offset: number } | null): Promise<FileReader | null> {
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const { ino } = await handle.stat();
    return new FileReader(handle, ino, from !== null && from.ino === ino ? from.offset : 0);
  }

  async drain(onLine: (line: string) => void): Promise<void> {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await this.handle.read(buffer, 0, CHUNK_BYTES, this.offset);
      if (bytesRead === 0) return;
      this.offset += bytesRead;
      const lines = (this.pending + this.decoder.write(buffer.subarray(0, bytesRead))).split('\n');
      this.pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    }
  }

  /** Hands out a last line that never got its newline (the file ended or was replaced). */
  flush(onLine: (line: string) => void): void {
    const rest = this.pending + this.decoder.end();
    this.pending = '';
    this.decoder = new StringDecoder('utf8');
    if (rest !== '') onLine(rest);
  }

  restart(): void {
    this.offset = 0;
    this.pending = '';
    this.decoder = new StringDecoder('utf8');
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

function countNewlines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}
