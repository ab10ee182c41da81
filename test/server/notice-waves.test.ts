// The approval's options (send to people imported later; send as a correction) reach the
// workflow from the API and the incident page's form, and the incident's waves, its send
// gate and how many people got each version show in the incident JSON and on its page.
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
import { getIncident, parseState } from '../../store/incident-store';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** An incident with `csv`'s people imported and assessed, its notices rendered; returns the id and the version. */
async function readyForApproval(csv: string, people: number): Promise<{ id: string; noticeVersion: string }> {
  const id = await openAndConfirm(h);
  const imported = await h.api('POST', `/api/incidents/${id}/subjects`, csv, { 'content-type': 'text/csv' });
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  const assessed = await h.api('POST', `/api/incidents/${id}/assessment`, assessmentBody({ affected: { DE: people } }));
  expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
  const notices = await eventually(
    () => h.api('GET', `/api/incidents/${id}/notices`),
    (r) => r.body.recipients === people,
  );
  return { id, noticeVersion: notices.body.noticeVersion as string };
}

const stateOf = async (id: string) => parseState((await getIncident(h.db, id))!)!;

describe('approval options on the API', () => {
  it('refuses options that are not booleans, naming the field', async () => {
    const id = await openAndConfirm(h);
    const version = 'a'.repeat(64);
    const badCorrection = await h.api('POST', `/api/incidents/${id}/approval`, {
      noticeVersion: version,
      correction: 'yes',
    });
    expect(badCorrection.status).toBe(400);
    expect(badCorrection.body.field).toBe('correction');
    const badLater = await h.api('POST', `/api/incidents/${id}/approval`, {
      noticeVersion: version,
      notifyLaterImports: 1,
    });
    expect(badLater.status).toBe(400);
    expect(badLater.body.field).toBe('notifyLaterImports');
  });

  it('passes notifyLaterImports and correction to the workflow; then shows the finished wave, the gate and the counts', async () => {
    const { id, noticeVersion } = await readyForApproval(
      'name,email,phone,jurisdiction,locale\nWanda Wave,wanda.wave@example.com,,DE,en\n',
      1,
    );
    const approved = await h.api('POST', `/api/incidents/${id}/approval`, {
      noticeVersion,
      notifyLaterImports: false,
      correction: true,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const approval = (await stateOf(id)).approval!;
    expect(approval.noticeVersion).toBe(noticeVersion);
    expect(approval.notifyLaterImports).toBe(false);
    expect(approval.correction).toBe(true);

    const view = await eventually(
      () => h.api('GET', `/api/incidents/${id}`),
      (r) => r.body.waves?.length > 0 && r.body.waves.every((w: { status: string }) => w.status === 'finished'),
      30_000,
    );
    const incident = view.body;
    expect(incident.workflowType).toBe('incidentWorkflowV2');
    expect(incident.approval.notifyLaterImports).toBe(false);
    expect(incident.waves).toHaveLength(1);
    expect(incident.waves[0]).toMatchObject({
      noticeVersion,
      status: 'finished',
      pausedFor: null,
      correction: true,
      sent: 1,
      failed: 0,
      uncertain: 0,
    });
    expect(typeof incident.waves[0].waveId).toBe('string');
    expect(Date.parse(incident.waves[0].startedAt)).not.toBeNaN();
    expect(Date.parse(incident.waves[0].endedAt)).toBeGreaterThanOrEqual(Date.parse(incident.waves[0].startedAt));
    expect(incident.sentByVersion).toEqual({ [noticeVersion]: 1 });
    expect(incident.sendGate).toEqual({ open: true, allowedVersion: noticeVersion, reason: null });

    // The incident page: the gate line, the sent count by version and the wave's row.
    const approver = await createTestUser(h, { email: 'wes.waves@example.org', role: 'approver' });
    const web = await logInForm(h, approver.email, approver.password);
    const page = await web.get(`/incidents/${id}`);
    expect(page.status).toBe(200);
    // The next approval form remembers that later imports were not to be told; a correction is never pre-ticked.
    const later = /<input type="checkbox" name="notifyLaterImports"[^>]*>/.exec(page.html)?.[0];
    expect(later, 'the later-imports checkbox').toBeDefined();
    expect(later).not.toContain('checked');
    expect(/<input type="checkbox" name="correction"[^>]*>/.exec(page.html)?.[0]).not.toContain('checked');
    const panel = /<section class="card" id="waves"[\s\S]*?<\/section>/.exec(page.html)?.[0];
    expect(panel, 'the notice waves panel').toBeDefined();
    expect(panel).toContain('Notice waves');
    expect(panel).toContain(`Notices to people may go out now (version ${noticeVersion.slice(0, 12)})`);
    expect(panel).toContain(`1 person received version <code>${noticeVersion.slice(0, 12)}</code>`);
    const row = new RegExp(`<tr data-wave="${incident.waves[0].waveId}">[\\s\\S]*?</tr>`).exec(panel!)?.[0];
    expect(row, 'the wave row').toBeDefined();
    expect(row).toContain(`<code>${noticeVersion.slice(0, 12)}</code>`);
    expect(row).toContain('<td>finished</td>');
    expect(row).toContain(`datetime="${incident.waves[0].endedAt}"`);
    expect(row).toContain('<td>1</td>');

    // A stopped gate is said in words (the row as the workflow would write it on close).
    await h.db.run('UPDATE send_gates SET allowed_version = NULL, reason = ? WHERE incident_id = ?', ['hold', id]);
    expect((await h.api('GET', `/api/incidents/${id}`)).body.sendGate).toEqual({
      open: false,
      allowedVersion: null,
      reason: 'hold',
    });
    const stopped = await web.get(`/incidents/${id}`);
    expect(stopped.html).toContain('Notices to people are stopped: a law-enforcement hold is in force');
    expect(stopped.html).not.toContain('Notices to people may go out now');
  });

  it('keeps the defaults when the options are left out: later imports told, no correction', async () => {
    const { id, noticeVersion } = await readyForApproval(
      'name,email,phone,jurisdiction,locale\nDora Default,dora.default@example.com,,DE,en\n',
      1,
    );
    expect((await h.api('POST', `/api/incidents/${id}/approval`, { noticeVersion })).status).toBe(200);
    const approval = (await stateOf(id)).approval!;
    expect(approval.notifyLaterImports).toBe(true);
    expect(approval.correction).toBe(false);
  });
});

describe('approval options on the incident page', () => {
  it('shows both checkboxes, later imports ticked, and sends what the approver ticked', async () => {
    const { id, noticeVersion } = await readyForApproval(
      'name,email,phone,jurisdiction,locale\nFiona Form,fiona.form@example.com,,DE,en\n',
      1,
    );
    const approver = await createTestUser(h, { email: 'fay.form@example.org', role: 'approver' });
    const web = await logInForm(h, approver.email, approver.password);
    const page = await web.get(`/incidents/${id}`);
    const later = /<input type="checkbox" name="notifyLaterImports"[^>]*>/.exec(page.html)?.[0];
    const correction = /<input type="checkbox" name="correction"[^>]*>/.exec(page.html)?.[0];
    expect(later).toContain('checked');
    expect(correction).toBeDefined();
    expect(correction).not.toContain('checked');
    expect(page.html).toContain('Send this approved notice to people imported later');
    expect(page.html).toContain(
      'Also send this version to people who already received an earlier version, as a correction',
    );
    expect(page.html).toContain('marked as a correction');

    // Later imports unticked (a checkbox left unticked is not sent), correction ticked.
    const posted = await web.post(`/incidents/${id}/approval`, {
      _csrf: hiddenField(page.html, '_csrf'),
      idempotencyKey: hiddenField(page.html, 'idempotencyKey'),
      noticeVersion: hiddenField(page.html, 'noticeVersion'),
      approvalOptions: hiddenField(page.html, 'approvalOptions'),
      note: 'Checked the wording',
      correction: 'on',
    });
    expect(posted.status).toBe(303);
    const approval = (await stateOf(id)).approval!;
    expect(approval.noticeVersion).toBe(noticeVersion);
    expect(approval.notifyLaterImports).toBe(false);
    expect(approval.correction).toBe(true);
  });
});
