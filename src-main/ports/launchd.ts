// The launchd operations the core needs, for the per-user gui/<uid> domain. The platform adapter
// (src-main/platform/launchctl.ts) implements it with launchctl; tests can implement it in memory.
// Every operation resolves to a typed result and never throws for launchd-side failures.
import type { DomainStatus, JobStatus } from '../core/launchd-status.ts';

/** Failures any operation can end in. `message` is for people; it never carries environment values. */
export type LaunchdFailure =
  /** The label or plist path was rejected before anything ran. */
  | { kind: 'invalid-argument'; message: string }
  /** gui/<uid> does not exist: nobody is logged in at the GUI (e.g. an SSH-only session). */
  | { kind: 'no-gui-domain'; message: string; stderr: string }
  | { kind: 'permission-denied'; message: string; stderr: string }
  /** A launchctl call, or the wait for a job to finish unloading, took longer than allowed. */
  | { kind: 'timed-out'; message: string; afterMs: number }
  /** Anything else; `exitCode` is null when launchctl did not exit normally (not found, killed). */
  | { kind: 'failed'; message: string; exitCode: number | null; stderr: string };

export type LaunchdFailureKind = LaunchdFailure['kind'];

export type StatusResult = { kind: 'ok'; job: JobStatus } | LaunchdFailure;

export type FleetStatusResult = { kind: 'ok'; domain: DomainStatus } | LaunchdFailure;

export type DisabledOverridesResult =
  /** Labels with an enable/disable override: true = disabled. Labels without one are absent. */
  { kind: 'ok'; disabled: Record<string, boolean> } | LaunchdFailure;

export type LoadResult =
  | { kind: 'ok' }
  | { kind: 'already-loaded' }
  | { kind: 'disabled'; message: string; stderr: string }
  | LaunchdFailure;

export type UnloadResult = { kind: 'ok' } | { kind: 'not-loaded' } | LaunchdFailure;

export type RestartResult =
  /** `kickstart`: the running instance was replaced; `load`: the job was not loaded and has been loaded. */
  { kind: 'ok'; via: 'kickstart' | 'load' } | Exclude<LoadResult, { kind: 'ok' }>;

export type ToggleResult = { kind: 'ok' } | LaunchdFailure;

export interface LaunchdPort {
  /** One job's state (`launchctl print gui/<uid>/<label>`); not loaded is an ok result with `loaded: false`. */
  status(label: string): Promise<StatusResult>;
  /** Every job in the domain with pid and last exit, plus disabled overrides, in one launchctl call. */
  fleetStatus(): Promise<FleetStatusResult>;
  /** Clears a disabled override and bootstraps the plist, waiting out a preceding unload's drain window. */
  load(label: string, plistPath: string): Promise<LoadResult>;
  /** Boots the job out and waits until launchd has forgotten it. */
  unload(label: string): Promise<UnloadResult>;
  /** Replaces the running instance in place; loads the plist when the job is not loaded. */
  restart(label: string, plistPath: string): Promise<RestartResult>;
  enable(label: string): Promise<ToggleResult>;
  disable(label: string): Promise<ToggleResult>;
  /** The persistent enable/disable overrides of the domain (`launchctl print-disabled gui/<uid>`). */
  disabledOverrides(): Promise<DisabledOverridesResult>;
}
