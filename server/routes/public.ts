// The public substitute notice: no login, no personal data, exportable as a
// static HTML file for the company's own website.
import { Router } from 'express';
import type { Db } from '../../store/connection';
import { normalizeLocale } from '../../activities/render';
import { notFound } from '../errors';
import { publicNoticeFor } from '../use-cases/public-notices';

export function publicRouter(db: Db): Router {
  const r = Router();
  const find = (id: string, locale: unknown) =>
    publicNoticeFor(db, id, normalizeLocale(typeof locale === 'string' ? locale : 'en'));
  r.get('/notices/:id', async (req, res) => {
    const notice = await find(
      String(req.params.id),
      req.query.locale ?? req.acceptsLanguages('en', 'de', 'fr', 'es', 'pt-BR', 'pt', 'ja', 'ko', 'zh-CN', 'zh'),
    );
    if (!notice) throw notFound('notice');
    res.type('html').send(notice.html);
  });
  r.get('/notices/:id/export', async (req, res) => {
    const notice = await find(String(req.params.id), req.query.locale);
    if (!notice) throw notFound('notice');
    res.attachment(`breach-notice-${req.params.id}-${notice.locale}.html`).type('html').send(notice.html);
  });
  return r;
}
