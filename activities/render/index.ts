// Message rendering: Handlebars templates in templates/, one folder per audience, one file per locale.
export { isLocale, LOCALES, normalizeLocale, STAFF_LOCALES, type Locale } from './locale';
export { TemplateError } from './template-error';
export type {
  ClosingReportInput,
  ControllerNoticeInput,
  IncidentFactsView,
  NoticeInput,
  OrgView,
  PublicNoticeInput,
  RegulatorReportInput,
  ReminderInput,
  RenderedEmail,
} from './types';
export { DATA_ELEMENTS, dataElementLabel, dataElementTexts, type DataElement } from './data-elements';
export { compileTemplate, listTemplateFallbacks, loadTemplate, TEMPLATES_DIR, templateLocale } from './loader';
export {
  PRIOR_NOTICE_DATE_TOKEN,
  RECIPIENT_NAME_HTML_TOKEN,
  RECIPIENT_NAME_TOKEN,
  renderSubjectEmail,
  renderSubjectSms,
  type SubjectNoticeOptions,
} from './subject-notice';
export {
  DEFAULT_VARIANT,
  hidesPublicNotice,
  LEGAL_BLOCK_ELEMENTS,
  legalVariants,
  variantOfJurisdiction,
  type LegalNotice,
  type LegalVariant,
  type VariantSource,
} from './legal-variant';
export { renderControllerEmail } from './controller-notice';
export { REGULATOR_CONTENT_IDS, renderRegulatorReport } from './regulator-report';
export { renderReminderEmail } from './reminder';
export { renderPublicNotice } from './public-notice';
export { isDecisionEvent, renderClosingReport } from './closing-report';
export {
  builtInHeadline,
  headlineIn,
  narrativeGaps,
  narrativeIn,
  NO_FREE_TEXT,
  neutralName,
  type NarrativeGap,
  type NoticeFreeText,
} from './narrative';
export { formatNoticeDay, substitute } from './substitute';
