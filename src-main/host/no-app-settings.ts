// The settings port of a host without settings of its own: the web dashboard of `serve`.
import type { AppSettingsPort } from '../ports/app-settings.ts';

const WHY =
  'Settings belong to the menu-bar app. This dashboard watches the dirs that `openclaw-fleet serve` ' +
  'was started with (--root, --agents-dir, or OPENCLAW_FLEET_ROOT and OPENCLAW_FLEET_AGENTS_DIR).';

export const NO_APP_SETTINGS: AppSettingsPort = {
  get: async () => ({ available: false, message: WHY }),
  update: async () => ({ ok: false, message: WHY }),
  relaunch: async () => ({ ok: false, message: 'Only the menu-bar app can be relaunched from here.' }),
};
