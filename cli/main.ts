// The `baocao` command: dispatches to cli/commands/<name>.ts. `run` takes its arguments and the outside
// world as parameters and returns the exit code, so tests run every command in-process.
import { pathToFileURL } from "node:url";
import type { Command } from "./commands/command.ts";
import { fixCommand } from "./commands/fix.ts";
import { pullCommand } from "./commands/pull.ts";
import { queueCommand } from "./commands/queue.ts";
import { reviewCommand } from "./commands/review.ts";
import { scoresCommand } from "./commands/scores.ts";
import { submitCommand } from "./commands/submit.ts";
import { templateCommand } from "./commands/template.ts";
import { tokensCommand } from "./commands/tokens.ts";
import { unitsCommand } from "./commands/units.ts";
import { validateCommand } from "./commands/validate.ts";
import { CliError, EXIT } from "./errors.ts";
import { type Io, line, processIo } from "./io.ts";

export const COMMANDS: Command[] = [
  templateCommand,
  validateCommand,
  fixCommand,
  submitCommand,
  queueCommand,
  pullCommand,
  unitsCommand,
  scoresCommand,
  tokensCommand,
  reviewCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "baocao — báo cáo số liệu công tác Đoàn từ tệp .xlsx / Youth Union reports from .xlsx files",
    "",
    "Cách dùng / Usage: baocao <lệnh/command> [tham số/options]",
    "",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Xem từng lệnh / Each command: baocao <command> --help",
    "Máy chủ và mã truy cập cũng lấy từ / server and token also from BAOCAO_SERVER, BAOCAO_TOKEN.",
    "",
    "Mã thoát / Exit codes: 0 ok · 1 báo cáo có lỗi hoặc bị từ chối / report has errors or was refused ·",
    "  2 không đọc được tệp / unreadable file · 3 máy chủ / server unreachable or failed ·",
    "  64 sai tham số / wrong arguments · 73 không ghi được tệp / cannot write a file",
  ].join("\n");
}

export async function run(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    line(name === undefined ? io.stderr : io.stdout, usage());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-v") {
    line(io.stdout, "baocao 0.1.0");
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    line(io.stderr, `Không có lệnh "${name}". / Unknown command "${name}".`);
    line(io.stderr, usage());
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      line(io.stderr, e.message);
      return e.exitCode;
    }
    // A bug of ours: say so plainly, without a stack trace (BAOCAO_DEBUG=1 shows it).
    const why = e instanceof Error ? e.message : String(e);
    line(io.stderr, `Lỗi không mong đợi: ${why}. Hãy báo lỗi này kèm tệp và lệnh đã chạy.`);
    line(io.stderr, `Unexpected error: ${why}. Please report it with the file and the command you ran.`);
    if (io.env.BAOCAO_DEBUG && e instanceof Error && e.stack) line(io.stderr, e.stack);
    return EXIT.internal;
  }
}

/** Entry point of the bin shim and of `tsx cli/main.ts`. */
export async function main(argv: string[]): Promise<number> {
  return run(argv, processIo());
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
