// discoverFleet parses every instance's openclaw.json (JSON5), and the monitor discovers at every
// check. The files reader (platform/fleet-files-reader.ts) hands back the same fact object while a
// file is unchanged, so a parse kept per fact object is redone exactly when the file changed.
import type { ConfigFileFact } from '../core/fleet-facts.ts';
import { parseConfigFact, type ConfigParse } from '../core/gateway-config.ts';

export type ConfigParser = (config: ConfigFileFact) => ConfigParse | null;

export function memoConfigParse(parse: ConfigParser = parseConfigFact): ConfigParser {
  // Weak: a fact replaced by a newer read is dropped with its parse.
  const memo = new WeakMap<ConfigFileFact, ConfigParse | null>();
  return (config) => {
    if (memo.has(config)) return memo.get(config) ?? null;
    const parsed = parse(config);
    memo.set(config, parsed);
    return parsed;
  };
}
