// The browser UI: session login, the incident list, the new-incident form, the
// incident page with the forms for the current stage, and the dev mailbox.
// Every form carries a CSRF token and an idempotency key; every action goes
// through the same schemas and use cases as the API.
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import Busboy from 'busboy';
import { ulid } from 'ulid';
import { DATA_ELEMENTS, SECTORS } from '../../rules';
import { SEVERITIES } from '../../workflows/types';
import { sessionAuth, userForToken, requireRole, type AuthUser } from '../auth';
import { HttpError } from '../errors';
import { assessmentFromForm, filingFromForm, holdFromForm, incidentFromForm, triageFromForm } from '../form-input';
import { approvalSchema, assessmentSchema, closeSchema, filingSchema, holdSchema, incidentSchema, parse, recomputeSchema, releaseSchema, triageSchema } from '../schemas';
import type { UseCaseContext } from '../use-cases/context';
import { openIncident } from '../use-cases/open-incident';
import { approve, assess, closeIncident, placeHold, recompute, recordFiling, releaseHold, triage } from '../use-cases/incident-actions';
import { importSubjects } from '../use-cases/import-subjects';
import { incidentView, listIncidents, noticesOf, notificationsOf, reportOf } from '../use-cases/incident-queries';
import { idempotencyKey } from './api';

declare module 'express-session' {
  interface SessionData {
    flash?: { error: string; field: string | null; form?: Record<string, unknown> };
    loginStartedAt?: string;
  }
}

export interface Csrf {
  generateCsrfToken: (req: Request, res: Response) => string;
  doubleCsrfProtection: (req: Request, res: Response, next: NextFunction) => void;
  validateRequest: (req: Request) => boolean;
}

const STAGES = ['triage', 'assessment', 'approval', 'notifying', 'reporting', 'closed'];

function page(req: Request, res: Response, csrf: Csrf, extra: Record<string, unknown>) {
  const flash = req.session.flash;
  delete req.session.flash;
  return { user: req.user ?? null, csrfToken: csrf.generateCsrfToken(req, res), idempotencyKey: ulid(), flash: flash ?? null, ...extra };
}

