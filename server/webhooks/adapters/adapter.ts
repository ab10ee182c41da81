// What an adapter is, and the two ways it says no: a schema issue or a named field.
import type { z } from 'zod';
import type { AdapterOutcome, NormalizedAlert } from '../normalized-alert';

/** A pure function from a parsed JSON body (and the source's options) to alerts. */
export type Adapter<Options extends object = object> = (body: unknown, options?: Options) => AdapterOutcome;

export function accepted(alerts: NormalizedAlert[]): AdapterOutcome {
  return { ok: true, alerts };
}

export function rejected(field: string, error: string): AdapterOutcome {
  return { ok: false, field, error };
}

/** The first schema issue, with its path as the field, so the sender learns which field to fix. */
export function rejectedBySchema(error: z.ZodError): AdapterOutcome {
  const issue = error.issues[0]!;
  return rejected(issue.path.map(String).join('.') || 'body', issue.message);
}

/** Tools send "" for a link they do not have; that is no link. */
export function firstPresent(...values: (string | null | undefined)[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v.trim() !== '');
}
