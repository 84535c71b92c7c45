// launchctl's command line → a request for the supervisor, or a usage error the client can
// answer by itself (exit 64). Only the gui/<uid> domain is simulated; other well-formed domain
// specifiers parse, so the supervisor can answer them like a domain that does not exist.

export type Domain = { kind: 'gui'; uid: number } | { kind: 'other'; name: string };

export type Command =
  | { verb: 'bootstrap'; domain: Domain; paths: string[] }
  | { verb: 'bootout-service'; domain: Domain; label: string }
  | { verb: 'bootout-paths'; domain: Domain; paths: string[] }
  | { verb: 'kickstart'; domain: Domain; label: string; kill: boolean; printPid: boolean }
  | { verb: 'print-service'; domain: Domain; label: string }
  | { verb: 'print-domain'; domain: Domain }
  | { verb: 'list'; label?: string }
  | { verb: 'enable' | 'disable'; domain: Domain; label: string }
  | { verb: 'print-disabled'; domain: Domain }
  | { verb: 'sim-shutdown' };

export type Parsed = { ok: true; command: Command } | { ok: false; verb: string; badTarget: boolean };

type Target = { domain: Domain; label?: string };

const NUMBERED_DOMAINS = new Set(['gui', 'user', 'login', 'session', 'pid']);

/** `gui/501`, `gui/501/<label>`, `system`, `system/<label>`, `user/501/…`; null if malformed. */
export function parseTarget(text: string): Target | null {
  const [kind = '', id, ...rest] = text.split('/');
  if (kind === 'system') {
    const label = [id, ...rest].filter((part) => part !== undefined).join('/');
    if (id === undefined) return { domain: { kind: 'other', name: 'system' } };
    return label === '' ? null : { domain: { kind: 'other', name: 'system' }, label };
  }
  if (!NUMBERED_DOMAINS.has(kind) || id === undefined || !/^\d+$/.test(id)) return null;
  const domain: Domain =
    kind === 'gui' ? { kind: 'gui', uid: Number(id) } : { kind: 'other', name: `${kind}/${id}` };
  if (rest.length === 0) return { domain };
  const label = rest.join('/');
  return label === '' ? null : { domain, label };
}

const usage = (verb: string, badTarget = false): Parsed => ({ ok: false, verb, badTarget });
const ok = (command: Command): Parsed => ({ ok: true, command });

function parseKickstart(args: string[]): Parsed {
  let kill = false;
  let printPid = false;
  let index = 0;
  // getopt("kp"): flags may be grouped (`-kp`) and stop at the first operand. `-s` (start
  // suspended) exists on macOS but cannot be simulated, so it is refused like an unknown flag.
  for (; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--') {
      index++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    for (const flag of arg.slice(1)) {
      if (flag === 'k') kill = true;
      else if (flag === 'p') printPid = true;
      else return usage('kickstart');
    }
  }
  const operands = args.slice(index);
  if (operands.length !== 1) return usage('kickstart');
  const target = parseTarget(operands[0] ?? '');
  if (target?.label === undefined) return usage('kickstart', true);
  return ok({ verb: 'kickstart', domain: target.domain, label: target.label, kill, printPid });
}

function serviceVerb(verb: 'enable' | 'disable', args: string[]): Parsed {
  if (args.length !== 1) return usage(verb);
  const target = parseTarget(args[0] ?? '');
  if (target?.label === undefined) return usage(verb, true);
  return ok({ verb, domain: target.domain, label: target.label });
}

export function parseArgv(argv: string[]): Parsed {
  const [verb = '', ...args] = argv;
  const first = args[0] ?? '';
  const target = args.length > 0 ? parseTarget(first) : null;
  switch (verb) {
    case 'bootstrap':
      if (args.length < 2) return usage(verb, args.length === 1 && target === null);
      if (target === null || target.label !== undefined) return usage(verb, true);
      return ok({ verb, domain: target.domain, paths: args.slice(1) });
    case 'bootout':
      if (args.length === 0) return usage(verb);
      if (target === null) return usage(verb, true);
      if (target.label !== undefined) {
        return args.length === 1
          ? ok({ verb: 'bootout-service', domain: target.domain, label: target.label })
          : usage(verb);
      }
      // Tearing down a whole domain (`bootout gui/501`) would log the user out; not simulated.
      if (args.length === 1) return usage(verb);
      return ok({ verb: 'bootout-paths', domain: target.domain, paths: args.slice(1) });
    case 'kickstart':
      return parseKickstart(args);
    case 'print':
      if (args.length !== 1) return usage(verb);
      if (target === null) return usage(verb, true);
      return target.label === undefined
        ? ok({ verb: 'print-domain', domain: target.domain })
        : ok({ verb: 'print-service', domain: target.domain, label: target.label });
    case 'list':
      // Legacy: the operand is a bare label, never a target (`list gui/501/x` just finds nothing).
      if (args.length > 1 || first.startsWith('-')) return usage(verb);
      return ok(args.length === 1 ? { verb, label: first } : { verb });
    case 'enable':
    case 'disable':
      return serviceVerb(verb, args);
    case 'print-disabled':
      if (args.length !== 1) return usage(verb);
      if (target === null || target.label !== undefined) return usage(verb, true);
      return ok({ verb, domain: target.domain });
    case 'sim-shutdown':
      return args.length === 0 ? ok({ verb }) : usage(verb);
    default:
      return usage(verb);
  }
}
