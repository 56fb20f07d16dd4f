// baocao units import: the unit tree from a CSV (code,name,parent[,kind]) to PUT /v1/admin/units.
// Every problem names the CSV line, and nothing is sent while the file has problems.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createApiClient } from "../../shared/api/client.ts";
import { UNIT_CODE_RE, type UnitsImport } from "../../shared/api/schemas.ts";
import { foldWords } from "../../shared/grid/text.ts";
import { remoteFailure } from "../api-errors.ts";
import { parse, REMOTE_OPTIONS, remote } from "../args.ts";
import { CsvError, type CsvRecord, parseCsv } from "../csv.ts";
import { EXIT, UnreadableFileError, UsageError } from "../errors.ts";
import { type Io, line } from "../io.ts";
import type { Command } from "./command.ts";

const help = `baocao units import TỆP.csv --server URL --token ADMIN_TOKEN

Nạp cây đơn vị từ tệp CSV: mã, tên, mã đơn vị cấp trên (trống = cấp cao nhất), loại (tùy chọn).
Dòng tiêu đề có thể có hoặc không; UTF-8 (có BOM cũng được); dấu phân cách "," hoặc ";"; trường có dấu
phẩy thì đặt trong ngoặc kép. Nạp lại nhiều lần được (cập nhật theo mã).
Loads the unit tree from a CSV: code, name, parent code (empty = top level), kind (optional). A header
row is optional; UTF-8 (BOM allowed); "," or ";" separated; quote fields holding commas. Re-importing
is safe (upsert by code).

  code,name,parent
  SL,Tỉnh đoàn Sơn La,
  SL.MAISON,"Huyện đoàn Mai Sơn, Sơn La",SL

Exit: 0 imported, 1 problems in the CSV (each with its line; nothing sent), 2 CSV unreadable,
3 server unreachable or refused, 64 wrong arguments.`;

type Field = "code" | "name" | "parent" | "kind";

const HEADER_ALIASES: Record<Field, string[]> = {
  code: ["code", "ma", "ma don vi", "ma dv", "unit", "unit code"],
  name: ["name", "ten", "ten don vi", "unit name"],
  parent: ["parent", "parent code", "cap tren", "ma cap tren", "don vi cap tren", "ma don vi cap tren"],
  kind: ["kind", "loai", "cap", "loai don vi"],
};

function headerColumns(rec: CsvRecord): Partial<Record<Field, number>> | undefined {
  const cols: Partial<Record<Field, number>> = {};
  rec.fields.forEach((f, i) => {
    const key = foldWords(f);
    for (const [field, aliases] of Object.entries(HEADER_ALIASES) as [Field, string[]][]) {
      if (aliases.includes(key) && cols[field] === undefined) cols[field] = i;
    }
  });
  return cols.code !== undefined && cols.name !== undefined ? cols : undefined;
}

interface Parsed {
  units: UnitsImport["units"];
  lines: number[];
  problems: string[];
}

