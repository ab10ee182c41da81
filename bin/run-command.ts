// The ending every operator command shares: its exit code, or for an error it
// did not expect, the message (a configuration error as one line) and exit 2.
import { ConfigError } from '../app.config';

export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof ConfigError ? `Configuration error: ${err.message}` : err);
      process.exit(2);
    },
  );
}
