// A processor's notice to its controller (GDPR Art. 33(2)) counts as given only when the
// email was sent: a refused or uncertain send leaves the obligation open, with its reminders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendGridProvider } from '../../activities/providers';
import { recordHistory } from '../support/histories';
import { startSendGridStandIn, type SendGridStandIn } from '../support/sendgrid-standin';
import { assessmentBody, eventually, openAndConfirm, startHarness, type Harness } from '../support/app-harness';

let h: Harness;
let sendgrid: SendGridStandIn;
beforeAll(async () => {
  sendgrid = await startSendGridStandIn({ apiKey: 'SG.key' });
  h = await startHarness({
    email: createSendGridProvider({
      apiKey: 'SG.key',
      fromEmail: 'notices@breachline.example',
      baseUrl: sendgrid.url,
      timeoutMs: 5000,
    }),
  });
});
afterAll(async () => {
  await h?.close();
  await sendgrid?.close();
});

type Obligation = { audience: string; status: string };
type Incident = { obligations: Obligation[]; timeline: { type: string; summary: string }[] };
const incident = async (id: string) => (await h.api('GET', `/api/incidents/${id}`)).body as Incident;
/** The workflow has nothing scheduled and no task pending: every turn the last update caused is over. */
const idle = (id: string) =>
  eventually(
    async () => (await h.client.workflow.getHandle(`incident-${id}`).describe()).raw,
    (raw) => (raw.pendingActivities ?? []).length === 0 && !raw.pendingWorkflowTask,
  );
const controllerNoticeDone = (x: Incident) =>
  x.timeline.some((e) => e.type === 'controllers.notified' || e.type === 'controllers.notice_failed');

async function processorIncident(controllerEmail: string): Promise<string> {
  const id = await openAndConfirm(h);
  const r = await h.api(
    'POST',
    `/api/incidents/${id}/assessment`,
    assessmentBody({
      role: 'processor',
      controllers: [{ name: 'Springfield School District', email: controllerEmail, locale: 'en' }],
      affected: { DE: 300 },
    }),
  );
  expect(r.status).toBe(200);
  return id;
}

describe('the controller notice outcome', () => {
  it('leaves the obligation open when the controller email is refused, and says so on the timeline', async () => {
    const email = 'dpo@refused-controller.example';
    sendgrid.setMode({ reject: [email] });
    const id = await processorIncident(email);
    const v = await eventually(() => incident(id), controllerNoticeDone);
    const controller = v.obligations.find((o) => o.audience === 'controller')!;
    expect(controller.status).toBe('pending');
    const failed = v.timeline.find((e) => e.type === 'controllers.notice_failed');
    expect(failed?.summary).toContain('1 failed');
    expect(v.timeline.some((e) => e.type === 'controllers.notified')).toBe(false);
    // Not tried again on every later turn of the workflow.
    expect((await h.api('POST', `/api/incidents/${id}/recompute`, { reason: 'catalog check' })).status).toBe(200);
    await idle(id);
    const after = await incident(id);
    expect(after.timeline.filter((e) => e.type === 'controllers.notice_failed')).toHaveLength(1);
    expect(after.obligations.find((o) => o.audience === 'controller')!.status).toBe('pending');
    await recordHistory(h.client, `incident-${id}`, 'v2-controller-notice-failed');
  });

  it('marks it sent when the controller email went out', async () => {
    sendgrid.setMode({ reject: [] });
    const email = 'dpo@reached-controller.example';
    const id = await processorIncident(email);
    const v = await eventually(() => incident(id), controllerNoticeDone);
    expect(v.obligations.find((o) => o.audience === 'controller')!.status).toBe('sent');
    expect(sendgrid.countFor(email)).toBe(1);
  });
});
