// A CSV import through the incident page says what it did (issue 15): how many people were
// imported, how many were already there, and every rejected row with its reason, never the
// row's content. A good import confirms itself too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hiddenField } from '../e2e/helpers';
import { createTestUser, logInForm, openAndConfirm, startHarness, type Harness } from '../support/app-harness';

let h: Harness;
let web: Awaited<ReturnType<typeof logInForm>>;

beforeAll(async () => {
  h = await startHarness();
  const u = await createTestUser(h, { email: 'import.responder@example.org', role: 'responder' });
  web = await logInForm(h, u.email, u.password);
});
afterAll(async () => {
  await h?.close();
});

/** Uploads a CSV through the page's multipart form, as a browser does. */
async function upload(incidentId: string, csv: string) {
  const room = await web.get(`/incidents/${incidentId}`);
  const form = new FormData();
  form.append('_csrf', hiddenField(room.html, '_csrf'));
  form.append('idempotencyKey', `import-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'people.csv');
  const res = await fetch(`${h.baseUrl}/incidents/${incidentId}/subjects`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    body: form,
  });
  expect(res.status).toBe(303);
  return (await web.get(`/incidents/${incidentId}`)).html;
}
const card = (html: string) =>
  /<section[^>]*aria-labelledby="import-result-h"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('import feedback', () => {
  it('confirms a good import, then lists duplicates and each rejected row with its reason', async () => {
    const id = await openAndConfirm(h);
    const good = await upload(id, 'name,email\nAda Import,ada.import@example.org\nBo Import,bo.import@example.org\n');
    expect(text(card(good))).toContain('Imported: 2 · already on the list (skipped): 0 · rejected: 0');

    const mixed = await upload(
      id,
      'name,email,phone\nAda Import,ada.import@example.org,\nCy Import,cy.import@example.org,\nNo Contact,,\nBad Mail,not-an-address,\n',
    );
    const shown = text(card(mixed));
    // Cy and the person without contact (counted toward the substitute notice) are new; Ada was there.
    expect(shown).toContain('Imported: 2 · already on the list (skipped): 1 · rejected: 1');
    expect(shown).toContain('Row Why it was rejected 4 email: invalid email address');
    // Reasons, never the rejected rows' content.
    expect(card(mixed)).not.toContain('not-an-address');
    // Shown once: the next visit has no card.
    expect(card((await web.get(`/incidents/${id}`)).html)).toBe('');
  });

  it('says how each imported person will be reached: language and channel, and who has no usable contact', async () => {
    const id = await openAndConfirm(h);
    const html = await upload(
      id,
      'name,email,phone,locale\nAnna Reach,anna.reach@example.org,,de-DE\nBen Reach,,+4915112345678,de\nCleo Reach,cleo.reach@example.org,,en\nDan Reach,,,en\n',
    );
    const rows = [...card(html).matchAll(/<tr data-reach="([^"]+)">([\s\S]*?)<\/tr>/g)].map(
      (m) => `${m[1]} ${text(m[2]!).trim()}`,
    );
    // Before an assessment the default policy holds: email, and SMS only where there is no email.
    expect(rows).toEqual([
      'de|email de email 1',
      'de|sms de SMS 1',
      'en|email en email 1',
      'en|none en no usable contact : the public substitute notice 1',
    ]);
  });

  it('offers every listed rejection as a CSV when there are more than the page shows', async () => {
    const id = await openAndConfirm(h);
    const bad = Array.from({ length: 205 }, (_, i) => `Bad ${i},not-an-address-${i},`).join('\n');
    const html = await upload(id, `name,email,phone\n${bad}\n`);
    expect(text(card(html))).toContain('rejected: 205');
    const link = /href="(\/incidents\/[^"]+\/rejected\.csv)"/.exec(card(html))?.[1];
    expect(link).toBeDefined();
    const csv = (await web.get(link!)).html
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toBe('Row,Why it was rejected');
    expect(csv).toHaveLength(206);
    expect(csv[205]).toBe('205,email: invalid email address');
    // Reasons only: the rejected content was never kept.
    expect(csv.join('\n')).not.toContain('not-an-address');
  });
});
