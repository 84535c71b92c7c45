// The CLI's Notifier: a notification becomes one line on stderr (events go to stdout), so a
// terminal running `watch --notify` shows what the menu-bar app would have raised.
import type { Notification } from '../core/notify/notification-policy.ts';
import type { Notifier } from '../ports/notifier.ts';
import { paint, type CliIo } from './cli-io.ts';

export function cliNotifier(io: Pick<CliIo, 'err' | 'color'>): Notifier {
  return {
    notify(n: Notification) {
      const body = n.body.split('\n').join('; ');
      io.err(
        `${paint(io, 'bold', `notify (${n.kind}${n.kind === 'new' ? '' : ` ${n.id}`})`)}: ${n.title}: ${body}\n`,
      );
    },
  };
}
