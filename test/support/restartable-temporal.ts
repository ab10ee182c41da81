// A private, file-backed Temporal dev server that can be killed and started again
// on the same port with the same SQLite file, so its state survives. The suite's
// shared server is in-memory and serves every test: never restart that one.
import { startDevServer, type DevServer } from '../../bin/dev-server';
import { loadTemporalConfig, type TemporalConfig } from '../../temporal.config';
import { freePort } from './free-port';

export interface RestartableTemporal {
  /** host:port; the same across restarts. */
  address: string;
  dbFile: string;
  /** kill -9 of the server's process group: no shutdown, whatever is in flight is cut off. */
  kill(): Promise<void>;
  /** Starts it again on the same port and file; resolves once it answers. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRestartableTemporal(dataDir: string): Promise<RestartableTemporal> {
  const cfg: TemporalConfig = loadTemporalConfig({
    TEMPORAL_DEV_IP: '127.0.0.1',
    TEMPORAL_DEV_PORT: String(await freePort()),
    TEMPORAL_DEV_HEADLESS: 'true',
    TEMPORAL_NAMESPACE: 'default',
    BREACHLINE_DATA_DIR: dataDir,
  });
  let server: DevServer | null = await startDevServer(cfg);
  return {
    address: server.address,
    dbFile: cfg.dev.dbFile,
    async kill() {
      if (!server) return;
      const s = server;
      server = null;
      // The server runs in its own process group (bin/dev-server.ts); kill all of it.
      process.kill(-s.pid, 'SIGKILL');
      await s.exited;
    },
    async restart() {
      if (server) throw new Error('temporal dev server is still running');
      server = await startDevServer(cfg);
    },
    async stop() {
      await server?.stop();
      server = null;
    },
  };
}
