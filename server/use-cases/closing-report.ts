// The incident's final report, for the page and the API alike.
import type { Db } from '../../store/connection';
import { HttpError } from '../errors';
import { reportOf } from './incident-queries';

export async function closingReport(db: Db, incidentId: string): Promise<string> {
  const html = await reportOf(db, incidentId);
  if (!html) throw new HttpError(404, 'no report yet: the report is written when the incident closes', null);
  return html;
}
