// A regulator report names the public notice page only once a version of it is published (issue 14):
// the page goes up with the first message to people that links to it, so a report sent before (or
// during a hold) must not send the regulator to an address that answers 404.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { buildNotices } from '../../activities/render-notices';
import { insertAssessmentTx } from '../../store/assessments';
import { publishNoticePages } from '../../store/published-notices';
import { openFixtureDb } from '../support/fan-out-fixture';
import { insertTestIncident } from '../support/incident-row';

const INCIDENT = '01JREPORTLINK0000000000000';
const BASE = 'https://breachline.example.org';
const LINK = `${BASE}/public/notices/${INCIDENT}`;

let db: Db;
let dir: string;
beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('report-link'));
  await insertTestIncident(db, INCIDENT);
  await db.transaction((tx) =>
    insertAssessmentTx(tx, {
      id: 'asm_report_link',
      incidentId: INCIDENT,
      approximateRecords: null,
      identityProtectionOffered: false,
      narrative: {},
      publicHeadline: 'Your account details may have been exposed',
      createdAt: '2026-12-01T00:00:00Z',
      createdBy: 'u',
    }),
  );
  // A report whose content names where the notice to people is published.
  const obligation = {
    id: 'eu-gdpr:regulator:ie',
    regime: 'eu-gdpr',
    audience: 'regulator',
    recipient: 'Data Protection Commission',
    required: true,
    dueAt: null,
    deadline: '72 hours after awareness',
    basis: 'GDPR Art. 33',
    why: '',
    content: ['nature', 'regulator_contacts'],
    holdMayDelay: false,
    status: 'pending',
  };
  const state = {
    awarenessAt: '2026-12-01T00:00:00Z',
    facts: { assessmentId: 'asm_report_link', dataElements: ['name', 'email'], affected: { IE: 10 } },
    hold: null,
    obligations: [obligation],
  };
  await db.run('UPDATE incidents SET state_json = ? WHERE id = ?', [JSON.stringify(state), INCIDENT]);
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const report = async () => {
  const { notices } = await buildNotices(db, INCIDENT, BASE);
  return notices.find((n) => n.audience === 'regulator:eu-gdpr:regulator:ie')!;
};

describe('the link to the public notice in a regulator report', () => {
  it('is left out while no version of the page is published, and given once one is', async () => {
    const before = await report();
    expect(before.text).toContain('may complain to a data protection supervisory authority');
    expect(before.text).not.toContain('/public/notices/');
    expect(before.html).not.toContain('/public/notices/');
    // The notice to people still links to it: its page goes up when that message is handed over.
    const { notices } = await buildNotices(db, INCIDENT, BASE);
    expect(notices.find((n) => n.audience === 'individuals' && n.channel === 'email')!.text).toContain(LINK);

    await publishNoticePages(db, {
      incidentId: INCIDENT,
      noticeVersion: 'a'.repeat(64),
      publishedAt: '2026-12-02T00:00:00Z',
      pages: [{ locale: 'en', html: '<p>notice</p>' }],
    });
    const after = await report();
    expect(after.text).toContain(`it is published at ${LINK}`);
  });
});
