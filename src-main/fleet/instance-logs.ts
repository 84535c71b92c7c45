// `logs`: the files launchd writes the gateway's stdout and stderr to (from its plist), their last
// lines and, when asked, every line appended until the user stops. The instance's own token is
// redacted from every line shown. Read-only, so it takes no instance lock: following a log while
// restarting the instance is the point of `logs -f`.
import type { InstanceRecord } from '../core/discovery.ts';
import { instanceLogFiles, type LogFile } from '../core/log-paths.ts';
import { redactToken } from '../core/redact-token.ts';
import { failed, ok, type OperationResult } from './control-instance.ts';

/** The log file access `logs` needs (platform/log-follow.ts). */
export interface LogReader {
  readLastLines(
    path: string,
    count: number,
  ): Promise<{ lines: string[]; partial: string; position: { ino: number; offset: number } } | null>;
  followLog(
    path: string,
    options: {
      from: { ino: number; offset: number } | null;
      until: Promise<void>;
      onLine(line: string): void;
      onNotice(text: string): void;
    },
  ): Promise<void>;
}

export interface LogsRequest {
  lines: number;
  follow: boolean;
  interrupted: Promise<void>;
}

/** Where log text and notices go: lines to stdout, notices (headers excepted) to stderr. */
export interface LogSink {
  line(text: string): void;
  notice(text: string): void;
}

export async function showInstanceLogs(
  record: InstanceRecord,
  reader: LogReader,
  request: LogsRequest,
  sink: LogSink,
): Promise<OperationResult> {
  const files = instanceLogFiles(record.plist, record.stateDir);
  if (files.length === 0) {
    return failed(
      `${record.plistPath} sets neither StandardOutPath nor StandardErrorPath, so launchd discards the gateway's output; ` +
        `set both to ${record.stateDir}/logs/gateway.log and run openclaw-fleet restart ${record.name}`,
    );
  }
  const token = record.config?.token ?? null;
  const tails = await Promise.all(files.map((f) => reader.readLastLines(f.path, request.lines)));
  if (tails.every((t) => t === null)) {
    const paths = files.map((f) => f.path).join(' and ');
    return failed(
      `no log yet: ${paths} does not exist (launchd creates it when it first starts ${record.label})`,
    );
  }

  // Like tail with several files: a header whenever the output switches to another file.
  let current: LogFile | null = files.length === 1 ? files[0]! : null;
  const emit = (file: LogFile, text: string) => {
    if (current !== file) {
      current = file;
      sink.line(`==> ${file.path} (${file.streams.join(' and ')}) <==`);
    }
    sink.line(redactToken(text, token));
  };
  files.forEach((file, n) => {
    const tail = tails[n];
    if (tail === null || tail === undefined) {
      sink.notice(`${file.path} does not exist yet`);
      return;
    }
    for (const line of tail.lines) emit(file, line);
    // Without -f, a line still being written is shown as it is; -f shows it once it is complete.
    if (!request.follow && tail.partial !== '') emit(file, tail.partial);
  });
  if (!request.follow) return ok();

  await Promise.all(
    files.map((file, n) =>
      reader.followLog(file.path, {
        from: tails[n]?.position ?? null,
        until: request.interrupted,
        onLine: (line) => emit(file, line),
        onNotice: (text) => sink.notice(text),
      }),
    ),
  );
  return ok();
}
