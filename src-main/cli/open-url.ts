// Opens a URL in the user's browser (macOS `open`, elsewhere `xdg-open`), without waiting for it.
import { spawn } from 'node:child_process';

export function openUrl(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => {});
  child.unref();
}
