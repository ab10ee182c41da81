// Any other tool's JSON, read through a declarative mapping configured on the source:
// a path for each field we need and value maps for severity and status. A mapping is
// data only; no code is evaluated and no pattern is compiled from it.
import { z } from 'zod';
import { SEVERITIES } from '../../../workflows/types';
import type { AlertAction, NormalizedAlert } from '../normalized-alert';
import { accepted, rejected, type Adapter } from './adapter';
import { parseJsonPath, readJsonPath, type JsonPath } from './json-path';
import { readSeverityWord } from './severity';

const ACTIONS = ['trigger', 'acknowledge', 'resolve'] as const;

const jsonPath = z.string().transform((text, ctx): JsonPath => {
  const parsed = parseJsonPath(text);
  if (parsed.ok) return parsed.path;
  ctx.addIssue({ code: 'custom', message: parsed.error });
  return z.NEVER;
});

export const jsonMappingSchema = z
  .object({
    /** Where the list of alerts is, for a payload that carries many; the other paths then start at each item. */
    alerts: jsonPath.optional(),
    title: jsonPath,
    dedupKey: jsonPath,
    severity: z
      .object({
        path: jsonPath,
        map: z.record(z.string(), z.enum(SEVERITIES)).default({}),
        default: z.enum(SEVERITIES).default('high'),
      })
      .strict()
      .optional(),
    action: z
      .object({
        path: jsonPath,
        map: z.record(z.string(), z.enum(ACTIONS)).default({}),
        default: z.enum(ACTIONS).default('trigger'),
      })
      .strict()
      .optional(),
    link: jsonPath.optional(),
    eventId: jsonPath.optional(),
  })
  .strict();

export type JsonMappingConfig = z.input<typeof jsonMappingSchema>;
export type JsonMapping = z.output<typeof jsonMappingSchema>;

export interface JsonMappingOptions {
  mapping?: JsonMapping;
}

export type JsonMappingParse = { ok: true; mapping: JsonMapping } | { ok: false; field: string; error: string };

/** A source's mapping as configured, checked once when the source is saved or the app starts. */
export function parseJsonMapping(config: unknown): JsonMappingParse {
  const r = jsonMappingSchema.safeParse(config);
  if (r.success) return { ok: true, mapping: r.data };
  const issue = r.error.issues[0]!;
  return { ok: false, field: ['mapping', ...issue.path.map(String)].join('.'), error: issue.message };
}

/** A mapped value as text: JSON numbers and booleans are written out, objects and lists are refused. */
function textAt(root: unknown, path: JsonPath): string | undefined | { error: string } {
  const value = readJsonPath(root, path);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return { error: 'expected text or a number, found an object or list' };
}

type One = { ok: true; alert: NormalizedAlert } | { ok: false; field: string; error: string };

/** `where` is the path of the item being read ('' for the whole body); a field is named from the body's root. */
function mapOne(item: unknown, m: JsonMapping, where: string): One {
  const fieldOf = (path: JsonPath) => (where ? `${where}${path.text.slice(1)}` : path.text);
  const read = (path: JsonPath, required: boolean): string | undefined | { field: string; error: string } => {
    const v = textAt(item, path);
    const field = fieldOf(path);
    if (typeof v === 'object') return { field, error: v.error };
    if (v === undefined && required) return { field, error: 'required: the mapped path found no value' };
    return v;
  };
  const title = read(m.title, true);
  if (typeof title === 'object') return { ok: false, ...title };
  const dedupKey = read(m.dedupKey, true);
  if (typeof dedupKey === 'object') return { ok: false, ...dedupKey };
  if (dedupKey!.length > 255) return { ok: false, field: fieldOf(m.dedupKey), error: 'at most 255 characters' };

  let action: AlertAction = m.action?.default ?? 'trigger';
  if (m.action) {
    const raw = read(m.action.path, false);
    if (typeof raw === 'object') return { ok: false, ...raw };
    if (raw !== undefined) {
      const mapped = m.action.map[raw] ?? (ACTIONS as readonly string[]).find((a) => a === raw);
      // A status we cannot read must not quietly open or close an incident. The value
      // itself stays out of the answer, which the error handler logs.
      if (!mapped) return { ok: false, field: fieldOf(m.action.path), error: 'the value is not in the action map' };
      action = mapped as AlertAction;
    }
  }

  let severity = m.severity?.default ?? 'high';
  if (m.severity) {
    const raw = read(m.severity.path, false);
    if (typeof raw === 'object') return { ok: false, ...raw };
    if (raw !== undefined) severity = m.severity.map[raw] ?? readSeverityWord(raw) ?? severity;
  }

  const optional = (path: JsonPath | undefined): string | undefined => {
    if (!path) return undefined;
    const v = read(path, false);
    return typeof v === 'string' ? v : undefined;
  };
  return {
    ok: true,
    alert: {
      format: 'json-mapping',
      dedupKey: dedupKey!,
      action,
      summary: title!.slice(0, 1024),
      severity,
      eventId: optional(m.eventId),
      link: optional(m.link),
    },
  };
}

export const adaptJsonMapping: Adapter<JsonMappingOptions> = (body, options) => {
  const m = options?.mapping;
  if (!m) return rejected('mapping', 'this source has no field mapping configured');
  if (!m.alerts) {
    const one = mapOne(body, m, '');
    return one.ok ? accepted([one.alert]) : rejected(one.field, one.error);
  }
  const items = readJsonPath(body, m.alerts);
  if (!Array.isArray(items) || items.length === 0)
    return rejected(m.alerts.text, 'expected a non-empty list of alerts');
  const alerts: NormalizedAlert[] = [];
  for (const [i, item] of items.entries()) {
    const one = mapOne(item, m, `${m.alerts.text}[${i}]`);
    if (!one.ok) return rejected(one.field, one.error);
    alerts.push(one.alert);
  }
  return accepted(alerts);
};
