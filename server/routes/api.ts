// The JSON API. Routes parse, call one use case, and answer; permissions are
// declared at the route.
import { Router } from 'express';
import type { z } from 'zod';
import { factsSchema, obligations as computeObligations } from '../../rules';
import { actorOf, allow, bearerAuth, type AuthUser } from '../auth';
import type { AppConfig } from '../../app.config';
import { intakeStatus } from '../use-cases/intake-status';
import type { Permission } from '../permissions';
import { accessSchema } from '../account-schemas';
import { requireVisible, setIncidentAccess } from '../use-cases/incident-access';
import { HttpError, notFound } from '../errors';
import { jsonBody } from '../json-body';
import {
  approvalSchema,
  assessmentSchema,
  awarenessSchema,
  closeSchema,
  determinationSchema,
  filingSchema,
  holdSchema,
  incidentSchema,
  notificationsQuerySchema,
  parse,
  recomputeSchema,
  lettersSchema,
  lettersMailedSchema,
  releaseSchema,
  supplementSchema,
  triageSchema,
  triageManySchema,
} from '../schemas';
import type { UseCaseContext } from '../use-cases/context';
import { openIncident } from '../use-cases/open-incident';
import {
  approve,
  assess,
  changeAwareness,
  closeIncident,
  placeHold,
  recompute,
  recordDetermination,
  recordFiling,
  releaseHold,
  supplementReport,
} from '../use-cases/incident-actions';
import { decideTriage } from '../use-cases/triage-decision';
import { triageMany } from '../use-cases/triage-many';
import { closingReport } from '../use-cases/closing-report';
import { idempotencyKey } from '../idempotency-key';
import { importSubjects } from '../use-cases/import-subjects';
import { letterFonts, lettersOf, prepareLetters, recordLettersMailed } from '../use-cases/letters';
import { agencyDocumentsOf } from '../use-cases/agency-documents';
import { incidentView, listIncidents, noticesOf, notificationsOf } from '../use-cases/incident-queries';
import { noticeLanguages } from '../use-cases/notice-languages';
import { exportNotificationsCsv } from '../use-cases/notifications-csv';
import { changeOrgProfile, orgProfileOf, orgProfileSchema } from '../use-cases/organisation';

const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A use case for one human step on an incident, shared with the incident page's forms. */
type IncidentStep<B> = (
  ctx: UseCaseContext,
  incidentId: string,
  body: B,
  user: AuthUser,
  idempotencyKey: string | null,
) => Promise<unknown>;

