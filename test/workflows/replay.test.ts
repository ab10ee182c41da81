// Replays every committed history against the current workflow code: a change
// that would break running incidents fails here until it is guarded by patched().
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { HISTORIES_DIR, readHistory, RECORDING_PAYLOAD_KEY } from '../support/histories';
import { randomBytes } from 'node:crypto';
import { payloadKey } from '../../lib/payload-codec';
import { temporalDataConverter } from '../../temporal.config';

const files = fs.existsSync(HISTORIES_DIR) ? fs.readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.binpb')) : [];

describe('replay of recorded histories', () => {
  it('has a recorded history for each path', () => {
    // Histories recorded before a patched() change stay, so both branches of the patch keep replaying.
    expect(files.map((f) => path.basename(f, '.binpb')).sort()).toEqual(
      [
        'alert-dedup',
        'controller-notice-failed',
        'controller-path',
        'controller-path.pre-fan-out',
        'controller-path.pre-render-patch',
        'determination',
        'dismissal',
        'hold-and-deadlines',
        'hold-and-deadlines.pre-render-patch',
        'late-bounces',
        'notify-subjects',
        'processor-path',
        'processor-path.pre-render-patch',
        'supplement',
        'supplement.pre-after-update',
        // incidentWorkflowV2 (workflows/incident), its waves, and a v1 run that moved to v2 at continue-as-new.
        'notify-subjects.v2-fallback',
        // A wave under the call policy: a call, no answer, the call again, answered (patched 'telephone-calls').
        'notify-subjects.call-wave',
        'v1-migrate-v2',
        'v2-alert-batch',
        // The same after the batch's state write became a local activity (patched 'alert-persist-local').
        'v2-alert-batch.local-persist',
        // And after the opening write became one too (patched 'open-persist-local').
        'v2-alert-batch.local-open',
        'v2-alert-dedup',
        'v2-continued-as-new',
        'v2-controller-notice-failed',
        'v2-controller-path',
        'v2-determination',
        'v2-dismissal',
        'v2-hold-and-deadlines',
        'v2-processor-path',
        'v2-supplement',
        'v2-wave-hold-release',
        'v2-wave-imports',
      ].sort(),
    );
  });

  it('replays every one without nondeterminism, through the payload codec', async () => {
    // One replay worker (one bundle) for all histories. The codec's current key sealed none of them:
    // those recorded before encryption must pass through it unopened, and the later ones were sealed
    // with the public recording key (test/support/histories.ts), which it holds as an older key.
    const results: { workflowId: string; error?: Error }[] = [];
    for await (const result of Worker.runReplayHistories(
      {
        workflowsPath: require.resolve('../../workflows/index.ts'),
        dataConverter: temporalDataConverter([payloadKey(randomBytes(32)), RECORDING_PAYLOAD_KEY]),
      },
      files.map((file) => ({ workflowId: `replay-${file}`, history: readHistory(file) })),
    ))
      results.push(result);
    expect(results.map((r) => r.workflowId).sort()).toEqual(files.map((f) => `replay-${f}`).sort());
    expect(results.filter((r) => r.error).map((r) => `${r.workflowId}: ${String(r.error)}`)).toEqual([]);
  });
});
