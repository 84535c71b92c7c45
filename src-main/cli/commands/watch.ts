// `openclaw-fleet watch [--json] [--all] [--notify] [--interval S]`: runs the monitor and streams
// its events (and with --all every state change) as lines until Ctrl-C.
import type { FleetEvent, Transition } from '../../core/monitor/monitor-types.ts';
import { createFleetMonitor } from '../../fleet/monitor/fleet-monitor.ts';
import { EXIT_OK } from '../cli-error.ts';
import { paint, type CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { cliNotifier } from '../cli-notifier.ts';
import { fleetFor } from '../fleet-for.ts';
import { flag, secondsOption } from '../option-values.ts';

export const watchCommand: Command = {
  name: 'watch',
  summary: 'stream fleet events (exited, port-closed, crash-loop, auth-failed, recovered) until Ctrl-C',
  usage: 'watch [--json] [--all] [--notify] [--interval S]',
  details: [
    '  --json        one JSON object per line: {"type","instance","at","reason",...}',
    '  --all         also print every health state change ({"type":"state",...} with --json)',
    '  --notify      also show, on stderr, the notifications the menu-bar app would raise',
    '  --interval S  seconds between checks (default 2; a dropped gateway connection checks at once)',
  ].join('\n'),
  options: {
    json: { type: 'boolean' },
    all: { type: 'boolean' },
    notify: { type: 'boolean' },
    interval: { type: 'string' },
  },
  positionals: 'none',
  async run({ io, args, paths, interrupted }) {
    const json = flag(args, 'json');
    const monitor = createFleetMonitor(fleetFor(paths, io), {
      settings: { intervalMs: secondsOption(args, 'interval', 2) * 1000 },
      ...(flag(args, 'notify') ? { notifier: cliNotifier(io) } : {}),
    });
    let first = true;
    monitor.onEvent((e) => io.out(json ? `${JSON.stringify(eventLine(e))}\n` : eventText(io, e)));
    monitor.onTransition((name, t) => {
      // The first check reports where every instance starts; with --all it is printed as state lines.
      if (flag(args, 'all'))
        io.out(json ? `${JSON.stringify(stateLine(name, t))}\n` : stateText(io, name, t));
    });
    monitor.onCheck((snapshot) => {
      if (first && !json) io.err(`watching ${snapshot.instances.length} instance(s); Ctrl-C to stop\n`);
      if (snapshot.problem !== null) io.err(`warning: ${snapshot.problem}\n`);
      first = false;
    });
    monitor.start();
    await interrupted;
    await monitor.stop();
    return EXIT_OK;
  },
};

function eventLine(e: FleetEvent): Record<string, unknown> {
  return {
    type: e.type,
    instance: e.instance,
    at: new Date(e.at).toISOString(),
    reason: e.reason,
    pid: e.pid ?? null,
    ...(e.snapshot ? { snapshot: e.snapshot } : {}),
  };
}

function stateLine(name: string, t: Transition): Record<string, unknown> {
  return {
    type: 'state',
    instance: name,
    at: new Date(t.at).toISOString(),
    from: t.from,
    to: t.to,
    reason: t.reason,
    pid: t.pid,
  };
}

function eventText(io: Pick<CliIo, 'color'>, e: FleetEvent): string {
  const style = e.type === 'recovered' ? 'green' : 'red';
  return `${new Date(e.at).toISOString()}  ${paint(io, style, e.type.padEnd(11))} ${e.instance}: ${e.reason}\n`;
}

function stateText(io: Pick<CliIo, 'color'>, name: string, t: Transition): string {
  return `${new Date(t.at).toISOString()}  ${paint(io, 'dim', 'state'.padEnd(11))} ${name}: ${t.from ?? '-'} -> ${t.to}${t.reason ? ` (${t.reason})` : ''}\n`;
}
