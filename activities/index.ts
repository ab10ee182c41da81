// Every side effect the incident workflow may cause, built from injected
// dependencies so the worker, tests and benchmarks choose what is real.
import type { Db } from '../store/connection';
import { SendError, type CallProvider, type EmailProvider, type SmsProvider } from './providers';
import type { Logger } from '../lib/logger';
import { createPersistState } from './persist-state';
import { createPersistStateDelta } from './persist-state-delta';
import { createComputeObligations, createComputeObligationsDelta } from './compute-obligations';
import { createCountSubjects } from './count-subjects';
import { createRenderNotices } from './render-notices';
import { createNotifyControllers } from './notify-controllers';
import { createSendSubjectNotices } from './send-subject-notices';
import { createSendRegulatorReport, createSendSupplementaryReport } from './send-regulator-report';
import { createSendReminder } from './send-reminder';
import { createPublishSubstituteNotice } from './publish-substitute-notice';
import { createFinalizeReport } from './finalize-report';
import { createSendNoticePage } from './send-notice-page';
import { createPlanNoticePages } from './plan-notice-pages';
import { createResolveUncertain } from './resolve-uncertain';
import { createSummarizeNotices } from './summarize-notices';
import { createSendFallbacks } from './send-fallbacks';
import { createRecordLateBounces } from './record-late-bounces';
import { heartbeatOnAClock } from './heartbeat-clock';
import { asSendAttempt } from './send-attempt';
import { createSendGate } from './send-gate';
import { createRecoverySignal } from './provider-backoff';
import { createPurgeDueContacts } from './purge-due-contacts';
import { createPlaceCalls, DEFAULT_CALL_RETRY_DELAY_MS } from './place-calls';

const DEFAULT_UNCERTAIN_WAIT_MS = 15 * 60_000;
const DEFAULT_CONTACT_RETENTION_DAYS = 90;

export interface ActivityDeps {
  db: Db;
  email: EmailProvider;
  sms: SmsProvider;
  logger: Logger;
  /** Base URL of the web app for links in messages (the public URL when set). */
  baseUrl: string;
  /** How long an uncertain send waits for evidence before its one re-send (BREACHLINE_UNCERTAIN_WAIT_MINUTES). */
  uncertainWaitMs?: number;
  /** Days contact data is kept after close (BREACHLINE_CONTACT_RETENTION_DAYS). */
  contactRetentionDays?: number;
  /** The data directory, where letter files are removed with the contact data. */
  dataDir?: string;
  /** Telephone calls; without it a call fails, saying no provider is configured. */
  calls?: CallProvider;
  /** Calls placed again after an unreached one (TWILIO_CALL_RETRIES, default 2). */
  callRetries?: number;
  /** Between an unreached call and the next (default an hour). */
  callRetryDelayMs?: number;
  /** How often a wave looks again while call outcomes are awaited (default a minute). */
  callOutcomePollMs?: number;
}

const NO_CALL_PROVIDER: CallProvider = {
  name: 'none',
  reportsOutcomes: false,
  placeCall: () => Promise.reject(new SendError('permanent', 'no telephone provider is configured')),
};

export const createActivities = (given: ActivityDeps) => {
  const deps = {
    ...given,
    emailGate: createSendGate(),
    emailRecovery: createRecoverySignal(),
    smsRecovery: createRecoverySignal(),
  };
  return {
    purgeDueContacts: createPurgeDueContacts({
      db: deps.db,
      logger: deps.logger,
      dataDir: deps.dataDir,
      retentionDays: deps.contactRetentionDays ?? DEFAULT_CONTACT_RETENTION_DAYS,
    }),
    persistState: createPersistState(deps.db),
    persistStateDelta: createPersistStateDelta(deps.db),
    computeObligations: createComputeObligations(deps.db),
    computeObligationsDelta: createComputeObligationsDelta(deps.db),
    countSubjects: createCountSubjects(deps.db),
    renderNotices: createRenderNotices(deps.db, deps.baseUrl),
    notifyControllers: asSendAttempt(deps.db, 'controller', createNotifyControllers(deps)),
    sendSubjectNotices: asSendAttempt(deps.db, 'subjects', createSendSubjectNotices(deps)),
    sendRegulatorReport: asSendAttempt(deps.db, 'regulator', createSendRegulatorReport(deps)),
    sendSupplementaryReport: asSendAttempt(deps.db, 'regulator', createSendSupplementaryReport(deps)),
    sendReminder: asSendAttempt(deps.db, 'reminder', createSendReminder(deps)),
    publishSubstituteNotice: createPublishSubstituteNotice(deps),
    finalizeReport: createFinalizeReport(deps),
    planNoticePages: createPlanNoticePages(deps.db),
    sendNoticePage: asSendAttempt(deps.db, 'page', createSendNoticePage(deps)),
    resolveUncertain: asSendAttempt(
      deps.db,
      'resend',
      createResolveUncertain({ ...deps, uncertainWaitMs: deps.uncertainWaitMs ?? DEFAULT_UNCERTAIN_WAIT_MS }),
    ),
    summarizeNotices: createSummarizeNotices(deps.db),
    sendFallbacks: asSendAttempt(deps.db, 'fallback', createSendFallbacks(deps)),
    recordLateBounces: heartbeatOnAClock(createRecordLateBounces(deps)),
    placeCalls: asSendAttempt(
      deps.db,
      'call',
      createPlaceCalls({
        ...deps,
        calls: deps.calls ?? NO_CALL_PROVIDER,
        callRetries: deps.callRetries ?? 2,
        callRetryDelayMs: deps.callRetryDelayMs ?? DEFAULT_CALL_RETRY_DELAY_MS,
        outcomePollMs: deps.callOutcomePollMs,
        uncertainWaitMs: deps.uncertainWaitMs ?? DEFAULT_UNCERTAIN_WAIT_MS,
      }),
    ),
  };
};

export type Activities = ReturnType<typeof createActivities>;
