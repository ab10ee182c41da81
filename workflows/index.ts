// Every workflow the worker registers. The frozen v1 incident workflow stays registered
// for incidents started under it; new incidents start as incidentWorkflowV2.
export { incidentWorkflow } from './incident-v1/workflow';
export { incidentWorkflowV2 } from './incident/workflow';
export { notifySubjectsWorkflow } from './notify-subjects';
export { lateBouncesWorkflow } from './late-bounces/workflow';
export { contactRetentionWorkflow } from './contact-retention/workflow';
