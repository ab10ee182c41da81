// Purges the contact data of closed incidents past their retention period. Started every hour by a
// Temporal schedule (server/retention-schedule.ts), so a missed hour, a worker outage or a crash
// mid-run only delays the purge: the activity finds what is due each time, and a purge is one
// transaction that a second run recognises as done. Legal holds are checked in that transaction.
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import type { ContactRetentionResult } from './messages';

const { purgeDueContacts } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '30 seconds', maximumAttempts: 5 },
});

export async function contactRetentionWorkflow(): Promise<ContactRetentionResult> {
  return purgeDueContacts();
}
