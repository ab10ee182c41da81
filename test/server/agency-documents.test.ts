// Credit reporting agencies and media (issue 14): where a required obligation notifies them (New York: the
// agencies once more than 5,000 residents are told; HIPAA: prominent media once more than 500 residents of a
// state), the incident page shows a letter to each nationwide agency with the number of people, the timing,
// distribution and content of the notices, and a statement for the media, never the internal title; recording
// when and how one was sent is its obligation's filing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assessmentBody,
  createTestUser,
  logInForm,
  openAndConfirm,
  startHarness,
  type Harness,
} from '../support/app-harness';
import { TEST_PUBLIC_HEADLINE } from '../support/org-profile';

let h: Harness;
let web: Awaited<ReturnType<typeof logInForm>>;

beforeAll(async () => {
  h = await startHarness();
  const u = await createTestUser(h, { email: 'agencies.reader@example.org', role: 'responder' });
  web = await logInForm(h, u.email, u.password);
});
afterAll(async () => {
  await h?.close();
});

interface Documents {
  audience: string;
  obligations: { id: string; status: string; fulfilledAt: string | null }[];
  documents: { title: string; html: string }[];
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('credit agencies and media', () => {
  it('renders the agency letters and the media statement with the facts, and records when and how one was sent', async () => {
    const id = await openAndConfirm(h);
    const assessed = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({
        dataElements: ['name', 'national_id', 'health'],
        affected: { 'US-NY': 6000 },
        sectors: ['hipaa'],
      }),
    );
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
    // Two notices went out by email and one by letter (rows as the senders leave them).
    for (const [i, channel] of ['email', 'email', 'letter'].entries())
      await h.db.run(
        "INSERT INTO outbox (id, incident_id, kind, recipient_ref, channel, locale, notice_version, template, status, sent_at, updated_at, subject_id) VALUES (?,?,'subject',?,?,'en','v1','t','sent','2026-12-02T10:00:00.000Z','2026-12-02T10:00:00.000Z',?)",
        [`agency-${i}`, id, String(1000 + i), channel, 1000 + i],
      );

    const res = await h.api('GET', `/api/incidents/${id}/agency-documents`);
    expect(res.status).toBe(200);
    const docs = res.body as Documents[];
    expect(docs.map((d) => d.audience)).toEqual(['credit_agencies', 'media']);
    const [agencies, media] = docs as [Documents, Documents];
    expect(agencies.obligations.map((o) => o.id)).toContain('us-ny:credit_agencies:nationwide-cras');
    expect(agencies.documents.map((d) => d.title)).toEqual([
      'Letter to Equifax',
      'Letter to Experian',
      'Letter to TransUnion',
    ]);
    const letter = text(agencies.documents[0]!.html);
    expect(letter).toContain('P.O. Box 105788, Atlanta, GA 30348-5788');
    expect(letter).toContain('About 6,000 people are being notified');
    expect(letter).toContain('New York: 6,000');
    expect(letter).toContain('The notices started to go out on December 2, 2026');
    expect(letter).toContain('Email: 2 people');
    expect(letter).toContain('Letter by first-class mail: 1 person');
    expect(letter).toMatch(/Social Security number|national identification number/i);
    expect(letter).toContain(`the notice is headed “${TEST_PUBLIC_HEADLINE}”`);
    const statement = text(media.documents[0]!.html);
    expect(statement).toContain('is notifying about 6,000 people (6,000 in New York)');
    expect(statement).toContain('by email and letter by first-class mail');
    expect(statement).toContain('1-888-298-0045');
    // The internal incident title never leaves the app.
    for (const d of [...agencies.documents, ...media.documents])
      expect(d.html).not.toContain('Customer database exposed');

    const room = await web.get(`/incidents/${id}`);
    expect(room.html).toContain('id="agency-documents"');
    expect(room.html).toContain('Letter to Experian');

    const cra = agencies.obligations.find((o) => o.id === 'us-ny:credit_agencies:nationwide-cras')!;
    const filed = await h.api('POST', `/api/incidents/${id}/filings`, {
      obligationId: cra.id,
      reference: '8 December 2026, by first-class mail to each agency',
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const after = (await h.api('GET', `/api/incidents/${id}/agency-documents`)).body as Documents[];
    expect(after[0]!.obligations.find((o) => o.id === cra.id)).toMatchObject({ status: 'filed' });
    expect(after[0]!.obligations.find((o) => o.id === cra.id)!.fulfilledAt).toEqual(expect.any(String));
  });
});
