// baocao tokens issue: one new access token per unit of a subtree (POST /v1/admin/tokens for each), written
// to a sheet of units, tokens and the link to send each unit. The link opens the web page signed in:
// the token rides in the URL's fragment (#token=…), which browsers never send to a server.
import { chmod } from "node:fs/promises";
import { resolve } from "node:path";
import ExcelJS from "exceljs";
import { createApiClient } from "../../shared/api/client.ts";
import { type Role, role as roleSchema, UNIT_CODE_RE } from "../../shared/api/schemas.ts";
import { remoteFailure } from "../api-errors.ts";
import { parse, REMOTE_OPTIONS, remote, requireString } from "../args.ts";
import { EXIT, UsageError } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { writeWorkbook } from "../xlsx/write-workbook.ts";
import type { Command } from "./command.ts";

const help = `baocao tokens issue --unit MÃ [--role reporter|reviewer] [--leaves] [--out ma-truy-cap.xlsx]
                    --server URL --token ADMIN_TOKEN

Cấp một mã truy cập mới cho mỗi đơn vị thuộc --unit (kể cả chính nó), ghi ra sổ tính: mã đơn vị, tên,
vai trò, mã truy cập và đường dẫn gửi cho đơn vị (mở trang web đã đăng nhập). Giữ tệp này kín.
Issues a new access token for every unit under --unit (itself included) and writes a workbook of unit
code, name, role, token and the link to send each unit (opens the web page signed in). Keep it private.

  --unit CODE     gốc của cây đơn vị / root of the subtree, e.g. SL
  --role ROLE     reporter (mặc định / default) hoặc / or reviewer
  --leaves        chỉ đơn vị cơ sở (không có đơn vị trực thuộc) / only units without units below
  --out FILE      tệp ghi ra / output (default ma-truy-cap-<UNIT>.xlsx)

Exit: 0 written, 3 server unreachable or refused, 64 wrong arguments, 73 cannot write.`;

interface Issued {
  code: string;
  name: string;
  role: Role;
  token: string;
  link: string;
}

const HEADERS = [
  "Mã đơn vị / Unit code",
  "Tên đơn vị / Unit",
  "Vai trò / Role",
  "Mã truy cập / Token",
  "Đường dẫn / Link",
];

/** The units of the subtree under `root` (itself included), in the order the server lists them. */
export function subtree<U extends { code: string; parent: string | null }>(units: U[], root: string): U[] {
  const inside = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parent !== null && inside.has(u.parent) && !inside.has(u.code)) {
        inside.add(u.code);
        grew = true;
      }
    }
  }
  return units.filter((u) => inside.has(u.code));
}

async function writeSheet(file: string, rows: Issued[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Mã truy cập");
  ws.addRow(HEADERS).font = { bold: true };
  // Text cells: a token or a code must never be read as a number or a formula.
  for (const r of rows) {
    const row = ws.addRow([r.code, r.name, r.role, r.token, r.link]);
    row.eachCell((c) => {
      c.numFmt = "@";
    });
  }
  ws.columns.forEach((c, i) => {
    c.width = [18, 36, 10, 48, 70][i] ?? 20;
  });
  ws.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
  await writeWorkbook(wb, file);
  await chmod(file, 0o600);
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("tokens", argv, {
    ...REMOTE_OPTIONS,
    unit: { type: "string" },
    role: { type: "string" },
    leaves: { type: "boolean" },
    out: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    line(io.stdout, help);
    return EXIT.ok;
  }
  if (positionals.join(" ") !== "issue") {
    throw new UsageError(
      "Dùng: baocao tokens issue --unit SL --out ma-truy-cap.xlsx (xem --help).",
      "Use: baocao tokens issue --unit SL --out tokens.xlsx (see --help).",
    );
  }
  const unit = requireString("tokens issue", "unit", values.unit, "SL");
  const role = roleSchema.safeParse(values.role ?? "reporter");
  if (!UNIT_CODE_RE.test(unit) || !role.success || role.data === "admin") {
    throw new UsageError(
      `Mã đơn vị "${unit}" hoặc vai trò "${values.role}" không hợp lệ (ví dụ --unit SL --role reporter).`,
      `Unit "${unit}" or role "${values.role}" is not valid (e.g. --unit SL --role reporter).`,
    );
  }
  const { server, token } = remote("tokens issue", values, io);
  const client = createApiClient({
    baseUrl: server,
    token,
    timeoutMs: 60_000,
    ...(io.fetch && { fetch: io.fetch }),
  });
  const out = resolve(io.cwd, values.out ?? `ma-truy-cap-${unit}.xlsx`);
  const issued: Issued[] = [];
  try {
    const all = await client.units();
    let units = subtree(all, unit);
    if (units.length === 0) {
      throw new UsageError(`Không có đơn vị "${unit}".`, `No unit "${unit}" on the server.`);
    }
    if (values.leaves) units = units.filter((u) => !all.some((c) => c.parent === u.code));
    for (const u of units) {
      const t = await client.createToken(u.code, role.data);
      issued.push({
        code: u.code,
        name: u.name,
        role: t.role,
        token: t.token,
        link: `${client.baseUrl}/#token=${t.token}`,
      });
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (issued.length > 0) await writeSheet(out, issued);
    throw remoteFailure(e);
  }
  await writeSheet(out, issued);
  line(io.stdout, `✓ ${issued.length} mã truy cập (${role.data}) → ${out}`);
  line(
    io.stdout,
    `  ${issued.length} tokens (${role.data}) written; send each unit its own row's link. Keep the file private.`,
  );
  return EXIT.ok;
}

export const tokensCommand: Command = {
  name: "tokens",
  summary: "cấp mã truy cập hàng loạt ra sổ tính / issue a token per unit into a workbook",
  help,
  run,
};
