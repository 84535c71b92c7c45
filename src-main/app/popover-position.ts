// Where the popover goes: centred under the tray icon (above it when the bar is at the bottom of
// the screen), kept inside the work area of the display the icon is on. Pure.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** Space between the menu bar and the popover. */
export const POPOVER_GAP = 4;

export function popoverPosition(tray: Rect, workArea: Rect, size: Size): { x: number; y: number } {
  const trayMiddle = tray.y + tray.height / 2;
  const barAtBottom = trayMiddle > workArea.y + workArea.height / 2;
  const x = tray.x + tray.width / 2 - size.width / 2;
  const y = barAtBottom ? tray.y - size.height - POPOVER_GAP : tray.y + tray.height + POPOVER_GAP;
  return {
    x: Math.round(clamp(x, workArea.x, workArea.x + workArea.width - size.width)),
    y: Math.round(clamp(y, workArea.y, workArea.y + workArea.height - size.height)),
  };
}

/** A window larger than the area sticks to its left/top edge rather than going off screen. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
