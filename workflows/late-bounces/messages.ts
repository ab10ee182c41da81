// What the late-bounces workflow receives and answers, for the web process that
// signals it and the tests that query it. Definitions only: importing this file
// loads no workflow code.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { Duration } from '@temporalio/common';
import type { ChannelPolicy } from '../types';

/** The registered workflow type; the server starts it by this name. */
export const LATE_BOUNCES_WORKFLOW = 'lateBouncesWorkflow';

export interface LateBouncesInput {
  incidentId: string;
  noticeVersion: string;
  channelPolicy: ChannelPolicy;
  /** How long to wait for another report before finishing. */
  idleTimeout?: Duration;
  /** Events per run before continuing as new. */
  historyLimit?: number;
  /** Carried across continue-as-new: a report arrived that no round has handled yet. */
  pending?: boolean;
}

export interface BouncesReported {
  /** The incident's policy when the report arrived; the latest one wins. */
  channelPolicy: ChannelPolicy;
}

export interface LateBouncesResult {
  rounds: number;
  fallbacks: number;
}

/** This run's progress: a report is handled once `handled` reaches the `reported` seen after it. */
export interface LateBouncesState extends LateBouncesResult {
  reported: number;
  handled: number;
}

export const bouncesReportedSignal = defineSignal<[BouncesReported]>('bouncesReported');
export const lateBouncesStateQuery = defineQuery<LateBouncesState>('lateBouncesState');

export function lateBouncesWorkflowId(incidentId: string, noticeVersion: string): string {
  return `late-bounces-${incidentId}-${noticeVersion.slice(0, 16)}`;
}
