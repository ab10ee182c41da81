// The public headline per language (issue 14): saved per locale from the API and the form, carried by
// each language's notices, and approved under the same rule as the narrative: a language in use without
// a headline of its own, where one was written in another than English, is refused until it has one or
// the approver chooses its built-in headline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentBody,
  createTestUser,
  eventually,
  logInForm,
  openAndConfirm,
  startHarness,
  type Harness,
} from '../support/app-harness';
import { hiddenField } from '../e2e/helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const EN = 'Your account details may have been exposed';
const DE = 'Ihre Kontodaten könnten offengelegt worden sein';
const JA = 'お客様のアカウント情報が漏えいした可能性があります';
const KO_BUILT_IN = '데이터 보안 사고에 관한 안내';
const DE_BUILT_IN = 'Informationen zu einem Datensicherheitsvorfall';

type Notice = { audience: string; locale: string; channel: string; html: string | null; text: string };
type Notices = {
  noticeVersion: string;
  notices: Notice[];
  languages: { locale: string; headline: { text: string; builtIn: boolean } | null }[];
};
const noticesOf = (id: string, check: (n: Notices) => boolean) =>
  eventually(
    async () => (await h.api('GET', `/api/incidents/${id}/notices`)).body as Notices,
    (n) => typeof n.noticeVersion === 'string' && check(n),
  );
const emailIn = (n: Notices, locale: string) =>
  n.notices.find((x) => x.audience === 'individuals' && x.locale === locale && x.channel === 'email')!;
const heading = (html: string | null) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html ?? '')?.[1];

async function withPeople(locales: string[]): Promise<string> {
  const id = await openAndConfirm(h);
  const csv =
    'name,email,phone,jurisdiction,locale\n' +
    locales.map((l, i) => `Person ${i},p${i}.${id}@example.org,,DE,${l}`).join('\n') +
    '\n';
  expect((await h.api('POST', `/api/incidents/${id}/subjects`, csv, { 'content-type': 'text/csv' })).status).toBe(200);
  return id;
}

describe('the public headline per language', () => {
  it('puts each language’s headline in its notices, the built-in one where none was written, and approves once that is chosen', async () => {
    const id = await withPeople(['en', 'de', 'ja', 'ko']);
    const saved = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ affected: { DE: 4 }, publicHeadline: EN, publicHeadlines: { de: DE, ja: JA } }),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const n = await noticesOf(
      id,
      (x) => x.notices.some((y) => y.locale === 'ko') && heading(emailIn(x, 'de')?.html) === DE,
    );
    expect(heading(emailIn(n, 'en').html)).toBe(EN);
    expect(heading(emailIn(n, 'ja').html)).toBe(JA);
    expect(heading(emailIn(n, 'ko').html)).toBe(KO_BUILT_IN);
    for (const locale of ['de', 'ja', 'ko']) expect(emailIn(n, locale).text, locale).not.toContain(EN);
    expect(n.languages.map((l) => [l.locale, l.headline])).toEqual([
      ['en', { text: EN, builtIn: false }],
      ['de', { text: DE, builtIn: false }],
      ['ja', { text: JA, builtIn: false }],
      ['ko', { text: KO_BUILT_IN, builtIn: true }],
    ]);

    const refused = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion: n.noticeVersion });
    expect(refused.status).toBe(409);
    expect(refused.body.field).toBe('builtInTextLocales');
    expect(refused.body.error).toMatch(
      /free text is missing in ko: ko \(Korean\) lacks Public headline, written in de/,
    );

    const approved = await h.api('POST', `/api/incidents/${id}/approval`, {
      noticeVersion: n.noticeVersion,
      builtInTextLocales: ['ko'],
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const audit = await h.db.get<{ details_json: string }>(
      "SELECT details_json FROM audit_log WHERE incident_id = ? AND type = 'notices.approved'",
      [id],
    );
    expect(JSON.parse(audit!.details_json).builtInTextLocales).toEqual(['ko']);

    // The re-assess form shows each language's headline in its section; changing an approved one needs a reason.
    const approver = await createTestUser(h, { email: 'hanna.headlines@example.org', role: 'admin' });
    const web = await logInForm(h, approver.email, approver.password);
    const room = (await web.get(`/incidents/${id}`)).html;
    expect(room).toContain(
      `<input id="publicHeadline-de" name="publicHeadline:de" lang="de" maxlength="120" value="${DE}">`,
    );
    expect(room).toContain(
      '<input id="publicHeadline-ko" name="publicHeadline:ko" lang="ko" maxlength="120" value="">',
    );
    const form = (over: Record<string, string>) =>
      web.post(`/incidents/${id}/assessment`, {
        _csrf: hiddenField(room, '_csrf'),
        idempotencyKey: `headline-form-${Math.random().toString(36).slice(2)}`,
        dataElements: ['name', 'email', 'account_credentials'],
        role: 'controller',
        riskLevel: 'high_risk',
        riskRationale: 'Passwords were stored with a weak hash.',
        affected: 'DE=4',
        channelPolicy: 'sms_fallback',
        publicHeadline: EN,
        'publicHeadline:de': DE,
        'publicHeadline:ja': JA,
        ...over,
      });
    const NEW_DE = 'Ihre Kontodaten wurden möglicherweise offengelegt';
    expect((await form({ 'publicHeadline:de': NEW_DE })).status).toBe(303);
    const asked = (await web.get(`/incidents/${id}`)).html;
    expect(asked).toContain('data-text-change');
    expect(asked).toContain('<strong>Public headline (de):</strong>');
    expect((await form({ 'publicHeadline:de': NEW_DE, changeReason: 'Clearer German wording' })).status).toBe(303);
    await noticesOf(id, (x) => heading(emailIn(x, 'de')?.html) === NEW_DE);
  });

  it('takes the old flat publicHeadline as English, and gives other languages their built-in headline without asking', async () => {
    const id = await withPeople(['de']);
    expect(
      (
        await h.api(
          'POST',
          `/api/incidents/${id}/assessment`,
          assessmentBody({ affected: { DE: 1 }, publicHeadline: EN }),
        )
      ).status,
    ).toBe(200);
    const n = await noticesOf(id, (x) => x.notices.some((y) => y.locale === 'de'));
    expect(heading(emailIn(n, 'de').html)).toBe(DE_BUILT_IN);
    const approved = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion: n.noticeVersion });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  });

  it('refuses a headline under a language without templates, or an English one that contradicts publicHeadline, with 400', async () => {
    const id = await openAndConfirm(h);
    const unknown = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ publicHeadlines: { it: 'Titolo' } }),
    );
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('publicHeadlines');
    const twice = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ publicHeadline: EN, publicHeadlines: { en: 'Something else' } }),
    );
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('publicHeadlines');
    const tooLong = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ publicHeadlines: { de: 'x'.repeat(121) } }),
    );
    expect(tooLong.status).toBe(400);
  });
});
