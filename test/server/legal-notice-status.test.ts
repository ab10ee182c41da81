// Per person, whether their legal notice is met by the channels it went out on (issue 14): a Texan reached
// by SMS is told, a Californian reached by SMS is not (California counts written or E-SIGN electronic
// notice), and by email only with consent to electronic notice. Read from real SQLite rows.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../store/connection';
import { createComputeObligations } from '../../activities/compute-obligations';
import { legalNoticeStatusOf, noticeVerdict } from '../../server/use-cases/legal-notice-status';
import { openFixtureDb } from '../support/fan-out-fixture';
import { insertTestOutboxRow, insertTestSubject } from '../support/subject-rows';
import { insertTestIncident } from '../support/incident-row';

const INCIDENT = '01JLEGALSTATUS000000000000';
let db: Db;
let dir: string;

beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('legal-status'));
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the legal notice of each person', () => {
  it('counts a channel only where the law of their residence accepts it', async () => {
    await insertTestIncident(db, INCIDENT);
    const affected = { 'US-CA': 2, 'US-TX': 1 };
    const { obligations } = await createComputeObligations(db)({
      incidentId: INCIDENT,
      awarenessAt: '2026-03-06T09:00:00Z',
      discoveredAt: '2026-03-06T09:00:00Z',
      role: 'controller',
      dataElements: ['name', 'national_id'],
      encrypted: false,
      keyCompromised: false,
      affected,
      riskLevel: 'high_risk',
      sectors: [],
      hold: null,
      noticesSent: [],
    });
    const state = { obligations: obligations.map((o) => ({ ...o, status: 'pending' })) };
    await db.run('UPDATE incidents SET state_json = ? WHERE id = ?', [JSON.stringify(state), INCIDENT]);
    const people: [string, string, string][] = [
      ['Cal Sms', 'US-CA', 'sms'],
      ['Cal Email', 'US-CA', 'email'],
      ['Tex Sms', 'US-TX', 'sms'],
    ];
    for (const [i, [name, jurisdiction, channel]] of people.entries()) {
      const subjectId = await insertTestSubject(db, {
        incidentId: INCIDENT,
        name,
        jurisdiction,
        importId: 'imp',
        identityKey: `k${i}`,
      });
      await insertTestOutboxRow(db, {
        id: `o${i}`,
        incidentId: INCIDENT,
        subjectId,
        channel,
        status: 'sent',
        template: 't',
        updatedAt: '2026-03-07T00:00:00Z',
      });
    }
    const status = await legalNoticeStatusOf(db, INCIDENT);
    const verdictOf = (name: string) => status.find((p) => p.name === name)!.laws.map((l) => l.verdict);
    expect(verdictOf('Cal Sms')).toEqual(['not_met']);
    expect(verdictOf('Cal Email')).toEqual(['met_if_consented']);
    expect(verdictOf('Tex Sms')).toEqual(['met']);
    expect(status.find((p) => p.name === 'Cal Sms')!.laws[0]!.basis).toMatch(/^Cal. Civ. Code § 1798.82/);
  });

  it('HIPAA: a call alone does not meet it, a letter does', () => {
    const hipaa = { letter: 'counts', email: 'with_consent', call: 'in_addition' } as const;
    expect(noticeVerdict(hipaa, ['call'])).toBe('not_met');
    expect(noticeVerdict(hipaa, ['call', 'letter'])).toBe('met');
    expect(noticeVerdict(hipaa, [])).toBe('not_met');
  });
});
