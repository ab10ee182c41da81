// TEMP stub until typed-contracts merges
export interface IncidentEventInput {
  type: string;
  details?: object;
}
