// Main accepts IPC only from the popover: the same webContents, its main frame, showing the app's
// own page. Anything else (a frame that navigated away, another window, a subframe) is refused
// before a handler runs, as GitHub Desktop's trusted-ipc-sender does.
import type { InvokeEventPort } from './electron-ports.ts';

export interface TrustedPage {
  webContentsId: number;
  /** file:// URL of the popover's index.html; search and hash do not matter. */
  url: string;
}

export function isTrustedSender(event: InvokeEventPort, trusted: TrustedPage | null): boolean {
  if (trusted === null || event.sender.id !== trusted.webContentsId) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return samePage(frame.url, trusted.url);
}

function samePage(actual: string, expected: string): boolean {
  try {
    const a = new URL(actual);
    const b = new URL(expected);
    return (
      a.protocol === 'file:' && a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname
    );
  } catch {
    return false;
  }
}
