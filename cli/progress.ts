// A progress bar on stderr for runs over many files, only when a person watches (stderr is a TTY):
// pipes, CI logs and --json output stay clean.
import cliProgress from "cli-progress";
import type { Io } from "./io.ts";

export interface Progress {
  tick(label: string): void;
  done(): void;
}

const NONE: Progress = { tick: () => {}, done: () => {} };

export function progress(io: Io, total: number): Progress {
  if (total < 2 || io.stderr.isTTY !== true) return NONE;
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr as unknown as NodeJS.WritableStream,
      format: "{bar} {value}/{total} {file}",
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: "" });
  return {
    tick: (label) => bar.increment(1, { file: label }),
    done: () => bar.stop(),
  };
}
