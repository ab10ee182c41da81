// Every workflow the worker registers.
export { incidentWorkflow } from './incident';