export function apiRouter(ctx: UseCaseContext, config: Pick<AppConfig, 'intake' | 'dataDir' | 'pdfFonts'>): Router {
  const r = Router();
  const json = jsonBody('1mb');
  r.use(bearerAuth(ctx.db));
  // A restricted incident answers 404 to anyone who is not a member or an admin, on every route.
  r.param('id', (req, _res, next, id: string) =>
    ID.test(id) ? requireVisible(ctx.db, req.user!, id).then(() => next(), next) : next(notFound()),
  );

  // The alert intake buffer for monitoring: backlog depth and forwarding lag (also on Settings → Alert sources).
  r.get('/intake', allow('webhooks.manage'), async (_req, res) => {
    res.json(await intakeStatus(ctx.db, config.intake.maxBacklog));
  });
  r.post('/incidents', allow('incident.open'), json, async (req, res) => {
    const body = parse(incidentSchema, req.body);
    res.status(201).json(await openIncident(ctx, body, req.user!, idempotencyKey(req)));
  });
  r.get('/incidents', allow('incident.read'), async (req, res) => {
    const status =
      typeof req.query.status === 'string' && ['open', 'closed', 'dismissed'].includes(req.query.status)
        ? req.query.status
        : undefined;
    res.json({
      incidents: await listIncidents(ctx.db, req.user!, {
        status,
        q: typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : undefined,
      }),
    });
  });
  r.get('/incidents/:id', allow('incident.read'), async (req, res) => {
    res.json(await incidentView(ctx.db, String(req.params.id)));
  });
  // Every human step on an incident: the body checked against its schema, then one use case,
  // the same one the incident page's form calls.
  const step = <S extends z.ZodType>(path: string, permission: Permission, schema: S, run: IncidentStep<z.infer<S>>) =>
    r.post(`/incidents/:id/${path}`, allow(permission), json, async (req, res) => {
      res.json(await run(ctx, String(req.params.id), parse(schema, req.body), req.user!, idempotencyKey(req)));
    });
  step('triage', 'incident.triage', triageSchema, decideTriage);
  step('awareness', 'awareness.change', awarenessSchema, changeAwareness);
  step('determinations', 'awareness.change', determinationSchema, recordDetermination);
  step('assessment', 'incident.assess', assessmentSchema, assess);
  step('hold', 'hold.place', holdSchema, placeHold);
  step('hold/release', 'hold.release', releaseSchema, releaseHold);
  step('approval', 'notices.approve', approvalSchema, approve);
  step('filings', 'filing.record', filingSchema, recordFiling);
  step('supplements', 'report.supplement', supplementSchema, supplementReport);
  step('close', 'incident.close', closeSchema, closeIncident);
  step('recompute', 'incident.recompute', recomputeSchema, recompute);
  // One decision for many incidents (an alert storm's); each answers for itself in `outcomes`.
  r.post('/incidents/triage', allow('incident.triage'), json, async (req, res) => {
    res.json(await triageMany(ctx, parse(triageManySchema, req.body), req.user!, idempotencyKey(req)));
  });
  r.post('/incidents/:id/letters', allow('letters.send'), json, async (req, res) => {
    const input = parse(lettersSchema, req.body);
    res.json(
      await prepareLetters(
        { db: ctx.db, dataDir: config.dataDir, fonts: letterFonts(config.pdfFonts) },
        String(req.params.id),
        input,
        actorOf(req.user!),
      ),
    );
  });
  r.get('/incidents/:id/agency-documents', allow('incident.read'), async (req, res) => {
    res.json(await agencyDocumentsOf(ctx.db, String(req.params.id), ctx.baseUrl));
  });
  r.get('/incidents/:id/letters', allow('letters.send'), async (req, res) => {
    res.json(await lettersOf(ctx.db, String(req.params.id)));
  });
  r.post('/incidents/:id/letters/mailed', allow('letters.send'), json, async (req, res) => {
    const { batchId, mailedOn } = parse(lettersMailedSchema, req.body);
    res.json(await recordLettersMailed(ctx, String(req.params.id), batchId, { mailedOn }, actorOf(req.user!)));
  });
  r.post('/incidents/:id/subjects', allow('subjects.import'), jsonBody('20mb'), async (req, res) => {
    const key = idempotencyKey(req);
    const isCsv = Boolean(req.is('text/csv'));
    if (!isCsv && !req.is('application/json'))
      throw new HttpError(415, 'send text/csv or application/json', 'Content-Type');
    const source = isCsv ? { csv: req } : { json: req.body };
    res.json(await importSubjects(ctx, String(req.params.id), source, req.user!, key));
  });
  r.get('/incidents/:id/notices', allow('incident.read'), async (req, res) => {
    const id = String(req.params.id);
    const notices = await noticesOf(ctx.db, id);
    // Per language: who reads it, who reads it for want of their own, and whether it has the approver's text.
    const languages = notices.noticeVersion ? await noticeLanguages(ctx.db, id, notices.noticeVersion) : [];
    res.json({ ...notices, languages });
  });
  r.get('/incidents/:id/notifications', allow('contacts.read'), async (req, res) => {
    res.json(await notificationsOf(ctx.db, String(req.params.id), parse(notificationsQuerySchema, req.query)));
  });
  r.get('/incidents/:id/notifications.csv', allow('contacts.read'), async (req, res) => {
    // The incident's existence and visibility were checked with its id (r.param above).
    const id = String(req.params.id);
    res.attachment(`notifications-${id}.csv`).type('text/csv; charset=utf-8');
    await exportNotificationsCsv(ctx.db, id, res, actorOf(req.user!));
  });
  r.get('/incidents/:id/report', allow('incident.read'), async (req, res) => {
    // The report first: a type set before a refusal would label the JSON error as HTML (found by schemathesis).
    const html = await closingReport(ctx.db, String(req.params.id));
    res.type('html').send(html);
  });

  r.post('/obligations/preview', allow('incident.read'), json, async (req, res) => {
    res.json(computeObligations(parse(factsSchema, req.body)));
  });
  r.get('/settings/organisation', allow('incident.read'), async (_req, res) => {
    res.json(await orgProfileOf(ctx.db));
  });
  r.put('/settings/organisation', allow('settings.manage'), json, async (req, res) => {
    res.json(await changeOrgProfile(ctx.db, parse(orgProfileSchema, req.body), actorOf(req.user!)));
  });
  r.put('/incidents/:id/access', allow('incident.restrict'), json, async (req, res) => {
    res.json(await setIncidentAccess(ctx, String(req.params.id), parse(accessSchema, req.body), req.user!));
  });
  return r;
}
