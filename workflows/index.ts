// Every workflow the worker registers.
export { incidentWorkflow } from './incident/workflow';
export { notifySubjectsWorkflow } from './notify-subjects';
export { lateBouncesWorkflow } from './late-bounces/workflow';
