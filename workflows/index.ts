// Every workflow the worker registers.
export { incidentWorkflow } from './incident';
export { notifySubjectsWorkflow } from './notify-subjects';
export { lateBouncesWorkflow } from './late-bounces';
