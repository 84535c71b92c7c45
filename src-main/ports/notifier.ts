// Where notifications go: the CLI prints them (watch), the app raises native ones, the web host
// pushes them to the page. The policy decides what to notify; a Notifier only delivers.
import type { Notification } from '../core/notify/notification-policy.ts';

export interface Notifier {
  notify(notification: Notification): void;
}
