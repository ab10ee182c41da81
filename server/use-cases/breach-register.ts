// The breach register (GDPR Art. 33(5)): every incident, dismissed ones too,
// with the facts, the effects, the decisions and their reasoning. Exported as
// CSV; alert titles are attacker-controlled text, so cells that a spreadsheet
// would run as a formula are neutralised.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../store/connection';
import type { AuthUser } from '../auth';
import { visibleClause } from './incident-access';

export interface RegisterEntry {
  id: string;
  title: string;
  severity: string;
  status: string;
  stage: string;
  detectedAt: string;
  awarenessAt: string | null;
  openedAt: string;
  decision: string;
  reasoning: string;
  riskRationale: string;
  dataCategories: string;
  filings: string;
  closingSummary: string;
}

const latestNote = (kinds: string) =>
  `(SELECT n.body FROM notes n WHERE n.incident_id = i.id AND n.kind IN (${kinds}) ORDER BY n.created_at DESC, n.id DESC LIMIT 1)`;

export async function breachRegister(db: Db, user: AuthUser): Promise<RegisterEntry[]> {
  const v = visibleClause(user);
  const rows = await db.all<{
    id: string;
    title: string;
    severity: string;
    status: string;
    stage: string;
    detected_at: string;
    awareness_at: string | null;
    created_at: string;
    data_categories: string;
    triage_kind: string | null;
    triage_reason: string | null;
    risk: string | null;
    summary: string | null;
    filings: string | null;
  }>(
    `SELECT i.id, i.title, i.severity, i.status, i.stage, i.detected_at, i.awareness_at, i.created_at, i.data_categories,
            (SELECT n.kind FROM notes n WHERE n.incident_id = i.id AND n.kind IN ('triage.confirm', 'triage.dismiss') ORDER BY n.created_at DESC, n.id DESC LIMIT 1) AS triage_kind,
            ${latestNote("'triage.confirm', 'triage.dismiss'")} AS triage_reason,
            ${latestNote("'assessment.rationale'")} AS risk,
            ${latestNote("'close.summary'")} AS summary,
            (SELECT group_concat(f.obligation_id || ' ' || f.reference, '; ') FROM filings f WHERE f.incident_id = i.id) AS filings
     FROM incidents i WHERE ${v.sql} ORDER BY i.created_at DESC`,
    v.params,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    severity: r.severity,
    status: r.status,
    stage: r.stage,
    detectedAt: r.detected_at,
    awarenessAt: r.awareness_at,
    openedAt: r.created_at,
    decision:
      r.triage_kind === 'triage.dismiss'
        ? 'dismissed: not a personal-data breach'
        : r.triage_kind === 'triage.confirm'
          ? 'confirmed breach'
          : 'in triage',
    reasoning: r.triage_reason ?? '',
    riskRationale: r.risk ?? '',
    dataCategories: (JSON.parse(r.data_categories) as string[]).join(', '),
    filings: r.filings ?? '',
    closingSummary: r.summary ?? '',
  }));
}

/** A cell a spreadsheet would read as a formula or control sequence gets a leading quote. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const COLUMNS: [keyof RegisterEntry, string][] = [
  ['id', 'Reference'],
  ['title', 'Title'],
  ['severity', 'Severity'],
  ['status', 'Status'],
  ['stage', 'Stage'],
  ['detectedAt', 'Detected at'],
  ['awarenessAt', 'Aware at'],
  ['openedAt', 'Opened at'],
  ['decision', 'Decision'],
  ['reasoning', 'Reasoning'],
  ['riskRationale', 'Risk assessment'],
  ['dataCategories', 'Data categories'],
  ['filings', 'Regulator filings'],
  ['closingSummary', 'Remedial action and outcome'],
];

export function registerCsv(entries: RegisterEntry[]): string {
  return stringify(
    entries.map((e) => COLUMNS.map(([k]) => neutraliseCell(String(e[k] ?? '')))),
    { header: true, columns: COLUMNS.map(([, label]) => label), quoted_match: /^'/ },
  );
}
