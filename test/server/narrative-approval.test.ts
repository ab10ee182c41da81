// Free text written in one language must reach every language in use, or the approver chooses that
// language's built-in texts, knowingly and on the record (issue 14). The approval page says per
// language who reads it and who reads it for want of templates in their own.
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

const WHAT_EN = 'A laptop holding our customer list was stolen from a staff car.';
const WHAT_ZH = '一台存有客户名单的笔记本电脑在员工车内被盗。';

type Notice = { audience: string; locale: string; channel: string; html: string | null; text: string };
const noticesOf = (id: string, check: (n: { noticeVersion: string; notices: Notice[] }) => boolean) =>
  eventually(
    async () =>
      (await h.api('GET', `/api/incidents/${id}/notices`)).body as { noticeVersion: string; notices: Notice[] },
    (n) => typeof n.noticeVersion === 'string' && check(n),
  );

describe('approval of notices in several languages', () => {
  it('is refused with 409 naming de and ja while only English has free text, and accepted with their built-in texts chosen', async () => {
    const id = await openAndConfirm(h);
    const csv =
      'name,email,phone,jurisdiction,locale\n' +
      'Dora Deutsch,dora@example.de,,DE,de\n' +
      'Dirk Deutsch,dirk@example.de,,DE,de-AT\n' +
      'Jun Nihon,jun@example.jp,,DE,ja\n' +
      'Ida Italia,ida@example.it,,DE,it\n';
    expect((await h.api('POST', `/api/incidents/${id}/subjects`, csv, { 'content-type': 'text/csv' })).status).toBe(
      200,
    );
    const assessed = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      // The older flat shape: English.
      assessmentBody({ affected: { DE: 4 }, narrative: { whatHappened: WHAT_EN } }),
    );
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
    const { noticeVersion, notices } = await noticesOf(id, (n) => n.notices.some((x) => x.locale === 'ja'));
    const email = (locale: string) =>
      notices.find((n) => n.audience === 'individuals' && n.locale === locale && n.channel === 'email')!;
    expect(email('en').text).toContain(WHAT_EN);
    expect(email('de').text).not.toContain(WHAT_EN);
    expect(email('ja').text).not.toContain(WHAT_EN);

    const languages = (await h.api('GET', `/api/incidents/${id}/notices`)).body.languages as {
      locale: string;
      people: number;
      text: string;
      fallbacks: { tag: string; people: number; reason: string }[];
    }[];
    expect(languages.map((l) => [l.locale, l.people, l.text])).toEqual([
      ['en', 1, 'own'],
      ['de', 2, 'gap'],
      ['ja', 1, 'gap'],
    ]);
    expect(languages[0]!.fallbacks).toEqual([{ tag: 'it', people: 1, reason: 'no Italian templates' }]);

    const refused = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion });
    expect(refused.status).toBe(409);
    expect(refused.body.field).toBe('builtInTextLocales');
    expect(refused.body.error).toMatch(/free text is missing in de, ja:/);
    expect(refused.body.error).toContain('What happened');

    // Choosing German only is not enough.
    const partly = await h.api('POST', `/api/incidents/${id}/approval`, {
      noticeVersion,
      builtInTextLocales: ['de'],
    });
    expect(partly.status).toBe(409);
    expect(partly.body.error).toMatch(/free text is missing in ja:/);

    const approver = await createTestUser(h, { email: 'lena.languages@example.org', role: 'admin' });
    const web = await logInForm(h, approver.email, approver.password);
    const page = (await web.get(`/incidents/${id}`)).html;
    const row = (locale: string) =>
      new RegExp(`<tr data-locale="${locale}">([\\s\\S]*?)</tr>`).exec(page)?.[1].replace(/\s+/g, ' ') ?? '';
    expect(row('en')).toContain('<td>1');
    expect(row('en')).toContain('1 person with language tag ‘it’ gets English: no Italian templates');
    expect(row('de')).toContain('<td>2');
    expect(row('de')).toContain('missing: What happened');
    expect(row('ja')).toContain('<td>1');
    expect(row('ja')).toContain('href="#preview-ja"');
    expect(page).toContain('<details id="preview-ja">');
    // Each language shows the headline its notices carry: English its own, the others their built-in one.
    expect(row('en')).toContain('Headline: <span lang="en">');
    expect(row('de')).toContain(
      'Headline (built-in): <span lang="de">Informationen zu einem Datensicherheitsvorfall</span>',
    );
    expect(row('ja')).toContain(
      'Headline (built-in): <span lang="ja">データセキュリティインシデントに関するお知らせ</span>',
    );
    expect(page).toContain('name="builtInTextLocales" value="de"');
    expect(page).toContain('name="builtInTextLocales" value="ja"');

    // Approved on the form, both boxes ticked.
    const approved = await web.post(`/incidents/${id}/approval`, {
      _csrf: hiddenField(page, '_csrf'),
      idempotencyKey: 'approve-built-in-texts-1',
      noticeVersion,
      note: 'German and Japanese on their built-in texts',
      approvalOptions: '1',
      notifyLaterImports: 'on',
      builtInTextLocales: ['de', 'ja'],
    });
    expect(approved.status).toBe(303);
    await eventually(
      () => h.api('GET', `/api/incidents/${id}`),
      (r) => r.body.approval?.noticeVersion === noticeVersion,
    );
    const audit = await h.db.get<{ details_json: string; summary: string }>(
      "SELECT details_json, summary FROM audit_log WHERE incident_id = ? AND type = 'notices.approved'",
      [id],
    );
    expect(JSON.parse(audit!.details_json).builtInTextLocales).toEqual(['de', 'ja']);
    expect(audit!.summary).toContain('built-in texts chosen for de, ja');
  });

  it('shows the re-assess form per language, prefilled, and saves what each section says', async () => {
    const id = await openAndConfirm(h);
    const csv = 'name,email,phone,jurisdiction,locale\nDora Deutsch,dora3@example.de,,DE,de\n';
    await h.api('POST', `/api/incidents/${id}/subjects`, csv, { 'content-type': 'text/csv' });
    await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({
        affected: { DE: 1 },
        narrative: { en: { whatHappened: WHAT_EN }, de: { whatHappened: 'Ein Laptop wurde gestohlen.' } },
      }),
    );
    const responder = await createTestUser(h, { email: 'rolf.reassess@example.org', role: 'responder' });
    const web = await logInForm(h, responder.email, responder.password);
    const room = (await web.get(`/incidents/${id}`)).html;
    expect(room).toContain('data-narrative-locale="de"');
    expect(room).not.toContain('data-narrative-locale="ja"');
    expect(room).toMatch(
      /<textarea id="whatHappened-de" name="whatHappened:de" lang="de" rows="2">Ein Laptop wurde gestohlen.<\/textarea>/,
    );
    expect(room).toContain(`<textarea id="whatHappened" name="whatHappened" lang="en" rows="2">${WHAT_EN}</textarea>`);

    const GERMAN = 'Ein Laptop mit unserer Kundenliste wurde aus einem Auto gestohlen.';
    const saved = await web.post(`/incidents/${id}/assessment`, {
      _csrf: hiddenField(room, '_csrf'),
      idempotencyKey: 'narrative-per-locale-form-1',
      dataElements: ['name', 'email', 'account_credentials'],
      role: 'controller',
      riskLevel: 'high_risk',
      riskRationale: 'Passwords were stored with a weak hash.',
      affected: 'DE=1',
      channelPolicy: 'email',
      publicHeadline: 'Your account details may have been exposed',
      whatHappened: WHAT_EN,
      'whatHappened:de': GERMAN,
    });
    expect(saved.status).toBe(303);
    const { notices } = await noticesOf(id, (n) => n.notices.some((x) => x.locale === 'de' && x.text.includes(GERMAN)));
    const de = notices.find((n) => n.audience === 'individuals' && n.locale === 'de' && n.channel === 'email')!;
    expect(de.text).not.toContain(WHAT_EN);
  });

  it('with no free text at all, approves every language on its built-in texts', async () => {
    const id = await openAndConfirm(h);
    const csv = 'name,email,phone,jurisdiction,locale\nDora Deutsch,dora2@example.de,,DE,de\n';
    await h.api('POST', `/api/incidents/${id}/subjects`, csv, { 'content-type': 'text/csv' });
    await h.api('POST', `/api/incidents/${id}/assessment`, assessmentBody({ affected: { DE: 1 } }));
    const { noticeVersion } = await noticesOf(id, (n) => n.notices.some((x) => x.locale === 'de'));
    // A choice of built-in texts where nothing is missing is moot, and not recorded as one.
    const approved = await h.api('POST', `/api/incidents/${id}/approval`, {
      noticeVersion,
      builtInTextLocales: ['de'],
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const audit = await h.db.get<{ details_json: string }>(
      "SELECT details_json FROM audit_log WHERE incident_id = ? AND type = 'notices.approved'",
      [id],
    );
    expect(JSON.parse(audit!.details_json)).not.toHaveProperty('builtInTextLocales');
  });

  it('reports to China’s regulator in Chinese, and refuses while only English has free text', async () => {
    const id = await openAndConfirm(h);
    const first = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ affected: { CN: 3 }, narrative: { en: { whatHappened: WHAT_EN } } }),
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const before = await noticesOf(id, (n) => n.notices.some((x) => x.audience.startsWith('regulator:cn-')));
    const refused = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion: before.noticeVersion });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatch(/free text is missing in zh-CN:/);

    const second = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({
        affected: { CN: 3 },
        narrative: { en: { whatHappened: WHAT_EN }, 'zh-CN': { whatHappened: WHAT_ZH } },
      }),
    );
    expect(second.status).toBe(200);
    const after = await noticesOf(id, (n) => n.noticeVersion !== before.noticeVersion);
    const reports = after.notices.filter((n) => n.audience.startsWith('regulator:cn-'));
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) {
      expect(r.locale).toBe('zh-CN');
      expect(r.text).toContain('个人信息泄露事件报告');
      expect(r.text).toContain(WHAT_ZH);
      expect(r.text).not.toContain(WHAT_EN);
      // The header names the law, the authority and the deadline in Chinese too.
      expect(r.text).toContain('《中华人民共和国个人信息保护法》');
      expect(r.text).toContain('履行个人信息保护职责的部门');
      expect(r.text).toContain('立即');
      expect(r.text).not.toContain('Departments performing');
    }
    const approved = await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion: after.noticeVersion });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
  });
});
