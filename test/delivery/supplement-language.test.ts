// A report to China's regulator goes out in Chinese (issue 14): the initial one as approved in the
// notice set (a version approved before reports followed the regulator's language sends its English
// report), the supplementary one rendered in Chinese with the Chinese free text.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { Db } from '../../store/connection';
import { createSendRegulatorReport, createSendSupplementaryReport } from '../../activities/send-regulator-report';
import { getOrgProfile, saveOrgProfile } from '../../store/org-profile';
import { asSendAttempt } from '../../activities/send-attempt';
import { createProviders } from '../../activities/providers';
import { createMailboxStore } from '../../activities/mailbox-store';
import { createLogger } from '../../lib/logger';
import { insertAssessmentTx } from '../../store/assessments';
import { insertNoteTx } from '../../store/notes';
import { openFixtureDb } from '../support/fan-out-fixture';
import { insertTestIncident } from '../support/incident-row';

const INCIDENT = '01JSUPPLEMENTZH00000000000';
const WHAT_EN = 'A laptop holding our customer list was stolen from a staff car.';
const WHAT_ZH = '一台存有客户名单的笔记本电脑在员工车内被盗。';
const MORE_ZH = '经进一步调查，该笔记本电脑的硬盘未加密。';

let db: Db;
let dir: string;
beforeAll(async () => {
  ({ db, dir } = await openFixtureDb('supplement-zh'));
  await insertTestIncident(db, INCIDENT);
  await db.transaction(async (tx) => {
    await insertAssessmentTx(tx, {
      id: 'asm_supplement_zh',
      incidentId: INCIDENT,
      approximateRecords: null,
      identityProtectionOffered: false,
      narrative: { en: { whatHappened: WHAT_EN }, 'zh-CN': { whatHappened: WHAT_ZH } },
      publicHeadline: '关于您的个人信息可能被泄露的通知',
      createdAt: '2026-12-01T00:00:00Z',
      createdBy: 'u',
    });
    await insertNoteTx(tx, {
      id: 'note_supplement_zh',
      incidentId: INCIDENT,
      kind: 'report.supplement',
      body: MORE_ZH,
      createdBy: 'u',
    });
  });
  const state = {
    awarenessAt: '2026-12-01T00:00:00Z',
    facts: { assessmentId: 'asm_supplement_zh', dataElements: ['name', 'phone'], affected: { CN: 40 } },
    hold: null,
    obligations: [
      {
        id: 'cn-pipl:regulator:cac',
        regime: 'cn-pipl',
        audience: 'regulator',
        recipient:
          'Departments performing personal information protection duties (Cyberspace Administration of China and the sector regulator)',
        required: true,
        dueAt: null,
        deadline: 'immediately',
        basis: 'PIPL Art. 57(1)',
        why: '',
        content: ['nature', 'categories_of_data', 'measures_taken', 'contact_point'],
        holdMayDelay: false,
        status: 'sent',
      },
    ],
  };
  await db.run('UPDATE incidents SET state_json = ? WHERE id = ?', [JSON.stringify(state), INCIDENT]);
});
afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a supplementary report to China’s regulator', () => {
  it('is in Chinese, with the Chinese text and what it adds', async () => {
    const { email } = createProviders({}, createMailboxStore(db));
    const send = asSendAttempt(
      db,
      'regulator',
      createSendSupplementaryReport({ db, email, logger: createLogger('test', 'silent'), baseUrl: 'http://x' }),
    );
    // The organisation profile names no address for this regulator: the report waits for manual filing.
    const result = await send({
      incidentId: INCIDENT,
      obligationId: 'cn-pipl:regulator:cac',
      informationNoteId: 'note_supplement_zh',
    });
    expect(result.status).toBe('manual');
    const stored = await db.all<{ locale: string; subject: string; text: string }>(
      "SELECT locale, subject, text FROM notices WHERE incident_id = ? AND notice_version = 'supplement:note_supplement_zh'",
      [INCIDENT],
    );
    expect(stored).toHaveLength(1);
    const [report] = stored;
    expect(report!.locale).toBe('zh-CN');
    expect(report!.subject).toContain('补充个人信息泄露事件报告');
    expect(report!.text).toContain('致：履行个人信息保护职责的部门');
    expect(report!.text).toContain(WHAT_ZH);
    expect(report!.text).toContain(MORE_ZH);
    expect(report!.text).not.toContain(WHAT_EN);
  });
});

describe('the initial report to China’s regulator', () => {
  const notice = (version: string, locale: string, text: string) =>
    db.run(
      "INSERT INTO notices (incident_id, notice_version, audience, locale, channel, subject, html, text, recipients, created_at) VALUES (?,?,'regulator:cn-pipl:regulator:cac',?,'email',?,?,?,0,'2026-12-01T00:00:00Z')",
      [INCIDENT, version, locale, `subject ${locale}`, `<p>${text}</p>`, text],
    );

  it('sends the Chinese report of the approved version, and the English one of a version from before', async () => {
    const profile = await getOrgProfile(db);
    await saveOrgProfile(db, {
      ...profile,
      regulators: { 'cn-pipl': { name: 'CAC', email: 'reports@cac.example.cn', portalUrl: null } },
    });
    const { email } = createProviders({}, createMailboxStore(db));
    const send = asSendAttempt(
      db,
      'regulator',
      createSendRegulatorReport({ db, email, logger: createLogger('test', 'silent') }),
    );
    const sent = async (version: string) => {
      // In an activity context (the send beats), as a worker would run it.
      const r = (await new MockActivityEnvironment().run(() =>
        send({ incidentId: INCIDENT, obligationId: 'cn-pipl:regulator:cac', noticeVersion: version, phase: 'initial' }),
      )) as Awaited<ReturnType<typeof send>>;
      expect(r.status).toBe('sent');
      return db.get<{ text: string; locale: string }>(
        'SELECT d.text, o.locale FROM dev_mailbox d JOIN outbox o ON o.id = d.outbox_id WHERE d.outbox_id = ?',
        [r.outboxId],
      );
    };
    await notice('1'.repeat(64), 'en', 'English report');
    await notice('1'.repeat(64), 'zh-CN', '中文报告');
    expect(await sent('1'.repeat(64))).toEqual({ text: '中文报告', locale: 'zh-CN' });
    await notice('2'.repeat(64), 'en', 'English report of an older version');
    expect(await sent('2'.repeat(64))).toEqual({ text: 'English report of an older version', locale: 'en' });
  });
});
