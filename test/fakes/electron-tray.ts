// Fakes of Electron's Tray and Menu (test/fakes/electron.ts).
import type { MenuItemConstructorOptions, Rectangle } from 'electron';
import type { MenuPort, TrayPort } from '../../src-main/app/electron-ports.ts';
import { FakeEmitter, fakeEvent } from './electron-emitter.ts';

export class FakeMenu implements MenuPort {
  readonly template: MenuItemConstructorOptions[];

  constructor(template: MenuItemConstructorOptions[]) {
    this.template = template;
  }

  popup(): void {}
}

export class FakeTray extends FakeEmitter implements TrayPort {
  title = '';
  toolTip = '';
  destroyed = false;
  ignoreDoubleClick = false;
  readonly poppedUp: FakeMenu[] = [];
  bounds: Rectangle = { x: 1200, y: 0, width: 24, height: 24 };

  image: string;

  constructor(image: string) {
    super();
    this.image = image;
  }

  setImage(image: string): void {
    this.image = image;
  }

  setTitle(title: string): void {
    this.title = title;
  }

  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }

  getBounds(): Rectangle {
    return this.bounds;
  }

  setIgnoreDoubleClickEvents(ignore: boolean): void {
    this.ignoreDoubleClick = ignore;
  }

  popUpContextMenu(menu?: FakeMenu): void {
    if (menu !== undefined) this.poppedUp.push(menu);
  }

  destroy(): void {
    this.destroyed = true;
  }

  click(): void {
    this.emit('click', fakeEvent(), this.bounds, { x: 0, y: 0 });
  }

  rightClick(): void {
    this.emit('right-click', fakeEvent(), this.bounds);
  }
}
