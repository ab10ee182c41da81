// What the end-to-end tests share: a small JSON API client, a browser-like session with a cookie
// jar, polling, printing a process's output when a test fails, and the API steps of an incident's life.
import { expect, onTestFailed } from 'vitest';
import { COMPLETE_ORG_PROFILE, TEST_PUBLIC_HEADLINE } from '../support/org-profile';

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  text: string;
  ms: number;
}

export function apiClient(baseUrl: string, token: string) {
  const call = async <T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> => {
    const t0 = Date.now();
    const isText = typeof body === 'string';
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && !isText ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : isText ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('application/json')) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, text, ms: Date.now() - t0 };
  };
  return {
    get: <T = any>(path: string) => call<T>('GET', path),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
    put: <T = any>(path: string, body?: unknown) => call<T>('PUT', path, body),
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

/** Fails with the answer in the message, so a wrong status says why. */
export function expectStatus<T>(answer: ApiAnswer<T>, status: number, what: string): T {
  if (answer.status !== status)
    throw new Error(`${what}: expected ${status}, got ${answer.status}: ${answer.text.slice(0, 1000)}`);
  return answer.body;
}

/** A browser: keeps cookies, follows no redirects on its own, posts urlencoded forms. */
export function browser(baseUrl: string) {
  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const header of res.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(header)) jar.delete(name);
      else jar.set(name, value);
    }
  };
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const request = async (method: string, path: string, form?: Record<string, string | string[]>) => {
    const body =
      form === undefined
        ? undefined
        : new URLSearchParams(
            Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]])),
          );
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      redirect: 'manual',
      headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
      signal: AbortSignal.timeout(60_000),
    });
    remember(res);
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  };
  return {
    cookies: jar,
    get: (path: string) => request('GET', path),
    post: (path: string, form: Record<string, string | string[]>) => request('POST', path, form),
  };
}

