// Zod compiles object parsers with `new Function` where it can, and probes for that ability; the
// popover's CSP forbids eval, and browsers report even the caught probe as a CSP violation.
// bridge-guard.ts imports this before the contract's schemas are built.
import { z } from 'zod';

z.config({ jitless: true });
