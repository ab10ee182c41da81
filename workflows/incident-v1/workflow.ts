// The first incident workflow (registered as `incidentWorkflow`), frozen: incidents
// started before incidentWorkflowV2 (../incident/workflow.ts) run it to their end or
// move to v2 at their next continue-as-new. Change it only behind patched(), and
// keep its recorded histories replaying (test/workflows/replay.test.ts).
//
// One durable run per breach incident, from triage to close. Every human step is an Update whose validator refuses bad input with a
// reason naming the field; every state change reaches SQLite (through the
// persistState activity) before the update that caused it returns.
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  makeContinueAsNewFunc,
  currentUpdateInfo,
  executeChild,
  log,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../../activities';
import { notifySubjectsWorkflow, notifyWorkflowId } from '../notify-subjects';
import {
  alertSignal,
  INCIDENT_WORKFLOW,
  approveNoticesUpdate,
  assessUpdate,
  changeAwarenessUpdate,
  closeUpdate,
  incidentStateQuery,
  recordDeterminationUpdate,
  placeHoldUpdate,
  recomputeUpdate,
  recordFilingUpdate,
  releaseHoldUpdate,
  subjectsImportedUpdate,
  supplementReportUpdate,
  triageUpdate,
} from '../incident/messages';
import {
  holdInForce,
  isOpenObligation,
  mergeObligations,
  pendingTimers,
  type TimerEvent,
} from '../obligation-tracking';
import type {
  AlertSignal,
  ApprovalRequest,
  AssessmentRequest,
  AwarenessChangeRequest,
  DeterminationRequest,
  Determinations,
  FilingRequest,
  HoldRequest,
  IncidentInput,
  IncidentState,
  Stage,
  TimelineEvent,
  TriageRequest,
  UpdateResult,
  Actor,
  RecomputeRequest,
  RequestMeta,
  SupplementRequest,
  PendingSupplement,
} from '../types';
import { toDetectionMethod } from '../types';

/** Thrown by validators; the server maps it to 409 {error, field}. */
export class UpdateRejected extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'UpdateRejected';
  }
}

const quick = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

const sending = proxyActivities<Activities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', nonRetryableErrorTypes: ['ConfigurationError'] },
});

/** Events per run before continuing as new, well under Temporal's suggestion of 4,096. */
const DEFAULT_HISTORY_LIMIT = 2_000;
const RECENT_UPDATES_KEPT = 200;

export interface IncidentOptions {
  historyLimit?: number;
}

export interface IncidentOutcome {
  incidentId: string;
  status: IncidentState['status'];
  stage: Stage;
}

export function initialState(input: IncidentInput): IncidentState {
  return {
    incidentId: input.incidentId,
    stage: 'triage',
    status: 'open',
    stateVersion: 0,
    input,
    awarenessAt: null,
    facts: null,
    subjects: { total: 0, withEmail: 0, withPhone: 0, withoutContact: 0 },
    obligations: [],
    catalogVersion: null,
    hold: null,
    notices: null,
    approval: null,
    controllersNotifiedAt: null,
    subjectsNotifiedAt: null,
    substituteNoticeAt: null,
    alertCount: 0,
    lastAlertAt: null,
    recentAlertIds: [],
    closedAt: null,
    firedReminders: [],
    nextHoldReviewAt: null,
    recentUpdates: {},
  };
}

