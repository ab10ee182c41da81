// The public substitute notice: no login, no personal data, exportable as a
// static HTML file for the company's own website.
import { Router } from 'express';
import type { Db } from '../../store/connection';
import { normalizeLocale } from '../../activities/render';
import { notFound } from '../errors';

export function publicRouter(db: Db): Router {
  const r = Router();
  const find = async (id: string, locale: unknown) => {
    const wanted = normalizeLocale(typeof locale === 'string' ? locale : 'en');
    const rows = await db.all<{ locale: string; html: string }>(
      'SELECT locale, html FROM public_notices WHERE incident_id = ?',
      [id],
    );
    return rows.find((x) => x.locale === wanted) ?? rows.find((x) => x.locale === 'en') ?? rows[0];
  };
  r.get('/notices/:id', async (req, res) => {
    const n = await find(String(req.params.id), req.query.locale ?? req.acceptsLanguages('en', 'zh-CN', 'zh'));
    if (!n) throw notFound('notice');
    res.type('html').send(n.html);
  });
  r.get('/notices/:id/export', async (req, res) => {
    const n = await find(String(req.params.id), req.query.locale);
    if (!n) throw notFound('notice');
    res.attachment(`breach-notice-${req.params.id}-${n.locale}.html`).type('html').send(n.html);
  });
  return r;
}
