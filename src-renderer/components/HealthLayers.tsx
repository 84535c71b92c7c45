import type { LayerName, LayerState } from '../../src-main/shared/fleet-contract.ts';
import type { HealthGlyph } from '../health-glyph.ts';
import { StateGlyph } from './StateGlyph.tsx';

// Bottom-up, as the monitor checks them: the first failing layer is the headline.
const LAYERS: { name: LayerName; label: string }[] = [
  { name: 'plist', label: 'Plist' },
  { name: 'loaded', label: 'Loaded' },
  { name: 'process', label: 'Process' },
  { name: 'port', label: 'Port' },
  { name: 'healthz', label: 'Healthz' },
  { name: 'auth', label: 'Auth' },
];

const MARKS: Record<LayerState, HealthGlyph> = {
  ok: { glyph: '✓', colorRole: 'ok', label: 'ok' },
  failed: { glyph: '✕', colorRole: 'error', label: 'failed' },
  unknown: { glyph: '?', colorRole: 'warning', label: 'unknown' },
  skipped: { glyph: '–', colorRole: 'muted', label: 'skipped' },
};

export function HealthLayers({ layers }: { layers: Record<LayerName, LayerState> }) {
  return (
    <ul className="layers" aria-label="Health layers">
      {LAYERS.map((layer) => (
        <li key={layer.name} className={`layer layer-${layers[layer.name]}`}>
          {layer.label} <StateGlyph glyph={MARKS[layers[layer.name]]} />
        </li>
      ))}
    </ul>
  );
}