export async function incidentWorkflow(
  startInput: IncidentInput,
  carried?: IncidentState & { eventSeq?: number; pendingAlerts?: AlertSignal[] },
  options: IncidentOptions = {},
): Promise<IncidentOutcome> {
  // Runs started before detection methods were codes carry the words they were given; from here on
  // only the code is written (persistState, events, continue-as-new), so the words stay in SQLite.
  const input: IncidentInput = {
    ...startInput,
    detectionMethod: toDetectionMethod(String(startInput.detectionMethod)).code,
  };
  const { eventSeq: _seq, pendingAlerts: _alerts, ...carriedState } = carried ?? {};
  const state: IncidentState = carried ? { ...(carriedState as IncidentState), input } : initialState(input);
  let eventSeq = carried?.eventSeq ?? 0;
  // Alerts signalled but not yet recorded travel with continue-as-new, so none is lost between runs.
  const pendingAlerts: AlertSignal[] = [...(carried?.pendingAlerts ?? [])];
  let wake = false;
  const historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const id = state.incidentId;
  // Runs from before obligations due "immediately" had reminders keep their timers as they were.
  const timerOptions = { dueNow: patched('due-now-reminders') };

  const now = () => new Date(Date.now()).toISOString();
  const event = (
    type: string,
    actor: Actor,
    summary: string,
    details?: Record<string, unknown>,
  ): TimelineEvent & { eventKey: string } => ({
    incidentId: id,
    type,
    at: now(),
    actor,
    summary,
    details,
    eventKey: `${id}:${++eventSeq}`,
  });

  const persist = async (events: (TimelineEvent & { eventKey: string })[]) => {
    state.stateVersion++;
    await quick.persistState({ state: { ...state, recentUpdates: {} }, events });
  };

  const facts = () => {
    const f = state.facts!;
    return {
      incidentId: id,
      awarenessAt: state.awarenessAt!,
      role: f.role,
      dataElements: f.dataElements,
      encrypted: f.encrypted,
      keyCompromised: f.keyCompromised,
      affected: f.affected,
      riskLevel: f.riskLevel,
      sectors: f.sectors,
      discoveredAt: state.determinations?.discoveredAt ?? state.awarenessAt!,
      determinations: {
        notifiableAt: state.determinations?.notifiableAt,
        materialityAt: state.determinations?.materialityAt,
      },
      hold: state.hold,
      noticesSent: state.obligations
        .filter((o) => (o.status === 'sent' || o.status === 'filed') && o.fulfilledAt)
        .map((o) => ({ regime: o.regime, audience: o.audience, at: o.fulfilledAt! })),
    };
  };

  const recompute = async (
    trigger: string,
    events: (TimelineEvent & { eventKey: string })[],
    actor: Actor,
    adoptNewCatalog = false,
  ) => {
    if (!state.facts || !state.awarenessAt) return;
    const result = await quick.computeObligations(facts());
    // The rules an incident was assessed under stay in force until a person chooses to move it to a
    // newer catalog: deadlines must not shift silently under a running incident.
    if (state.catalogVersion && result.catalogVersion !== state.catalogVersion && !adoptNewCatalog) {
      if (state.availableCatalogVersion !== result.catalogVersion) {
        state.availableCatalogVersion = result.catalogVersion;
        events.push(
          event(
            'catalog.update_available',
            actor,
            `Rules catalog ${result.catalogVersion} is available (incident uses ${state.catalogVersion}); ask for a recompute to apply it`,
            {
              catalogVersion: state.catalogVersion,
              available: result.catalogVersion,
            },
          ),
        );
      }
      return;
    }
    state.availableCatalogVersion = null;
    const before = new Map(state.obligations.map((o) => [o.id, o]));
    state.obligations = mergeObligations(state.obligations, result.obligations, state.hold, trigger);
    state.catalogVersion = result.catalogVersion;
    const changed = state.obligations.filter((o) => {
      const b = before.get(o.id);
      return !b || b.status !== o.status || b.dueAt !== o.dueAt;
    });
    if (changed.length > 0) {
      events.push(
        event('obligations.recomputed', actor, `Obligations recomputed after ${trigger}`, {
          catalogVersion: result.catalogVersion,
          changed: changed.map((o) => ({ id: o.id, status: o.status, dueAt: o.dueAt })),
        }),
      );
    }
  };

  const rerenderNotices = async (events: (TimelineEvent & { eventKey: string })[], actor: Actor) => {
    if (!state.facts) return;
    // The renderer reads the facts and obligations from SQLite: write them first. Runs started
    // before this fix rendered from the previous snapshot; patched() keeps their replay intact.
    if (patched('persist-before-render')) await persist([]);
    const rendered = await quick.renderNotices({ incidentId: id });
    const previous = state.notices?.noticeVersion;
    state.notices = rendered;
    if (previous !== rendered.noticeVersion) {
      events.push(
        event('notices.rendered', actor, `Notices rendered (version ${rendered.noticeVersion.slice(0, 12)})`, {
          ...rendered,
        }),
      );
      if (state.approval && state.approval.noticeVersion !== rendered.noticeVersion) {
        events.push(
          event('approval.invalidated', actor, 'Approval withdrawn: the notices changed and need a new approval', {
            approved: state.approval.noticeVersion,
          }),
        );
        state.approval = null;
        if (state.stage === 'notifying') state.stage = 'approval';
      }
    }
  };

  const result = (extra: Record<string, unknown> = {}): UpdateResult => ({
    incidentId: id,
    stage: state.stage,
    stateVersion: state.stateVersion,
    ...extra,
  });

  /**
   * Every human step runs through here. The request key (the caller's Idempotency-Key, else
   * the update id) makes a repeat return the first answer without a second effect, also in a
   * later run after continue-as-new and also when two copies arrive at once. A request that
   * reaches a worker after the caller was answered 503 (respondBy passed) is refused.
   */
  const inFlight = new Map<string, Promise<UpdateResult>>();
  const keyOf = (req: RequestMeta) => req.requestKey ?? currentUpdateInfo()?.id;
  const step = <A extends RequestMeta>(
    def: UpdateDefinition<UpdateResult, [A]>,
    run: (req: NoInfer<A>) => Promise<UpdateResult>,
    check: (req: NoInfer<A>) => void,
  ) => {
    setHandler(
      def,
      async (req: A) => {
        const key = keyOf(req);
        if (key) {
          const done = state.recentUpdates[key] ?? inFlight.get(key);
          if (done) return done;
        }
        const running = run(req).then((r) => {
          if (key) {
            state.recentUpdates[key] = r;
            const keys = Object.keys(state.recentUpdates);
            if (keys.length > RECENT_UPDATES_KEPT) delete state.recentUpdates[keys[0]!];
          }
          wake = true;
          return r;
        });
        if (key) inFlight.set(key, running);
        try {
          return await running;
        } finally {
          if (key) inFlight.delete(key);
        }
      },
      {
        validator: (req: A) => {
          const key = keyOf(req);
          if (key && (state.recentUpdates[key] || inFlight.has(key))) return;
          if (req.respondBy && Date.now() > Date.parse(req.respondBy)) {
            throw new UpdateRejected('request', 'expired before a worker took it; nothing was recorded, send it again');
          }
          check(req);
        },
      },
    );
  };

  const requireOpen = () => {
    if (state.status !== 'open') throw new UpdateRejected('stage', `incident is ${state.status}`);
  };
  const requireStage = (...stages: Stage[]) => {
    requireOpen();
    if (!stages.includes(state.stage))
      throw new UpdateRejected('stage', `not allowed in stage ${state.stage} (allowed: ${stages.join(', ')})`);
  };
  const requireIso = (field: string, value: string | undefined) => {
    if (value !== undefined && Number.isNaN(Date.parse(value)))
      throw new UpdateRejected(field, 'must be an ISO 8601 time');
  };

  // ---- Triage ----
  step(
    triageUpdate,
    async (req) => {
      const events = [];
      if (req.decision === 'dismiss') {
        state.stage = 'dismissed';
        state.status = 'dismissed';
        state.closedAt = now();
        events.push(
          event('triage.dismissed', req.actor, 'Dismissed: not a personal-data breach', {
            reasonNoteId: req.reasonNoteId,
          }),
        );
      } else {
        state.awarenessAt = req.awarenessAt ?? now();
        // Confirming is the determination that a breach occurred: clocks that run from "determination"
        // start at the confirmed awareness time. Runs confirmed before this keep the engine's fallback
        // (the same instant) and their replay unchanged.
        if (patched('triage-records-determination'))
          state.determinations = {
            ...state.determinations,
            notifiableAt: state.awarenessAt,
            notifiableFromTriage: true,
          };
        state.stage = 'assessment';
        events.push(
          event('triage.confirmed', req.actor, 'Confirmed as a personal-data breach; legal clock started', {
            awarenessAt: state.awarenessAt,
            reasonNoteId: req.reasonNoteId,
          }),
        );
      }
      await persist(events);
      return result();
    },
    (req: TriageRequest) => {
      requireStage('triage');
      if (req.decision !== 'confirm' && req.decision !== 'dismiss')
        throw new UpdateRejected('decision', 'must be confirm or dismiss');
      if (!req.reasonNoteId) throw new UpdateRejected('reason', 'required');
      requireIso('awarenessAt', req.awarenessAt);
      if (req.awarenessAt && Date.parse(req.awarenessAt) > Date.now() + 60_000)
        throw new UpdateRejected('awarenessAt', 'cannot be in the future');
    },
  );

  step(
    changeAwarenessUpdate,
    async (req) => {
      const previous = state.awarenessAt;
      state.awarenessAt = req.awarenessAt;
      // A determination taken from the triage confirmation was the awareness time; it moves with it.
      if (state.determinations?.notifiableFromTriage) state.determinations.notifiableAt = req.awarenessAt;
      const events = [
        event('awareness.changed', req.actor, 'Awareness time changed', {
          from: previous,
          to: req.awarenessAt,
          reasonNoteId: req.reasonNoteId,
        }),
      ];
      await recompute('a change of the awareness time', events, req.actor);
      await persist(events);
      return result();
    },
    (req: AwarenessChangeRequest) => {
      requireOpen();
      if (!state.awarenessAt) throw new UpdateRejected('stage', 'the incident has not been confirmed yet');
      requireIso('awarenessAt', req.awarenessAt);
      if (Date.parse(req.awarenessAt) > Date.now() + 60_000)
        throw new UpdateRejected('awarenessAt', 'cannot be in the future');
      if (!req.reasonNoteId) throw new UpdateRejected('reason', 'a change of the legal clock needs a reason');
    },
  );

  // ---- Determinations (clocks from discovery, the notifiable determination, SEC materiality) ----
  const DETERMINATION_FIELDS = ['discoveredAt', 'notifiableAt', 'materialityAt'] as const;
  const DETERMINATION_LABELS: Record<(typeof DETERMINATION_FIELDS)[number], string> = {
    discoveredAt: 'discovered',
    notifiableAt: 'determined notifiable',
    materialityAt: 'determined material',
  };
  step(
    recordDeterminationUpdate,
    async (req) => {
      const given: Determinations = {};
      for (const f of DETERMINATION_FIELDS) if (req[f]) given[f] = req[f];
      state.determinations = {
        ...state.determinations,
        ...given,
        ...(given.notifiableAt ? { notifiableFromTriage: false } : {}),
      };
      const said = DETERMINATION_FIELDS.filter((f) => given[f]).map((f) => `${DETERMINATION_LABELS[f]} ${given[f]}`);
      const events = [
        event('determination.recorded', req.actor, `Determination recorded: ${said.join('; ')}`, {
          ...given,
          reasonNoteId: req.reasonNoteId,
        }),
      ];
      await recompute('a recorded determination', events, req.actor);
      await persist(events);
      return result({ determinations: given });
    },
    (req: DeterminationRequest) => {
      requireOpen();
      if (!state.awarenessAt) throw new UpdateRejected('stage', 'the incident has not been confirmed yet');
      if (!DETERMINATION_FIELDS.some((f) => req[f]))
        throw new UpdateRejected('notifiableAt', 'give at least one of discoveredAt, notifiableAt, materialityAt');
      const detected = Date.parse(state.input.detectedAt);
      for (const f of DETERMINATION_FIELDS) {
        const value = req[f];
        if (value === undefined) continue;
        requireIso(f, value);
        const at = Date.parse(value);
        if (at > Date.now() + 60_000) throw new UpdateRejected(f, 'cannot be in the future');
        if (at < detected)
          throw new UpdateRejected(f, `cannot be before the breach was detected (${state.input.detectedAt})`);
      }
      // A breach cannot be determined notifiable before we were aware of it: that is a correction of awareness.
      if (req.notifiableAt && Date.parse(req.notifiableAt) < Date.parse(state.awarenessAt))
        throw new UpdateRejected(
          'notifiableAt',
          `cannot be before the awareness time (${state.awarenessAt}); correct the awareness time instead`,
        );
      if (!req.reasonNoteId) throw new UpdateRejected('reason', 'a determination needs a reason');
    },
  );

  // ---- Scope assessment ----
  step(
    assessUpdate,
    async (req) => {
      const { actor, channelPolicy, requestKey: _key, respondBy: _by, ...facts } = req;
      state.facts = { ...facts, channelPolicy: channelPolicy ?? state.facts?.channelPolicy ?? 'sms_fallback' };
      if (state.stage === 'assessment') state.stage = 'approval';
      const events = [
        event(
          'assessment.recorded',
          actor,
          `Scope assessed: ${facts.riskLevel}, ${Object.values(facts.affected).reduce((a, b) => a + b, 0)} people`,
          {
            role: facts.role,
            riskLevel: facts.riskLevel,
            dataElements: facts.dataElements,
            affected: facts.affected,
            assessmentId: facts.assessmentId,
          },
        ),
      ];
      await recompute('the scope assessment', events, actor);
      await rerenderNotices(events, actor);
      await persist(events);
      return result({ noticeVersion: state.notices?.noticeVersion ?? null });
    },
    (req: AssessmentRequest) => {
      requireStage('assessment', 'approval', 'notifying', 'reporting');
      if (req.role === 'processor' && req.controllerIds.length === 0)
        throw new UpdateRejected('controllers', 'a processor must name at least one controller');
      if (!['none', 'risk', 'high_risk'].includes(req.riskLevel))
        throw new UpdateRejected('riskLevel', 'must be none, risk or high_risk');
      for (const [code, n] of Object.entries(req.affected)) {
        if (!Number.isInteger(n) || n < 0)
          throw new UpdateRejected(`affected.${code}`, 'must be a whole number of people');
      }
    },
  );

  step(
    subjectsImportedUpdate,
    async (req) => {
      state.subjects = await quick.countSubjects({ incidentId: id });
      const events = [
        event('subjects.imported', req.actor, `Imported ${req.imported} people (${req.rejected} rejected)`, {
          importId: req.importId,
          imported: req.imported,
          rejected: req.rejected,
        }),
      ];
      await rerenderNotices(events, req.actor);
      await persist(events);
      return result({ subjects: state.subjects, noticeVersion: state.notices?.noticeVersion ?? null });
    },
    () => requireStage('triage', 'assessment', 'approval', 'notifying', 'reporting'),
  );

  // ---- Hold ----
  step(
    placeHoldUpdate,
    async (req) => {
      const placedAt = now();
      state.hold = {
        id: req.holdId,
        source: req.source,
        form: req.form,
        reviewEveryDays: req.reviewEveryDays,
        placedAt,
        placedBy: req.actor,
        releasedAt: null,
      };
      state.nextHoldReviewAt = new Date(Date.parse(placedAt) + req.reviewEveryDays * 86_400_000).toISOString();
      const events = [
        event('hold.placed', req.actor, `Notification hold placed (${req.source.replace('_', ' ')}, ${req.form})`, {
          holdId: req.holdId,
          reviewEveryDays: req.reviewEveryDays,
        }),
      ];
      await recompute('a notification hold', events, req.actor);
      await persist(events);
      return result({ held: state.obligations.filter((o) => o.status === 'held').map((o) => o.id) });
    },
    (req: HoldRequest) => {
      requireOpen();
      if (holdInForce(state.hold)) throw new UpdateRejected('hold', 'a hold is already in force; release it first');
      if (!Number.isInteger(req.reviewEveryDays) || req.reviewEveryDays < 1 || req.reviewEveryDays > 365)
        throw new UpdateRejected('reviewEveryDays', 'must be 1 to 365');
    },
  );

  step(
    releaseHoldUpdate,
    async (req) => {
      state.hold = { ...state.hold!, releasedAt: now() };
      state.nextHoldReviewAt = null;
      const events = [
        event('hold.released', req.actor, 'Notification hold released; held notices resume', {
          holdId: state.hold.id,
          reasonNoteId: req.reasonNoteId,
        }),
      ];
      await recompute('the release of the hold', events, req.actor);
      await persist(events);
      return result();
    },
    () => {
      requireOpen();
      if (!holdInForce(state.hold)) throw new UpdateRejected('hold', 'no hold is in force');
    },
  );

  // ---- Approval ----
  step(
    approveNoticesUpdate,
    async (req) => {
      state.approval = { noticeVersion: req.noticeVersion, approvedBy: req.actor, approvedAt: now() };
      state.stage = 'notifying';
      const events = [
        event('notices.approved', req.actor, `Notices approved (version ${req.noticeVersion.slice(0, 12)})`, {
          noticeVersion: req.noticeVersion,
          noteId: req.noteId,
        }),
      ];
      await persist(events);
      return result();
    },
    (req: ApprovalRequest) => {
      requireStage('approval', 'notifying', 'reporting');
      if (!state.notices) throw new UpdateRejected('noticeVersion', 'no notices have been rendered yet');
      if (req.noticeVersion !== state.notices.noticeVersion)
        throw new UpdateRejected('noticeVersion', `stale: the current version is ${state.notices.noticeVersion}`);
      if (state.approval?.noticeVersion === req.noticeVersion)
        throw new UpdateRejected('noticeVersion', 'this version is already approved');
    },
  );

  // ---- Regulator filings ----
  step(
    recordFilingUpdate,
    async (req) => {
      const o = state.obligations.find((x) => x.id === req.obligationId)!;
      o.status = 'filed';
      o.fulfilledAt = o.fulfilledAt ?? now();
      o.filingReference = req.referenceNoteId;
      const events = [
        event(
          'filing.recorded',
          req.actor,
          `Filing recorded for ${o.basis}${req.late ? ' (after the deadline, with reasons)' : ''}`,
          {
            obligationId: o.id,
            referenceNoteId: req.referenceNoteId,
            late: req.late,
            delayReasonNoteId: req.delayReasonNoteId ?? null,
          },
        ),
      ];
      await recompute('a filing', events, req.actor);
      await persist(events);
      return result();
    },
    (req: FilingRequest) => {
      requireOpen();
      const o = state.obligations.find((x) => x.id === req.obligationId);
      if (!o) throw new UpdateRejected('obligationId', 'unknown obligation');
      if (o.status === 'superseded' || o.status === 'not_required')
        throw new UpdateRejected('obligationId', `obligation is ${o.status}`);
      const late = o.dueAt !== null && Date.now() > Date.parse(o.dueAt);
      if (late && !req.delayReasonNoteId)
        throw new UpdateRejected(
          'delayReason',
          'a filing after its deadline must give the reasons for the delay (GDPR Art. 33(1))',
        );
    },
  );

  // ---- Supplementary information to a regulator, in phases (GDPR Art. 33(4)) ----
  // The send can wait on a provider for a long time: the update records the request and returns,
  // and the send runs beside the main loop, its outcome a timeline event. Runs from before sent
  // inside the update; patched() keeps their replay.
  step(
    supplementReportUpdate,
    async (req) => {
      const o = state.obligations.find((x) => x.id === req.obligationId)!;
      if (patched('supplement-after-update')) {
        const pending: PendingSupplement = {
          obligationId: o.id,
          informationNoteId: req.informationNoteId,
          actor: req.actor,
        };
        state.pendingSupplements = [...(state.pendingSupplements ?? []), pending];
        await persist([
          event('regulator.supplement_requested', req.actor, `Supplementary report to ${o.recipient} requested`, {
            obligationId: o.id,
            informationNoteId: req.informationNoteId,
          }),
        ]);
        startSupplement(pending);
        return result({ status: 'requested' });
      }
      const r = await sending.sendSupplementaryReport({
        incidentId: id,
        obligationId: o.id,
        informationNoteId: req.informationNoteId,
      });
      const events = [
        event(
          r.status === 'sent' ? 'regulator.supplement_sent' : 'regulator.supplement_ready',
          req.actor,
          r.status === 'sent'
            ? `Supplementary report sent to ${o.recipient} (${o.basis})`
            : `Supplementary report ready for manual filing with ${o.recipient}`,
          { obligationId: o.id, informationNoteId: req.informationNoteId, outboxId: r.outboxId },
        ),
      ];
      await persist(events);
      return result({ status: r.status });
    },
    (req: SupplementRequest) => {
      requireOpen();
      const o = state.obligations.find((x) => x.id === req.obligationId);
      if (!o || o.audience !== 'regulator')
        throw new UpdateRejected('obligationId', 'not a regulator obligation of this incident');
      if (!['sent', 'filed', 'manual'].includes(o.status))
        throw new UpdateRejected('obligationId', `the initial report has not gone yet (status ${o.status})`);
    },
  );

  let supplementsRunning = 0;
  function startSupplement(pending: PendingSupplement): void {
    supplementsRunning++;
    void sendSupplement(pending).finally(() => {
      supplementsRunning--;
      wake = true;
    });
  }
  async function sendSupplement(pending: PendingSupplement): Promise<void> {
    const r = await sending.sendSupplementaryReport({
      incidentId: id,
      obligationId: pending.obligationId,
      informationNoteId: pending.informationNoteId,
    });
    // Re-read after the await: a recompute may have replaced the obligation objects.
    const o = state.obligations.find((x) => x.id === pending.obligationId);
    state.pendingSupplements = (state.pendingSupplements ?? []).filter((p) => p !== pending);
    await persist([
      event(
        r.status === 'sent' ? 'regulator.supplement_sent' : 'regulator.supplement_ready',
        pending.actor,
        r.status === 'sent'
          ? `Supplementary report sent to ${o?.recipient ?? 'the regulator'} (${o?.basis ?? pending.obligationId})`
          : `Supplementary report ready for manual filing with ${o?.recipient ?? 'the regulator'}`,
        { obligationId: pending.obligationId, informationNoteId: pending.informationNoteId, outboxId: r.outboxId },
      ),
    ]);
  }
  // Continue-as-new waits for sends under way, so a carried state has none today; should one be carried,
  // it is sent rather than dropped, and its outbox row (keyed by the information note) keeps it to one report.
  for (const pending of state.pendingSupplements ?? []) startSupplement(pending);

  // ---- Close ----
  step(
    closeUpdate,
    async (req) => {
      state.stage = 'closed';
      state.status = 'closed';
      state.closedAt = now();
      const events = [event('incident.closed', req.actor, 'Incident closed', { summaryNoteId: req.summaryNoteId })];
      await persist(events);
      const report = await quick.finalizeReport({ incidentId: id });
      return result({ auditHead: report });
    },
    () => {
      requireStage('assessment', 'approval', 'notifying', 'reporting');
      if (holdInForce(state.hold)) throw new UpdateRejected('hold', 'release the hold before closing');
      if ((state.pendingSupplements ?? []).length > 0)
        throw new UpdateRejected('supplement', 'a supplementary report is still being sent; close once it has gone');
      const open = state.obligations.filter(isOpenObligation);
      if (open.length > 0) throw new UpdateRejected('obligations', `still open: ${open.map((o) => o.id).join(', ')}`);
    },
  );

  step(
    recomputeUpdate,
    async (req) => {
      const events = [
        event('obligations.recompute_requested', req.actor, 'Recompute requested', { reasonNoteId: req.reasonNoteId }),
      ];
      await recompute('a request', events, req.actor, true);
      await rerenderNotices(events, req.actor);
      await persist(events);
      return result();
    },
    (req: RecomputeRequest) => {
      requireOpen();
      if (!req.reasonNoteId) throw new UpdateRejected('reason', 'required');
    },
  );

  setHandler(alertSignal, (a) => {
    pendingAlerts.push(a);
    wake = true;
  });
  setHandler(incidentStateQuery, () => state);

  // ---- The main loop: alerts, sends and timers ----
  const fired = new Set(state.firedReminders);

  const processAlerts = async () => {
    if (pendingAlerts.length === 0) return;
    const batch = pendingAlerts.splice(0, pendingAlerts.length);
    const events = [];
    for (const a of batch) {
      if (state.recentAlertIds.includes(a.alertId)) continue;
      state.recentAlertIds = [...state.recentAlertIds, a.alertId].slice(-100);
      state.alertCount++;
      state.lastAlertAt = a.receivedAt;
      events.push(
        event(`alert.${a.action}`, { kind: 'webhook', id: input.source ?? 'alert' }, `Alert ${a.action} received`, {
          alertId: a.alertId,
        }),
      );
    }
    if (events.length > 0) await persist(events);
  };

  const approvedCurrent = () =>
    state.approval !== null && state.notices !== null && state.approval.noticeVersion === state.notices.noticeVersion;

  const processSends = async () => {
    if (state.status !== 'open' || !state.facts) return;
    const system: Actor = { kind: 'system', id: 'workflow' };

    const controllers = state.obligations.filter(
      (o) => o.audience === 'controller' && o.required && o.status === 'pending',
    );
    const controllerSet = (state.facts.controllerIds ?? []).join(',');
    // Runs from before this read every outcome as sent; they keep doing so on replay.
    const outcomeRead = controllers.length > 0 && patched('controller-outcome');
    if (controllers.length > 0 && !(outcomeRead && state.controllerNoticeTriedFor === controllerSet)) {
      const r = await sending.notifyControllers({ incidentId: id });
      const at = now();
      const told = !outcomeRead || (r.sent > 0 && r.failed === 0 && r.uncertain === 0);
      const events: ReturnType<typeof event>[] = [];
      if (told) {
        for (const o of controllers) Object.assign(o, { status: 'sent', fulfilledAt: at });
        state.controllersNotifiedAt = at;
        events.push(
          event('controllers.notified', system, `Controller notice sent to ${r.sent} controller(s)`, { ...r }),
        );
      } else {
        // The processor's Art. 33(2) duty is not met by a notice that failed or may not have arrived:
        // the obligation stays open and its reminders go on, until a person records how the controller
        // was told (a filing) or the controllers change.
        state.controllerNoticeTriedFor = controllerSet;
        events.push(
          event(
            'controllers.notice_failed',
            system,
            `Controller notice not confirmed: ${r.sent} sent, ${r.failed} failed, ${r.uncertain} uncertain; the obligation stays open`,
            { ...r },
          ),
        );
      }
      await recompute('the controller notice', events, system);
      await persist(events);
    }

    if (!approvedCurrent()) return;
    const version = state.notices!.noticeVersion;

    const individuals = state.obligations.filter(
      (o) => o.audience === 'individuals' && o.required && o.status === 'pending',
    );
    if (individuals.length > 0) {
      const channelPolicy = state.facts.channelPolicy;
      // Runs started before the fan-out sent everyone from one activity; they keep doing so on replay.
      const r = patched('notify-fan-out')
        ? await executeChild(notifySubjectsWorkflow, {
            workflowId: notifyWorkflowId(id, version),
            args: [{ incidentId: id, noticeVersion: version, channelPolicy }],
          })
        : await sending.sendSubjectNotices({ incidentId: id, noticeVersion: version, channelPolicy });
      const at = now();
      for (const o of individuals) Object.assign(o, { status: 'sent', fulfilledAt: at });
      state.subjectsNotifiedAt = at;
      const events = [
        event(
          'subjects.notified',
          system,
          `Data-subject notices: ${r.sent} sent, ${r.failed} failed, ${r.uncertain} uncertain`,
          { ...r },
        ),
      ];
      if (r.withoutContact > 0 || state.subjects.total === 0) {
        const p = await quick.publishSubstituteNotice({ incidentId: id, noticeVersion: version });
        state.substituteNoticeAt = at;
        events.push(
          event(
            'substitute.published',
            system,
            `Public substitute notice published for ${r.withoutContact} people without usable contact`,
            { ...p },
          ),
        );
      }
      state.subjects = await quick.countSubjects({ incidentId: id });
      await recompute('the data-subject notice', events, system);
      await persist(events);
    }

    const regulatorIds = state.obligations
      .filter((o) => o.audience === 'regulator' && o.required && o.status === 'pending')
      .map((o) => o.id);
    for (const obligationId of regulatorIds) {
      // Looked up afresh each time: a recompute replaces the obligation objects.
      const o = state.obligations.find((x) => x.id === obligationId && x.status === 'pending');
      if (!o) continue;
      const r = await sending.sendRegulatorReport({
        incidentId: id,
        obligationId: o.id,
        noticeVersion: version,
        phase: 'initial',
      });
      if (r.status === 'sent') Object.assign(o, { status: 'sent', fulfilledAt: now() });
      else o.status = 'manual';
      const events = [
        event(
          r.status === 'sent' ? 'regulator.report_sent' : 'regulator.manual_filing',
          system,
          r.status === 'sent'
            ? `Report sent to ${o.recipient} (${o.basis})`
            : `Report ready for manual portal filing with ${o.recipient} (${o.basis})`,
          { obligationId: o.id, outboxId: r.outboxId },
        ),
      ];
      await recompute('a regulator report', events, system);
      await persist(events);
    }

    const open = state.obligations.filter((o) => o.required && (o.status === 'pending' || o.status === 'held'));
    if (state.stage === 'notifying' && open.length === 0) {
      state.stage = 'reporting';
      await persist([event('stage.reporting', system, 'All notices sent; awaiting filings and close')]);
    }
  };

  const processTimers = async () => {
    const due = pendingTimers(state.obligations, fired, state.nextHoldReviewAt, state.hold, timerOptions).filter(
      (t) => t.at <= Date.now(),
    );
    if (due.length === 0) return;
    // When several are due at once (a deadline already near when it was set), send only the most urgent per obligation.
    const latest = new Map<string, TimerEvent>();
    for (const t of due) {
      fired.add(t.key);
      const k = t.obligationId ?? t.key;
      const prev = latest.get(k);
      if (!prev || t.at >= prev.at) latest.set(k, t);
    }
    const events = [];
    const system: Actor = { kind: 'system', id: 'timer' };
    for (const t of latest.values()) {
      await quick.sendReminder({ incidentId: id, obligationId: t.obligationId, kind: t.kind, key: t.key });
      const o = state.obligations.find((x) => x.id === t.obligationId);
      events.push(
        event(
          `deadline.${t.kind}`,
          system,
          t.kind === 'hold_review'
            ? 'Hold review due: re-confirm the hold with the agency'
            : `${t.kind === 'escalation' ? 'Deadline passed unmet' : 'Deadline approaching'}: ${o?.basis ?? ''}`,
          {
            obligationId: t.obligationId,
            dueAt: o?.dueAt ?? null,
          },
        ),
      );
      if (t.kind === 'hold_review' && state.hold) {
        state.nextHoldReviewAt = new Date(
          Date.parse(state.nextHoldReviewAt!) + state.hold.reviewEveryDays * 86_400_000,
        ).toISOString();
      }
    }
    state.firedReminders = [...fired];
    await persist(events);
  };

  if (!carried) {
    await persist([
      event('incident.opened', input.openedBy, `Incident opened (${input.severity})`, {
        severity: input.severity,
        detectionMethod: input.detectionMethod,
        source: input.source ?? null,
      }),
    ]);
  }

  while (state.status === 'open') {
    const timers = pendingTimers(state.obligations, fired, state.nextHoldReviewAt, state.hold, timerOptions);
    const nextAt = timers[0]?.at;
    const needsWork = () => wake || pendingAlerts.length > 0 || state.status !== 'open';
    if (nextAt === undefined) await condition(needsWork);
    else if (nextAt > Date.now()) await condition(needsWork, nextAt - Date.now());
    wake = false;
    await processAlerts();
    await processTimers();
    await processSends();

    const info = workflowInfo();
    if (state.status === 'open' && (info.continueAsNewSuggested || info.historyLength > historyLimit)) {
      await condition(() => allHandlersFinished() && supplementsRunning === 0);
      log.info('continuing as new', { incidentId: id, historyLength: info.historyLength });
      // The wave, when there was one, ended inside processSends: nothing of v1 runs beside this
      // point, so the state moves to v2 whole (v2 reads v1's state and carries it on).
      if (patched('migrate-v2')) {
        const toV2 = makeContinueAsNewFunc<typeof incidentWorkflow>({ workflowType: INCIDENT_WORKFLOW });
        await toV2(
          input,
          {
            ...state,
            firedReminders: [...fired],
            eventSeq,
            pendingAlerts: [...pendingAlerts],
            migratedFrom: 'incidentWorkflow',
          },
          options,
        );
      }
      await continueAsNew<typeof incidentWorkflow>(
        input,
        { ...state, firedReminders: [...fired], eventSeq, pendingAlerts: [...pendingAlerts] },
        options,
      );
    }
  }

  await processAlerts();
  await condition(() => allHandlersFinished() && supplementsRunning === 0);
  return { incidentId: id, status: state.status, stage: state.stage };
}
