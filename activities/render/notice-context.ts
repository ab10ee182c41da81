import { dataElementLabel } from './data-elements';
import type { Locale } from './locale';
import { elementsText, headlineIn, resolveNarrative } from './narrative';
import type { IncidentFactsView, OrgView } from './types';

/** The context every incident-facing template receives: facts, localized element labels, and the resolved narrative. */
export function buildNoticeContext(locale: Locale, org: OrgView, incident: IncidentFactsView) {
  return {
    lang: locale,
    org,
    incident: {
      ...incident,
      // Every template reads `incident.title`: here it becomes the headline of the document's own language.
      title: headlineIn(incident, locale),
      elements: incident.dataElements.map((id) => ({ id, label: dataElementLabel(id, locale) })),
      elementsText: elementsText(incident.dataElements, locale),
      includesChildren: incident.dataElements.includes('children'),
    },
    notice: resolveNarrative(incident, locale),
  };
}

/** A subject line is one line: a newline in an org name or title must not reach a mail header. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
