// The incident workflow, v2: one durable run per breach incident, from triage to
// close. Every human step is an Update whose validator refuses bad input with a
// reason naming the field; every state change reaches SQLite, with the send gate
// every data-subject claim re-reads, before the update that caused it returns.
//
// Each audience's duty is its own pipeline over one state: the controller notice,
// each regulator report and the data-subject wave (a child workflow that outlives a
// continue-as-new) start when their obligation is due and allowed, and nothing waits
// for another: deadline timers, reminders and regulator reports go on while a wave
// runs, and a hold, a withdrawn approval or the close stop the wave at its gate.
// The rules of the gate and of obligations are pure (./waves.ts, ./obligations.ts).
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  getExternalWorkflowHandle,
  log,
  ParentClosePolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../../activities';
import { notifySubjectsWorkflow, stopWaveSignal } from '../notify-subjects';
import {
  alertBatchSignal,
  alertSignal,
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
  waveEndedSignal,
  INCIDENT_WORKFLOW,
} from './messages';
import { pendingTimers, type TimerEvent } from '../obligation-tracking';
import {
  expireHeld,
  holdInForce,
  isOpenObligation,
  mergeObligations,
  nextHoldExpiry,
  updateObligations,
} from './obligations';
import { approvedVersion, endWave, reportAllowed, runningWave, sendGateOf, startWave, waveWanted } from './waves';
import { rejectUpdate } from './rejections';
import type { IncidentEventInput } from './timeline-events';
import type {
  Actor,
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
  PendingSupplement,
  RecomputeRequest,
  RequestMeta,
  Stage,
  SupplementRequest,
  TimelineEvent,
  RuleObligation,
  TrackedObligation,
  TriageRequest,
  UpdateResult,
  WaveEndedSignal,
} from '../types';
import { toDetectionMethod } from '../types';

const quick = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * The state writes after a delivered alert batch and at the opening, run inside the workflow task that
 * took the signal or the start: in a storm there is one per signal and one per new key, and as an
 * activity task of its own each cost Temporal and the worker a second workflow task and an activity
 * round trip.
 */
const local = proxyLocalActivities<Activities>({
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
/** Bytes of history per run before continuing as new: a turn (with updates beside it) can add ~600 KB for a 50-state incident. */
const DEFAULT_HISTORY_BYTES = 800_000;
const RECENT_UPDATES_KEPT = 200;
/** Regulator reports in flight at once. */
const REPORTS_IN_FLIGHT = 8;

export interface IncidentOptions {
  historyLimit?: number;
  historyBytes?: number;
}

export interface IncidentOutcome {
  incidentId: string;
  status: IncidentState['status'];
  stage: Stage;
}

export type CarriedIncident = IncidentState & {
  eventSeq?: number;
  pendingAlerts?: AlertSignal[];
  pendingWaveEnds?: WaveEndedSignal[];
};

type Event = TimelineEvent & { eventKey: string };

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
    workflowType: INCIDENT_WORKFLOW,
    waves: [],
    waveSeq: 0,
    importSeq: 0,
  };
}

