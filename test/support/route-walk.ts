// Every method and path the real app answers, read from Express's router, so a test
// about all routes covers a route added later without being edited.
import type { Express } from 'express';

export interface RouteInfo {
  method: string;
  path: string;
}

type Layer = {
  route?: { path: string; methods: Record<string, boolean> };
  name: string;
  handle: { stack?: Layer[] };
  rawPath: unknown;
};

/** Every method+path the app answers; a mounted router's layer keeps its mount path in `rawPath` (Express 5's router). */
export function routesOf(app: Express): RouteInfo[] {
  const out: RouteInfo[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods))
          out.push({ method: m.toUpperCase(), path: prefix + layer.route.path });
      } else if (layer.name === 'router' && layer.handle.stack) {
        if (typeof layer.rawPath !== 'string')
          throw new Error(`router mounted at ${String(layer.rawPath)}: teach this test that kind of mount path`);
        walk(layer.handle.stack, prefix + (layer.rawPath === '/' ? '' : layer.rawPath));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}
