// What a command may touch of the outside world, injected so tests run commands in-process.
import { createInterface } from "node:readline/promises";

export interface Out {
  write(text: string): unknown;
  /** True when a person is watching (progress bars, colours); false for pipes, files and tests. */
  isTTY?: boolean;
}

export interface Io {
  stdout: Out;
  stderr: Out;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The API client's fetch; the global one when absent. */
  fetch?: typeof fetch;
  /** Waits between retries; tests pass a no-op so backoff costs no time. */
  sleep?: (ms: number) => Promise<void>;
  /** Asks a person a question and resolves with the answer; absent when nobody can answer (no terminal). */
  ask?: (question: string) => Promise<string>;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    ...(process.stdin.isTTY && process.stdout.isTTY && { ask: askOnTerminal }),
  };
}

async function askOnTerminal(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}

/** Writes a line to an output. */
export function line(out: Out, text = ""): void {
  out.write(`${text}\n`);
}
