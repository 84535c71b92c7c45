// The simulated gui/<uid> domain: the loaded jobs, the override store, and the answer to every
// launchctl request. Request flags come from the calling client's environment.
import { existsSync } from 'node:fs';
import type { Command, Domain } from './argv.ts';
import {
  bootoutPathsFailureReply,
  bootstrapFailureReply,
  type BootstrapProblem,
  type PathFailure,
} from './bootstrap-outcome.ts';
import type { DisabledStore } from './disabled-store.ts';
import { formatListLabel, formatListTable } from './format-list.ts';
import { formatPrintDisabled } from './format-print-disabled.ts';
import { formatPrintDomain } from './format-print-domain.ts';
import { formatPrintService } from './format-print-service.ts';
import type { GroupRegistry } from './group-registry.ts';
import { Job } from './job.ts';
import type { Account } from './job-environment.ts';
import { jobSpecFromPlist } from './job-spec.ts';
import { domainNotFound, enableFailed, failed, reply, serviceNotFound, type Reply } from './messages.ts';
import { readPlistFile } from './plist-file.ts';
import { DEFAULT_EXIT_TIMEOUT_S } from './throttle.ts';

export interface RequestFlags {
  noGui: boolean;
  root: boolean;
  stdoutIsTTY: boolean;
}

export interface DomainOptions {
  uid: number;
  asid: number;
  timeScale: number;
  account: Account;
  disabled: DisabledStore;
  groups: GroupRegistry;
  log(message: string): void;
}

const DOMAIN_MISSING = 125;
const DOMAIN_NOT_FOUND = 112;
const SERVICE_NOT_FOUND = 113;

export class GuiDomain {
  readonly #options: DomainOptions;
  readonly #jobs = new Map<string, Job>();

  constructor(options: DomainOptions) {
    this.#options = options;
  }

