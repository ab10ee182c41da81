// The schedule that starts the contact-retention run every hour (workflows/contact-retention).
// Made by the web process at start, once per task queue: a second start finds it and leaves it.
import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';
import { CONTACT_RETENTION_WORKFLOW, contactRetentionScheduleId } from '../workflows/contact-retention/messages';

export async function ensureRetentionSchedule(client: Client, taskQueue: string): Promise<'created' | 'exists'> {
  const scheduleId = contactRetentionScheduleId(taskQueue);
  try {
    await client.schedule.create({
      scheduleId,
      spec: { intervals: [{ every: '1 hour' }] },
      action: {
        type: 'startWorkflow',
        workflowType: CONTACT_RETENTION_WORKFLOW,
        workflowId: `contact-retention-${taskQueue}`,
        taskQueue,
        args: [],
      },
      // A run still purging when the next hour comes is left to finish; an outage is not caught up
      // hour by hour, since the next run purges everything that came due meanwhile.
      policies: { overlap: 'SKIP', catchupWindow: '1 hour' },
    });
    return 'created';
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return 'exists';
    throw err;
  }
}
