// What the incident workflow accepts and answers: its updates, signal and query,
// declared beside it and imported by the server as definitions. Importing this
// file loads no workflow code.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AlertBatchSignal,
  AlertSignal,
  ApprovalRequest,
  AssessmentRequest,
  AwarenessChangeRequest,
  CloseRequest,
  DeterminationRequest,
  FilingRequest,
  HoldReleaseRequest,
  HoldRequest,
  IncidentState,
  RecomputeRequest,
  SubjectsImportedRequest,
  SupplementRequest,
  TriageRequest,
  UpdateResult,
  WaveEndedSignal,
} from '../types';

/** The registered workflow type every new incident starts as; the server starts it by this name. */
export const INCIDENT_WORKFLOW = 'incidentWorkflowV2';
/** The first incident workflow, frozen in ../incident-v1: still registered for incidents started under it. */
export const INCIDENT_WORKFLOW_V1 = 'incidentWorkflow';

export const triageUpdate = defineUpdate<UpdateResult, [TriageRequest]>('triage');
export const changeAwarenessUpdate = defineUpdate<UpdateResult, [AwarenessChangeRequest]>('changeAwareness');
export const recordDeterminationUpdate = defineUpdate<UpdateResult, [DeterminationRequest]>('recordDetermination');
export const assessUpdate = defineUpdate<UpdateResult, [AssessmentRequest]>('assess');
export const subjectsImportedUpdate = defineUpdate<UpdateResult, [SubjectsImportedRequest]>('subjectsImported');
export const placeHoldUpdate = defineUpdate<UpdateResult, [HoldRequest]>('placeHold');
export const releaseHoldUpdate = defineUpdate<UpdateResult, [HoldReleaseRequest]>('releaseHold');
export const approveNoticesUpdate = defineUpdate<UpdateResult, [ApprovalRequest]>('approveNotices');
export const recordFilingUpdate = defineUpdate<UpdateResult, [FilingRequest]>('recordFiling');
export const supplementReportUpdate = defineUpdate<UpdateResult, [SupplementRequest]>('supplementReport');
export const closeUpdate = defineUpdate<UpdateResult, [CloseRequest]>('close');
export const recomputeUpdate = defineUpdate<UpdateResult, [RecomputeRequest]>('recompute');
/** One alert per signal: sent before the intake buffer; kept so running workflows and recorded histories still work. */
export const alertSignal = defineSignal<[AlertSignal]>('alert');
/** Many alerts of one incident in one signal-with-start, from the intake forwarder. */
export const alertBatchSignal = defineSignal<[AlertBatchSignal]>('alertBatch');
/** Sent by a data-subject wave (a child started with parentClosePolicy ABANDON) when it ends. */
export const waveEndedSignal = defineSignal<[WaveEndedSignal]>('waveEnded');
/** For debugging and the consistency test only: the read model is SQLite. */
export const incidentStateQuery = defineQuery<IncidentState>('state');
