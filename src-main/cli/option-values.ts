// Typed reads of parsed option values, with errors that name the option and the fix.
import { UsageError } from './cli-error.ts';
import type { ParsedArgs } from './command.ts';

export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function integerOption(
  args: ParsedArgs,
  name: string,
  range: { min: number; max: number; example: number },
): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < range.min || value > range.max) {
    throw new UsageError(
      `--${name} ${text} is not a whole number from ${range.min} to ${range.max}; for example --${name} ${range.example}`,
    );
  }
  return value;
}

export function secondsOption(args: ParsedArgs, name: string, fallback: number): number {
  const text = stringOption(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > 3600) {
    throw new UsageError(
      `--${name} ${text} is not a number of seconds between 0 and 3600; for example --${name} ${fallback}`,
    );
  }
  return value;
}