export function uiRouter(ctx: UseCaseContext, csrf: Csrf, opts: { mailboxEnabled: boolean }): Router {
  const r = Router();
  const form = express.urlencoded({ extended: true, limit: '1mb' });

  r.get('/login', (req, res) => {
    // The CSRF token is bound to the session id, and an unmodified new session is never saved
    // (saveUninitialized: false), so without this the POST would arrive under another id and fail.
    req.session.loginStartedAt = new Date().toISOString();
    res.render('login', page(req, res, csrf, { next: typeof req.query.next === 'string' && req.query.next.startsWith('/') ? req.query.next : '/incidents' }));
  });
  r.post('/login', form, csrf.doubleCsrfProtection, async (req, res) => {
    const user = await userForToken(ctx.db, String(req.body.token ?? ''), 'session');
    if (!user) {
      req.session.flash = { error: 'That token is not valid.', field: 'token' };
      return res.redirect('/login');
    }
    req.session.regenerate((err) => {
      if (err) throw err;
      req.session.userId = user.id;
      const next = typeof req.body.next === 'string' && req.body.next.startsWith('/') && !req.body.next.startsWith('//') ? req.body.next : '/incidents';
      req.session.save(() => res.redirect(next));
    });
  });

  r.use(sessionAuth(ctx.db));
  r.post('/logout', form, csrf.doubleCsrfProtection, (req, res) => {
    req.session.destroy(() => res.redirect('/login'));
  });
  r.get('/', (_req, res) => res.redirect('/incidents'));

  r.get('/incidents', requireRole('viewer'), async (req, res) => {
    res.render('incidents', page(req, res, csrf, { incidents: await listIncidents(ctx.db) }));
  });
  r.get('/incidents/new', requireRole('responder'), (req, res) => {
    res.render('new-incident', page(req, res, csrf, { severities: SEVERITIES, dataElements: DATA_ELEMENTS, now: new Date().toISOString().slice(0, 16) }));
  });
  r.post('/incidents', requireRole('responder'), form, csrf.doubleCsrfProtection, async (req, res) => {
    try {
      const { id } = await openIncident(ctx, parse(incidentSchema, incidentFromForm(req.body)), req.user!, idempotencyKey(req));
      res.redirect(303, `/incidents/${id}`);
    } catch (err) {
      if (!(err instanceof HttpError) || err.status >= 500) throw err;
      req.session.flash = { error: err.message, field: err.field, form: req.body };
      res.redirect(303, '/incidents/new');
    }
  });

  r.get('/incidents/:id', requireRole('viewer'), async (req, res) => {
    const incident = await incidentView(ctx.db, String(req.params.id));
    const notices = await noticesOf(ctx.db, incident.id);
    const stageIndex = STAGES.indexOf(incident.stage);
    res.render(
      'incident',
      page(req, res, csrf, {
        incident,
        notices,
        stages: STAGES.map((s, i) => ({ name: s, state: incident.stage === 'dismissed' ? 'skipped' : i < stageIndex ? 'done' : i === stageIndex ? 'current' : 'todo' })),
        dataElements: DATA_ELEMENTS,
        sectors: SECTORS,
        can: actionsFor(incident.stage, incident.status, incident.hold !== null, req.user!),
        openObligations: incident.obligations.filter((o) => o.required && ['pending', 'manual', 'sent'].includes(o.status) && o.audience === 'regulator'),
        outbox: await notificationsOf(ctx.db, incident.id, 100, 0),
      }),
    );
  });

  const act =
    (run: (id: string, body: Record<string, unknown>, user: AuthUser, key: string | null) => Promise<unknown>, role: AuthUser['role']) =>
    [
      requireRole(role),
      form,
      csrf.doubleCsrfProtection,
      async (req: Request, res: Response) => {
        const id = String(req.params.id);
        try {
          await run(id, req.body, req.user!, idempotencyKey(req));
        } catch (err) {
          if (!(err instanceof HttpError) || err.status >= 500 && err.status !== 503) throw err;
          req.session.flash = { error: err.message, field: err.field, form: req.body };
        }
        res.redirect(303, `/incidents/${id}`);
      },
    ];

  r.post('/incidents/:id/triage', ...act((id, b, u, k) => {
    const body = parse(triageSchema, triageFromForm(b));
    if (body.decision === 'dismiss' && !['approver', 'admin'].includes(u.role)) throw new HttpError(403, 'dismissing requires the approver role', 'decision');
    return triage(ctx, id, body, u, k);
  }, 'responder'));
  r.post('/incidents/:id/assessment', ...act((id, b, u, k) => {
    const { body, error } = assessmentFromForm(b);
    if (error) throw new HttpError(400, error.message, error.field);
    return assess(ctx, id, parse(assessmentSchema, body), u, k);
  }, 'responder'));
  r.post('/incidents/:id/hold', ...act((id, b, u, k) => placeHold(ctx, id, parse(holdSchema, holdFromForm(b)), u, k), 'responder'));
  r.post('/incidents/:id/hold/release', ...act((id, b, u, k) => releaseHold(ctx, id, parse(releaseSchema, b), u, k), 'approver'));
  r.post('/incidents/:id/approval', ...act((id, b, u, k) => approve(ctx, id, parse(approvalSchema, b), u, k), 'approver'));
  r.post('/incidents/:id/filings', ...act((id, b, u, k) => recordFiling(ctx, id, parse(filingSchema, filingFromForm(b)), u, k), 'approver'));
  r.post('/incidents/:id/recompute', ...act((id, b, u, k) => recompute(ctx, id, parse(recomputeSchema, b), u, k), 'approver'));
  r.post('/incidents/:id/close', ...act((id, b, u, k) => closeIncident(ctx, id, parse(closeSchema, b), u, k), 'approver'));

  // Multipart: the CSRF field precedes the file in the form, so it is checked before the file is read.
  r.post('/incidents/:id/subjects', requireRole('responder'), (req, res, next) => {
    const id = String(req.params.id);
    let bb: Busboy.Busboy;
    try {
      bb = Busboy({ headers: req.headers, limits: { files: 1, fileSize: 200 * 1024 * 1024, fields: 10 } });
    } catch {
      return next(new HttpError(400, 'expected a multipart form with a CSV file', 'file'));
    }
    const fields: Record<string, string> = {};
    let handled = false;
    let gotFile = false;
    const fail = (err: unknown) => {
      if (handled) return;
      handled = true;
      if (err instanceof HttpError && err.status < 500) {
        req.session.flash = { error: err.message, field: err.field };
        res.redirect(303, `/incidents/${id}`);
      } else next(err);
    };
    bb.on('field', (name, value) => {
      fields[name] = value;
    });
    bb.on('file', (_name, stream) => {
      gotFile = true;
      req.body = fields;
      if (!csrf.validateRequest(req)) {
        stream.resume();
        return fail(new HttpError(403, 'invalid or missing CSRF token', '_csrf'));
      }
      importSubjects(ctx, id, { csv: stream }, req.user!, fields.idempotencyKey || null)
        .then((r) => {
          handled = true;
          if (r.rejected.length > 0) req.session.flash = { error: `Imported ${r.imported} people; ${r.rejected.length} rows rejected (first: row ${r.rejected[0]!.row}: ${r.rejected[0]!.error})`, field: 'file' };
          res.redirect(303, `/incidents/${id}`);
        })
        .catch((err) => {
          stream.resume();
          fail(err);
        });
    });
    bb.on('close', () => {
      if (!gotFile) fail(new HttpError(400, 'choose a CSV file', 'file'));
    });
    bb.on('error', fail);
    req.pipe(bb);
  });

  r.get('/incidents/:id/report', requireRole('viewer'), async (req, res) => {
    const html = await reportOf(ctx.db, String(req.params.id));
    if (!html) throw new HttpError(404, 'no report yet: it is written when the incident closes', null);
    res.type('html').send(html);
  });

  if (opts.mailboxEnabled) {
    r.get('/mailbox', requireRole('responder'), async (req, res) => {
      const messages = await ctx.db.all('SELECT id, channel, to_address, subject, text, created_at FROM dev_mailbox ORDER BY created_at DESC, id DESC LIMIT 500');
      res.render('mailbox', page(req, res, csrf, { messages }));
    });
    r.get('/mailbox/:id', requireRole('responder'), async (req, res) => {
      const message = await ctx.db.get<{ html: string | null }>('SELECT * FROM dev_mailbox WHERE id = ?', [String(req.params.id)]);
      if (!message) throw new HttpError(404, 'message not found', null);
      res.render('mailbox-message', page(req, res, csrf, { message }));
    });
  }
  return r;
}

function actionsFor(stage: string, status: string, held: boolean, user: AuthUser) {
  const open = status === 'open';
  const atLeast = (role: AuthUser['role']) => ['viewer', 'responder', 'approver', 'admin'].indexOf(user.role) >= ['viewer', 'responder', 'approver', 'admin'].indexOf(role);
  return {
    triage: open && stage === 'triage' && atLeast('responder'),
    dismiss: open && stage === 'triage' && atLeast('approver'),
    assess: open && ['assessment', 'approval', 'notifying', 'reporting'].includes(stage) && atLeast('responder'),
    importSubjects: open && atLeast('responder'),
    placeHold: open && !held && atLeast('responder'),
    releaseHold: open && held && atLeast('approver'),
    approve: open && ['approval', 'notifying', 'reporting'].includes(stage) && atLeast('approver'),
    file: open && atLeast('approver'),
    close: open && ['assessment', 'approval', 'notifying', 'reporting'].includes(stage) && atLeast('approver'),
    recompute: open && atLeast('approver'),
  };
}
