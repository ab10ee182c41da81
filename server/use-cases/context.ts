import type { Db } from '../../activities/db/connection';
import type { Logger } from '../../activities/logger';
import type { TemporalGateway } from '../temporal-gateway';

/** What every use case may touch. */
export interface UseCaseContext {
  db: Db;
  gateway: TemporalGateway;
  logger: Logger;
  baseUrl: string;
}
