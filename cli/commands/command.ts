// The shape every command module exports, so main can list and dispatch them.
import type { Io } from "../io.ts";

export interface Command {
  name: string;
  /** One line, vi / en, for `baocao --help`. */
  summary: string;
  help: string;
  run(argv: string[], io: Io): Promise<number>;
}
