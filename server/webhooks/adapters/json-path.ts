// The small JSON path language a mapped source is configured with: `$`, then `.name`,
// `['name']` or `[index]` steps. Nothing else: no filters, wildcards or expressions,
// so a source's configuration can only ever read a value, never run anything.

export type PathStep = { name: string } | { index: number };

export interface JsonPath {
  text: string;
  steps: PathStep[];
}

export type JsonPathParse = { ok: true; path: JsonPath } | { ok: false; error: string };

const MAX_LENGTH = 256;
const MAX_STEPS = 32;
const NAME_START = /[A-Za-z_]/;
const NAME_PART = /[A-Za-z0-9_-]/;
const EXAMPLE = "e.g. $.alert.title, $.items[0].id or $.labels['app.kubernetes.io/name']";

export function parseJsonPath(text: string): JsonPathParse {
  const fail = (error: string): JsonPathParse => ({ ok: false, error: `${error} (${EXAMPLE})` });
  if (text.length > MAX_LENGTH) return fail(`a path is at most ${MAX_LENGTH} characters`);
  if (!text.startsWith('$')) return fail('a path starts with $');
  const steps: PathStep[] = [];
  let i = 1;
  while (i < text.length) {
    if (steps.length === MAX_STEPS) return fail(`a path has at most ${MAX_STEPS} steps`);
    const c = text[i]!;
    if (c === '.') {
      let end = i + 1;
      if (!NAME_START.test(text[end] ?? '')) return fail(`expected a name after "." at character ${end + 1}`);
      while (end < text.length && NAME_PART.test(text[end]!)) end++;
      steps.push({ name: text.slice(i + 1, end) });
      i = end;
    } else if (c === '[') {
      const quote = text[i + 1];
      if (quote === "'" || quote === '"') {
        const close = text.indexOf(quote, i + 2);
        if (close === -1 || text[close + 1] !== ']') return fail(`unclosed ${quote} at character ${i + 2}`);
        steps.push({ name: text.slice(i + 2, close) });
        i = close + 2;
      } else {
        const close = text.indexOf(']', i);
        const digits = close === -1 ? '' : text.slice(i + 1, close);
        if (!/^\d{1,6}$/.test(digits))
          return fail(`expected an index or a quoted name inside [ ] at character ${i + 1}`);
        steps.push({ index: Number(digits) });
        i = close + 1;
      }
    } else {
      return fail(`unexpected "${c}" at character ${i + 1}`);
    }
  }
  return { ok: true, path: { text, steps } };
}

/** The value at `path` in `root`, or undefined where any step finds nothing. */
export function readJsonPath(root: unknown, path: JsonPath): unknown {
  let at: unknown = root;
  for (const step of path.steps) {
    if ('index' in step) {
      if (!Array.isArray(at)) return undefined;
      at = at[step.index];
    } else {
      // Own properties only: a path must not reach __proto__ or constructor.
      if (!at || typeof at !== 'object' || Array.isArray(at) || !Object.hasOwn(at, step.name)) return undefined;
      at = (at as Record<string, unknown>)[step.name];
    }
  }
  return at;
}
