// Errors a command ends with: a message in Vietnamese then English that says what to do next, and the
// exit code. Anything else reaching main is a bug and is reported as such, still without a stack trace.

export const EXIT = {
  ok: 0,
  /** The report has errors, or the server refused it. */
  invalid: 1,
  /** A file could not be read as a workbook. */
  unreadable: 2,
  /** The server could not be reached or answered with a failure not about the data. */
  server: 3,
  /** An output file could not be written. */
  cantWrite: 73,
  /** Wrong arguments. */
  usage: 64,
  /** A bug of ours. */
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  readonly exitCode: ExitCode;
  constructor(vi: string, en: string, exitCode: ExitCode) {
    super(`${vi}\n${en}`);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

export class UsageError extends CliError {
  constructor(vi: string, en: string) {
    super(vi, en, EXIT.usage);
    this.name = "UsageError";
  }
}

export class UnreadableFileError extends CliError {
  readonly file: string;
  constructor(file: string, vi: string, en: string) {
    super(`${file}: ${vi}`, `${file}: ${en}`, EXIT.unreadable);
    this.name = "UnreadableFileError";
    this.file = file;
  }
}
