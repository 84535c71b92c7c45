// `openclaw-fleet demo [--port N] [--open]`: a throwaway fleet on the launchd simulator, served on
// the dashboard; Ctrl-C stops everything it started and removes its temp dir.
import { rendererBuilt, serveFleet } from '../../web/serve-fleet.ts';
import { EXIT_OK, OperationFailed } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { createDemoFleet } from '../demo-fleet.ts';
import { openUrl } from '../open-url.ts';
import { flag, integerOption } from '../option-values.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run a demo fleet (launchd simulator + three stub gateways) and serve its dashboard',
  usage: 'demo [--port N] [--open]',
  details: [
    'Instances: luca (healthy), critic (crash-looping: exits 78 at every start), scout (stopped).',
    '--root, --agents-dir and --launchctl are ignored: the demo lives in its own temp dir.',
  ].join('\n'),
  options: { port: { type: 'string' }, open: { type: 'boolean' } },
  positionals: 'none',
  async run({ io, args, interrupted }) {
    if (!rendererBuilt())
      throw new OperationFailed(
        'the dashboard is not built: run npm run build:renderer first (npm run demo does)',
      );
    const port = integerOption(args, 'port', { min: 1024, max: 65535, example: 18700 }) ?? 0;
    io.out('starting the demo fleet:\n');
    const demo = await createDemoFleet((line) => io.out(`${line}\n`));
    try {
      const served = await serveFleet(demo.ctx, { port, runtime: async () => demo.runtime });
      io.out(
        `\nOpenClaw Fleet demo dashboard (Ctrl-C stops everything and removes ${demo.dir}):\n    ${served.web.url}\n`,
      );
      if (flag(args, 'open')) openUrl(served.web.url);
      await interrupted;
      io.out('stopping the demo fleet...\n');
      await served.stop();
    } finally {
      await demo.teardown();
    }
    return EXIT_OK;
  },
};
