// Short, calm renderings of times and counts for compact rows.
import type { FleetEventType } from '../src-main/shared/health-state.ts';
import type { HealthGlyph } from './health-glyph.ts';

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** A time of day, with the date too when it is not today. */
export function formatWhen(iso: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  if (date.toDateString() === now.toDateString()) return time;
  return `${date.toLocaleDateString(undefined, { month: 'short', day: 'numeric' })} ${time}`;
}

/**
 * A reason for the compact row: without the gateway's ISO time stamps of the log lines it quotes
 * (`2026-11-25T09:25:16.618+00:00 `), which would fill most of the row's two lines before the
 * error itself. The crash details and the events keep the whole line.
 */
export function compactReason(reason: string): string {
  return reason.replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)? +/g, '');
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export const EVENT_GLYPHS: Record<FleetEventType, HealthGlyph> = {
  exited: { glyph: '■', colorRole: 'error', label: 'Exited' },
  'port-closed': { glyph: '▲', colorRole: 'warning', label: 'Port closed' },
  'crash-loop': { glyph: '↻', colorRole: 'error', label: 'Crash loop' },
  'auth-failed': { glyph: '✕', colorRole: 'error', label: 'Auth failed' },
  recovered: { glyph: '●', colorRole: 'ok', label: 'Recovered' },
};
