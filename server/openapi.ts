// The API described for machines (OpenAPI 3.1), built from the same zod schemas that
// validate the requests, so the description cannot drift from what the server accepts.
// Served without authentication at /api/openapi.json; `test/server/openapi.test.ts`
// checks that every API, webhook and public route is in it and nothing else.
import { z } from 'zod';
import { factsSchema } from '../rules';
import { accessSchema } from './account-schemas';
import {
  approvalSchema,
  assessmentSchema,
  awarenessSchema,
  closeSchema,
  determinationSchema,
  filingSchema,
  holdSchema,
  incidentSchema,
  notificationsQuerySchema,
  recomputeSchema,
  lettersSchema,
  lettersMailedSchema,
  releaseSchema,
  subjectRowSchema,
  supplementSchema,
  triageSchema,
  triageManySchema,
} from './schemas';
import { orgProfileSchema } from './use-cases/organisation';

type Method = 'get' | 'post' | 'put';

interface Operation {
  method: Method;
  /** OpenAPI style: `{id}` for a path parameter. */
  path: string;
  summary: string;
  /** The permission the route checks; absent for public and signed routes. */
  permission?: string;
  body?: z.ZodType;
  /** Media type of the body when not JSON. */
  bodyType?: string;
  query?: z.ZodType;
  /** Success status and what it returns. */
  ok: { status: number; description: string; type?: string };
  /** Error statuses beyond the ones every authenticated route has. */
  errors?: number[];
  security?: 'bearer' | 'none' | 'signature';
}

const ERROR_TEXT: Record<number, string> = {
  400: 'The request is not valid: `error` says why and `field` names the field.',
  401: 'No valid bearer token.',
  403: 'The token’s user lacks the permission this route needs.',
  404: 'No such incident, or one restricted to members the user is not one of.',
  409: 'The incident’s state does not allow this now (the error says why).',
  413: 'The body is too large.',
  415: 'The body’s media type is not accepted.',
  429: 'Too many requests: retry after the time in the RateLimit headers.',
  503: 'The workflow did not answer in time; the same request with the same Idempotency-Key is recorded once.',
};

const INCIDENT_STEPS: [string, string, string, z.ZodType][] = [
  ['triage', 'incident.triage', 'Confirm the incident as a personal-data breach, or dismiss it', triageSchema],
  ['awareness', 'awareness.change', 'Correct when the organisation became aware', awarenessSchema],
  ['determinations', 'awareness.change', 'Record a determination that starts a legal clock', determinationSchema],
  ['assessment', 'incident.assess', 'Save the scope assessment', assessmentSchema],
  ['hold', 'hold.place', 'Place a notification hold (law enforcement or company)', holdSchema],
  ['hold/release', 'hold.release', 'Release the hold in force', releaseSchema],
  ['approval', 'notices.approve', 'Approve exactly the notice version shown', approvalSchema],
  ['filings', 'filing.record', 'Record a filing with a regulator', filingSchema],
  ['supplements', 'report.supplement', 'Send the regulator further information', supplementSchema],
  ['close', 'incident.close', 'Close the incident and write the report', closeSchema],
  ['recompute', 'incident.recompute', 'Apply a newer rules catalog', recomputeSchema],
];

