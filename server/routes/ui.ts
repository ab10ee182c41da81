// The browser UI: password login, the dashboard, the incident list, the
// new-incident form, the incident page with the forms for the current stage,
// the breach register and the dev mailbox. Every form carries a CSRF token and
// an idempotency key; every action goes through the same schemas, use cases
// and permission table as the API.
import { legalNoticeStatusOf } from '../use-cases/legal-notice-status';
import express, { Router, type Request, type Response } from 'express';
import Busboy from 'busboy';
import { DATA_ELEMENTS, SECTORS } from '../../rules';
import { DETECTION_METHOD_LABELS, DETECTION_METHODS, SEVERITIES, STAGES } from '../../workflows/types';
import { actorOf, allow, requireSecondFactorFor, sessionAuth, type AuthUser } from '../auth';
import { can, type Permission } from '../permissions';
import { listAccounts, logIn } from '../use-cases/accounts';
import { accessOf, requireVisible, setIncidentAccess } from '../use-cases/incident-access';
import { dashboardOf } from '../use-cases/dashboard';
import { publicLinkWarning } from '../use-cases/approval-readiness';
import { breachRegister, registerCsv } from '../use-cases/breach-register';
import { accountRouter } from './account';
import { oidcLoginRouter, type SsoProblem } from './oidc-login';
import type { OidcClient } from '../oidc-client';
import { settingsRouter } from './settings';
import type { AppConfig } from '../../app.config';
import { HttpError, notFound } from '../errors';
import {
  approvalFromForm,
  assessmentFromForm,
  determinationFromForm,
  filingFromForm,
  formTime,
  holdFromForm,
  incidentFromForm,
  triageFromForm,
} from '../form-input';
import { accessSchema } from '../account-schemas';
import {
  awarenessSchema,
  determinationSchema,
  supplementSchema,
  approvalSchema,
  assessmentSchema,
  closeSchema,
  filingSchema,
  holdSchema,
  incidentSchema,
  parse,
  recomputeSchema,
  lettersSchema,
  lettersMailedSchema,
  legalHoldSchema,
  purgeSchema,
  releaseSchema,
  triageSchema,
  triageManySchema,
} from '../schemas';
import { placeLegalHold, purgeContacts, releaseLegalHold, retentionStatus } from '../use-cases/contact-retention';
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
import { importSubjects, rejectionsCsv } from '../use-cases/import-subjects';
import {
  assessmentFormOf,
  incidentView,
  listIncidents,
  noticesOf,
  notificationsOf,
} from '../use-cases/incident-queries';
import { exportNotificationsCsv } from '../use-cases/notifications-csv';
import { letterBatchFile, letterFonts, lettersOf, prepareLetters, recordLettersMailed } from '../use-cases/letters';
import { agencyDocumentsOf } from '../use-cases/agency-documents';
import type { UserSessions } from '../use-cases/sessions';
import { verifySecondFactor } from '../use-cases/second-factor';
import { mailboxMessage, mailboxMessages } from '../use-cases/dev-mailbox';
import { idempotencyKey, idempotencyKeyOf } from '../idempotency-key';
import { page, type Csrf } from '../page';
import { gateLine, sentByVersionLines, waveRows } from '../wave-words';
import { nowIso } from '../../lib/clock';
import { chartInputOf, deadlineChartSvg, type ChartSource } from '../../lib/deadline-chart';
import { nextAction, urgentDeadlines, waitingFor, type RoomIncident } from '../incident-room';
import { actionDone, triagedManyNotice } from '../action-messages';
import { approvedTextChanges, recordTextChange } from '../use-cases/notice-text-change';
import { noticeTextChanges, NOTICE_TEXT_KEYS } from '../notice-text-change';
import { noticeLanguages } from '../use-cases/notice-languages';
import { callLanguageNote } from '../use-cases/call-languages';
import { collapseAlertRuns } from '../use-cases/timeline-runs';

