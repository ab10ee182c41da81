// The breach register (GDPR Art. 33(5)): every incident, dismissed ones too,
// with the facts, the effects, the decisions and their reasoning. Exported as
// CSV; alert titles are attacker-controlled text, so cells that a spreadsheet
// would run as a formula are neutralised.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../../store/connection';
import type { AuthUser } from '../auth';
import { viewerOf } from './incident-access';
import { breachRegisterRows } from '../../store/breach-register';

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

export async function breachRegister(db: Db, user: AuthUser): Promise<RegisterEntry[]> {
  const rows = await breachRegisterRows(db, viewerOf(user));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    severity: row.severity,
    status: row.status,
    stage: row.stage,
    detectedAt: row.detected_at,
    awarenessAt: row.awareness_at,
    openedAt: row.created_at,
    decision:
      row.triage_kind === 'triage.dismiss'
        ? 'dismissed: not a personal-data breach'
        : row.triage_kind === 'triage.confirm'
          ? 'confirmed breach'
          : 'in triage',
    reasoning: row.triage_reason ?? '',
    riskRationale: row.risk ?? '',
    dataCategories: (JSON.parse(row.data_categories) as string[]).join(', '),
    filings: row.filings ?? '',
    closingSummary: row.summary ?? '',
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
    entries.map((entry) => COLUMNS.map(([field]) => neutraliseCell(String(entry[field] ?? '')))),
    { header: true, columns: COLUMNS.map(([, label]) => label), quoted_match: /^'/ },
  );
}
