import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
}

/** Starts a script of src/ as `npm start`, `npm run ask` or `npm run deploy` would, in a real child process. */
export function spawnScript(script: string, args: readonly string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(TSX, [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: '', ...env },
    timeout: 30_000,
  });
}

/** Collects a child's output and resolves when it exits. */
export function completion(child: ChildProcessWithoutNullStreams): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Runs a script to its end, with `input` on stdin. */
export function runScript(script: string, args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const child = spawnScript(script, args, options.env);
  const done = completion(child);
  child.stdin.end(options.input ?? '');
  return done;
}
