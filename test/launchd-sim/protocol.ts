// Client ↔ supervisor wire format: one JSON line each way per connection.
import type { Socket } from 'node:net';
import type { Command } from './argv.ts';
import type { RequestFlags } from './domain.ts';
import type { Reply } from './messages.ts';

export interface SimRequest {
  command: Command;
  flags: RequestFlags;
}

export type SimReply = Reply;

/** Resolves with the first complete line received on the socket (without the newline). */
export function readLine(socket: Socket): Promise<string> {
  return new Promise((resolveLine, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const end = buffered.indexOf('\n');
      if (end === -1) return;
      cleanup();
      resolveLine(buffered.slice(0, end));
    };
    const onEnd = () => {
      cleanup();
      reject(new Error('connection closed before a complete message arrived'));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      socket.off('data', onData).off('end', onEnd).off('error', onError);
    };
    socket.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

export function encode(message: SimRequest | SimReply): string {
  return `${JSON.stringify(message)}\n`;
}
