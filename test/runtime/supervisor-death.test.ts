// A supervisor killed with SIGKILL (an OOM kill, `kill -9` of the wrong pid) gets no chance to stop
// its children. Each runs in its own process group, so nothing else stops them either: they must
// notice on their own and let go of their ports, or the next `npm start` fails on them.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AppProcess,
  commandOf,
  descendantsOf,
  isAlive,
  membersOfGroups,
  processGroupOf,
  startApp,
} from '../support/app-process';
import { printLogsOnFailure } from '../e2e/helpers';

const DEADLINE_MS = 5_000;

const apps: AppProcess[] = [];

afterEach(async () => {
  for (const app of apps.splice(0)) await app.dispose();
});

/** A connect that is refused, not a bind probe: a listener in another network namespace or on another address would fool that. */
function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

describe('the supervisor killed with SIGKILL', () => {
  it('leaves no process behind and frees the web and Temporal ports within 5 s', async () => {
    printLogsOnFailure(() => apps.map((a) => ({ name: 'breachline', logs: a.logs })));
    const app = await startApp();
    apps.push(app);
    const supervisor = app.process.pid;

    // Taken before the kill: an orphan is re-parented to init and no longer shows as a descendant.
    const tree = descendantsOf(supervisor);
    const commands = tree.map(commandOf).join('\n');
    expect(commands).toMatch(/temporal.*server start-dev/);
    expect(commands).toMatch(/bin\/worker\.ts/);
    expect(commands).toMatch(/bin\/web\.ts/);
    const groups = new Set(tree.map(processGroupOf).filter((g): g is number => g !== null));
    groups.delete(processGroupOf(process.pid) ?? -1);
    const ports = [app.ports.web, app.ports.temporal, app.ports.temporalUi];

    const leftovers = () => {
      const alive = [...tree.filter(isAlive), ...membersOfGroups(groups)];
      return [...new Set([...alive, ...alive.flatMap(descendantsOf)])];
    };
    const busyPorts = async () => {
      const busy: number[] = [];
      for (const port of ports) if (!(await refusesConnections(port))) busy.push(port);
      return busy;
    };

    process.kill(supervisor, 'SIGKILL');
    const killedAt = Date.now();
    let left = leftovers();
    let busy = await busyPorts();
    while ((left.length > 0 || busy.length > 0) && Date.now() - killedAt < DEADLINE_MS) {
      await new Promise((r) => setTimeout(r, 100));
      left = leftovers();
      busy = await busyPorts();
    }

    expect(
      left.map((pid) => `${pid} ${commandOf(pid)}`),
      `processes still running ${DEADLINE_MS} ms after the supervisor's death`,
    ).toEqual([]);
    expect(busy, `ports still accepting connections ${DEADLINE_MS} ms after the supervisor's death`).toEqual([]);
  });
});
