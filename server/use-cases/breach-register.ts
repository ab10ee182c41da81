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
