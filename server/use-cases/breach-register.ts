// The breach register (GDPR Art. 33(5)): every incident, dismissed ones too,
// with the facts, the effects, the decisions and their reasoning. Exported as
// CSV through lib/csv.ts: alert titles are attacker-controlled text.
import { csvText } from '../../lib/csv';
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
  decidedBy: string;
  reasoning: string;
  riskRationale: string;
  dataCategories: string;
  filings: string;
  closingSummary: string;
  closedBy: string;
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
    decidedBy: row.triage_kind ? (row.triage_by ?? 'an API token or a removed account') : '',
    reasoning: row.triage_reason ?? '',
    riskRationale: row.risk ?? '',
    dataCategories: (JSON.parse(row.data_categories) as string[]).join(', '),
    filings: row.filings ?? '',
    closingSummary: row.summary ?? '',
    closedBy: row.summary ? (row.closed_by ?? 'an API token or a removed account') : '',
  }));
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
  ['decidedBy', 'Decided by'],
  ['reasoning', 'Reasoning'],
  ['riskRationale', 'Risk assessment'],
  ['dataCategories', 'Data categories'],
  ['filings', 'Regulator filings'],
  ['closingSummary', 'Remedial action and outcome'],
  ['closedBy', 'Closed by'],
];

export function registerCsv(entries: RegisterEntry[]): string {
  return csvText(
    COLUMNS.map(([, label]) => label),
    entries.map((entry) => COLUMNS.map(([field]) => String(entry[field] ?? ''))),
  );
}
