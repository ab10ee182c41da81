// The public substitute notice: no login, no personal data, exportable as a
// static HTML file for the company's own website.
import { Router } from 'express';
import type { Db } from '../../store/connection';
import { normalizeLocale } from '../../activities/render';
import { notFound } from '../errors';
import { publicNoticeFor, publicNoticeVersionFor } from '../use-cases/public-notices';

const NOTICE_VERSION = /^[0-9a-f]{64}$/;

/** An older version's page says so at the top and points at the current notice. */
function markSuperseded(html: string, currentPath: string): string {
  const banner =
    `<p role="alert" style="border:2px solid #b42318;padding:12px;margin:0 0 16px;">` +
    `This notice has been superseded by a newer version: <a href="${currentPath}">read the current notice</a>.</p>`;
  return /<body[^>]*>/i.test(html) ? html.replace(/<body[^>]*>/i, (tag) => `${tag}\n${banner}`) : banner + html;
}

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
  r.get('/notices/:id/versions/:version', async (req, res) => {
    const id = String(req.params.id);
    const version = String(req.params.version);
    if (!NOTICE_VERSION.test(version)) throw notFound('notice');
    const locale =
      req.query.locale ?? req.acceptsLanguages('en', 'de', 'fr', 'es', 'pt-BR', 'pt', 'ja', 'ko', 'zh-CN', 'zh');
    const page = await publicNoticeVersionFor(
      db,
      id,
      version,
      normalizeLocale(typeof locale === 'string' ? locale : 'en'),
    );
    if (!page) throw notFound('notice');
    res
      .type('html')
      .send(page.superseded ? markSuperseded(page.html, `/public/notices/${encodeURIComponent(id)}`) : page.html);
  });
  r.get('/notices/:id/export', async (req, res) => {
    const notice = await find(String(req.params.id), req.query.locale);
    if (!notice) throw notFound('notice');
    res.attachment(`breach-notice-${req.params.id}-${notice.locale}.html`).type('html').send(notice.html);
  });
  return r;
}
