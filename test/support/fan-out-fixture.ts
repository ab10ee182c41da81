// An incident with people and an approved notice already in SQLite, for the
// fan-out tests: the notice rows are what the approver saw, with the renderer's
// name token in place, so a test can compare what a person received with them.
import type { Db, Engine } from '../../store/connection';
import { insertIncidentTx } from '../../store/incident-store';
import { RECIPIENT_NAME_TOKEN } from '../../activities/render';

export const NOTICE_VERSION = 'f'.repeat(64);

export const NOTICE = {
  en: {
    subject: `Important notice for ${RECIPIENT_NAME_TOKEN}: a data breach`,
    html: `<p>Dear ${RECIPIENT_NAME_TOKEN},</p><p>We are writing to tell you about a security incident &amp; what we did.</p>`,
    text: `Dear ${RECIPIENT_NAME_TOKEN},\nWe are writing to tell you about a security incident & what we did.`,
    sms: `${RECIPIENT_NAME_TOKEN}: your data was involved in a breach. See https://breach.example/n`,
  },
  'zh-CN': {
    subject: `${RECIPIENT_NAME_TOKEN}，数据泄露通知`,
    html: `<p>${RECIPIENT_NAME_TOKEN}，您好：</p><p>我们发生了一起安全事件。</p>`,
    text: `${RECIPIENT_NAME_TOKEN}，您好：\n我们发生了一起安全事件。`,
    sms: `${RECIPIENT_NAME_TOKEN}，您的数据涉及一起泄露事件，详情见 https://breach.example/n`,
  },
};

export interface Person {
  name: string | null;
  email: string | null;
  phone: string | null;
  locale: 'en' | 'zh-CN';
}

/**
 * A fresh migrated database in a temp dir. `dbPath` is the SQLite file, or on PostgreSQL the
 * database's URL (what a child process is given to open it); `drop` closes and removes it.
 */
export async function openFixtureDb(
  prefix: string,
  engine?: Engine,
): Promise<{ db: Db; dir: string; dbPath: string; drop: () => Promise<void> }> {
  // Loaded here, not at the top: test-db imports vitest, and the benchmarks use this file's seeding outside it.
  const { defaultTestEngine, openTestDb } = await import('./test-db');
  const t = await openTestDb(engine ?? defaultTestEngine(), prefix);
  return { db: t.db, dir: t.dir, dbPath: t.dbPath ?? t.url!, drop: t.drop };
}

/** Inserts the incident, its approved notices and its people; returns the people's subject ids. */
export async function seedIncident(db: Db, incidentId: string, people: Person[]): Promise<number[]> {
  const now = new Date().toISOString();
  await db.transaction(async (tx) => {
    await insertIncidentTx(tx, {
      id: incidentId,
      title: 't',
      description: '',
      severity: 'high',
      detectedAt: now,
      occurredAt: null,
      detectionMethod: 'other',
      dataCategories: [],
      reporter: null,
      source: null,
      linkedIncidentId: null,
      createdAt: now,
      createdBy: 'u',
      workflowType: 'incidentWorkflowV2',
    });
    for (const [locale, n] of Object.entries(NOTICE)) {
      await tx.run(
        'INSERT INTO notices (incident_id, notice_version, audience, locale, channel, subject, html, text, recipients, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)',
        [incidentId, NOTICE_VERSION, 'individuals', locale, 'email', n.subject, n.html, n.text, people.length, now],
      );
      await tx.run(
        'INSERT INTO notices (incident_id, notice_version, audience, locale, channel, subject, html, text, recipients, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)',
        [incidentId, NOTICE_VERSION, 'individuals', locale, 'sms', null, null, n.sms, people.length, now],
      );
    }
  });
  const ids: number[] = [];
  for (let i = 0; i < people.length; i += 1000) {
    await db.transaction(async (tx) => {
      for (const [j, p] of people.slice(i, i + 1000).entries()) {
        const r = await tx.get<{ id: number }>(
          "INSERT INTO subjects (incident_id, name, email, phone, jurisdiction, locale, import_id, identity_key) VALUES (?,?,?,?,'DE',?, 'imp_test', ?) RETURNING id",
          [incidentId, p.name, p.email, p.phone, p.locale, `k${i + j}`],
        );
        ids.push(r!.id);
      }
    });
  }
  return ids;
}

export function makePeople(n: number, opts: { phoneOnlyEvery?: number; prefix?: string } = {}): Person[] {
  const prefix = opts.prefix ?? 'p';
  return Array.from({ length: n }, (_, i) => {
    const phoneOnly = opts.phoneOnlyEvery ? i % opts.phoneOnlyEvery === 0 : false;
    return {
      name: `Person ${i}`,
      email: phoneOnly ? null : `${prefix}${i}@example.org`,
      phone: phoneOnly ? `+4915${String(100000000 + i)}${prefix.length}` : null,
      locale: i % 7 === 0 ? 'zh-CN' : 'en',
    };
  });
}
