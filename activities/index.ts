// Every side effect the incident workflow may cause, built from injected
// dependencies so the worker, tests and benchmarks choose what is real.
import type { Db } from './db/connection';
import type { EmailProvider, SmsProvider } from './providers';
import type { Logger } from './logger';
import { createPersistState } from './persist-state';
import { createComputeObligations } from './compute-obligations';
import { createCountSubjects } from './count-subjects';
import { createRenderNotices } from './render-notices';
import { createNotifyControllers } from './notify-controllers';
import { createSendSubjectNotices } from './send-subject-notices';
import { createSendRegulatorReport, createSendSupplementaryReport } from './send-regulator-report';
import { createSendReminder } from './send-reminder';
import { createPublishSubstituteNotice } from './publish-substitute-notice';
import { createFinalizeReport } from './finalize-report';

export interface ActivityDeps {
  db: Db;
  email: EmailProvider;
  sms: SmsProvider;
  logger: Logger;
  /** Base URL of the web app for links in messages (the public URL when set). */
  baseUrl: string;
}

export const createActivities = (deps: ActivityDeps) => ({
  persistState: createPersistState(deps.db),
  computeObligations: createComputeObligations(deps.db),
  countSubjects: createCountSubjects(deps.db),
  renderNotices: createRenderNotices(deps.db, deps.baseUrl),
  notifyControllers: createNotifyControllers(deps),
  sendSubjectNotices: createSendSubjectNotices(deps),
  sendRegulatorReport: createSendRegulatorReport(deps),
  sendSupplementaryReport: createSendSupplementaryReport(deps),
  sendReminder: createSendReminder(deps),
  publishSubstituteNotice: createPublishSubstituteNotice(deps),
  finalizeReport: createFinalizeReport(deps),
});

export type Activities = ReturnType<typeof createActivities>;