const chartOf = (incident: ChartSource): string | null => {
  const input = chartInputOf(incident, nowIso());
  return input ? deadlineChartSvg(input) : null;
};

/** The stages an incident moves through, in order, as the progress bar on its page shows them. */
const PROGRESS: readonly string[] = STAGES.filter((stage) => stage !== 'dismissed');

const ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const LOGIN_REFUSED =
  'The email or password is not right. After a few failures in a row, further attempts from the same address wait a little longer each time.';
/** A pair (account, address) that must wait; the same words whether or not the account exists. */
export const loginThrottled = (seconds: number) =>
  `Too many failed logins for this email from your address: try again in ${seconds} seconds.`;
const LOCAL_LOGIN_OFF: SsoProblem = {
  title: 'Password login is turned off.',
  text: 'This organisation logs in through its identity provider: use "Sign in with single sign-on".',
};
const safeNext = (v: unknown) =>
  typeof v === 'string' && v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') ? v : '/dashboard';

/** A wrong code and a used one get the same answer: telling them apart helps only someone replaying codes. */
export const SECOND_FACTOR_REFUSED =
  'That code is not right or was already used. Enter the current code from your authenticator app, or one of your recovery codes.';
const SECOND_FACTOR_EXPIRED = 'The time to enter the code ran out, or the password changed meanwhile: log in again.';
/** How long after a right password its code may follow. */
const SECOND_FACTOR_WAIT_MS = 5 * 60_000;

/** Rejected rows listed on the page after an import; the CLI writes every one to a CSV file. */
const IMPORT_REJECTIONS_SHOWN = 200;