export function unitsFromCsv(records: CsvRecord[]): Parsed {
  const first = records[0];
  const header = first ? headerColumns(first) : undefined;
  const cols = header ?? { code: 0, name: 1, parent: 2, kind: 3 };
  const data = header ? records.slice(1) : records;
  const units: UnitsImport["units"] = [];
  const lines: number[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const get = (rec: CsvRecord, f: Field) => {
    const i = cols[f];
    return i === undefined ? "" : (rec.fields[i] ?? "").trim();
  };
  for (const rec of data) {
    const at = `dòng ${rec.line} / line ${rec.line}`;
    const code = get(rec, "code");
    const name = get(rec, "name");
    const parent = get(rec, "parent");
    const kind = get(rec, "kind");
    const bad: string[] = [];
    if (!UNIT_CODE_RE.test(code)) {
      bad.push(
        `mã "${code}" không hợp lệ (chữ in hoa không dấu, số, ".", "_", "-") / code "${code}" is not valid (capitals, digits, ".", "_", "-")`,
      );
    }
    if (name === "") bad.push("thiếu tên đơn vị / the name is missing");
    if (name.length > 200) bad.push("tên dài quá 200 ký tự / the name is over 200 characters");
    if (parent !== "" && !UNIT_CODE_RE.test(parent)) {
      bad.push(`mã cấp trên "${parent}" không hợp lệ / parent code "${parent}" is not valid`);
    }
    if (parent !== "" && parent === code)
      bad.push("đơn vị không thể là cấp trên của chính nó / a unit cannot be its own parent");
    if (kind.length > 50) bad.push("loại dài quá 50 ký tự / the kind is over 50 characters");
    const dup = seen.get(code);
    if (dup !== undefined && code !== "") {
      bad.push(`mã "${code}" đã có ở dòng ${dup} / code "${code}" already on line ${dup}`);
    }
    if (bad.length > 0) {
      for (const b of bad) problems.push(`${at}: ${b}`);
      continue;
    }
    seen.set(code, rec.line);
    units.push({ code, name, parent: parent === "" ? null : parent, ...(kind !== "" && { kind }) });
    lines.push(rec.line);
  }
  if (data.length === 0) problems.push("tệp không có đơn vị nào / the file holds no unit");
  return { units, lines, problems };
}

async function readCsv(file: string): Promise<CsvRecord[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw code === "ENOENT"
      ? new UnreadableFileError(
          file,
          "không tìm thấy tệp: kiểm tra đường dẫn.",
          "file not found: check the path.",
        )
      : new UnreadableFileError(
          file,
          `không đọc được tệp (${(e as Error).message}).`,
          `cannot read it (${(e as Error).message}).`,
        );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new UnreadableFileError(
      file,
      'tệp không phải UTF-8: trong Excel chọn "Lưu thành" → "CSV UTF-8 (Comma delimited)".',
      'the file is not UTF-8: in Excel use "Save As" → "CSV UTF-8 (Comma delimited)".',
    );
  }
  try {
    return parseCsv(text);
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    throw new UnreadableFileError(
      file,
      `dòng ${e.line}: dấu ngoặc kép chưa đóng — kiểm tra trường bắt đầu bằng " ở dòng này.`,
      `line ${e.line}: unterminated quote — check the field starting with " on that line.`,
    );
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("units", argv, {
    ...REMOTE_OPTIONS,
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    line(io.stdout, help);
    return EXIT.ok;
  }
  const [action, file, ...extra] = positionals;
  if (action !== "import" || file === undefined || extra.length > 0) {
    throw new UsageError(
      "Dùng: baocao units import don-vi.csv --server URL --token ADMIN_TOKEN (xem --help).",
      "Use: baocao units import units.csv --server URL --token ADMIN_TOKEN (see --help).",
    );
  }
  const { server, token } = remote("units import", values, io);
  const records = await readCsv(resolve(io.cwd, file));
  const { units, lines, problems } = unitsFromCsv(records);
  if (problems.length > 0) {
    line(
      io.stdout,
      `✗ ${file}: ${problems.length} vấn đề, chưa gửi gì / ${problems.length} problem(s), nothing sent`,
    );
    for (const p of problems) line(io.stdout, `  ${p}`);
    line(io.stdout, "  Sửa các dòng trên rồi chạy lại / Fix these lines and run again.");
    return EXIT.invalid;
  }
  const client = createApiClient({
    baseUrl: server,
    token,
    timeoutMs: 120_000,
    ...(io.fetch !== undefined && { fetch: io.fetch }),
  });
  let answer: Record<string, unknown>;
  try {
    answer = await client.importUnits({ units });
  } catch (e) {
    const failure = remoteFailure(e);
    // The server may name a unit by its index in the body: say which CSV line that is.
    const m = /units[.[](\d+)/.exec(failure.message);
    const at = m ? lines[Number(m[1])] : undefined;
    if (at !== undefined) line(io.stderr, `(dòng ${at} của ${file} / line ${at} of ${file})`);
    throw failure;
  }
  const roots = units.filter((u) => u.parent === null).length;
  line(
    io.stdout,
    `✓ ${file}: đã nạp ${units.length} đơn vị (${roots} cấp cao nhất) / imported ${units.length} units (${roots} top-level)`,
  );
  const counts = Object.entries(answer).filter(([, v]) => typeof v === "number");
  if (counts.length > 0)
    line(io.stdout, `  máy chủ / server: ${counts.map(([k, v]) => `${k} ${v}`).join(", ")}`);
  return EXIT.ok;
}

export const unitsCommand: Command = {
  name: "units",
  summary: "nạp danh sách đơn vị từ CSV / import the unit tree from CSV",
  help,
  run,
};