/** The value of a hidden input in a page, e.g. `_csrf`. */
export function hiddenField(html: string, name: string): string {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  const value = input && /value="([^"]*)"/.exec(input)?.[1];
  if (value === undefined) throw new Error(`no hidden field "${name}" in the page`);
  return value
    .replace(/&#x3D;/g, '=')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Polls until `check` returns a value other than undefined (or throws on the last try). */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Prints the last lines of each process's output when the current test fails. */
export function printLogsOnFailure(sources: () => { name: string; logs: () => string }[]): void {
  onTestFailed(() => {
    for (const s of sources()) {
      const lines = s.logs().split('\n');
      console.error(`--- last ${Math.min(lines.length, 150)} lines of ${s.name} ---\n${lines.slice(-150).join('\n')}`);
    }
  });
}

export interface Incident {
  id: string;
  stage: string;
  status: string;
  awarenessAt: string | null;
  stateVersion: number;
  obligations: {
    id: string;
    audience: string;
    required: boolean;
    status: string;
    dueAt: string | null;
    regime: string;
  }[];
  timeline: { seq: number; at: string; type: string; actor: string; summary: string }[];
}

export const ASSESSMENT = {
  dataElements: ['email', 'name', 'account_credentials'],
  encrypted: false,
  role: 'controller',
  riskLevel: 'high_risk',
  riskRationale: 'Credentials and contact details were exposed in clear text.',
  affected: { DE: 2, 'US-CA': 1, CN: 1 },
  publicHeadline: TEST_PUBLIC_HEADLINE,
};

/** Approval refuses the built-in example profile: an app that approves saves a complete one first. */
export async function saveCompleteOrgProfile(api: ReturnType<typeof apiClient>): Promise<void> {
  const saved = await api.put('/api/settings/organisation', COMPLETE_ORG_PROFILE);
  if (saved.status !== 200) throw new Error(`organisation profile: ${saved.status} ${saved.text}`);
}

/** Obligations the incident must still settle by a filing before it can close. */
export const openRegulatorObligations = (i: Incident) =>
  i.obligations.filter(
    (o) => o.required && o.audience === 'regulator' && ['pending', 'manual', 'sent'].includes(o.status),
  );

/**
 * The end of an incident through the API, as a DPO does it once the notices have gone: waits for the
 * regulator reports and the notices to people to settle, files every report the portal needs, checks
 * nothing required is still open, sends a supplementary report and waits for it, closes, and fetches the
 * closing report. `api` gives the client for each request (one server, or alternating servers).
 */
export async function fileSupplementAndClose(
  api: () => ApiClient,
  id: string,
  text: { filingReference: string; delayReason: string; supplement: string; close: string },
): Promise<{ report: string; filed: Incident['obligations'] }> {
  const settled = await waitFor(
    // The workflow records a notice obligation as met a moment after the outbox shows the row sent: wait
    // for the individuals' notices too, not only the regulator reports.
    'the regulator reports settled (sent or ready for manual filing) and the notices to people recorded',
    async () => {
      const i = expectStatus(await api().get<Incident>(`/api/incidents/${id}`), 200, 'incident');
      return i.obligations.some(
        (o) => o.required && o.status === 'pending' && (o.audience === 'regulator' || o.audience === 'individuals'),
      )
        ? undefined
        : i;
    },
    60_000,
  );
  const toFile = settled.obligations.filter(
    (o) => o.required && o.audience === 'regulator' && ['pending', 'manual'].includes(o.status),
  );
  expect(toFile.length).toBeGreaterThan(0);
  for (const o of toFile)
    expectStatus(
      await api().post(`/api/incidents/${id}/filings`, {
        obligationId: o.id,
        reference: `PORTAL-${o.regime}-0001 ${text.filingReference}`,
        delayReason: text.delayReason,
      }),
      200,
      `filing ${o.id}`,
    );
  const beforeClose = expectStatus(await api().get<Incident>(`/api/incidents/${id}`), 200, 'incident');
  const stillOpen = beforeClose.obligations.filter(
    (o) => o.required && ['pending', 'held', 'manual'].includes(o.status),
  );
  expect(stillOpen, 'obligations open before close').toEqual([]);
  // A supplementary report (GDPR Art. 33(4)): the update answers, the send follows it.
  expectStatus(
    await api().post(`/api/incidents/${id}/supplements`, { obligationId: toFile[0]!.id, information: text.supplement }),
    200,
    'supplement',
  );
  await waitFor(
    'the supplementary report to be sent or ready',
    async () => {
      const i = expectStatus(await api().get<Incident>(`/api/incidents/${id}`), 200, 'incident');
      return i.timeline.some((t) => /^regulator\.supplement_(sent|ready)$/.test(t.type)) ? i : undefined;
    },
    60_000,
  );
  const closed = expectStatus(
    await api().post<{ stage: string }>(`/api/incidents/${id}/close`, { summary: text.close }),
    200,
    'close',
  );
  expect(closed.stage).toBe('closed');
  const report = await api().get(`/api/incidents/${id}/report`);
  expect(report.status, report.text.slice(0, 500)).toBe(200);
  expect(report.text).toMatch(/\b[0-9a-f]{64}\b/);
  expect(report.text).toContain('incident.closed');
  return { report: report.text, filed: toFile };
}

/**
 * From a confirmed-by-triage incident to approved notices through the API, as a security team and a DPO
 * do it: triage, the people as CSV (all of them must import), the assessment, a recompute of the clocks
 * and the approval of the notices' current version, which the workflow then sends.
 */
export async function scopeAndApprove(
  api: () => ApiClient,
  id: string,
  csv: string,
  text: { triage: string; recompute: string; approval: string },
): Promise<{ noticeVersion: string }> {
  expectStatus(
    await api().post(`/api/incidents/${id}/triage`, { decision: 'confirm', reason: text.triage }),
    200,
    'triage',
  );
  const imported = expectStatus(
    await api().post<{ imported: number; rejected: unknown[] }>(`/api/incidents/${id}/subjects`, csv, {
      'content-type': 'text/csv',
    }),
    200,
    'import',
  );
  expect(imported).toMatchObject({ imported: csv.trim().split('\n').length - 1, rejected: [] });
  expectStatus(await api().post(`/api/incidents/${id}/assessment`, ASSESSMENT), 200, 'assessment');
  expectStatus(await api().post(`/api/incidents/${id}/recompute`, { reason: text.recompute }), 200, 'recompute');
  const { noticeVersion } = expectStatus(
    await api().get<{ noticeVersion: string }>(`/api/incidents/${id}/notices`),
    200,
    'notices',
  );
  expect(noticeVersion).toMatch(/^[0-9a-f]{64}$/);
  expectStatus(
    await api().post(`/api/incidents/${id}/approval`, { noticeVersion, note: text.approval }),
    200,
    'approval',
  );
  return { noticeVersion };
}