export const OPERATIONS: readonly Operation[] = [
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This description',
    ok: { status: 200, description: 'OpenAPI 3.1 document' },
    security: 'none',
  },
  {
    method: 'get',
    path: '/api/intake',
    summary:
      'The alert intake buffer: alerts committed but not yet delivered to their workflows, and the forwarding lag',
    permission: 'webhooks.manage',
    ok: { status: 200, description: 'Backlog depth, its limit and the age of the oldest waiting alert' },
  },
  {
    method: 'post',
    path: '/api/incidents',
    summary: 'Open an incident',
    permission: 'incident.open',
    body: incidentSchema,
    ok: { status: 201, description: 'The new incident’s id' },
  },
  {
    method: 'get',
    path: '/api/incidents',
    summary: 'List the incidents the user may see',
    permission: 'incident.read',
    query: z.object({ status: z.enum(['open', 'closed', 'dismissed']).optional(), q: z.string().max(200).optional() }),
    ok: { status: 200, description: 'Incidents, newest first' },
  },
  {
    method: 'get',
    path: '/api/incidents/{id}',
    summary: 'An incident: facts, obligations with deadlines, holds, waves, counts and timeline',
    permission: 'incident.read',
    ok: { status: 200, description: 'The incident' },
  },
  {
    method: 'post',
    path: '/api/incidents/triage',
    summary:
      'Confirm or dismiss many incidents at once (an alert storm’s), each as its own triage step; incidents the user may not see, or no longer in triage, are refused one by one',
    permission: 'incident.triage',
    body: triageManySchema,
    ok: { status: 200, description: 'How many were triaged and refused, and each incident’s outcome' },
  },
  ...INCIDENT_STEPS.map(([step, permission, summary, body]): Operation => ({
    method: 'post',
    path: `/api/incidents/{id}/${step}`,
    summary,
    permission,
    body,
    ok: { status: 200, description: 'The incident’s stage and state version after the step' },
    errors: [409, 503],
  })),
  {
    method: 'post',
    path: '/api/incidents/{id}/subjects',
    summary: 'Import affected people (CSV with a header row, or a JSON array); people already imported are skipped',
    permission: 'subjects.import',
    body: z.array(subjectRowSchema),
    bodyType: 'application/json',
    ok: {
      status: 200,
      description: 'Imported, duplicates, rejected rows with reasons, and how people will be reached',
    },
    errors: [409, 413, 415, 503],
  },
  {
    method: 'get',
    path: '/api/incidents/{id}/notices',
    summary: 'The notices rendered for the current facts, per audience, locale and channel',
    permission: 'incident.read',
    ok: { status: 200, description: 'Notice version and notices' },
  },
  {
    method: 'get',
    path: '/api/incidents/{id}/notifications',
    summary: 'Delivery records per person (contact data)',
    permission: 'contacts.read',
    query: notificationsQuerySchema,
    ok: { status: 200, description: 'Delivery records' },
  },
  {
    method: 'post',
    path: '/api/incidents/{id}/letters',
    summary:
      'Prepare letters (PDF batches of up to 5,000 with a manifest CSV) for the people whose legal notice is not met and whose law counts a letter',
    permission: 'letters.send',
    body: lettersSchema,
    ok: {
      status: 200,
      description: 'The new batches, how many people needed a letter and how many have no postal address',
    },
    errors: [409],
  },
  {
    method: 'get',
    path: '/api/incidents/{id}/agency-documents',
    summary:
      'Where a notice to the consumer reporting agencies or the media is required: a letter to each nationwide agency and a statement for the media, as HTML, with their obligations (record the sending as a filing)',
    permission: 'incident.read',
    ok: { status: 200, description: 'Documents per audience' },
  },
  {
    method: 'get',
    path: '/api/incidents/{id}/letters',
    summary: 'The letter batches and how many people needing a letter have no postal address',
    permission: 'letters.send',
    ok: { status: 200, description: 'Letter batches' },
  },
  {
    method: 'post',
    path: '/api/incidents/{id}/letters/mailed',
    summary: 'Record the day a letter batch was posted: its letters count as sent from that day',
    permission: 'letters.send',
    body: lettersMailedSchema,
    ok: { status: 200, description: 'The batch' },
    errors: [409],
  },
  {
    method: 'get',
    path: '/api/incidents/{id}/notifications.csv',
    summary: 'Delivery records per person as CSV (contact data)',
    permission: 'contacts.read',
    ok: { status: 200, description: 'CSV', type: 'text/csv' },
  },
  {
    method: 'get',
    path: '/api/incidents/{id}/report',
    summary: 'The post-incident report (HTML), once closed',
    permission: 'incident.read',
    ok: { status: 200, description: 'The report', type: 'text/html' },
  },
  {
    method: 'post',
    path: '/api/obligations/preview',
    summary: 'Who must be told by when for a set of facts, without an incident (the rules engine)',
    permission: 'incident.read',
    body: factsSchema,
    ok: { status: 200, description: 'Obligations with deadlines, basis and reasons' },
  },
  {
    method: 'get',
    path: '/api/settings/organisation',
    summary: 'The organisation profile notices are sent in the name of',
    permission: 'incident.read',
    ok: { status: 200, description: 'The profile' },
  },
  {
    method: 'put',
    path: '/api/settings/organisation',
    summary: 'Change the organisation profile',
    permission: 'settings.manage',
    body: orgProfileSchema,
    ok: { status: 200, description: 'The profile as saved' },
  },
  {
    method: 'put',
    path: '/api/incidents/{id}/access',
    summary: 'Restrict an incident to named members, or open it to every role again',
    permission: 'incident.restrict',
    body: accessSchema,
    ok: { status: 200, description: 'The incident’s access' },
  },
  {
    method: 'post',
    path: '/webhooks/alerts/{source}',
    summary:
      'An alert from a monitoring tool: authenticated per source (our timestamped HMAC, a bearer token, basic auth or the tool’s own signature) and read in the source’s format',
    bodyType: 'application/json',
    ok: {
      status: 202,
      description:
        'The alert is committed (alertId) and will reach the incident it joined or opened (incidentId), or why it was ignored; 503 with Retry-After when the intake backlog is over its limit or the source over its rate',
    },
    errors: [400, 401, 413, 429, 503],
    security: 'signature',
  },
  {
    method: 'post',
    path: '/webhooks/sendgrid/events',
    summary: 'SendGrid event webhook (signed with SendGrid’s ECDSA key)',
    bodyType: 'application/json',
    ok: { status: 200, description: 'Events recorded' },
    errors: [400, 401, 404],
    security: 'signature',
  },
  {
    method: 'post',
    path: '/webhooks/twilio/status',
    summary: 'Twilio status callback (signed with the auth token)',
    bodyType: 'application/x-www-form-urlencoded',
    ok: { status: 200, description: 'Status recorded' },
    errors: [400, 401, 404],
    security: 'signature',
  },
  {
    method: 'post',
    path: '/webhooks/twilio/calls',
    summary:
      'Twilio status callback for a telephone call: its final status and who answered (signed with the auth token)',
    bodyType: 'application/x-www-form-urlencoded',
    ok: { status: 200, description: 'Outcome recorded' },
    errors: [400, 401, 404],
    security: 'signature',
  },
  {
    method: 'get',
    path: '/public/notices/{id}',
    summary: 'The published public notice of an incident, in the reader’s language',
    ok: { status: 200, description: 'The notice', type: 'text/html' },
    errors: [404],
    security: 'none',
  },
  {
    method: 'get',
    path: '/public/notices/{id}/versions/{version}',
    summary: 'One version of the public notice, kept at its own address (an older one says it is superseded)',
    ok: { status: 200, description: 'The notice', type: 'text/html' },
    errors: [404],
    security: 'none',
  },
  {
    method: 'get',
    path: '/public/notices/{id}/export',
    summary: 'The public notice as static HTML for the organisation’s own website',
    ok: { status: 200, description: 'The notice', type: 'text/html' },
    errors: [404],
    security: 'none',
  },
];

