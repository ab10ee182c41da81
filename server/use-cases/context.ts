import type { Db } from '../../store/connection';
import type { Logger } from '../../lib/logger';
import type { TemporalGateway } from '../temporal-gateway';

/** What every use case may touch. */
export interface UseCaseContext {
  db: Db;
  gateway: TemporalGateway;
  logger: Logger;
  baseUrl: string;
}
