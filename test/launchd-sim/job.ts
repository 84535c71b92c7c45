// One loaded job and its supervision (launchd.md §4): spawn at load, KeepAlive respawns with
// throttling, bootout with SIGTERM → SIGKILL after ExitTimeOut, kickstart, spawn failures as 78.
import type { ChildProcess } from 'node:child_process';
import { SPAWN_FAILURE_EXIT_CODE, type ExitOutcome } from './exit-status.ts';
import type { GroupRegistry } from './group-registry.ts';
import type { Account } from './job-environment.ts';
import type { JobSpec } from './job-spec.ts';
import { shouldRespawn, startsAtLoad, type KeepAliveProbes } from './keepalive.ts';
import type { GroupRecord } from './proc-info.ts';
import { spawnInstance } from './spawn-instance.ts';
import { serviceView } from './service-view.ts';
import { respawnDelayMs, sigkillGraceMs } from './throttle.ts';
import type { JobState, ServiceView } from './views.ts';

export interface JobHost {
  timeScale: number;
  account: Account;
  probes: KeepAliveProbes;
  groups: GroupRegistry;
  /** Called once a booted-out job's process is gone and the label is free again. */
  released(job: Job): void;
  log(message: string): void;
}

interface Instance {
  child: ChildProcess;
  pid: number;
  group: GroupRecord;
  startedAt: number;
}

// A job whose exec keeps failing with ThrottleInterval = 0 would otherwise spin the CPU.
const MIN_FAILED_SPAWN_RETRY_MS = 100;

export class Job {
  readonly spec: JobSpec;
  readonly plistPath: string;
  readonly #host: JobHost;
  state: JobState = 'not running';
  runs = 0;
  lastExit: ExitOutcome | null = null;
  #jobState: string | undefined;
  #immediateReason: string | undefined;
  #instance: Instance | undefined;
  #respawnTimer: NodeJS.Timeout | undefined;
  #killTimer: NodeJS.Timeout | undefined;
  /** Why launchd itself is ending the current instance; such a stop never triggers KeepAlive. */
  #stopping: 'bootout' | 'restart' | undefined;
  #demanded = false;
  #exitWaiters: Array<() => void> = [];

  constructor(spec: JobSpec, plistPath: string, host: JobHost) {
    this.spec = spec;
    this.plistPath = plistPath;
    this.#host = host;
  }

  get pid(): number | undefined {
    return this.#instance?.pid;
  }

  /** True between a bootout and the moment its process is gone: the label is still taken. */
  get draining(): boolean {
    return this.#stopping === 'bootout';
  }