const ERROR_BODY = {
  type: 'object',
  properties: { error: { type: 'string' }, field: { type: ['string', 'null'] } },
  required: ['error'],
} as const;

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  // Input side: what a client sends (defaults optional, before transforms).
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

function queryParameters(schema: z.ZodType): Record<string, unknown>[] {
  const json = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: (json.required ?? []).includes(name),
    schema: s,
  }));
}

const operationId = (op: Operation) =>
  `${op.method}${op.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string) => (c ?? '').toUpperCase())}`;

/** From a new incident to every operation on it, so a client (or a fuzzer) can follow the id it was given. */
function incidentLinks(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const op of OPERATIONS)
    if (op.path.startsWith('/api/incidents/{id}'))
      out[operationId(op)] = { operationId: operationId(op), parameters: { id: '$response.body#/id' } };
  return out;
}

function operationObject(op: Operation): Record<string, unknown> {
  const params: Record<string, unknown>[] = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: m[1] === 'id' ? { type: 'string', pattern: '^[0-9A-HJKMNP-TV-Z]{26}$' } : { type: 'string' },
  }));
  if (op.query) params.push(...queryParameters(op.query));
  if (op.method === 'post' && op.path.startsWith('/api/incidents'))
    params.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'A retried request with the same key is recorded once and answered the same.',
      schema: { type: 'string', maxLength: 200 },
    });
  const security = op.security ?? 'bearer';
  const errors = new Set<number>(op.errors ?? []);
  if (security === 'bearer') for (const s of [401, 403, 429]) errors.add(s);
  if (op.body || op.query) errors.add(400);
  if (op.path.includes('{id}')) errors.add(404);
  const responses: Record<string, unknown> = {
    [op.ok.status]: {
      description: op.ok.description,
      content: { [op.ok.type ?? 'application/json']: { schema: op.ok.type ? { type: 'string' } : {} } },
      ...(op.method === 'post' && op.path === '/api/incidents' && { links: incidentLinks() }),
    },
  };
  for (const s of [...errors].sort()) {
    responses[s] = {
      description: ERROR_TEXT[s] ?? 'Refused',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
  }
  return {
    summary: op.summary,
    operationId: operationId(op),
    ...(op.permission && { description: `Needs the \`${op.permission}\` permission.` }),
    ...(params.length && { parameters: params }),
    ...(op.body && {
      requestBody: {
        required: true,
        content: {
          [op.bodyType ?? 'application/json']: { schema: jsonSchema(op.body) },
          ...(op.path.endsWith('/subjects') && {
            'text/csv': {
              schema: {
                type: 'string',
                description:
                  'name,email,phone,jurisdiction,locale; optionally phoneType (mobile|landline),callConsent (true|false)',
              },
            },
          }),
        },
      },
    }),
    ...(!op.body && op.bodyType && { requestBody: { required: true, content: { [op.bodyType]: { schema: {} } } } }),
    security: security === 'bearer' ? [{ bearer: [] }] : [],
    responses,
  };
}

let cached: Record<string, unknown> | null = null;

export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  cached = {
    openapi: '3.1.0',
    info: {
      title: 'Breachline API',
      version: '1',
      description:
        'Breach incident response: incidents, their legal obligations and deadlines, holds, approvals, notices, filings. Bearer tokens are created under Settings → API tokens.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: { Error: ERROR_BODY },
    },
    paths,
  };
  return cached;
}
