// Fakes of ipcMain and the preload's ipcRenderer, wired to each other (test/fakes/electron.ts).
import type { IpcMain, IpcMainInvokeEvent, IpcRendererEvent } from 'electron';
import type { InvokeEventPort, IpcMainPort } from '../../src-main/app/electron-ports.ts';
import type { IpcRendererPort } from '../../src-main/app/preload-bridge.ts';
import type { FakeWebContents } from './electron-window.ts';

/** An invoke as the popover's page (or a foreign one) sends it. */
export function invokeEvent(senderId: number, url: string | null, mainFrame = true): InvokeEventPort {
  return {
    sender: { id: senderId },
    senderFrame: url === null ? null : { url, parent: mainFrame ? null : ({} as never) },
  };
}

export class FakeIpcMain implements IpcMainPort {
  readonly handlers = new Map<string, Parameters<IpcMain['handle']>[1]>();

  handle(channel: string, listener: Parameters<IpcMain['handle']>[1]): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What `ipcRenderer.invoke` does in main: arguments and result cross as structured clones. */
  async invoke(channel: string, event: InvokeEventPort, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
    // The app reads only `sender` and `senderFrame` (InvokeEventPort); the rest of a real
    // IpcMainInvokeEvent (process ids, frame ids) has no meaning here.
    return structuredClone(await handler(event as unknown as IpcMainInvokeEvent, ...structuredClone(args)));
  }
}

/** The preload's side: invokes reach FakeIpcMain as coming from `page`, sends from main reach listeners. */
export class FakeIpcRenderer implements IpcRendererPort {
  readonly #listeners = new Map<string, ((event: IpcRendererEvent, ...args: unknown[]) => void)[]>();

  private readonly main: FakeIpcMain;
  private readonly page: { webContents: FakeWebContents; url: string };

  constructor(main: FakeIpcMain, page: { webContents: FakeWebContents; url: string }) {
    this.main = main;
    this.page = page;
    page.webContents.renderer = this;
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return this.main.invoke(channel, invokeEvent(this.page.webContents.id, this.page.url), ...args);
  }

  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this {
    this.#listeners.set(channel, [...(this.#listeners.get(channel) ?? []), listener]);
    return this;
  }

  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): this {
    this.#listeners.set(
      channel,
      (this.#listeners.get(channel) ?? []).filter((l) => l !== listener),
    );
    return this;
  }

  listenerCount(channel: string): number {
    return this.#listeners.get(channel)?.length ?? 0;
  }

  deliver(channel: string, args: unknown[]): void {
    // A real IpcRendererEvent carries `sender` = ipcRenderer itself: exactly what must not leak.
    const event = { sender: this, senderId: 0, ports: [] } as unknown as IpcRendererEvent;
    for (const l of this.#listeners.get(channel) ?? []) l(event, ...args);
  }
}
