// baocao units import FILE [--effective DATE]: the unit list to PUT /v1/admin/units.
import { resolve } from "node:path";
import type { ApiClient } from "../../shared/api/client.ts";
import type { DatedUnitsImport } from "../../shared/api/units.ts";
import { remoteFailure } from "../api-errors.ts";
import { EXIT } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { dayVn } from "./dry-run.ts";
import { unitsFromCsv } from "./import-csv.ts";
import { readCsv } from "./read-csv.ts";
import { printProblems, printRefusal } from "./refusal.ts";

export async function importUnits(
  io: Io,
  file: string,
  effective: string | undefined,
  client: () => ApiClient,
): Promise<number> {
  const { units, lines, problems } = unitsFromCsv(await readCsv(resolve(io.cwd, file)));
  if (problems.length > 0) return printProblems(io, file, problems);
  const body: DatedUnitsImport = { units, ...(effective !== undefined && { effective }) };
  let answer: Record<string, unknown>;
  try {
    answer = await client().importUnits(body);
  } catch (e) {
    if (printRefusal(io, file, e, lines)) {
      if (effective === undefined) {
        line(
          io.stdout,
          "  Đổi cấp trên hoặc ngày kết thúc của đơn vị đã có cần ngày hiệu lực: thêm --effective dd/mm/yyyy / " +
            "Changing a stored unit's parent or end needs a date: add --effective yyyy-mm-dd",
        );
      }
      return EXIT.invalid;
    }
    throw remoteFailure(e);
  }
  const roots = units.filter((u) => u.parent === null).length;
  line(
    io.stdout,
    `✓ ${file}: đã nạp ${units.length} đơn vị (${roots} cấp cao nhất) / imported ${units.length} units (${roots} top-level)` +
      (effective ? `, hiệu lực từ ${dayVn(effective)} / effective ${dayVn(effective)}` : ""),
  );
  const counts = Object.entries(answer).filter(([, v]) => typeof v === "number");
  if (counts.length > 0)
    line(io.stdout, `  máy chủ / server: ${counts.map(([k, v]) => `${k} ${v}`).join(", ")}`);
  const rebuilt = answer.periodsRebuilt;
  if (Array.isArray(rebuilt) && rebuilt.length > 0)
    line(io.stdout, `  các kỳ đã tính lại / periods rebuilt: ${rebuilt.join(", ")}`);
  return EXIT.ok;
}
