import { describe, expect, it } from 'vitest';
import { POPOVER_GAP, popoverPosition } from '../../../src-main/app/popover-position.ts';

const SIZE = { width: 360, height: 480 };
// A MacBook display (menu bar 38 px) and, to its right and higher up, a 4K external one.
const LAPTOP = { x: 0, y: 38, width: 1512, height: 944 };
const EXTERNAL = { x: 1512, y: -300, width: 2560, height: 1415 }; // its menu bar: y -325 to -300

describe('the popover position', () => {
  it('centres the popover under the tray icon', () => {
    const tray = { x: 1000, y: 0, width: 24, height: 38 };
    expect(popoverPosition(tray, LAPTOP, SIZE)).toEqual({ x: 1000 + 12 - 180, y: 38 + POPOVER_GAP });
  });

  it('keeps it inside the work area when the icon is near the right edge', () => {
    const tray = { x: 1490, y: 0, width: 22, height: 38 };
    expect(popoverPosition(tray, LAPTOP, SIZE)).toEqual({ x: 1512 - 360, y: 38 + POPOVER_GAP });
  });

  it('keeps it inside the work area when the icon is near the left edge', () => {
    expect(popoverPosition({ x: 4, y: 7, width: 22, height: 24 }, LAPTOP, SIZE).x).toBe(0);
  });

  it('places it on the display the icon is on, in that display’s coordinates', () => {
    const tray = { x: 3900, y: -325, width: 24, height: 25 };
    const { x, y } = popoverPosition(tray, EXTERNAL, SIZE);
    expect(x).toBe(1512 + 2560 - 360);
    expect(y).toBe(-300 + POPOVER_GAP);
    expect(x).toBeGreaterThanOrEqual(EXTERNAL.x);
  });

  it('never goes above the work area (under the menu bar)', () => {
    expect(popoverPosition({ x: 700, y: 0, width: 24, height: 10 }, LAPTOP, SIZE).y).toBe(LAPTOP.y);
  });

  it('opens above the icon when the bar is at the bottom of the screen', () => {
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    const tray = { x: 1800, y: 1040, width: 24, height: 40 };
    expect(popoverPosition(tray, workArea, SIZE)).toEqual({ x: 1920 - 360, y: 1040 - 480 - POPOVER_GAP });
  });

  it('returns whole pixels', () => {
    const { x, y } = popoverPosition({ x: 999.5, y: 7.25, width: 23, height: 24 }, LAPTOP, SIZE);
    expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
  });
});
