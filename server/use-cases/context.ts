import type { Db } from '../../store/connection';
import type { Logger } from '../../lib/logger';
import type { TemporalGateway } from '../temporal-gateway';
import type { PublicLinkSetting } from './approval-readiness';

/** What every use case may touch. */
export interface UseCaseContext {
  db: Db;
  gateway: TemporalGateway;
  logger: Logger;
  baseUrl: string;
  /** Whether messages reach real people and where their links point: approval checks both. */
  publicLink: PublicLinkSetting;
}
