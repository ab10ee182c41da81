// The jurisdiction rules catalog: data plus a small pure engine. See rules/README.md.
import { CATALOG } from './catalog';

export { obligations } from './engine';
export { factsSchema, describeFactsError, type Facts, type FactsInput } from './facts';
export type { ChannelCounts, NoticeChannel, NoticeChannels, Obligation, Source, RegimeInfo } from './types';
export {
  DATA_ELEMENTS,
  SECTORS,
  AUDIENCES,
  CONTENT_ELEMENTS,
  isKnownJurisdiction,
  US_STATE_NAMES,
  type DataElement,
  type Sector,
  type Audience,
} from './vocabulary';

/** Bump when any rule or fact in the catalog changes; incidents record the version they used. */
export const CATALOG_VERSION: string = '2026.12.07-2';

export const REGIMES: readonly {
  id: string;
  name: string;
  citation: string;
  sourceUrl: string;
  commencement: string;
  reportLanguage?: string;
  reportTexts?: Readonly<Record<string, string>>;
}[] = CATALOG.map(({ info }) => ({
  id: info.id,
  name: info.name,
  citation: info.citation,
  sourceUrl: info.sourceUrl,
  commencement: info.commencement,
  ...(info.reportLanguage ? { reportLanguage: info.reportLanguage } : {}),
  ...(info.reportTexts ? { reportTexts: info.reportTexts } : {}),
}));
