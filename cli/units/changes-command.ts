// baocao units changes FILE --effective DATE [--dry-run]: a dated change list to
// POST /v1/admin/units/changes, or, with --dry-run, what it would do, computed here by shared/tree on
// the tree the server holds on the effective day, and which periods holding reports it would rebuild.
import { resolve } from "node:path";
import { type ApiClient, ApiError } from "../../shared/api/client.ts";
import { type UnitChanges, type UnitChangesAnswer, unitChanges } from "../../shared/api/units.ts";
import { formatPeriodEn, formatPeriodVn, todayInVietnam } from "../../shared/format/vietnam-time.ts";
import { describeRemoteError, remoteFailure } from "../api-errors.ts";
import { EXIT } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { changesFromCsv } from "./changes-csv.ts";
import { dayVn, dryRun, periodsFrom } from "./dry-run.ts";
import { readCsv } from "./read-csv.ts";
import { linesOfField, printProblems, printRefusal } from "./refusal.ts";

/** The roots above the units a list touches, in the tree of its effective day. */
function rootsTouched(tree: Map<string, { parent: string | null }>, codes: string[]): string[] {
  const roots = new Set<string>();
  for (const code of codes) {
    let at = code;
    for (let p = tree.get(at)?.parent; p != null && tree.has(p); p = tree.get(p)?.parent) at = p;
    if (tree.has(at)) roots.add(at);
  }
  return [...roots].sort();
}

/** Periods from the effective day on that hold reports under `roots`, and which of them are locked. */
async function periodsWithReports(
  client: ApiClient,
  roots: string[],
  effective: string,
): Promise<{ rebuilt: string[]; locked: string[] }> {
  const rebuilt: string[] = [];
  const locked: string[] = [];
  for (const period of periodsFrom(effective, todayInVietnam())) {
    const counts = await Promise.all(
      roots.map((r) =>
        client.consolidation(r, period).then(
          (c) => c.reporting.submitted,
          () => 0,
        ),
      ),
    );
    if (!counts.some((n) => n > 0)) continue;
    rebuilt.push(period);
    if ((await client.period(period).catch(() => undefined))?.locked) locked.push(period);
  }
  return { rebuilt, locked };
}

async function preview(
  io: Io,
  file: string,
  body: UnitChanges,
  lines: number[][],
  client: ApiClient,
): Promise<number> {
  const { units } = await client.unitTree({ at: body.effective });
  const outcome = dryRun(units, body);
  line(
    io.stdout,
    `Thử trước, không ghi gì / Dry run, nothing written: ${file}, hiệu lực từ ${dayVn(body.effective)} / effective ${dayVn(body.effective)}`,
  );
  if (!outcome.ok) {
    line(io.stdout, `✗ danh sách sẽ bị từ chối / the list would be refused:`);
    for (const i of outcome.issues) {
      const at = linesOfField(i.field, lines);
      line(
        io.stdout,
        `  ${at.length > 0 ? `dòng ${at.join(", ")} / line ${at.join(", ")}` : i.field}: ${i.vi} / ${i.en}`,
      );
    }
    return EXIT.invalid;
  }
  for (const l of outcome.lines) line(io.stdout, l);
  const tree = new Map(units.map((u) => [u.code, u]));
  const roots = rootsTouched(tree, [
    ...outcome.ended,
    ...outcome.moved,
    ...body.changes.flatMap((c) => ("unit" in c ? [c.unit] : [])),
  ]);
  const { rebuilt, locked } = await periodsWithReports(client, roots, body.effective);
  line(
    io.stdout,
    `Các kỳ trước ${dayVn(body.effective)} giữ nguyên / Periods ending before ${dayVn(body.effective)} stay as they are.`,
  );
  line(
    io.stdout,
    rebuilt.length === 0
      ? "Không kỳ nào có báo cáo phải tính lại / No period holding reports would be rebuilt."
      : `Các kỳ có báo cáo sẽ được tính lại / Periods with reports to rebuild: ${rebuilt.join(", ")} (${rebuilt.map(formatPeriodVn).join("; ")} / ${rebuilt.map(formatPeriodEn).join("; ")})`,
  );
  if (locked.length > 0) {
    line(
      io.stdout,
      `✗ các kỳ đã khóa, danh sách sẽ bị từ chối / locked periods, the list would be refused: ${locked.join(", ")}`,
    );
    return EXIT.invalid;
  }
  line(io.stdout, "Chạy lại không có --dry-run để áp dụng / Run again without --dry-run to apply.");
  return EXIT.ok;
}

function printApplied(io: Io, file: string, a: UnitChangesAnswer, replayed: boolean): void {
  const day = dayVn(a.effective);
  if (replayed) {
    line(
      io.stdout,
      `✓ ${file}: danh sách này đã được áp dụng trước đó, không thay đổi gì / this list was applied before, nothing changed`,
    );
  } else {
    line(io.stdout, `✓ ${file}: đã áp dụng, hiệu lực từ ${day} / applied, effective ${day}`);
  }
  line(
    io.stdout,
    `  thành lập / created ${a.created.length}, kết thúc / ended ${a.ended.length}, chuyển / moved ${a.moved.length}`,
  );
  line(
    io.stdout,
    a.periodsRebuilt.length > 0
      ? `  các kỳ đã tính lại / periods rebuilt: ${a.periodsRebuilt.join(", ")}`
      : "  không kỳ nào phải tính lại / no period rebuilt",
  );
}

export async function changeUnits(
  io: Io,
  file: string,
  effective: string,
  dry: boolean,
  client: () => ApiClient,
): Promise<number> {
  const parsed = changesFromCsv(await readCsv(resolve(io.cwd, file)), effective);
  if (parsed.problems.length > 0) return printProblems(io, file, parsed.problems);
  const checked = unitChanges.safeParse(parsed.body);
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => {
      const at = linesOfField(i.path.join("."), parsed.lines);
      return `${at.length > 0 ? `dòng ${at.join(", ")} / line ${at.join(", ")}` : i.path.join(".")}: ${i.message}`;
    });
    return printProblems(io, file, problems);
  }
  try {
    if (dry) return await preview(io, file, parsed.body, parsed.lines, client());
    const { answer, replayed } = await client().changeUnits(parsed.body);
    printApplied(io, file, answer, replayed);
    return EXIT.ok;
  } catch (e) {
    if (printRefusal(io, file, e, parsed.lines)) return EXIT.invalid;
    if (e instanceof ApiError && e.status === 423) {
      const d = describeRemoteError(e);
      line(io.stdout, `✗ ${file}: ${d.vi}`);
      line(io.stdout, `  ${d.en}`);
      return EXIT.invalid;
    }
    throw remoteFailure(e);
  }
}
