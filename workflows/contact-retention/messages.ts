// The contact-retention run's name and schedule, for the process that schedules it. Definitions only.

/** The registered workflow type; the schedule starts it by this name. */
export const CONTACT_RETENTION_WORKFLOW = 'contactRetentionWorkflow';
/** One schedule per namespace and task queue: it runs every hour and never overlaps itself. */
export const contactRetentionScheduleId = (taskQueue: string) => `contact-retention-${taskQueue}`;

export interface ContactRetentionResult {
  /** How many incidents had their contact data purged in this run (ids stay out of history's results). */
  purged: number;
}
