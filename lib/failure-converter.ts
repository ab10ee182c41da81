// Loaded by path (DataConverter.failureConverterPath) in the worker, the workflow bundle and every
// client: failure messages and stack traces go into an encoded attribute payload, which the payload
// codec then encrypts, instead of sitting in the history as plain text.
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
