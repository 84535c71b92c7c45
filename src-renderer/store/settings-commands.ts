// What the settings view asks of the host; each records its outcome in the store.
import type { SettingsPatch } from '../../src-main/shared/fleet-contract.ts';
import type { Host } from '../bridge.ts';
import { errorText } from './commands.ts';
import { useFleetStore } from './fleet-store.ts';

const store = () => useFleetStore.getState();

export async function loadSettings(host: Host): Promise<void> {
  store().settingsLoading();
  try {
    store().settingsLoaded(await host.bridge.getSettings(null));
  } catch (error) {
    store().settingsFailed(errorText(error));
  }
}

export async function saveSettings(host: Host, patch: SettingsPatch): Promise<void> {
  const current = store().settings;
  if (current.phase !== 'ready' || current.saving) return;
  store().settingsSaving();
  try {
    const reply = await host.bridge.updateSettings(patch);
    store().settingsSettled(
      { ok: reply.ok, message: reply.message } as const,
      reply.ok ? reply.settings : null,
    );
  } catch (error) {
    store().settingsSettled({ ok: false, message: errorText(error) }, null);
  }
}

export async function relaunchApp(host: Host): Promise<void> {
  try {
    const outcome = await host.bridge.relaunchApp(null);
    store().settingsSettled(outcome, null);
  } catch (error) {
    store().settingsSettled({ ok: false, message: errorText(error) }, null);
  }
}
