// The settings of the shell that hosts the UI. The menu-bar app has a settings file and applies
// changes live; the web host of `serve` has none (its dirs come from its command line).
import type { ActionOutcome, InvokeContracts, SettingsPatch, SettingsView } from '../shared/fleet-contract.ts';

export interface AppSettingsPort {
  get(): Promise<SettingsView>;
  update(patch: SettingsPatch): Promise<InvokeContracts['updateSettings']['response']>;
  relaunch(): Promise<ActionOutcome>;
}
