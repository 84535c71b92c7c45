// Fakes of Electron's BrowserWindow, WebContents and Session (test/fakes/electron.ts).
import type {
  BrowserWindowConstructorOptions,
  HandlerDetails,
  Rectangle,
  WindowOpenHandlerResponse,
} from 'electron';
import type {
  SessionPort,
  WebContentsPort,
  WebRequestPort,
  WindowPort,
} from '../../src-main/app/electron-ports.ts';
import { FakeEmitter, fakeEvent } from './electron-emitter.ts';
import type { FakeIpcRenderer } from './electron-ipc.ts';

type HeadersListener =
  Parameters<WebRequestPort['onHeadersReceived']> extends [infer L] ? Exclude<L, null> : never;

export class FakeWebRequest implements WebRequestPort {
  headersListener: HeadersListener | null = null;

  onHeadersReceived(...args: unknown[]): void {
    this.headersListener = (args.length === 1 ? args[0] : args[1]) as HeadersListener | null;
  }
}

export class FakeSession implements SessionPort {
  readonly webRequest = new FakeWebRequest();
  requestHandler: Parameters<SessionPort['setPermissionRequestHandler']>[0] = null;
  checkHandler: Parameters<SessionPort['setPermissionCheckHandler']>[0] = null;

  setPermissionRequestHandler(handler: Parameters<SessionPort['setPermissionRequestHandler']>[0]): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: Parameters<SessionPort['setPermissionCheckHandler']>[0]): void {
    this.checkHandler = handler;
  }
}

export class FakeWebContents extends FakeEmitter implements WebContentsPort {
  readonly session = new FakeSession();
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  loading = true;
  destroyed = false;
  reloads = 0;
  /** The preload's ipcRenderer in this page, when a test attached one. */
  renderer: FakeIpcRenderer | null = null;

  readonly id: number;

  constructor(id: number) {
    super();
    this.id = id;
  }

  send(channel: string, ...args: unknown[]): void {
    const cloned = structuredClone(args);
    this.sent.push({ channel, args: cloned });
    this.renderer?.deliver(channel, cloned);
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  isLoading(): boolean {
    return this.loading;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  reload(): void {
    this.reloads++;
  }

  /** The page finished loading (Electron's did-finish-load). */
  finishLoad(): void {
    this.loading = false;
    this.emit('did-finish-load');
  }

  sentOn(channel: string): unknown[] {
    return this.sent.filter((s) => s.channel === channel).map((s) => s.args[0]);
  }
}

export class FakeBrowserWindow extends FakeEmitter implements WindowPort {
  visible = false;
  focused = false;
  destroyed = false;
  loadedFile: string | null = null;
  position: [number, number] = [0, 0];

  readonly options: BrowserWindowConstructorOptions;
  readonly webContents: FakeWebContents;

  constructor(options: BrowserWindowConstructorOptions, webContents: FakeWebContents) {
    super();
    this.options = options;
    this.webContents = webContents;
  }

  loadFile(filePath: string): Promise<void> {
    this.loadedFile = filePath;
    return Promise.resolve();
  }

  show(): void {
    this.visible = true;
  }

  hide(): void {
    this.visible = false;
  }

  focus(): void {
    this.focused = true;
  }

  isVisible(): boolean {
    return this.visible;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setPosition(x: number, y: number): void {
    this.position = [x, y];
  }

  getBounds(): Rectangle {
    return {
      x: this.position[0],
      y: this.position[1],
      width: this.options.width ?? 0,
      height: this.options.height ?? 0,
    };
  }

  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
  }

  /** The user clicked elsewhere. */
  blur(): void {
    this.focused = false;
    this.emit('blur', fakeEvent());
  }
}