export function uiRouter(
  ctx: UseCaseContext,
  csrf: Csrf,
  opts: {
    mailboxEnabled: boolean;
    config: Pick<
      AppConfig,
      | 'webhookSecrets'
      | 'secretKeys'
      | 'mfaRoles'
      | 'intake'
      | 'alertSources'
      | 'oidc'
      | 'localLogin'
      | 'dataDir'
      | 'pdfFonts'
      | 'contactRetentionDays'
    >;
    sessions: UserSessions;
    /** Set when single sign-on is configured (config.oidc). */
    oidc?: OidcClient;
  },
): Router {
  const r = Router();
  const form = express.urlencoded({ extended: true, limit: '1mb' });
  const sso = opts.config.oidc ? opts.oidc : undefined;
  /** The login page: single sign-on, the password form, or both, as configured. */
  const loginPage = (req: Request, res: Response, next: string, ssoProblem?: SsoProblem) =>
    page(req, res, csrf, {
      title: 'Log in',
      next,
      sso: !!sso,
      ssoHref: `/login/oidc?next=${encodeURIComponent(next)}`,
      localLogin: opts.config.localLogin,
      ssoProblem,
    });

  /**
   * Logged in: a new session id, so an id planted before login (or before the code) is worthless after it.
   * `passwordAt` is when the password was proved: a password change or end of sessions after it, even
   * while the code was being typed, refuses the session at its first request.
   */
  const startSession = (
    req: Request,
    res: Response,
    login: { userId: string; passwordAt?: string; singleSignOn?: boolean },
    next: string,
    fail: (err: unknown) => void,
  ) =>
    req.session.regenerate((err) => {
      if (err) return fail(err);
      const now = nowIso();
      const userId = login.userId;
      req.session.userId = userId;
      req.session.createdAt = now;
      req.session.authAt = login.passwordAt ?? now;
      req.session.seenAt = now;
      if (login.singleSignOn) req.session.singleSignOn = true;
      opts.sessions.loggedIn(req.session.id, userId).then(() => req.session.save(() => res.redirect(next)), fail);
    });

  r.get('/login', (req, res) => {
    // The CSRF token is bound to the session id, and an unmodified new session is never saved
    // (saveUninitialized: false), so without this the POST would arrive under another id and fail.
    req.session.loginStartedAt = nowIso();
    res.render('login', loginPage(req, res, safeNext(req.query.next)));
  });
  if (sso && opts.config.oidc)
    r.use(
      oidcLoginRouter(ctx, {
        oidc: sso,
        redirectUri: opts.config.oidc.redirectUri,
        mapping: opts.config.oidc,
        sessions: opts.sessions,
        safeNext,
        renderLogin: (req, res, status, problem, next = '/dashboard') =>
          res.status(status).render('login', loginPage(req, res, next, problem)),
        startSession,
      }),
    );
  // With local login off, a password (or its code) is refused before it is even read.
  const localLoginOnly: express.RequestHandler = (req, res, nextHandler) => {
    if (opts.config.localLogin) return nextHandler();
    res.locals.loginRefused = true;
    res.status(403).render('login', loginPage(req, res, '/dashboard', LOCAL_LOGIN_OFF));
  };
  r.use('/login', (req, res, nextHandler) =>
    req.method === 'POST' ? localLoginOnly(req, res, nextHandler) : nextHandler(),
  );
  r.post('/login', form, csrf.doubleCsrfProtection, async (req, res, nextHandler) => {
    const email = String(req.body.email ?? '').slice(0, 320);
    const next = safeNext(req.body.next);
    const outcome = await logIn(ctx.db, email, String(req.body.password ?? ''), req.ip ?? 'unknown');
    if (!outcome.ok) {
      res.locals.loginRefused = true;
      if (outcome.retryAfterMs !== null) {
        // Rendered, not redirected, so the browser and any client see the 429 and when to come back.
        const seconds = Math.ceil(outcome.retryAfterMs / 1000);
        req.session.flash = { error: loginThrottled(seconds), field: 'password', form: { email } };
        res.set('Retry-After', String(seconds));
        return res.status(429).render('login', loginPage(req, res, next));
      }
      // One answer for every refusal: telling a wrong password from an unknown email would list the accounts.
      req.session.flash = { error: LOGIN_REFUSED, field: 'password', form: { email } };
      return res.redirect(303, `/login?next=${encodeURIComponent(next)}`);
    }
    if (outcome.secondFactor) {
      // Not logged in yet: a fresh session remembers whose password was right, for a few minutes.
      return req.session.regenerate((err) => {
        if (err) return nextHandler(err);
        req.session.secondFactorFor = { userId: outcome.userId, at: nowIso() };
        req.session.save(() => res.redirect(303, `/login/code?next=${encodeURIComponent(next)}`));
      });
    }
    startSession(req, res, { userId: outcome.userId }, next, nextHandler);
  });

  const pendingSecondFactor = (req: Request) => {
    const pending = req.session.secondFactorFor;
    return pending && Date.now() - Date.parse(pending.at) < SECOND_FACTOR_WAIT_MS ? pending : null;
  };
  r.get('/login/code', (req, res) => {
    if (!pendingSecondFactor(req)) return res.redirect(`/login?next=${encodeURIComponent(safeNext(req.query.next))}`);
    res.render('login-code', page(req, res, csrf, { title: 'Log in: code', next: safeNext(req.query.next) }));
  });
  r.post('/login/code', form, csrf.doubleCsrfProtection, async (req, res, nextHandler) => {
    const next = safeNext(req.body.next);
    const pending = pendingSecondFactor(req);
    if (!pending) {
      req.session.flash = { error: SECOND_FACTOR_EXPIRED, field: 'password' };
      return res.redirect(303, `/login?next=${encodeURIComponent(next)}`);
    }
    const outcome = await verifySecondFactor(
      ctx.db,
      opts.config.secretKeys,
      { userId: pending.userId, source: req.ip ?? 'unknown', passwordAt: pending.at },
      String(req.body.code ?? '').slice(0, 64),
    );
    if (!outcome.ok) {
      res.locals.loginRefused = true;
      if (outcome.stale) {
        delete req.session.secondFactorFor;
        req.session.flash = { error: SECOND_FACTOR_EXPIRED, field: 'password' };
        return res.redirect(303, `/login?next=${encodeURIComponent(next)}`);
      }
      if (outcome.retryAfterMs !== null) {
        const seconds = Math.ceil(outcome.retryAfterMs / 1000);
        req.session.flash = { error: loginThrottled(seconds), field: 'code' };
        res.set('Retry-After', String(seconds));
        return res.status(429).render('login-code', page(req, res, csrf, { title: 'Log in: code', next }));
      }
      req.session.flash = { error: SECOND_FACTOR_REFUSED, field: 'code' };
      return res.redirect(303, `/login/code?next=${encodeURIComponent(next)}`);
    }
    startSession(req, res, { userId: pending.userId, passwordAt: pending.at }, next, nextHandler);
  });

  r.use(sessionAuth(ctx.db, opts.sessions));
  // Without a key to seal secrets nobody could set a factor up, so requiring one would lock everyone out.
  if (opts.config.secretKeys.current) r.use(requireSecondFactorFor(opts.config.mfaRoles));
  r.post('/logout', form, csrf.doubleCsrfProtection, async (req, res) => {
    await opts.sessions.loggedOut(req.session.id);
    req.session.destroy(() => res.redirect(303, '/login'));
  });
  r.get('/', (_req, res) => res.redirect('/dashboard'));
  // A restricted incident is 404 for anyone who is not a member or an admin.
  r.param('id', (req, _res, next, id: string) =>
    ID.test(id) ? requireVisible(ctx.db, req.user!, id).then(() => next(), next) : next(notFound()),
  );

  r.use(accountRouter(ctx, csrf, opts.sessions, opts.config));
  r.use('/settings', settingsRouter(ctx, csrf, opts.config, opts.sessions));

  r.get('/dashboard', allow('incident.read'), async (req, res) => {
    res.render('dashboard', page(req, res, csrf, { title: 'Dashboard', dash: await dashboardOf(ctx.db, req.user!) }));
  });

  r.get('/incidents', allow('incident.read'), async (req, res) => {
    const q = req.query;
    const filters = {
      stage: typeof q.stage === 'string' && (STAGES as readonly string[]).includes(q.stage) ? q.stage : undefined,
      severity:
        typeof q.severity === 'string' && (SEVERITIES as readonly string[]).includes(q.severity)
          ? q.severity
          : undefined,
      overdue: q.overdue === 'on' || q.overdue === '1',
      q: typeof q.q === 'string' && q.q.trim() ? q.q.trim().slice(0, 200) : undefined,
    };
    res.render(
      'incidents',
      page(req, res, csrf, {
        title: 'Incidents',
        incidents: await listIncidents(ctx.db, req.user!, filters),
        filters,
        stages: STAGES,
        severities: SEVERITIES,
      }),
    );
  });

  // The list's triage form: one decision and reason for the incidents ticked (an alert storm's).
  r.post('/incidents/triage', allow('incident.triage'), form, csrf.doubleCsrfProtection, async (req, res) => {
    const f = req.body as Record<string, unknown>;
    const incidentIds = ([] as unknown[]).concat(f.incidentIds ?? []).map(String);
    try {
      const body = parse(triageManySchema, { incidentIds, decision: f.decision, reason: f.reason });
      req.session.notice = triagedManyNotice(
        body.decision,
        await triageMany(ctx, body, req.user!, idempotencyKey(req)),
      );
    } catch (err) {
      if (!(err instanceof HttpError) || err.status >= 500) throw err;
      req.session.flash = { error: err.message, field: err.field, form: f, action: 'triage-many' };
    }
    res.redirect(303, '/incidents');
  });

  r.get('/register', allow('incident.read'), async (req, res) => {
    res.render(
      'register',
      page(req, res, csrf, { title: 'Breach register', entries: await breachRegister(ctx.db, req.user!) }),
    );
  });
  r.get('/register.csv', allow('register.export'), async (req, res) => {
    res
      .attachment(`breach-register-${nowIso().slice(0, 10)}.csv`)
      .type('text/csv; charset=utf-8')
      .send(registerCsv(await breachRegister(ctx.db, req.user!)));
  });

  r.get('/incidents/new', allow('incident.open'), (req, res) => {
    res.render(
      'new-incident',
      page(req, res, csrf, {
        title: 'New incident',
        severities: SEVERITIES,
        detectionMethods: DETECTION_METHODS.map((code) => ({ code, label: DETECTION_METHOD_LABELS[code] })),
        dataElements: DATA_ELEMENTS,
        now: nowIso().slice(0, 16),
      }),
    );
  });
  r.post('/incidents', allow('incident.open'), form, csrf.doubleCsrfProtection, async (req, res) => {
    try {
      const { id } = await openIncident(
        ctx,
        parse(incidentSchema, incidentFromForm(req.body)),
        req.user!,
        idempotencyKey(req),
      );
      res.redirect(303, `/incidents/${id}`);
    } catch (err) {
      if (!(err instanceof HttpError) || err.status >= 500) throw err;
      req.session.flash = { error: err.message, field: err.field, form: req.body };
      res.redirect(303, '/incidents/new');
    }
  });

  r.get('/incidents/:id/notifications.csv', allow('contacts.read'), async (req, res) => {
    const id = String(req.params.id);
    res.attachment(`notifications-${id}.csv`).type('text/csv; charset=utf-8');
    await exportNotificationsCsv(ctx.db, id, res, actorOf(req.user!));
  });
  r.get('/incidents/:id/letters/:batchId/:file', allow('letters.send'), async (req, res) => {
    const which = { 'letters.pdf': 'pdf', 'manifest.csv': 'manifest' } as const;
    const file = which[String(req.params.file) as keyof typeof which];
    if (!file) throw notFound();
    const found = await letterBatchFile(
      { db: ctx.db, dataDir: opts.config.dataDir },
      String(req.params.id),
      String(req.params.batchId),
      file,
      actorOf(req.user!),
    );
    res.download(found.path, found.name);
  });
  r.get('/incidents/:id', allow('incident.read'), async (req, res) => {
    const incident = await incidentView(ctx.db, String(req.params.id));
    const seesContacts = can(req.user!.role, 'contacts.read');
    const refused = req.session.flash?.action === 'assessment' ? req.session.flash.form : undefined;
    const assessmentForm = await assessmentFormOf(ctx.db, incident.id, refused);
    // A save refused for want of a reason shows the change it would make to the approved text.
    const saved =
      refused && req.session.flash?.field === 'changeReason' ? await assessmentFormOf(ctx.db, incident.id) : null;
    const textChanges =
      saved && refused
        ? noticeTextChanges(
            { publicHeadline: saved.publicHeadline, ...saved.narrative },
            Object.fromEntries(NOTICE_TEXT_KEYS.map(([k]) => [k, String(refused[k] ?? '')])),
          )
        : [];
    const notices = await noticesOf(ctx.db, incident.id);
    const languages = notices.noticeVersion ? await noticeLanguages(ctx.db, incident.id, notices.noticeVersion) : [];
    const stageIndex = PROGRESS.indexOf(incident.stage);
    const actions = actionsFor(incident.stage, incident.status, incident.hold !== null, req.user!);
    const room: RoomIncident = {
      stage: incident.stage,
      status: incident.status,
      assessed: incident.facts !== null,
      subjects: incident.counts.subjects.total,
      noticeVersion: notices.noticeVersion,
      approvedVersion: incident.approval?.noticeVersion ?? null,
      held: incident.hold !== null,
      obligations: incident.obligations,
    };
    res.render(
      'incident',
      page(req, res, csrf, {
        title: incident.title,
        // The page folds an alert storm's entries into a line per run; the API gives every entry.
        incident: { ...incident, timeline: collapseAlertRuns(incident.timeline) },
        assessmentForm,
        textChanges,
        notices,
        noticeLanguages: languages,
        languageGaps: languages.some((l) => l.gap !== null),
        // After a refused approval the boxes ticked stay ticked.
        builtInChosen:
          req.session.flash?.action === 'approval' ? [req.session.flash.form?.builtInTextLocales ?? []].flat() : [],
        calls: await callLanguageNote(ctx.db, incident.id, incident.facts?.channelPolicy),
        access: await accessOf(ctx.db, incident.id),
        retention: await retentionStatus(ctx.db, incident.id, opts.config.contactRetentionDays),
        retentionDays: opts.config.contactRetentionDays,
        users: can(req.user!.role, 'incident.restrict')
          ? (await listAccounts(ctx.db)).map((account) => ({
              id: account.id,
              name: account.display_name,
              role: account.role,
            }))
          : [],
        stages: PROGRESS.map((stage, i) => ({
          name: stage,
          state:
            incident.stage === 'dismissed'
              ? 'skipped'
              : i < stageIndex
                ? 'done'
                : i === stageIndex
                  ? 'current'
                  : 'todo',
        })),
        dataElements: DATA_ELEMENTS,
        sectors: SECTORS,
        sendGateLine: gateLine(incident.sendGate),
        waveRows: waveRows(incident.waves),
        deadlineChart: chartOf(incident),
        sentVersions: sentByVersionLines(incident.sentByVersion),
        publicLinkWarning: publicLinkWarning(ctx.publicLink),
        can: actions,
        room: {
          next: nextAction(room, actions),
          waiting: waitingFor(room),
          deadlines: urgentDeadlines(incident.obligations),
        },
        openObligations: incident.obligations.filter(
          (o) => o.required && ['pending', 'manual', 'sent'].includes(o.status) && o.audience === 'regulator',
        ),
        reportedObligations: incident.obligations.filter(
          (o) => o.audience === 'regulator' && ['sent', 'filed', 'manual'].includes(o.status),
        ),
        // Data subjects' addresses are contact data: never rendered for a role without contacts.read.
        outbox: seesContacts ? (await notificationsOf(ctx.db, incident.id, { limit: 100 })).notifications : [],
        legalNotice: seesContacts ? await legalNoticeStatusOf(ctx.db, incident.id) : [],
        letters: can(req.user!.role, 'letters.send') ? await lettersOf(ctx.db, incident.id) : null,
        today: nowIso().slice(0, 10),
        agencyDocuments: await agencyDocumentsOf(ctx.db, incident.id, ctx.baseUrl),
      }),
    );
  });

  const act = (
    run: (id: string, body: Record<string, unknown>, user: AuthUser, key: string | null) => Promise<unknown>,
    permission: Permission,
  ) => [
    allow(permission),
    form,
    csrf.doubleCsrfProtection,
    async (req: Request, res: Response) => {
      const id = String(req.params.id);
      const action = req.path.split('/').slice(3).join('/');
      try {
        await run(id, req.body, req.user!, idempotencyKey(req));
        req.session.notice = actionDone(action, req.body as Record<string, unknown>);
      } catch (err) {
        if (!(err instanceof HttpError) || (err.status >= 500 && err.status !== 503)) throw err;
        req.session.flash = {
          error: err.message,
          field: err.field,
          form: req.body,
          retryable: err.retryable,
          action,
        };
      }
      res.redirect(303, `/incidents/${id}`);
    },
  ];

  r.post(
    '/incidents/:id/triage',
    ...act(
      (id, form, user, key) => decideTriage(ctx, id, parse(triageSchema, triageFromForm(form)), user, key),
      'incident.triage',
    ),
  );
  r.post(
    '/incidents/:id/assessment',
    ...act(async (id, form, user, key) => {
      const { body, error } = assessmentFromForm(form);
      if (error) throw new HttpError(400, error.message, error.field);
      const parsed = parse(assessmentSchema, body);
      // Words already approved change only with a reason, after the person has seen the change.
      const changes = await approvedTextChanges(ctx.db, id, form);
      const reason = typeof form.changeReason === 'string' ? form.changeReason.trim() : '';
      if (changes.length > 0 && !reason)
        throw new HttpError(
          409,
          'this changes the wording of notices already approved: check the change shown in the form and say why',
          'changeReason',
        );
      const result = await assess(ctx, id, parsed, user, key);
      if (changes.length > 0) await recordTextChange(ctx.db, id, changes, reason.slice(0, 2000), user, key);
      return result;
    }, 'incident.assess'),
  );
  r.post(
    '/incidents/:id/hold',
    ...act((id, form, user, key) => placeHold(ctx, id, parse(holdSchema, holdFromForm(form)), user, key), 'hold.place'),
  );
  r.post(
    '/incidents/:id/hold/release',
    ...act((id, form, user, key) => releaseHold(ctx, id, parse(releaseSchema, form), user, key), 'hold.release'),
  );
  r.post(
    '/incidents/:id/approval',
    ...act(
      (id, form, user, key) => approve(ctx, id, parse(approvalSchema, approvalFromForm(form)), user, key),
      'notices.approve',
    ),
  );
  r.post(
    '/incidents/:id/filings',
    ...act(
      (id, form, user, key) => recordFiling(ctx, id, parse(filingSchema, filingFromForm(form)), user, key),
      'filing.record',
    ),
  );
  r.post(
    '/incidents/:id/letters',
    ...act(
      (id, form, user) =>
        prepareLetters(
          { db: ctx.db, dataDir: opts.config.dataDir, fonts: letterFonts(opts.config.pdfFonts) },
          id,
          parse(lettersSchema, form),
          actorOf(user),
        ),
      'letters.send',
    ),
  );
  r.post(
    '/incidents/:id/letters/mailed',
    ...act((id, form, user) => {
      const { batchId, mailedOn } = parse(lettersMailedSchema, form);
      return recordLettersMailed(ctx, id, batchId, { mailedOn }, actorOf(user));
    }, 'letters.send'),
  );
  r.post(
    '/incidents/:id/legal-hold',
    ...act(
      (id, form, user) => placeLegalHold(ctx.db, id, parse(legalHoldSchema, form).reason, actorOf(user)),
      'retention.manage',
    ),
  );
  r.post(
    '/incidents/:id/legal-hold/release',
    ...act((id, _form, user) => releaseLegalHold(ctx.db, id, actorOf(user)), 'retention.manage'),
  );
  r.post(
    '/incidents/:id/contacts/purge',
    ...act((id, form, user) => {
      if (parse(purgeSchema, form).confirm !== id)
        throw new HttpError(400, 'type the incident id exactly to confirm the purge', 'confirm');
      return purgeContacts(ctx.db, id, actorOf(user), opts.config.dataDir);
    }, 'retention.manage'),
  );
  r.post(
    '/incidents/:id/recompute',
    ...act((id, form, user, key) => recompute(ctx, id, parse(recomputeSchema, form), user, key), 'incident.recompute'),
  );
  r.post(
    '/incidents/:id/close',
    ...act((id, form, user, key) => closeIncident(ctx, id, parse(closeSchema, form), user, key), 'incident.close'),
  );
  r.post(
    '/incidents/:id/supplements',
    ...act(
      (id, form, user, key) => supplementReport(ctx, id, parse(supplementSchema, form), user, key),
      'report.supplement',
    ),
  );
  r.post(
    '/incidents/:id/awareness',
    ...act(
      (id, form, user, key) =>
        changeAwareness(
          ctx,
          id,
          parse(awarenessSchema, { awarenessAt: formTime(form.awarenessAt) ?? '', reason: form.reason }),
          user,
          key,
        ),
      'awareness.change',
    ),
  );
  r.post(
    '/incidents/:id/determinations',
    ...act(
      (id, form, user, key) =>
        recordDetermination(ctx, id, parse(determinationSchema, determinationFromForm(form)), user, key),
      'awareness.change',
    ),
  );
  r.post(
    '/incidents/:id/access',
    ...act(async (id, form, user) => {
      const memberIds = Array.isArray(form.memberIds)
        ? form.memberIds.map(String)
        : typeof form.memberIds === 'string'
          ? [form.memberIds]
          : [];
      return setIncidentAccess(ctx, id, parse(accessSchema, { restricted: form.restricted === 'on', memberIds }), user);
    }, 'incident.restrict'),
  );

  // Multipart: the CSRF field precedes the file in the form, so it is checked before the file is read.
  r.post('/incidents/:id/subjects', allow('subjects.import'), (req, res, next) => {
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
      if (err instanceof HttpError && err.status < 500 && err.status !== 403) {
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
      Promise.resolve()
        .then(() => importSubjects(ctx, id, { csv: stream }, req.user!, idempotencyKeyOf(fields.idempotencyKey)))
        .then((result) => {
          handled = true;
          // Every import says what it did; the page lists the first rejections with their reasons.
          req.session.importResult = {
            incidentId: id,
            importId: result.importId,
            imported: result.imported,
            duplicates: result.duplicates,
            rejectedCount: result.rejectedCount,
            rejected: result.rejected.slice(0, IMPORT_REJECTIONS_SHOWN),
            reach: result.reach,
          };
          res.redirect(303, `/incidents/${id}`);
        })
        .catch((err) => {
          stream.resume();
          fail(err);
        });
    });
    bb.on('close', () => {
      if (gotFile) return;
      req.body = fields;
      fail(
        csrf.validateRequest(req)
          ? new HttpError(400, 'choose a CSV file', 'file')
          : new HttpError(403, 'invalid or missing CSRF token', '_csrf'),
      );
    });
    bb.on('error', fail);
    req.pipe(bb);
  });

  r.get('/incidents/:id/imports/:importId/rejected.csv', allow('subjects.import'), async (req, res) => {
    const csv = await rejectionsCsv(ctx.db, String(req.params.id), String(req.params.importId));
    res
      .attachment(`rejected-rows-${String(req.params.importId)}.csv`)
      .type('text/csv; charset=utf-8')
      .send(csv);
  });
  r.get('/incidents/:id/report', allow('incident.read'), async (req, res) => {
    res.type('html').send(await closingReport(ctx.db, String(req.params.id)));
  });

  if (opts.mailboxEnabled) {
    r.get('/mailbox', allow('contacts.read'), async (req, res) => {
      const incidentId = typeof req.query.incident === 'string' ? req.query.incident : null;
      const messages = await mailboxMessages(ctx.db, req.user!, incidentId);
      res.render('mailbox', page(req, res, csrf, { title: 'Dev mailbox', messages, incidentId }));
    });
    r.get('/mailbox/:messageId', allow('contacts.read'), async (req, res) => {
      const message = await mailboxMessage(ctx.db, req.user!, String(req.params.messageId));
      res.render('mailbox-message', page(req, res, csrf, { message }));
    });
  }
  return r;
}

function actionsFor(stage: string, status: string, held: boolean, user: AuthUser) {
  const open = status === 'open';
  const may = (p: Permission) => can(user.role, p);
  return {
    triage: open && stage === 'triage' && may('incident.triage'),
    dismiss: open && stage === 'triage' && may('incident.dismiss'),
    assess: open && ['assessment', 'approval', 'notifying', 'reporting'].includes(stage) && may('incident.assess'),
    importSubjects: open && may('subjects.import'),
    placeHold: open && !held && may('hold.place'),
    releaseHold: open && held && may('hold.release'),
    approve: open && ['approval', 'notifying', 'reporting'].includes(stage) && may('notices.approve'),
    file: open && may('filing.record'),
    close: open && ['assessment', 'approval', 'notifying', 'reporting'].includes(stage) && may('incident.close'),
    recompute: open && may('incident.recompute'),
    supplement: open && may('report.supplement'),
    changeAwareness: open && stage !== 'triage' && may('awareness.change'),
    restrict: may('incident.restrict'),
    retention: may('retention.manage'),
  };
}
