import { describe, expect, it } from 'vitest';
import { createAppNotifier, notificationOptions } from '../../../src-main/app/app-notifications.ts';
import type { NotificationView } from '../../../src-main/shared/fleet-contract.ts';
import { createFakeElectron } from '../../fakes/electron.ts';

const crash: NotificationView = {
  id: 'critic@1000',
  kind: 'new',
  instance: 'critic',
  title: 'critic is crash-looping',
  body: 'exited 3 times in 2 minutes',
};

function setup(restartable = true) {
  const fake = createFakeElectron({ userData: '/tmp', appPath: '/app' });
  const opened: (string | null)[] = [];
  const restarted: string[] = [];
  const log: string[] = [];
  const notifier = createAppNotifier(fake.electron.Notification, {
    openPopover: (i) => opened.push(i),
    restart: (n) => restarted.push(n),
    canRestart: () => restartable,
    log: (l) => log.push(l),
  });
  return { fake, notifier, opened, restarted, log };
}

describe('native notifications', () => {
  it('show what the policy said, under its id, grouped by instance, with a Restart button', () => {
    expect(notificationOptions(crash, true)).toEqual({
      id: 'critic@1000',
      groupId: 'critic',
      title: 'critic is crash-looping',
      body: 'exited 3 times in 2 minutes',
      silent: false,
      actions: [{ type: 'button', text: 'Restart' }],
    });
  });

  it('update an incident quietly, and offer no Restart when it makes no sense', () => {
    const recovered: NotificationView = {
      ...crash,
      kind: 'update',
      title: 'critic recovered',
      body: 'serving again',
    };
    expect(notificationOptions(recovered, false)).toMatchObject({ silent: true, actions: [] });
  });

  it('show a digest as one notification for the fleet', () => {
    const { fake, notifier } = setup();
    notifier.show({
      id: 'digest@5',
      kind: 'digest',
      instance: null,
      title: '3 instances need attention',
      body: 'a\nb\nc',
    });
    expect(fake.notifications).toHaveLength(1);
    expect(fake.notifications[0]!.options).toMatchObject({ groupId: 'fleet', actions: [] });
    expect(fake.notifications[0]!.shown).toBe(1);
  });

  it('replace the banner of the same incident instead of stacking a second one', () => {
    const { fake, notifier } = setup();
    notifier.show(crash);
    notifier.show({ ...crash, kind: 'update', title: 'critic rejects its token' });
    notifier.show({ ...crash, id: 'luca@2000', instance: 'luca', title: 'luca exited' });
    const [first, second, third] = fake.notifications;
    expect(first!.closed).toBe(true);
    expect(second!.closed).toBe(false);
    expect(second!.options.id).toBe(first!.options.id);
    expect(third!.closed).toBe(false);
  });

  it('open the popover on the instance when clicked, and on the fleet for a digest', () => {
    const { fake, notifier, opened } = setup();
    notifier.show(crash);
    notifier.show({ id: 'digest@5', kind: 'digest', instance: null, title: 'While the Mac slept', body: '' });
    fake.notifications[0]!.click();
    fake.notifications[1]!.click();
    expect(opened).toEqual(['critic', null]);
  });

  it('restart the instance from the Restart button', () => {
    const { fake, notifier, restarted } = setup();
    notifier.show(crash);
    fake.notifications[0]!.act(0);
    expect(restarted).toEqual(['critic']);
  });

  it('log a notification macOS refused (an unsigned build) and show nothing when unsupported', () => {
    const { fake, notifier, log } = setup();
    notifier.show(crash);
    fake.notifications[0]!.emit('failed', {}, 'not code-signed');
    expect(log).toEqual(['notification critic@1000 failed: not code-signed']);
    fake.setNotificationsSupported(false);
    notifier.show({ ...crash, id: 'x@1' });
    expect(fake.notifications).toHaveLength(1);
  });

  it('close everything on quit', () => {
    const { fake, notifier } = setup();
    notifier.show(crash);
    notifier.info('Restart of luca failed', 'launchd refused');
    notifier.closeAll();
    expect(fake.notifications.every((n) => n.closed)).toBe(true);
  });
});
