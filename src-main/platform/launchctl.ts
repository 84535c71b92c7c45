// LaunchdPort on launchctl for the gui/<uid> domain (docs/reference/launchd.md §8): exit status first, a
// follow-up `print` where an exit status is ambiguous, polling where launchctl returns before launchd is done.
import { isAbsolute } from 'node:path';
import { getuid } from 'node:process';
import { parseLaunchdLabel } from '../core/launchctl-parse-label.ts';
import { parseDomainPrint, parsePrintDisabled } from '../core/launchctl-parse-print-domain.ts';
import { parseServicePrint, serviceStatusFromPrint } from '../core/launchctl-parse-print-service.ts';
import type { LaunchdFailure, LaunchdPort, ToggleResult } from '../ports/launchd.ts';
import {
  createCaller,
  portFailure,
  unrecognisedOutput,
  type Clock,
  type LaunchctlContext,
} from './launchctl-call.ts';
import { loadJob } from './launchctl-load.ts';
import { createLaunchctlRunner, type LaunchctlRunner } from './launchctl-runner.ts';
import { unloadJob } from './launchctl-unload.ts';

export interface LaunchctlAdapterOptions {
  /** Default `/bin/launchctl`. */
  launchctlPath?: string;
  /** Owner of the gui/<uid> domain; default the current process's uid. */
  uid?: number;
  /** Extra environment for launchctl (the test simulator is configured through it). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Limit for every single launchctl call. Default 5 s. */
  callTimeoutMs?: number;
  /** How long `load` retries a bootstrap refused while a previous bootout drains. Default 10 s. */
  drainWindowMs?: number;
  /** Pause between those bootstrap attempts. Default 250 ms. */
  bootstrapRetryMs?: number;
  /** Pause between `print` polls while waiting for an unload to finish. Default 100 ms. */
  unloadPollMs?: number;
  /** Added to the job's exit timeout when bounding that wait. Default 3 s. */
  unloadMarginMs?: number;
  /** Upper bound of that wait, for ExitTimeOut = 0 (wait forever) and absurd values. Default 60 s. */
  unloadWaitCapMs?: number;
  /** Replaces the execa runner (tests count, script or interleave calls through it). */
  runner?: LaunchctlRunner;
  clock?: Clock;
}

export interface LaunchctlAdapter extends LaunchdPort {
  /** `gui/<uid>`. */
  readonly domain: string;
  /** launchctl subprocesses started so far. */
  callCount(): number;
}

const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

export function createLaunchctlAdapter(options: LaunchctlAdapterOptions = {}): LaunchctlAdapter {
  const uid = options.uid ?? getuid?.();
  if (uid === undefined || !Number.isInteger(uid) || uid < 0) {
    throw new Error(`cannot address the gui domain: invalid uid ${String(uid)}`);
  }
  const runner =
    options.runner ??
    createLaunchctlRunner({
      launchctlPath: options.launchctlPath ?? '/bin/launchctl',
      timeoutMs: options.callTimeoutMs ?? 5_000,
      ...(options.env ? { env: options.env } : {}),
    });
  let calls = 0;
  const context: LaunchctlContext = {
    domain: `gui/${uid}`,
    clock: options.clock ?? realClock,
    call: createCaller((args) => {
      calls += 1;
      return runner(args);
    }),
  };
  const { call, domain } = context;
  const loadTiming = {
    drainWindowMs: options.drainWindowMs ?? 10_000,
    bootstrapRetryMs: options.bootstrapRetryMs ?? 250,
  };
  const unloadTiming = {
    pollMs: options.unloadPollMs ?? 100,
    marginMs: options.unloadMarginMs ?? 3_000,
    capMs: options.unloadWaitCapMs ?? 60_000,
  };

  async function toggle(subcommand: 'enable' | 'disable', label: string): Promise<ToggleResult> {
    const invalid = checkLabel(label);
    if (invalid) return invalid;
    const toggled = await call(subcommand, `${domain}/${label}`);
    if (toggled.kind === 'succeeded') return { kind: 'ok' };
    if (toggled.kind === 'broken') return toggled.failure;
    return portFailure(toggled.failure, toggled.command);
  }

  return {
    domain,
    callCount: () => calls,

    async status(label) {
      const invalid = checkLabel(label);
      if (invalid) return invalid;
      const printed = await call('print', `${domain}/${label}`);
      if (printed.kind === 'broken') return printed.failure;
      if (printed.kind === 'refused') {
        if (printed.failure.kind === 'not-loaded') return { kind: 'ok', job: { label, loaded: false } };
        return portFailure(printed.failure, printed.command);
      }
      const status = serviceStatusFromPrint(parseServicePrint(printed.stdout), label);
      if (status === null) return unrecognisedOutput(printed.command, printed.stderr, 'a `state =` line');
      return { kind: 'ok', job: status };
    },

    async fleetStatus() {
      // One call whatever the fleet size: the domain print lists every job with pid and last exit.
      const printed = await call('print', domain);
      if (printed.kind === 'broken') return printed.failure;
      if (printed.kind === 'refused') return portFailure(printed.failure, printed.command);
      const status = parseDomainPrint(printed.stdout);
      if (status === null)
        return unrecognisedOutput(printed.command, printed.stderr, 'a `services = {` block');
      return { kind: 'ok', domain: status };
    },

    async load(label, plistPath) {
      return checkLabel(label) ?? checkPlistPath(plistPath) ?? loadJob(context, loadTiming, label, plistPath);
    },

    async unload(label) {
      return checkLabel(label) ?? unloadJob(context, unloadTiming, label);
    },

    async restart(label, plistPath) {
      const invalid = checkLabel(label) ?? checkPlistPath(plistPath);
      if (invalid) return invalid;
      // kickstart -k replaces the instance without deregistering the label, so there is no bootout race.
      const kicked = await call('kickstart', '-k', `${domain}/${label}`);
      if (kicked.kind === 'succeeded') return { kind: 'ok', via: 'kickstart' };
      if (kicked.kind === 'broken') return kicked.failure;
      if (kicked.failure.kind !== 'not-loaded') return portFailure(kicked.failure, kicked.command);
      const loaded = await loadJob(context, loadTiming, label, plistPath);
      return loaded.kind === 'ok' ? { kind: 'ok', via: 'load' } : loaded;
    },

    enable: (label) => toggle('enable', label),
    disable: (label) => toggle('disable', label),

    async disabledOverrides() {
      const printed = await call('print-disabled', domain);
      if (printed.kind === 'broken') return printed.failure;
      if (printed.kind === 'refused') return portFailure(printed.failure, printed.command);
      const disabled = parsePrintDisabled(printed.stdout);
      if (disabled === null) {
        return unrecognisedOutput(printed.command, printed.stderr, 'a `disabled services = {` block');
      }
      return { kind: 'ok', disabled };
    },
  };
}

function checkLabel(label: string): LaunchdFailure | null {
  const check = parseLaunchdLabel(label);
  return check.ok ? null : { kind: 'invalid-argument', message: check.message };
}

function checkPlistPath(path: string): LaunchdFailure | null {
  // Absolute also means it cannot start with `-` and be read as an option.
  if (isAbsolute(path) && !/[\0-\x1f]/.test(path)) return null;
  return {
    kind: 'invalid-argument',
    message: `plist path must be absolute and free of control characters: ${JSON.stringify(path)}`,
  };
}
