// Fakes of Notification, screen, powerMonitor and shell (test/fakes/electron.ts).
import type { Display, NotificationConstructorOptions, Rectangle, Screen, Shell } from 'electron';
import type { NotificationPort, PowerMonitorPort } from '../../src-main/app/electron-ports.ts';
import { FakeEmitter, fakeEvent } from './electron-emitter.ts';

export class FakeNotification extends FakeEmitter implements NotificationPort {
  shown = 0;
  closed = false;

  readonly options: NotificationConstructorOptions;

  constructor(options: NotificationConstructorOptions) {
    super();
    this.options = options;
  }

  show(): void {
    this.shown++;
  }

  close(): void {
    this.closed = true;
  }

  click(): void {
    this.emit('click', fakeEvent());
  }

  /** The user pressed action button `index` (macOS passes details first, the index after). */
  act(index: number): void {
    this.emit('action', fakeEvent({ actionIndex: index, selectionIndex: -1 }), index, -1);
  }
}

export class FakePowerMonitor extends FakeEmitter implements PowerMonitorPort {}

export function fakeDisplay(id: number, bounds: Rectangle, workArea: Rectangle, scaleFactor = 2): Display {
  return {
    id,
    label: `display ${id}`,
    bounds,
    workArea,
    size: { width: bounds.width, height: bounds.height },
    workAreaSize: { width: workArea.width, height: workArea.height },
    scaleFactor,
    rotation: 0,
    internal: id === 1,
    detected: true,
    monochrome: false,
    colorDepth: 24,
    colorSpace: 'srgb',
    depthPerComponent: 8,
    displayFrequency: 60,
    accelerometerSupport: 'unknown',
    touchSupport: 'unknown',
    maximumCursorSize: { width: 64, height: 64 },
    nativeOrigin: { x: bounds.x, y: bounds.y },
  } satisfies Display;
}

export class FakeScreen implements Pick<Screen, 'getDisplayMatching'> {
  displays: Display[];

  constructor(displays: Display[]) {
    this.displays = displays;
  }

  /** Like Electron: the display that overlaps the rectangle most (the first one when none does). */
  getDisplayMatching(rect: Rectangle): Display {
    const overlap = (d: Display) =>
      Math.max(0, Math.min(rect.x + rect.width, d.bounds.x + d.bounds.width) - Math.max(rect.x, d.bounds.x)) *
      Math.max(
        0,
        Math.min(rect.y + rect.height, d.bounds.y + d.bounds.height) - Math.max(rect.y, d.bounds.y),
      );
    const [first] = this.displays;
    if (first === undefined) throw new Error('FakeScreen has no displays');
    return this.displays.reduce((best, d) => (overlap(d) > overlap(best) ? d : best), first);
  }
}

export class FakeShell implements Pick<Shell, 'openExternal' | 'openPath'> {
  readonly opened: string[] = [];

  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }

  openPath(path: string): Promise<string> {
    this.opened.push(path);
    return Promise.resolve('');
  }
}