  load(): void {
    if (startsAtLoad(this.spec.runAtLoad, this.spec.keepAlive, this.#host.probes)) this.#start('speculative');
  }

  #start(reason: string): void {
    this.#clearRespawn();
    this.runs += 1;
    const result = spawnInstance(this.spec, this.#host.account);
    if (!result.ok) {
      this.#host.log(
        `${this.spec.label}: spawn failed (${result.reason}); recorded as exit ${SPAWN_FAILURE_EXIT_CODE}`,
      );
      this.#jobState = 'spawn failed';
      this.#instance = undefined;
      this.#ended({ kind: 'exited', code: SPAWN_FAILURE_EXIT_CODE }, 0);
      return;
    }
    const group = this.#host.groups.add(result.pid, this.spec.label);
    const instance: Instance = { child: result.child, pid: result.pid, group, startedAt: performance.now() };
    this.#instance = instance;
    this.#immediateReason = reason;
    this.#jobState = 'running';
    this.state = 'running';
    result.child.once('exit', (code, signal) => this.#reaped(instance, code, signal));
  }

  #reaped(instance: Instance, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.#instance !== instance) return;
    this.#instance = undefined;
    this.#jobState = 'exited';
    clearTimeout(this.#killTimer);
    this.#killTimer = undefined;
    const outcome: ExitOutcome =
      signal !== null ? { kind: 'signaled', signal } : { kind: 'exited', code: code ?? 0 };
    // launchd kills what is left of the job's process group unless told to abandon it.
    if (!this.spec.abandonProcessGroup) this.#host.groups.signal(instance.group, 'SIGTERM');
    this.#host.groups.prune();
    this.#ended(outcome, performance.now() - instance.startedAt);
    for (const resolveWaiter of this.#exitWaiters.splice(0)) resolveWaiter();
  }

  #ended(outcome: ExitOutcome, lifetimeMs: number): void {
    this.lastExit = outcome;
    const stopping = this.#stopping;
    this.#stopping = undefined;
    if (stopping === 'bootout') {
      this.state = 'not running';
      this.#host.released(this);
      return;
    }
    if (stopping === 'restart') {
      this.#start('kickstart');
      return;
    }
    if (!shouldRespawn(this.spec.keepAlive, outcome, this.#host.probes, this.#demanded)) {
      this.state = 'not running';
      return;
    }
    const failedSpawn = this.#jobState === 'spawn failed';
    const delay = respawnDelayMs(this.spec.throttleIntervalS, lifetimeMs, this.#host.timeScale);
    this.state = 'spawn scheduled';
    const reason = this.spec.keepAlive.kind === 'always' ? 'inefficient' : 'semaphore';
    this.#respawnTimer = setTimeout(
      () => this.#start(reason),
      failedSpawn ? Math.max(delay, MIN_FAILED_SPAWN_RETRY_MS) : delay,
    );
  }

  #clearRespawn(): void {
    clearTimeout(this.#respawnTimer);
    this.#respawnTimer = undefined;
  }

  #waitForExit(): Promise<void> {
    return this.#instance === undefined
      ? Promise.resolve()
      : new Promise((resolveWaiter) => this.#exitWaiters.push(resolveWaiter));
  }

  /**
   * Returns 'released' when nothing was running (the label is free at once), 'draining' when
   * the process was sent SIGTERM and the label stays taken until it is gone.
   */
  bootout(exitTimeOutOverrideS?: number): 'released' | 'draining' {
    this.#clearRespawn();
    const instance = this.#instance;
    if (instance === undefined) {
      this.state = 'not running';
      return 'released';
    }
    const grace = sigkillGraceMs(exitTimeOutOverrideS ?? this.spec.exitTimeOutS, this.#host.timeScale);
    if (this.#stopping !== 'bootout') {
      this.#stopping = 'bootout';
      this.state = 'SIGTERMed';
      this.#signalLiveGroup(instance, 'SIGTERM');
    }
    // A second request (a shutdown after a bootout with ExitTimeOut = 0) may bring a deadline.
    if (grace !== null && this.#killTimer === undefined) {
      this.#killTimer = setTimeout(() => {
        this.state = 'SIGKILLed';
        this.#signalLiveGroup(instance, 'SIGKILL');
      }, grace);
    }
    return 'draining';
  }

  /** Forces a draining job down now (simulator shutdown). */
  forceKill(): void {
    if (this.#instance !== undefined) this.#signalLiveGroup(this.#instance, 'SIGKILL');
  }

  whenGone(): Promise<void> {
    return this.#waitForExit();
  }

  /**
   * `kickstart [-k]`: start now regardless of throttle; with `kill`, SIGKILL the running
   * instance and start a new one at once. Resolves to the pid now running, if any.
   */
  async kickstart(kill: boolean): Promise<number | undefined> {
    if (this.#stopping === 'bootout') return this.pid;
    this.#demanded = true;
    const instance = this.#instance;
    if (instance === undefined) {
      this.#start('kickstart');
      return this.pid;
    }
    if (!kill) return instance.pid;
    if (this.#stopping !== 'restart') {
      this.#stopping = 'restart';
      // The leader is not reaped yet, so its pid cannot have been reused.
      process.kill(instance.pid, 'SIGKILL');
    }
    await this.#waitForExit();
    return this.pid;
  }

  #signalLiveGroup(instance: Instance, signal: NodeJS.Signals): void {
    try {
      process.kill(-instance.pid, signal);
    } catch {
      // Already gone; the exit event will follow.
    }
  }

  view(uid: number, asid: number): ServiceView {
    return serviceView(this.spec, {
      uid,
      asid,
      plistPath: this.plistPath,
      state: this.state,
      runs: this.runs,
      lastExit: this.lastExit,
      pid: this.#instance?.pid,
      immediateReason: this.#immediateReason,
      jobState: this.#jobState,
    });
  }
}
