// Request bodies for the provider stand-ins: collected up to a limit, so an
// oversized request can be answered like the real API answers it (null body).
import type http from 'node:http';

export function readBody(req: http.IncomingMessage, limit: number, done: (body: Buffer | null) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    else chunks.push(chunk);
  });
  req.on('end', () => done(tooLarge ? null : Buffer.concat(chunks)));
}