export async function incidentWorkflowV2(
  startInput: IncidentInput,
  carried?: CarriedIncident,
  options: IncidentOptions = {},
): Promise<IncidentOutcome> {
  const input: IncidentInput = {
    ...startInput,
    detectionMethod: toDetectionMethod(String(startInput.detectionMethod)).code,
  };
  const { eventSeq: _seq, pendingAlerts: _alerts, pendingWaveEnds: _ends, ...carriedState } = carried ?? {};
  let state: IncidentState = carried
    ? { ...(carriedState as IncidentState), input, workflowType: INCIDENT_WORKFLOW }
    : initialState(input);
  let eventSeq = carried?.eventSeq ?? 0;
  // Signals received but not yet applied travel with continue-as-new, so none is lost between runs.
  const pendingAlerts: AlertSignal[] = [...(carried?.pendingAlerts ?? [])];
  const pendingWaveEnds: WaveEndedSignal[] = [...(carried?.pendingWaveEnds ?? [])];
  let wake = true;
  let recomputeDue = false;
  const historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  const historyBytes = options.historyBytes ?? DEFAULT_HISTORY_BYTES;
  const id = state.incidentId;
  const system: Actor = { kind: 'system', id: 'workflow' };

  const now = () => new Date(Date.now()).toISOString();
  const event = (e: IncidentEventInput, actor: Actor, summary: string): Event => ({
    incidentId: id,
    type: e.type,
    at: now(),
    actor,
    summary,
    details: e.details as Record<string, unknown> | undefined,
    eventKey: `${id}:${++eventSeq}`,
  });

  // ---- Persistence: one write at a time, each carrying only the obligations that changed ----
  // The obligations SQLite already holds: a carried run's were written by the run before it.
  let persisted = new Map<string, TrackedObligation>(carried ? state.obligations.map((o) => [o.id, o]) : []);
  let persistTail: Promise<void> = Promise.resolve();
  let persisting = 0;
  const persist = (events: Event[], within: 'activity' | 'local' = 'activity'): Promise<void> => {
    persisting++;
    const run = persistTail.then(async () => {
      state.stateVersion++;
      const obligations = state.obligations;
      const changed = obligations.filter((o) => persisted.get(o.id) !== o);
      const { obligations: _o, firedReminders: _f, recentUpdates: _r, recentAlertIds: _a, ...rest } = state;
      const writer = within === 'local' ? local : quick;
      await writer.persistStateDelta({ state: rest, obligations: changed, events, gate: sendGateOf(state) });
      persisted = new Map(obligations.map((o) => [o.id, o]));
    });
    persistTail = run.catch(() => undefined).finally(() => void persisting--);
    return run;
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

  const recompute = async (trigger: string, events: Event[], actor: Actor, adoptNewCatalog = false) => {
    if (!state.facts || !state.awarenessAt) return;
    recomputeDue = false;
    let delta = await quick.computeObligationsDelta({ ...facts(), knownDigests: state.ruleDigests ?? {} });
    // An obligation sent by id is the one this workflow holds: its rule part, without what tracking added.
    const held = new Map(state.obligations.map((o) => [o.id, o]));
    if (delta.obligations.some((o) => 'unchanged' in o && !held.has(o.id)))
      delta = await quick.computeObligationsDelta({ ...facts(), knownDigests: {} });
    const result = {
      catalogVersion: delta.catalogVersion,
      obligations: delta.obligations.map((o) => ('unchanged' in o ? ruleOf(held.get(o.id)!) : o)),
    };
    state.ruleDigests = { ...(state.ruleDigests ?? {}), ...delta.digests };
    // The rules an incident was assessed under stay in force until a person chooses to move it to a
    // newer catalog: deadlines must not shift silently under a running incident.
    if (state.catalogVersion && result.catalogVersion !== state.catalogVersion && !adoptNewCatalog) {
      if (state.availableCatalogVersion !== result.catalogVersion) {
        state.availableCatalogVersion = result.catalogVersion;
        events.push(
          event(
            {
              type: 'catalog.update_available',
              details: { catalogVersion: state.catalogVersion, available: result.catalogVersion },
            },
            actor,
            `Rules catalog ${result.catalogVersion} is available (incident uses ${state.catalogVersion}); ask for a recompute to apply it`,
          ),
        );
      }
      return;
    }
    state.availableCatalogVersion = null;
    // Merged against the obligations as they are now, after the await: a report that finished
    // meanwhile keeps its status.
    const before = new Map(state.obligations.map((o) => [o.id, o]));
    state.obligations = mergeObligations(state.obligations, result.obligations, Date.now(), trigger);
    state.catalogVersion = result.catalogVersion;
    const changed = state.obligations.filter((o) => {
      const b = before.get(o.id);
      return !b || b.status !== o.status || b.dueAt !== o.dueAt;
    });
    if (changed.length > 0) {
      events.push(
        event(
          {
            type: 'obligations.recomputed',
            details: {
              catalogVersion: result.catalogVersion,
              changed: changed.map((o) => ({ id: o.id, status: o.status, dueAt: o.dueAt })),
            },
          },
          actor,
          `Obligations recomputed after ${trigger}`,
        ),
      );
    }
  };

  const ruleOf = (o: TrackedObligation): RuleObligation => {
    const { status: _s, supersededReason: _r, fulfilledAt: _f, filingReference: _ref, ...rule } = o;
    return rule;
  };

  const rerenderNotices = async (events: Event[], actor: Actor) => {
    if (!state.facts) return;
    // The renderer reads the facts and obligations from SQLite: write them first.
    await persist([]);
    const rendered = await quick.renderNotices({ incidentId: id });
    const previous = state.notices?.noticeVersion;
    state.notices = rendered;
    if (previous !== rendered.noticeVersion) {
      events.push(
        event(
          { type: 'notices.rendered', details: { ...rendered } },
          actor,
          `Notices rendered (version ${rendered.noticeVersion.slice(0, 12)})`,
        ),
      );
      if (state.approval && state.approval.noticeVersion !== rendered.noticeVersion) {
        events.push(
          event(
            { type: 'approval.invalidated', details: { approved: state.approval.noticeVersion } },
            actor,
            'Approval withdrawn: the notices changed and need a new approval; sending stopped',
          ),
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
            throw rejectUpdate('request', 'expired before a worker took it; nothing was recorded, send it again');
          }
          check(req);
        },
      },
    );
  };

  const requireOpen = () => {
    if (state.status !== 'open') throw rejectUpdate('stage', `incident is ${state.status}`);
  };
  const requireStage = (...stages: Stage[]) => {
    requireOpen();
    if (!stages.includes(state.stage))
      throw rejectUpdate('stage', `not allowed in stage ${state.stage} (allowed: ${stages.join(', ')})`);
  };
  const requireIso = (field: string, value: string | undefined) => {
    if (value !== undefined && Number.isNaN(Date.parse(value))) throw rejectUpdate(field, 'must be an ISO 8601 time');
  };
  const obligation = (obligationId: string) => state.obligations.find((o) => o.id === obligationId);

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
          event(
            { type: 'triage.dismissed', details: { reasonNoteId: req.reasonNoteId } },
            req.actor,
            'Dismissed: not a personal-data breach',
          ),
        );
      } else {
        state.awarenessAt = req.awarenessAt ?? now();
        // Confirming is the determination that a breach occurred: clocks that run from "determination"
        // start at the confirmed awareness time.
        state.determinations = { ...state.determinations, notifiableAt: state.awarenessAt, notifiableFromTriage: true };
        state.stage = 'assessment';
        events.push(
          event(
            { type: 'triage.confirmed', details: { awarenessAt: state.awarenessAt, reasonNoteId: req.reasonNoteId } },
            req.actor,
            'Confirmed as a personal-data breach; legal clock started',
          ),
        );
      }
      await persist(events);
      return result();
    },
    (req: TriageRequest) => {
      requireStage('triage');
      if (req.decision !== 'confirm' && req.decision !== 'dismiss')
        throw rejectUpdate('decision', 'must be confirm or dismiss');
      if (!req.reasonNoteId) throw rejectUpdate('reason', 'required');
      requireIso('awarenessAt', req.awarenessAt);
      if (req.awarenessAt && Date.parse(req.awarenessAt) > Date.now() + 60_000)
        throw rejectUpdate('awarenessAt', 'cannot be in the future');
    },
  );

  step(
    changeAwarenessUpdate,
    async (req) => {
      const previous = state.awarenessAt;
      state.awarenessAt = req.awarenessAt;
      // A determination taken from the triage confirmation was the awareness time; it moves with it.
      if (state.determinations?.notifiableFromTriage)
        state.determinations = { ...state.determinations, notifiableAt: req.awarenessAt };
      const events = [
        event(
          {
            type: 'awareness.changed',
            details: { from: previous, to: req.awarenessAt, reasonNoteId: req.reasonNoteId },
          },
          req.actor,
          'Awareness time changed',
        ),
      ];
      await recompute('a change of the awareness time', events, req.actor);
      await persist(events);
      return result();
    },
    (req: AwarenessChangeRequest) => {
      requireOpen();
      if (!state.awarenessAt) throw rejectUpdate('stage', 'the incident has not been confirmed yet');
      requireIso('awarenessAt', req.awarenessAt);
      if (Date.parse(req.awarenessAt) > Date.now() + 60_000)
        throw rejectUpdate('awarenessAt', 'cannot be in the future');
      if (!req.reasonNoteId) throw rejectUpdate('reason', 'a change of the legal clock needs a reason');
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
        event(
          { type: 'determination.recorded', details: { ...given, reasonNoteId: req.reasonNoteId } },
          req.actor,
          `Determination recorded: ${said.join('; ')}`,
        ),
      ];
      await recompute('a recorded determination', events, req.actor);
      await persist(events);
      return result({ determinations: given });
    },
    (req: DeterminationRequest) => {
      requireOpen();
      if (!state.awarenessAt) throw rejectUpdate('stage', 'the incident has not been confirmed yet');
      if (!DETERMINATION_FIELDS.some((f) => req[f]))
        throw rejectUpdate('notifiableAt', 'give at least one of discoveredAt, notifiableAt, materialityAt');
      const detected = Date.parse(state.input.detectedAt);
      for (const f of DETERMINATION_FIELDS) {
        const value = req[f];
        if (value === undefined) continue;
        requireIso(f, value);
        const at = Date.parse(value);
        if (at > Date.now() + 60_000) throw rejectUpdate(f, 'cannot be in the future');
        if (at < detected)
          throw rejectUpdate(f, `cannot be before the breach was detected (${state.input.detectedAt})`);
      }
      // A breach cannot be determined notifiable before we were aware of it: that is a correction of awareness.
      if (req.notifiableAt && Date.parse(req.notifiableAt) < Date.parse(state.awarenessAt))
        throw rejectUpdate(
          'notifiableAt',
          `cannot be before the awareness time (${state.awarenessAt}); correct the awareness time instead`,
        );
      if (!req.reasonNoteId) throw rejectUpdate('reason', 'a determination needs a reason');
    },
  );

  // ---- Scope assessment ----
  step(
    assessUpdate,
    async (req) => {
      const { actor, channelPolicy, requestKey: _key, respondBy: _by, ...assessed } = req;
      state.facts = { ...assessed, channelPolicy: channelPolicy ?? state.facts?.channelPolicy ?? 'sms_fallback' };
      if (state.stage === 'assessment') state.stage = 'approval';
      const events = [
        event(
          {
            type: 'assessment.recorded',
            details: {
              role: assessed.role,
              riskLevel: assessed.riskLevel,
              dataElements: assessed.dataElements,
              affected: assessed.affected,
              assessmentId: assessed.assessmentId,
            },
          },
          actor,
          `Scope assessed: ${assessed.riskLevel}, ${Object.values(assessed.affected).reduce((a, b) => a + b, 0)} people`,
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
        throw rejectUpdate('controllers', 'a processor must name at least one controller');
      if (!['none', 'risk', 'high_risk'].includes(req.riskLevel))
        throw rejectUpdate('riskLevel', 'must be none, risk or high_risk');
      for (const [code, n] of Object.entries(req.affected)) {
        if (!Number.isInteger(n) || n < 0) throw rejectUpdate(`affected.${code}`, 'must be a whole number of people');
      }
    },
  );

  step(
    subjectsImportedUpdate,
    async (req) => {
      state.importSeq = (state.importSeq ?? 0) + 1;
      const events = [
        event(
          {
            type: 'subjects.imported',
            details: { importId: req.importId, imported: req.imported, rejected: req.rejected },
          },
          req.actor,
          `Imported ${req.imported} people (${req.rejected} rejected)`,
        ),
      ];
      state.subjects = await quick.countSubjects({ incidentId: id });
      // Approval binds the content, not the people: after it, new people get the approved notice
      // and nothing is rendered again (a re-render could only withdraw the approval).
      if (!approvedVersion(state)) await rerenderNotices(events, req.actor);
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
        event(
          { type: 'hold.placed', details: { holdId: req.holdId, reviewEveryDays: req.reviewEveryDays } },
          req.actor,
          `Notification hold placed (${req.source.replace('_', ' ')}, ${req.form})`,
        ),
      ];
      // The engine says which obligations this hold may delay (and until when); the gate closes with
      // the write below, before this update returns.
      await recompute('a notification hold', events, req.actor);
      await persist(events);
      return result({ held: state.obligations.filter((o) => o.status === 'held').map((o) => o.id) });
    },
    (req: HoldRequest) => {
      requireOpen();
      if (holdInForce(state.hold)) throw rejectUpdate('hold', 'a hold is already in force; release it first');
      if (!Number.isInteger(req.reviewEveryDays) || req.reviewEveryDays < 1 || req.reviewEveryDays > 365)
        throw rejectUpdate('reviewEveryDays', 'must be 1 to 365');
    },
  );

  step(
    releaseHoldUpdate,
    async (req) => {
      state.hold = { ...state.hold!, releasedAt: now() };
      state.nextHoldReviewAt = null;
      const events = [
        event(
          { type: 'hold.released', details: { holdId: state.hold.id, reasonNoteId: req.reasonNoteId } },
          req.actor,
          'Notification hold released; held notices resume',
        ),
      ];
      await recompute('the release of the hold', events, req.actor);
      await persist(events);
      return result();
    },
    () => {
      requireOpen();
      if (!holdInForce(state.hold)) throw rejectUpdate('hold', 'no hold is in force');
    },
  );

  // ---- Approval ----
  step(
    approveNoticesUpdate,
    async (req) => {
      state.approval = {
        noticeVersion: req.noticeVersion,
        approvedBy: req.actor,
        approvedAt: now(),
        notifyLaterImports: req.notifyLaterImports ?? true,
        correction: req.correction ?? false,
      };
      state.stage = 'notifying';
      const events = [
        event(
          {
            type: 'notices.approved',
            details: {
              noticeVersion: req.noticeVersion,
              noteId: req.noteId,
              notifyLaterImports: req.notifyLaterImports ?? true,
              correction: req.correction ?? false,
              // Only when chosen, so the events of approvals without the choice stay as they were.
              ...(req.builtInTextLocales?.length ? { builtInTextLocales: req.builtInTextLocales } : {}),
            },
          },
          req.actor,
          `Notices approved (version ${req.noticeVersion.slice(0, 12)})${req.correction ? ', also sent as a correction to people told an earlier version' : ''}${req.builtInTextLocales?.length ? `; built-in texts chosen for ${req.builtInTextLocales.join(', ')} where free text was written in another language` : ''}`,
        ),
      ];
      await persist(events);
      return result();
    },
    (req: ApprovalRequest) => {
      requireStage('approval', 'notifying', 'reporting');
      if (!state.notices) throw rejectUpdate('noticeVersion', 'no notices have been rendered yet');
      if (req.noticeVersion !== state.notices.noticeVersion)
        throw rejectUpdate('noticeVersion', `stale: the current version is ${state.notices.noticeVersion}`);
      if (state.approval?.noticeVersion === req.noticeVersion)
        throw rejectUpdate('noticeVersion', 'this version is already approved');
    },
  );

  // ---- Regulator filings ----
  step(
    recordFilingUpdate,
    async (req) => {
      const at = now();
      state.obligations = updateObligations(state.obligations, [req.obligationId], (o) => ({
        ...o,
        status: 'filed',
        fulfilledAt: o.fulfilledAt ?? at,
        filingReference: req.referenceNoteId,
      }));
      const o = obligation(req.obligationId)!;
      const events = [
        event(
          {
            type: 'filing.recorded',
            details: {
              obligationId: o.id,
              referenceNoteId: req.referenceNoteId,
              late: req.late,
              delayReasonNoteId: req.delayReasonNoteId ?? null,
            },
          },
          req.actor,
          `Filing recorded for ${o.basis}${req.late ? ' (after the deadline, with reasons)' : ''}`,
        ),
      ];
      await recompute('a filing', events, req.actor);
      await persist(events);
      return result();
    },
    (req: FilingRequest) => {
      requireOpen();
      const o = obligation(req.obligationId);
      if (!o) throw rejectUpdate('obligationId', 'unknown obligation');
      if (o.status === 'superseded' || o.status === 'not_required')
        throw rejectUpdate('obligationId', `obligation is ${o.status}`);
      const late = o.dueAt !== null && Date.now() > Date.parse(o.dueAt);
      if (late && !req.delayReasonNoteId)
        throw rejectUpdate(
          'delayReason',
          'a filing after its deadline must give the reasons for the delay (GDPR Art. 33(1))',
        );
    },
  );

  // ---- Supplementary information to a regulator, in phases (GDPR Art. 33(4)) ----
  // The send can wait on a provider for a long time: the update records the request and returns,
  // and the send runs as its own pipeline, its outcome a timeline event.
  step(
    supplementReportUpdate,
    async (req) => {
      const o = obligation(req.obligationId)!;
      const pending: PendingSupplement = {
        obligationId: o.id,
        informationNoteId: req.informationNoteId,
        actor: req.actor,
      };
      state.pendingSupplements = [...(state.pendingSupplements ?? []), pending];
      await persist([
        event(
          {
            type: 'regulator.supplement_requested',
            details: { obligationId: o.id, informationNoteId: req.informationNoteId },
          },
          req.actor,
          `Supplementary report to ${o.recipient} requested`,
        ),
      ]);
      return result({ status: 'requested' });
    },
    (req: SupplementRequest) => {
      requireOpen();
      const o = obligation(req.obligationId);
      if (!o || o.audience !== 'regulator')
        throw rejectUpdate('obligationId', 'not a regulator obligation of this incident');
      if (!['sent', 'filed', 'manual'].includes(o.status))
        throw rejectUpdate('obligationId', `the initial report has not gone yet (status ${o.status})`);
    },
  );

  // ---- Close ----
  step(
    closeUpdate,
    async (req) => {
      state.stage = 'closed';
      state.status = 'closed';
      state.closedAt = now();
      await persist([
        event({ type: 'incident.closed', details: { summaryNoteId: req.summaryNoteId } }, req.actor, 'Incident closed'),
      ]);
      const report = await quick.finalizeReport({ incidentId: id });
      return result({ auditHead: report });
    },
    () => {
      requireStage('assessment', 'approval', 'notifying', 'reporting');
      if (holdInForce(state.hold)) throw rejectUpdate('hold', 'release the hold before closing');
      if ((state.pendingSupplements ?? []).length > 0)
        throw rejectUpdate('supplement', 'a supplementary report is still being sent; close once it has gone');
      const open = state.obligations.filter(isOpenObligation);
      if (open.length > 0) throw rejectUpdate('obligations', `still open: ${open.map((o) => o.id).join(', ')}`);
      const wave = runningWave(state);
      if (wave) throw rejectUpdate('wave', `a notice wave is still sending (${wave.waveId}); close once it has ended`);
    },
  );

  step(
    recomputeUpdate,
    async (req) => {
      const events = [
        event(
          { type: 'obligations.recompute_requested', details: { reasonNoteId: req.reasonNoteId } },
          req.actor,
          'Recompute requested',
        ),
      ];
      await recompute('a request', events, req.actor, true);
      await rerenderNotices(events, req.actor);
      await persist(events);
      return result();
    },
    (req: RecomputeRequest) => {
      requireOpen();
      if (!req.reasonNoteId) throw rejectUpdate('reason', 'required');
    },
  );

  setHandler(alertSignal, (a) => {
    pendingAlerts.push(a);
    wake = true;
  });
  setHandler(alertBatchSignal, (batch) => {
    pendingAlerts.push(...batch.alerts);
    wake = true;
  });
  setHandler(waveEndedSignal, (ended) => {
    pendingWaveEnds.push(ended);
    wake = true;
  });
  setHandler(incidentStateQuery, () => state);

  // ---- Pipelines: each runs beside the main loop and changes state only by obligation id ----
  const tasks = new Map<string, Promise<void>>();
  let draining = false;
  const runTask = (key: string, work: () => Promise<void>) => {
    if (tasks.has(key) || draining) return;
    const task = work()
      .catch((err: unknown) => log.warn('pipeline task failed', { incidentId: id, task: key, error: String(err) }))
      .finally(() => {
        tasks.delete(key);
        wake = true;
      });
    tasks.set(key, task);
  };

  const controllerPipeline = () => {
    if (!state.facts) return;
    const due = state.obligations.filter((o) => o.audience === 'controller' && o.required && o.status === 'pending');
    const controllerSet = (state.facts.controllerIds ?? []).join(',');
    if (due.length === 0 || state.controllerNoticeTriedFor === controllerSet) return;
    runTask('controllers', async () => {
      const ids = due.map((o) => o.id);
      let r: Awaited<ReturnType<typeof sending.notifyControllers>>;
      try {
        r = await sending.notifyControllers({ incidentId: id });
      } catch (err) {
        r = { sent: 0, failed: 1, uncertain: 0 } as typeof r;
        log.warn('controller notice failed', { incidentId: id, error: String(err) });
      }
      const at = now();
      const told = r.sent > 0 && r.failed === 0 && r.uncertain === 0;
      const events: Event[] = [];
      if (told) {
        // Only those still pending: a recompute during the send may have superseded or held one.
        state.obligations = updateObligations(state.obligations, ids, (o) =>
          o.status === 'pending' ? { ...o, status: 'sent', fulfilledAt: at } : o,
        );
        state.controllersNotifiedAt = at;
        events.push(
          event(
            { type: 'controllers.notified', details: { ...r } },
            system,
            `Controller notice sent to ${r.sent} controller(s)`,
          ),
        );
      } else {
        // The processor's Art. 33(2) duty is not met by a notice that failed or may not have arrived:
        // the obligation stays open and its reminders go on, until a person records how the controller
        // was told (a filing) or the controllers change.
        state.controllerNoticeTriedFor = controllerSet;
        events.push(
          event(
            { type: 'controllers.notice_failed', details: { ...r } },
            system,
            `Controller notice not confirmed: ${r.sent} sent, ${r.failed} failed, ${r.uncertain} uncertain; the obligation stays open`,
          ),
        );
      }
      recomputeDue = true;
      await persist(events);
    });
  };

  const regulatorPipelines = () => {
    const version = approvedVersion(state);
    if (!version) return;
    for (const o of state.obligations) {
      if (o.audience !== 'regulator' || !reportAllowed(state, o)) continue;
      if ([...tasks.keys()].filter((k) => k.startsWith('report:')).length >= REPORTS_IN_FLIGHT) return;
      const obligationId = o.id;
      runTask(`report:${obligationId}`, async () => {
        let r: Awaited<ReturnType<typeof sending.sendRegulatorReport>> | null = null;
        let error: string | null = null;
        try {
          r = await sending.sendRegulatorReport({
            incidentId: id,
            obligationId,
            noticeVersion: version,
            phase: 'initial',
          });
        } catch (err) {
          error = err instanceof Error ? err.message : String(err);
        }
        const at = now();
        const sent = r?.status === 'sent';
        state.obligations = updateObligations(state.obligations, [obligationId], (x) =>
          x.status !== 'pending' ? x : sent ? { ...x, status: 'sent', fulfilledAt: at } : { ...x, status: 'manual' },
        );
        const current = obligation(obligationId)!;
        recomputeDue = true;
        await persist([
          r === null
            ? event(
                { type: 'regulator.report_failed', details: { obligationId, error: error ?? 'unknown' } },
                system,
                `Report to ${current.recipient} could not be sent; file it by hand (${current.basis})`,
              )
            : event(
                {
                  type: sent ? 'regulator.report_sent' : 'regulator.manual_filing',
                  details: { obligationId, outboxId: r.outboxId },
                },
                system,
                sent
                  ? `Report sent to ${current.recipient} (${current.basis})`
                  : `Report ready for manual portal filing with ${current.recipient} (${current.basis})`,
              ),
        ]);
      });
    }
  };

  const supplementPipelines = () => {
    for (const pending of state.pendingSupplements ?? []) {
      runTask(`supplement:${pending.obligationId}:${pending.informationNoteId}`, async () => {
        const r = await sending.sendSupplementaryReport({
          incidentId: id,
          obligationId: pending.obligationId,
          informationNoteId: pending.informationNoteId,
        });
        const o = obligation(pending.obligationId);
        state.pendingSupplements = (state.pendingSupplements ?? []).filter(
          (p) => !(p.obligationId === pending.obligationId && p.informationNoteId === pending.informationNoteId),
        );
        await persist([
          event(
            {
              type: r.status === 'sent' ? 'regulator.supplement_sent' : 'regulator.supplement_ready',
              details: {
                obligationId: pending.obligationId,
                informationNoteId: pending.informationNoteId,
                outboxId: r.outboxId,
              },
            },
            pending.actor,
            r.status === 'sent'
              ? `Supplementary report sent to ${o?.recipient ?? 'the regulator'} (${o?.basis ?? pending.obligationId})`
              : `Supplementary report ready for manual filing with ${o?.recipient ?? 'the regulator'}`,
          ),
        ]);
      });
    }
  };

  // ---- The data-subject wave ----
  const stopsSent = new Set<string>();
  const wavePipeline = async () => {
    const running = runningWave(state);
    if (running) {
      // The gate in SQLite already refuses the wave's claims; the signal ends its page loop.
      if (sendGateOf(state).allowedVersion !== running.noticeVersion && !stopsSent.has(running.waveId)) {
        stopsSent.add(running.waveId);
        await getExternalWorkflowHandle(running.waveId)
          .signal(stopWaveSignal)
          .catch((err: unknown) =>
            log.warn('stop signal not delivered', { waveId: running.waveId, error: String(err) }),
          );
      }
      return;
    }
    const assessed = state.facts;
    if (draining || !assessed || !waveWanted(state)) return;
    const started = startWave(state, now());
    state = started.state;
    const { wave } = started;
    await persist([
      event(
        {
          type: 'wave.started',
          details: { noticeVersion: wave.noticeVersion, waveId: wave.waveId, correction: wave.correction },
        },
        system,
        `Data-subject notice wave started (version ${wave.noticeVersion.slice(0, 12)})`,
      ),
    ]);
    try {
      await startChild(notifySubjectsWorkflow, {
        workflowId: wave.waveId,
        // The wave outlives this run's continue-as-new and reports back by signal.
        parentClosePolicy: ParentClosePolicy.ABANDON,
        args: [
          {
            incidentId: id,
            noticeVersion: wave.noticeVersion,
            channelPolicy: assessed.channelPolicy,
            reportTo: workflowInfo().workflowId,
            ...(wave.correction ? { correction: true } : {}),
          },
        ],
      });
    } catch (err) {
      log.warn('wave did not start', { waveId: wave.waveId, error: String(err) });
      pendingWaveEnds.push({ waveId: wave.waveId, summary: null, stopped: false, failed: true });
    }
  };

  const processWaveEnds = async () => {
    if (pendingWaveEnds.length === 0) return;
    const batch = pendingWaveEnds.splice(0, pendingWaveEnds.length);
    const events: Event[] = [];
    for (const ended of batch) {
      const at = now();
      const r = endWave(state, ended, at);
      if (!r.wave) continue;
      state = r.state;
      const w = r.wave;
      const s = w.summary;
      if (w.status === 'paused') {
        const unsent = Math.max(0, state.subjects.total - (s?.sent ?? 0) - (s?.failed ?? 0) - (s?.uncertain ?? 0));
        events.push(
          event(
            {
              type: 'wave.paused',
              details: {
                noticeVersion: w.noticeVersion,
                waveId: w.waveId,
                reason: w.pausedFor === 'hold' || w.pausedFor === 'closed' ? w.pausedFor : 'withdrawn',
                sent: s?.sent ?? 0,
                unsent,
              },
            },
            system,
            ended.failed
              ? 'Data-subject notice wave failed; it starts again while the notice is approved and not held'
              : `Data-subject notice wave paused (${w.pausedFor ?? 'stopped'}): ${s?.sent ?? 0} sent; the people not reached get the notice on release or the next approval`,
          ),
        );
        continue;
      }
      events.push(
        event(
          {
            type: 'wave.finished',
            details: {
              noticeVersion: w.noticeVersion,
              waveId: w.waveId,
              sent: s?.sent ?? 0,
              failed: s?.failed ?? 0,
              uncertain: s?.uncertain ?? 0,
            },
          },
          system,
          `Data-subject notice wave finished: ${s?.sent ?? 0} sent, ${s?.failed ?? 0} failed, ${s?.uncertain ?? 0} uncertain`,
        ),
      );
      if (!r.fulfilled || !s) continue;
      events.push(
        event(
          { type: 'subjects.notified', details: { ...s } },
          system,
          `Data-subject notices: ${s.sent} sent, ${s.failed} failed, ${s.uncertain} uncertain`,
        ),
      );
      const firstForVersion = !(state.waves ?? []).some(
        (x) => x.waveId !== w.waveId && x.noticeVersion === w.noticeVersion && x.status === 'finished',
      );
      if (firstForVersion && (s.withoutContact > 0 || state.subjects.total === 0)) {
        const p = await quick.publishSubstituteNotice({ incidentId: id, noticeVersion: w.noticeVersion });
        state.substituteNoticeAt = now();
        events.push(
          event(
            { type: 'substitute.published', details: { ...p } },
            system,
            `Public substitute notice published for ${s.withoutContact} people without usable contact`,
          ),
        );
      }
      state.subjects = await quick.countSubjects({ incidentId: id });
      recomputeDue = true;
    }
    if (events.length > 0) await persist(events);
  };

  // ---- Alerts and timers ----
  const fired = new Set(state.firedReminders);

  const processAlerts = async () => {
    if (pendingAlerts.length === 0) return;
    const batch = pendingAlerts.splice(0, pendingAlerts.length);
    const events = [];
    for (const a of batch) {
      // Only the intake forwarder's batches carry seq; runs that never saw one replay as before.
      if (a.seq !== undefined && patched('alert-batch-high-water')) {
        const applied = state.alertSeqApplied ?? 0;
        if (a.seq <= applied) continue;
        state.alertSeqApplied = a.seq;
        // An alert signalled one by one just before the upgrade, whose row was not yet marked, comes again in a batch.
        if (state.recentAlertIds.includes(a.alertId)) continue;
      } else {
        if (state.recentAlertIds.includes(a.alertId)) continue;
        state.recentAlertIds = [...state.recentAlertIds, a.alertId].slice(-100);
      }
      state.alertCount++;
      state.lastAlertAt = a.receivedAt;
      events.push(
        event(
          { type: `alert.${a.action}`, details: { alertId: a.alertId } },
          { kind: 'webhook', id: input.source ?? 'alert' },
          `Alert ${a.action} received`,
        ),
      );
    }
    if (events.length > 0) await persist(events, patched('alert-persist-local') ? 'local' : 'activity');
  };

  const processHoldExpiry = async () => {
    const { obligations, expired } = expireHeld(state.obligations, Date.now());
    if (expired.length === 0) return;
    state.obligations = obligations;
    await persist([
      event(
        { type: 'hold.cap_expired', details: { holdId: state.hold?.id ?? '', obligationIds: expired } },
        { kind: 'system', id: 'timer' },
        `The hold's legal limit passed for ${expired.length} obligation(s): they are due again though the hold was not released`,
      ),
    ]);
  };

  const processTimers = async () => {
    const due = pendingTimers(state.obligations, fired, state.nextHoldReviewAt, state.hold, { dueNow: true }).filter(
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
    const timer: Actor = { kind: 'system', id: 'timer' };
    for (const t of latest.values()) {
      await quick.sendReminder({ incidentId: id, obligationId: t.obligationId, kind: t.kind, key: t.key });
      const o = t.obligationId ? obligation(t.obligationId) : undefined;
      events.push(
        event(
          { type: `deadline.${t.kind}`, details: { obligationId: t.obligationId, dueAt: o?.dueAt ?? null } },
          timer,
          t.kind === 'hold_review'
            ? 'Hold review due: re-confirm the hold with the agency'
            : `${t.kind === 'escalation' ? 'Deadline passed unmet' : 'Deadline approaching'}: ${o?.basis ?? ''}`,
        ),
      );
      if (t.kind === 'hold_review' && state.hold && state.nextHoldReviewAt) {
        state.nextHoldReviewAt = new Date(
          Date.parse(state.nextHoldReviewAt) + state.hold.reviewEveryDays * 86_400_000,
        ).toISOString();
      }
    }
    state.firedReminders = [...fired];
    await persist(events);
  };

  const processStage = async () => {
    if (state.stage !== 'notifying' || runningWave(state)) return;
    const open = state.obligations.filter((o) => o.required && (o.status === 'pending' || o.status === 'held'));
    if (open.length > 0) return;
    state.stage = 'reporting';
    await persist([event({ type: 'stage.reporting' }, system, 'All notices sent; awaiting filings and close')]);
  };

  if (!carried) {
    // Written in the workflow task that started the run: a storm over many keys opens an incident per key.
    await persist(
      [
        event(
          {
            type: 'incident.opened',
            details: { severity: input.severity, detectionMethod: input.detectionMethod, source: input.source ?? null },
          },
          input.openedBy,
          `Incident opened (${input.severity})`,
        ),
      ],
      patched('open-persist-local') ? 'local' : 'activity',
    );
  } else if (carried.migratedFrom && !carried.workflowType) {
    await persist([
      event(
        { type: 'workflow.migrated', details: { from: carried.migratedFrom, to: INCIDENT_WORKFLOW } },
        system,
        'The incident moved to the current workflow; its state and deadlines carry over',
      ),
    ]);
  }

  const needsWork = () =>
    wake || pendingAlerts.length > 0 || pendingWaveEnds.length > 0 || recomputeDue || state.status !== 'open';

  while (state.status === 'open') {
    const timers = pendingTimers(state.obligations, fired, state.nextHoldReviewAt, state.hold, { dueNow: true });
    const candidates = [timers[0]?.at, nextHoldExpiry(state.obligations)].filter((x): x is number => x !== undefined);
    const nextAt = candidates.length > 0 ? Math.min(...candidates) : undefined;
    if (nextAt === undefined) await condition(needsWork);
    else if (nextAt > Date.now()) await condition(needsWork, nextAt - Date.now());
    wake = false;
    await processAlerts();
    await processWaveEnds();
    await processHoldExpiry();
    await processTimers();
    if (recomputeDue && state.status === 'open') {
      const events: Event[] = [];
      await recompute('notices sent', events, system);
      if (events.length > 0) await persist(events);
    }
    if (state.status !== 'open') break;
    controllerPipeline();
    regulatorPipelines();
    supplementPipelines();
    await wavePipeline();
    await processStage();

    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > historyLimit || info.historySize > historyBytes) {
      // Nothing of this run may be in flight when it ends: pipelines finish, new ones wait for the next
      // run. Waves are children that outlive it and report to whichever run is current.
      draining = true;
      await condition(() => allHandlersFinished() && tasks.size === 0 && persisting === 0);
      if (state.status !== 'open') break;
      log.info('continuing as new', {
        incidentId: id,
        historyLength: info.historyLength,
        historySize: info.historySize,
      });
      await continueAsNew<typeof incidentWorkflowV2>(
        input,
        {
          ...state,
          firedReminders: [...fired],
          eventSeq,
          pendingAlerts: [...pendingAlerts],
          pendingWaveEnds: [...pendingWaveEnds],
        },
        options,
      );
    }
  }

  // A wave started for people imported after the notice went out may still run at the close: the
  // gate is closed in SQLite already; the signal ends its page loop.
  const running = runningWave(state);
  if (running)
    await getExternalWorkflowHandle(running.waveId)
      .signal(stopWaveSignal)
      .catch(() => undefined);
  await processAlerts();
  await condition(() => allHandlersFinished() && tasks.size === 0 && persisting === 0);
  return { incidentId: id, status: state.status, stage: state.stage };
}
