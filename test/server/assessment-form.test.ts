// The re-assess form shows what was saved (issue 15): a careless save must not downgrade the
// risk to the form's default or wipe the rationale, the counts and the notice text. After a
// refused save it shows what the person typed instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiddenField } from '../e2e/helpers';
import {
  assessmentBody,
  createTestUser,
  incidentBody,
  logInForm,
  openAndConfirm,
  startHarness,
  type Harness,
} from '../support/app-harness';

let h: Harness;
let web: Awaited<ReturnType<typeof logInForm>>;

beforeAll(async () => {
  h = await startHarness();
  const u = await createTestUser(h, { email: 'reassess.responder@example.org', role: 'responder' });
  web = await logInForm(h, u.email, u.password);
});
afterAll(async () => {
  await h?.close();
});

/** A textarea's text as the browser shows it (Handlebars escapes =, ` and ' too). */
const textarea = (html: string, id: string) => {
  const raw = new RegExp(`<textarea id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1];
  if (raw === undefined) return null;
  const entities: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    '#x27': "'",
    '#x3D': '=',
    '#x60': '`',
  };
  return raw.replace(/&(amp|lt|gt|quot|#x27|#x3D|#x60);/g, (_m, e: string) => entities[e]!);
};
const selected = (html: string, id: string) =>
  new RegExp(`<select id="${id}"[^>]*>[\\s\\S]*?<option value="([^"]+)" selected`).exec(html)?.[1] ?? null;

/** The data elements ticked in the assessment form, in the form's order. */
const checkedElements = (html: string) =>
  [...html.matchAll(/name="dataElements" value="([a-z_]+)" checked/g)].map((m) => m[1]);

describe('the re-assess form', () => {
  it('is filled in from the saved assessment', async () => {
    const id = await openAndConfirm(h);
    const saved = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({
        riskLevel: 'high_risk',
        riskRationale: 'Unsalted hashes & reused passwords',
        affected: { DE: 1200, 'US-CA': 600 },
        sectors: ['hipaa'],
        channelPolicy: 'both',
        narrative: { whatHappened: 'A copy of the customer database was taken <on 3 March>.' },
      }),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const room = await web.get(`/incidents/${id}`);
    expect(selected(room.html, 'riskLevel')).toBe('high_risk');
    expect(textarea(room.html, 'riskRationale')).toBe('Unsalted hashes & reused passwords');
    expect(textarea(room.html, 'affected')).toBe('DE=1200\nUS-CA=600');
    expect(selected(room.html, 'channelPolicy')).toBe('both');
    expect(room.html).toMatch(/name="sectors" value="hipaa" checked/);
    expect(textarea(room.html, 'whatHappened')).toBe('A copy of the customer database was taken <on 3 March>.');
    // Escaped in the page, never markup.
    expect(room.html).not.toContain('<on 3 March>');
  });

  it('after a refused save shows what was typed, not the saved values', async () => {
    const id = await openAndConfirm(h);
    await h.api('POST', `/api/incidents/${id}/assessment`, assessmentBody());
    const room = await web.get(`/incidents/${id}`);
    const res = await web.post(`/incidents/${id}/assessment`, {
      _csrf: hiddenField(room.html, '_csrf'),
      idempotencyKey: 'reassess-refused-0001',
      role: 'controller',
      riskLevel: 'none',
      riskRationale: 'Turned out to be test data',
      affected: 'DE twelve hundred',
      channelPolicy: 'email',
    });
    expect(res.status).toBe(303);
    const again = await web.get(`/incidents/${id}`);
    expect(again.html).toMatch(/DE twelve hundred|CODE=NUMBER/);
    expect(textarea(again.html, 'affected')).toBe('DE twelve hundred');
    expect(textarea(again.html, 'riskRationale')).toBe('Turned out to be test data');
    expect(selected(again.html, 'riskLevel')).toBe('none');
  });

  it("ticks the first assessment's data elements from the categories chosen when the incident was opened", async () => {
    const created = await h.api('POST', '/api/incidents', incidentBody({ dataCategories: ['name', 'passport'] }));
    const id = created.body.id as string;
    await h.api(`POST`, `/api/incidents/${id}/triage`, { decision: 'confirm', reason: 'Passport scans on a share' });
    const room = await web.get(`/incidents/${id}`);
    expect(checkedElements(room.html)).toEqual(['name', 'passport']);
  });

  it('after a refused save keeps the ticked data elements, and after a good save shows the saved ones', async () => {
    const id = await openAndConfirm(h);
    await h.api('POST', `/api/incidents/${id}/assessment`, assessmentBody({ dataElements: ['name', 'email'] }));
    const room = await web.get(`/incidents/${id}`);
    expect(checkedElements(room.html)).toEqual(['name', 'email']);
    await web.post(`/incidents/${id}/assessment`, {
      _csrf: hiddenField(room.html, '_csrf'),
      idempotencyKey: 'reassess-refused-0002',
      dataElements: ['name', 'health'],
      role: 'controller',
      riskLevel: 'high_risk',
      riskRationale: 'Clinic records',
      affected: 'nonsense',
      channelPolicy: 'email',
    });
    expect(checkedElements((await web.get(`/incidents/${id}`)).html)).toEqual(['name', 'health']);
  });

  it('after an approval, a change to the notice text is shown word by word and saved only with a reason', async () => {
    const id = await openAndConfirm(h);
    const narrative = { whatHappened: 'A forwarding rule sent customer emails to an outside address.' };
    await h.api('POST', `/api/incidents/${id}/assessment`, assessmentBody({ narrative }));
    const version = (await h.api('GET', `/api/incidents/${id}/notices`)).body.noticeVersion as string;
    const approved = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion: version });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);

    const form = async (over: Record<string, string>) => {
      const room = await web.get(`/incidents/${id}`);
      return web.post(`/incidents/${id}/assessment`, {
        _csrf: hiddenField(room.html, '_csrf'),
        idempotencyKey: `text-change-${Math.random().toString(36).slice(2)}`,
        dataElements: ['name', 'email', 'account_credentials'],
        role: 'controller',
        riskLevel: 'high_risk',
        riskRationale: 'Passwords were stored with a weak hash.',
        affected: 'DE=1200\nUS-CA=600',
        channelPolicy: 'sms_fallback',
        publicHeadline:
          textarea(room.html, 'publicHeadline') ?? /id="publicHeadline"[^>]*value="([^"]*)"/.exec(room.html)![1]!,
        whatHappened: narrative.whatHappened,
        ...over,
      });
    };
    // The same words need no reason.
    expect((await form({})).status).toBe(303);
    expect((await web.get(`/incidents/${id}`)).html).not.toContain('data-text-change');

    await form({ whatHappened: 'A forwarding rule sent order emails to an outside address.' });
    const refused = await web.get(`/incidents/${id}`);
    expect(refused.html).toMatch(/<ins>\s*order\s*<\/ins>/);
    expect(refused.html).toContain('data-text-change');
    expect(refused.html).toContain('changeReason-error');
    // Nothing was saved: the approved words stand.
    expect(textarea((await web.get(`/incidents/${id}`)).html, 'whatHappened')).toBe(narrative.whatHappened);

    await form({
      whatHappened: 'A forwarding rule sent order emails to an outside address.',
      changeReason: 'The support team found order numbers in the forwarded emails',
    });
    const saved = await web.get(`/incidents/${id}`);
    expect(textarea(saved.html, 'whatHappened')).toBe('A forwarding rule sent order emails to an outside address.');
    const timeline = (await h.api('GET', `/api/incidents/${id}`)).body.timeline as { type: string; summary: string }[];
    expect(timeline.find((e) => e.type === 'assessment.text_changed')?.summary).toBe(
      'Approved notice text changed: What happened',
    );
  });

  it('records the offer of identity-protection services from the API and the form, and refuses a non-boolean', async () => {
    const id = await openAndConfirm(h);
    const bad = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ identityProtectionOffered: 'yes' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('identityProtectionOffered');
    const offered = /name="identityProtectionOffered" checked/;

    const saved = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ identityProtectionOffered: true }),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const room = await web.get(`/incidents/${id}`);
    expect(room.html).toMatch(offered);

    // Saved from the form without the box ticked: no offer.
    const res = await web.post(`/incidents/${id}/assessment`, {
      _csrf: hiddenField(room.html, '_csrf'),
      idempotencyKey: 'reassess-offer-0001',
      dataElements: ['name', 'national_id'],
      role: 'controller',
      riskLevel: 'high_risk',
      riskRationale: 'Social Security numbers exposed',
      affected: 'US-CA=10',
      channelPolicy: 'email',
    });
    expect(res.status).toBe(303);
    expect((await web.get(`/incidents/${id}`)).html).not.toMatch(offered);
  });
});
