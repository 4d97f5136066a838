/** Ends a command-line program with the status `main` resolves to; an error is one line on stderr and status 1. */
export function exitWhenDone(main: Promise<number>): void {
  main.then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
