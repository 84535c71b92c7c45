// `openclaw-fleet serve [--port N] [--open]`: the dashboard on 127.0.0.1 behind a token.
import { locateGatewayRuntime } from '../../platform/locate-openclaw.ts';
import { rendererBuilt, serveFleet } from '../../web/serve-fleet.ts';
import { EXIT_OK, OperationFailed } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { fleetFor } from '../fleet-for.ts';
import { openUrl } from '../open-url.ts';
import { flag, integerOption } from '../option-values.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the dashboard on 127.0.0.1 behind a random token; prints its URL',
  usage: 'serve [--port N] [--open]',
  details: [
    '  --port N   port to listen on (default: a free one)',
    '  --open     open the URL in the browser',
  ].join('\n'),
  options: { port: { type: 'string' }, open: { type: 'boolean' } },
  positionals: 'none',
  async run({ io, args, paths, interrupted }) {
    if (!rendererBuilt())
      throw new OperationFailed('the dashboard is not built: run npm run build:renderer first');
    const port = integerOption(args, 'port', { min: 1024, max: 65535, example: 18700 }) ?? 0;
    const served = await serveFleet(fleetFor(paths, io), {
      port,
      runtime: async () => {
        const located = await locateGatewayRuntime({ env: io.env, cwd: io.cwd });
        return located.ok
          ? { nodePath: located.runtime.nodePath, entryPath: located.runtime.entryPath }
          : { error: located.message };
      },
    });
    io.out(`OpenClaw Fleet dashboard (Ctrl-C to stop):\n    ${served.web.url}\n`);
    if (flag(args, 'open')) openUrl(served.web.url);
    await interrupted;
    await served.stop();
    return EXIT_OK;
  },
};