  #exists(domain: Domain, flags: RequestFlags): boolean {
    return !flags.noGui && domain.kind === 'gui' && domain.uid === this.#options.uid;
  }

  #newJob(spec: Job['spec'], plistPath: string): Job {
    const options = this.#options;
    return new Job(spec, plistPath, {
      timeScale: options.timeScale,
      account: options.account,
      groups: options.groups,
      probes: { pathExists: (path) => existsSync(path), jobLoaded: (label) => this.#jobs.has(label) },
      released: (job) => {
        if (this.#jobs.get(job.spec.label) === job) this.#jobs.delete(job.spec.label);
      },
      log: options.log,
    });
  }

  async handle(command: Exclude<Command, { verb: 'sim-shutdown' }>, flags: RequestFlags): Promise<Reply> {
    const uid = this.#options.uid;
    switch (command.verb) {
      case 'bootstrap':
        if (!this.#exists(command.domain, flags))
          return reply(DOMAIN_MISSING, '', failed('Bootstrap', DOMAIN_MISSING));
        return this.#bootstrap(command.paths, flags);
      case 'bootout-service': {
        if (!this.#exists(command.domain, flags))
          return reply(DOMAIN_MISSING, '', failed('Boot-out', DOMAIN_MISSING));
        const job = this.#jobs.get(command.label);
        if (job === undefined) return reply(3, '', failed('Boot-out', 3));
        this.#bootout(job);
        return reply(0);
      }
      case 'bootout-paths':
        if (!this.#exists(command.domain, flags))
          return reply(DOMAIN_MISSING, '', failed('Boot-out', DOMAIN_MISSING));
        return this.#bootoutPaths(command.paths, flags);
      case 'kickstart': {
        if (!this.#exists(command.domain, flags))
          return reply(DOMAIN_NOT_FOUND, '', domainNotFound(command.domain));
        const job = this.#jobs.get(command.label);
        if (job === undefined)
          return reply(SERVICE_NOT_FOUND, '', serviceNotFound(command.label, command.domain));
        const pid = await job.kickstart(command.kill);
        if (!command.printPid || pid === undefined) return reply(0);
        return reply(0, flags.stdoutIsTTY ? `service spawned with pid: ${pid}\n` : `${pid}\n`);
      }
      case 'print-service': {
        if (!this.#exists(command.domain, flags))
          return reply(DOMAIN_NOT_FOUND, '', domainNotFound(command.domain));
        const job = this.#jobs.get(command.label);
        if (job === undefined)
          return reply(
            SERVICE_NOT_FOUND,
            '',
            `Bad request.\n${serviceNotFound(command.label, command.domain)}`,
          );
        return reply(0, formatPrintService(job.view(uid, this.#options.asid)));
      }
      case 'print-domain':
        if (!this.#exists(command.domain, flags))
          return reply(DOMAIN_NOT_FOUND, '', domainNotFound(command.domain));
        return reply(
          0,
          formatPrintDomain({
            uid,
            asid: this.#options.asid,
            creatorPid: process.pid,
            services: this.#views(),
            disabled: this.#options.disabled.entries(),
          }),
        );
      case 'list': {
        // Over SSH the legacy `list` runs in a context that does not see gui/<uid> services.
        const views = flags.noGui ? [] : this.#views();
        if (command.label === undefined) return reply(0, formatListTable(views));
        const view = views.find((candidate) => candidate.label === command.label);
        if (view === undefined)
          return reply(
            SERVICE_NOT_FOUND,
            '',
            `Could not find service "${command.label}" in domain for port\n`,
          );
        return reply(0, formatListLabel(view));
      }
      case 'enable':
      case 'disable':
        if (!this.#exists(command.domain, flags))
          return reply(DOMAIN_MISSING, '', enableFailed(command.verb, DOMAIN_MISSING));
        // Disabling changes only future loads; a running job keeps running (launchctl(1)).
        this.#options.disabled.set(command.label, command.verb === 'disable');
        return reply(0);
      case 'print-disabled':
        if (!this.#exists(command.domain, flags))
          return reply(DOMAIN_NOT_FOUND, '', domainNotFound(command.domain));
        return reply(0, formatPrintDisabled(this.#options.disabled.entries()));
    }
  }

  #views() {
    return [...this.#jobs.values()].map((job) => job.view(this.#options.uid, this.#options.asid));
  }

  #bootstrap(paths: string[], flags: RequestFlags): Reply {
    const failures: Array<PathFailure<BootstrapProblem>> = [];
    for (const path of paths) {
      const problem = this.#bootstrapOne(path);
      if (problem !== undefined) failures.push({ path, problem });
    }
    return bootstrapFailureReply(failures, flags.root);
  }

  #bootstrapOne(path: string): BootstrapProblem | undefined {
    const read = readPlistFile(path, this.#options.uid);
    if (!read.ok) return read.problem;
    const parsed = jobSpecFromPlist(read.plist);
    if (!parsed.ok) return parsed.problem;
    const spec = parsed.spec;
    const existing = this.#jobs.get(spec.label);
    if (existing !== undefined) return existing.draining ? 'draining' : 'already-loaded';
    if (this.#options.disabled.override(spec.label) ?? spec.disabledByDefault) return 'disabled';
    const job = this.#newJob(spec, path);
    this.#jobs.set(spec.label, job);
    job.load();
    return undefined;
  }

  #bootout(job: Job, exitTimeOutOverrideS?: number): void {
    if (job.bootout(exitTimeOutOverrideS) === 'released' && this.#jobs.get(job.spec.label) === job)
      this.#jobs.delete(job.spec.label);
  }

  #bootoutPaths(paths: string[], flags: RequestFlags): Reply {
    const failedPaths: string[] = [];
    for (const path of paths) {
      const read = readPlistFile(path, this.#options.uid);
      const parsed = read.ok ? jobSpecFromPlist(read.plist) : undefined;
      const job = parsed?.ok ? this.#jobs.get(parsed.spec.label) : undefined;
      if (job === undefined) failedPaths.push(path);
      else this.#bootout(job);
    }
    return bootoutPathsFailureReply(failedPaths, flags.root);
  }

  /** Boots out every job and resolves once all their processes are gone. */
  async shutdown(): Promise<void> {
    const jobs = [...this.#jobs.values()];
    // ExitTimeOut = 0 means "wait forever" for a bootout; a shutdown still has to end.
    for (const job of jobs)
      this.#bootout(job, job.spec.exitTimeOutS === 0 ? DEFAULT_EXIT_TIMEOUT_S : undefined);
    await Promise.all(jobs.map((job) => job.whenGone()));
  }

  /** Emergency stop: SIGKILL every running job without waiting. */
  killAll(): void {
    for (const job of this.#jobs.values()) {
      job.bootout();
      job.forceKill();
    }
  }
}
