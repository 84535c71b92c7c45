// The slices of Electron's main-process API the app uses. The app's modules take them as
// parameters: main.ts passes the real modules (so the compiler checks real Electron against every
// port), tests pass the class fakes of test/fakes/electron.ts (which `implements` these ports), so
// no module mocking is needed and neither side can drift. Methods are Picks of Electron's own
// types; the events are spelled out per event because Electron's `on` returns the full class
// (`this`), which a fake cannot be. Type-only.
import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Event,
  IpcMain,
  IpcMainInvokeEvent,
  Menu,
  MenuItemConstructorOptions,
  Notification,
  NotificationActionEventParams,
  NotificationConstructorOptions,
  RenderProcessGoneDetails,
  Screen,
  Session,
  Shell,
  Tray,
  WebContents,
  WebContentsWillNavigateEventParams,
  WebContentsWillRedirectEventParams,
  WebFrameMain,
  WebRequest,
} from 'electron';

export interface AppEvents {
  on(event: 'before-quit', listener: (event: Event) => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'second-instance', listener: () => void): unknown;
}

export type AppPort = AppEvents &
  Pick<
    App,
    | 'quit'
    | 'exit'
    | 'relaunch'
    | 'whenReady'
    | 'requestSingleInstanceLock'
    | 'getPath'
    | 'getAppPath'
    | 'setLoginItemSettings'
    | 'getLoginItemSettings'
    | 'isPackaged'
  > & { readonly dock?: Pick<NonNullable<App['dock']>, 'hide'> | undefined };

export type MenuPort = Pick<Menu, 'popup'>;

export interface TrayEvents {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'right-click', listener: () => void): unknown;
}

export type TrayPort = TrayEvents &
  Pick<
    Tray,
    'setImage' | 'setTitle' | 'setToolTip' | 'getBounds' | 'destroy' | 'setIgnoreDoubleClickEvents'
  > & {
    popUpContextMenu(menu?: MenuPort): void;
  };

export type WebRequestPort = Pick<WebRequest, 'onHeadersReceived'>;

export type SessionPort = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  readonly webRequest: WebRequestPort;
};

export interface WebContentsEvents {
  on(
    event: 'will-navigate',
    listener: (event: Event<WebContentsWillNavigateEventParams>, url: string) => void,
  ): unknown;
  on(
    event: 'will-redirect',
    listener: (event: Event<WebContentsWillRedirectEventParams>, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: Event) => void): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
  on(
    event: 'render-process-gone',
    listener: (event: Event, details: RenderProcessGoneDetails) => void,
  ): unknown;
}

export type WebContentsPort = WebContentsEvents &
  Pick<WebContents, 'id' | 'send' | 'setWindowOpenHandler' | 'isLoading' | 'isDestroyed' | 'reload'> & {
    readonly session: SessionPort;
  };

export interface WindowEvents {
  on(event: 'blur', listener: () => void): unknown;
}

export type WindowPort = WindowEvents &
  Pick<
    BrowserWindow,
    | 'loadFile'
    | 'show'
    | 'hide'
    | 'focus'
    | 'isVisible'
    | 'isDestroyed'
    | 'setPosition'
    | 'getBounds'
    | 'destroy'
  > & { readonly webContents: WebContentsPort };

export interface NotificationEvents {
  on(event: 'click', listener: () => void): unknown;
  on(event: 'action', listener: (details: Event<NotificationActionEventParams>) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'failed', listener: (event: Event, error: string) => void): unknown;
}

export type NotificationPort = NotificationEvents & Pick<Notification, 'show' | 'close'>;

export interface PowerMonitorPort {
  on(event: 'resume', listener: () => void): unknown;
  on(event: 'unlock-screen', listener: () => void): unknown;
}

export type FramePort = Pick<WebFrameMain, 'url'> & { readonly parent: unknown };

/** What the app reads from an invoke event: who sent it, from which frame. */
export interface InvokeEventPort {
  readonly sender: Pick<IpcMainInvokeEvent['sender'], 'id'>;
  readonly senderFrame: FramePort | null;
}

export type IpcMainPort = Pick<IpcMain, 'handle' | 'removeHandler'>;

export interface ElectronMain {
  app: AppPort;
  Tray: new (image: string) => TrayPort;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => WindowPort;
  ipcMain: IpcMainPort;
  Notification: (new (options: NotificationConstructorOptions) => NotificationPort) & {
    isSupported(): boolean;
  };
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): MenuPort };
  powerMonitor: PowerMonitorPort;
  screen: Pick<Screen, 'getDisplayMatching'>;
  shell: Pick<Shell, 'openExternal' | 'openPath'>;
}
