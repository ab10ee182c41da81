// The incident page says how long contact data is kept and lets an approver place and release a
// legal hold and delete the contact data of a closed incident (typed confirmation); the hourly
// retention workflow, run through Temporal, purges what is past its period and spares a held one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../support/run-bin';
import { appendAudit } from '../../store/audit';
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
import { makePeople, seedIncident } from '../support/fan-out-fixture';
import { insertTestOutboxRow, insertTestSubject } from '../support/subject-rows';
import { CONTACT_RETENTION_WORKFLOW, type ContactRetentionResult } from '../../workflows/contact-retention/messages';
import { placeLegalHold } from '../../server/use-cases/contact-retention';
import { ensureRetentionSchedule } from '../../server/retention-schedule';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const purgeCli = (...args: string[]) =>
  runBin('bin/purge.ts', args, { ...process.env, ...h.env, BREACHLINE_LOG_LEVEL: 'silent' });

const state = (html: string) => /data-testid="retention-state">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';

describe('contact data retention on the incident page', () => {
  it('shows the period, holds, refuses a held or unconfirmed purge, then purges', async () => {
    const id = await openAndConfirm(h);
    const assessed = await h.api(
      'POST',
      `/api/incidents/${id}/assessment`,
      assessmentBody({ riskLevel: 'none', affected: { DE: 5 } }),
    );
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
    const petra = await insertTestSubject(h.db, {
      incidentId: id,
      name: 'Petra Purge-Fixture',
      email: 'petra.purge@example.org',
      jurisdiction: 'DE',
      locale: 'de',
      importId: 'imp_x',
      identityKey: 'k-petra',
    });
    const at = new Date().toISOString();
    await insertTestOutboxRow(h.db, {
      id: 'out-petra',
      incidentId: id,
      subjectId: petra,
      channel: 'email',
      status: 'sent',
      locale: 'de',
      noticeVersion: 'a'.repeat(64),
      template: 'subject-notice',
      provider: 'sendgrid',
      providerId: 'sg-msg-petra-1',
      sentAt: at,
      updatedAt: at,
    });
    expect(await purgeCli(id)).toMatchObject({
      code: 1,
      out: expect.stringContaining('refused: the incident is not closed'),
    });
    const approver = await createTestUser(h, { email: 'dora.dpo@example.org', role: 'approver' });
    const viewer = await createTestUser(h, { email: 'vic.viewer@example.org', role: 'viewer' });
    const web = await logInForm(h, approver.email, approver.password);
    const page = async () => (await web.get(`/incidents/${id}`)).html;
    const post = async (path: string, fields: Record<string, string>) =>
      web.post(`/incidents/${id}/${path}`, { _csrf: hiddenField(await page(), '_csrf'), ...fields });

    expect(state(await page())).toContain('kept while the incident is open, and for 90 days after it closes');
    expect(await page()).not.toContain('Delete the contact data now');

    const closed = await h.api('POST', `/api/incidents/${id}/close`, { summary: 'Contained; nobody at risk.' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    await eventually(
      () => h.db.get("SELECT 1 AS ok FROM audit_log WHERE incident_id = ? AND type = 'incident.closed'", [id]),
      (row) => row !== undefined,
    );
    expect(state(await page())).toMatch(/Contact data is deleted on <time datetime="20/);

    await post('legal-hold', { reason: 'Counsel asked to keep everything: claim 2026-441' });
    expect(state(await page())).toContain('Legal hold:</strong> Counsel asked to keep everything');
    expect(await page()).not.toContain('Delete the contact data now');
    await post('contacts/purge', { confirm: id });
    expect(await page()).toMatch(/Not saved \(legalHold\)/);

    await post('legal-hold/release', {});
    await post('contacts/purge', { confirm: 'not-the-id' });
    expect(await page()).toMatch(/Not saved \(confirm\)/);
    expect(await h.db.get('SELECT email FROM subjects WHERE incident_id = ?', [id])).toEqual({
      email: 'petra.purge@example.org',
    });

    const other = await logInForm(h, viewer.email, viewer.password);
    const asViewer = await other.post(`/incidents/${id}/contacts/purge`, {
      _csrf: hiddenField((await other.get(`/incidents/${id}`)).html, '_csrf'),
      confirm: id,
    });
    expect(asViewer.status).toBe(403);

    await post('contacts/purge', { confirm: id });
    expect(state(await page())).toMatch(/Contact data deleted on .* 1 people's names/);
    expect(await h.db.get('SELECT name, email FROM subjects WHERE incident_id = ?', [id])).toEqual({
      name: null,
      email: null,
    });
    // The proof answers from the address alone, after the purge.
    const proof = await purgeCli(id, '--proof', 'Petra.Purge@example.org');
    expect(proof.code, proof.out).toBe(0);
    expect(proof.out).toContain('sg-msg-petra-1');
    expect((await purgeCli(id, '--proof', 'someone.else@example.org')).code).toBe(1);
  });

  it('the hourly workflow purges a closed incident past its period and spares one under a legal hold', async () => {
    const due = '01JRETENTIONWF000000000001';
    const held = '01JRETENTIONWF000000000002';
    const longAgo = new Date(Date.now() - 120 * 86_400_000).toISOString();
    for (const [id, prefix] of [
      [due, 'wf1'],
      [held, 'wf2'],
    ] as const) {
      await seedIncident(h.db, id, makePeople(2, { prefix }));
      await appendAudit(h.db, {
        incidentId: id,
        type: 'incident.closed',
        at: longAgo,
        actor: { kind: 'system', id: 'test' },
        summary: 'Incident closed',
        details: {},
      });
    }
    await placeLegalHold(h.db, held, 'Regulator inquiry open', { kind: 'system', id: 'test' });

    const result = await h.client.workflow.execute<() => Promise<ContactRetentionResult>>(CONTACT_RETENTION_WORKFLOW, {
      taskQueue: h.taskQueue,
      workflowId: `contact-retention-test-${Date.now()}`,
    });
    expect(result.purged).toBeGreaterThanOrEqual(1);
    const emails = async (id: string) =>
      (await h.db.get<{ n: number }>('SELECT COUNT(email) AS n FROM subjects WHERE incident_id = ?', [id]))!.n;
    expect(await emails(due)).toBe(0);
    expect(await emails(held)).toBe(2);

    expect(await ensureRetentionSchedule(h.client, h.taskQueue)).toBe('created');
    expect(await ensureRetentionSchedule(h.client, h.taskQueue)).toBe('exists');
    const schedule = await h.client.schedule.getHandle(`contact-retention-${h.taskQueue}`).describe();
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: CONTACT_RETENTION_WORKFLOW });
    await h.client.schedule.getHandle(`contact-retention-${h.taskQueue}`).delete();
  });
});
