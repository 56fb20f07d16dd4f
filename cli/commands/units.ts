// baocao units: the unit tree over time. `import` loads a unit list (PUT /v1/admin/units), `changes`
// sends a dated change list (POST /v1/admin/units/changes) or, with --dry-run, shows what it would do.
import { createApiClient } from "../../shared/api/client.ts";
import { parse, REMOTE_OPTIONS, remote, requireString } from "../args.ts";
import { EXIT, UsageError } from "../errors.ts";
import { type Io, line } from "../io.ts";
import { changeUnits } from "../units/changes-command.ts";
import { parseDay } from "../units/dates.ts";
import { importUnits } from "../units/import-command.ts";
import type { Command } from "./command.ts";

const help = `baocao units import TỆP.csv [--effective NGÀY] --server URL --token ADMIN_TOKEN
baocao units changes TỆP.csv --effective NGÀY [--dry-run] --server URL --token ADMIN_TOKEN

import: nạp danh sách đơn vị từ CSV: mã, tên, mã cấp trên (trống = cấp cao nhất), loại, từ ngày, đến
ngày (ba cột cuối tùy chọn; "đến ngày" là ngày đầu tiên đơn vị không còn). Đổi cấp trên hoặc ngày kết
thúc của đơn vị đã có cần --effective: các kỳ kết thúc trước ngày đó giữ nguyên. Cột "cụm thi đua" (tùy
chọn): tên cụm; trống = giữ như cũ, "-" = bỏ cụm.
Loads a unit list: code, name, parent code (empty = top level), kind, from, to (the last three
optional; "to" is the first day the unit no longer exists). Changing a stored unit's parent or end
needs --effective: periods ending before that day keep their tree. Optional column "cluster" (cụm thi
đua): blank keeps the stored one, "-" clears it.

  code,name,parent,kind,from,to,cluster
  SL,Tỉnh đoàn Sơn La,,tinh,,,
  SL.CHIENGMAI,Đoàn xã Chiềng Mai,SL,xa,01/07/2025,,Cụm 1

changes: một danh sách thay đổi có ngày hiệu lực, áp dụng tất cả hoặc không gì cả. Mỗi dòng một thay
đổi: loại, đơn vị, vào/cấp trên, tên[, cấp trên của đơn vị mới][, loại đơn vị].
A dated change list, all or nothing. One change per line: type, unit, into/parent, name[, parent of a
new unit][, kind].

  type,unit,into,name,parent,kind
  close,SL.MAISON,,,,
  merge,SL.MAISON.CHIENGMAI,SL.CHIENGMAI,Đoàn xã Chiềng Mai,SL,xa
  merge,SL.MAISON.CHIENGBAN,SL.CHIENGMAI,,,
  move,SL.DKCQDN,SL,,,
  merge,BK,TN,,,
  split,SL.X,SL.X1,Đoàn xã X1,SL,xa
  split,SL.X,SL.X2,Đoàn xã X2,SL,xa
  rename,SL.TPSL,,Thành đoàn Sơn La (mới),,

  Loại / types: close (giải thể), move (chuyển), merge (sáp nhập: các dòng cùng "into" là một lần
  sáp nhập; có tên = đơn vị mới, không tên = đơn vị đã có), split (chia tách: mỗi đơn vị mới một dòng),
  rename (đổi tên). Đơn vị con không được chuyển đi sẽ theo đơn vị nhận sáp nhập.

  --effective NGÀY  ngày hiệu lực, dd/mm/yyyy hoặc yyyy-mm-dd / the effective date
  --dry-run         chỉ xem trước: áp dụng trên cây đơn vị của máy chủ tại ngày hiệu lực, in ra đơn vị
                    thành lập, kết thúc, chuyển, đổi tên và các kỳ có báo cáo sẽ tính lại; không ghi gì
                    (máy chủ vẫn kiểm tra lại khi áp dụng thật) / preview only: what would change and
                    which periods holding reports would be rebuilt; nothing is written
  --server, --token or BAOCAO_SERVER, BAOCAO_TOKEN (an admin token)

CSV: UTF-8 (BOM allowed), "," or ";", header row optional (Vietnamese or English names).
Exit: 0 done (or the dry run found nothing wrong), 1 problems in the CSV (each with its line and
column; nothing sent) or the server refused the list (each issue with its line), 2 CSV unreadable,
3 server unreachable or failed, 64 wrong arguments.`;

function effectiveOption(v: string | undefined, required: boolean): string | undefined {
  if (v === undefined && !required) return undefined;
  const text = requireString("units", "effective", v, "01/07/2025");
  const day = parseDay(text);
  if (day === undefined) {
    throw new UsageError(
      `--effective "${text}" không phải một ngày (dd/mm/yyyy hoặc yyyy-mm-dd, ví dụ 01/07/2025).`,
      `--effective "${text}" is not a date (dd/mm/yyyy or yyyy-mm-dd, e.g. 2025-07-01).`,
    );
  }
  return day;
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse("units", argv, {
    ...REMOTE_OPTIONS,
    effective: { type: "string" },
    "dry-run": { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) {
    line(io.stdout, help);
    return EXIT.ok;
  }
  const [action, file, ...extra] = positionals;
  if ((action !== "import" && action !== "changes") || file === undefined || extra.length > 0) {
    throw new UsageError(
      "Dùng: baocao units import don-vi.csv hoặc baocao units changes thay-doi.csv --effective 01/07/2025 (xem --help).",
      "Use: baocao units import units.csv or baocao units changes changes.csv --effective 2025-07-01 (see --help).",
    );
  }
  if (action === "import" && values["dry-run"]) {
    throw new UsageError(
      "--dry-run chỉ dùng với baocao units changes.",
      "--dry-run goes with baocao units changes only.",
    );
  }
  const effective = effectiveOption(values.effective, action === "changes");
  const { server, token } = remote(`units ${action}`, values, io);
  const client = () =>
    createApiClient({
      baseUrl: server,
      token,
      timeoutMs: 120_000,
      ...(io.fetch !== undefined && { fetch: io.fetch }),
    });
  if (action === "import") return importUnits(io, file, effective, client);
  return changeUnits(io, file, effective ?? "", values["dry-run"] === true, client);
}

export const unitsCommand: Command = {
  name: "units",
  summary: "cây đơn vị: nạp, thay đổi có ngày hiệu lực / the unit tree: import, dated changes",
  help,
  run,
};
