// Zod compiles object parsers with `new Function` where it can, and probes for that ability; the
// popover's CSP forbids eval, and browsers report even the caught probe as a CSP violation.
// main.tsx imports this first, before any module builds the contract's schemas (a schema built
// earlier has already probed); bridge-guard.ts imports it too, for tests that skip main.tsx.
import { z } from 'zod';

z.config({ jitless: true });
