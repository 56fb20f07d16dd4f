// The demo province: Tỉnh đoàn Sơn La, its district-level units (huyện, thành phố, and two đoàn cơ sở
// trực thuộc), and a few grassroots units under each. Mai Sơn, Chiềng Dong and Cò Nòi come from the
// seed articles (../shared/seeds/000–001); the other names are Sơn La's real districts and communes.
// Data only: `npm start` seeds it into the local Worker, `npm run demo` builds workbooks from it.
import type { SubmissionBody } from "../shared/api/schemas.ts";

export interface DemoUnit {
  code: string;
  name: string;
  parent: string | null;
  kind?: string;
}

const PROVINCE: DemoUnit = { code: "SL", name: "Tỉnh đoàn Sơn La", parent: null, kind: "tinh" };

/** District-level units with their grassroots units: [code, name, kind, [[code suffix, name, kind]…]]. */
const DISTRICTS: [string, string, string, [string, string, string][]][] = [
  [
    "TPSL",
    "Thành đoàn Sơn La",
    "thanh-pho",
    [
      ["CHIENGLE", "Đoàn phường Chiềng Lề", "phuong"],
      ["QUYETTHANG", "Đoàn phường Quyết Thắng", "phuong"],
      ["CHIENGNGAN", "Đoàn xã Chiềng Ngần", "xa"],
    ],
  ],
  [
    "MAISON",
    "Huyện đoàn Mai Sơn",
    "huyen",
    [
      ["CHIENGDONG", "Đoàn xã Chiềng Dong", "xa"],
      ["HATLOT", "Đoàn thị trấn Hát Lót", "thi-tran"],
      ["CONOI", "Đoàn xã Cò Nòi", "xa"],
    ],
  ],
  [
    "MOCCHAU",
    "Huyện đoàn Mộc Châu",
    "huyen",
    [
      ["NTMOCCHAU", "Đoàn thị trấn Nông trường Mộc Châu", "thi-tran"],
      ["CHIENGSON", "Đoàn xã Chiềng Sơn", "xa"],
    ],
  ],
  [
    "VANHO",
    "Huyện đoàn Vân Hồ",
    "huyen",
    [
      ["VANHO", "Đoàn xã Vân Hồ", "xa"],
      ["LONGLUONG", "Đoàn xã Lóng Luông", "xa"],
    ],
  ],
  [
    "YENCHAU",
    "Huyện đoàn Yên Châu",
    "huyen",
    [
      ["TTYENCHAU", "Đoàn thị trấn Yên Châu", "thi-tran"],
      ["CHIENGDONG", "Đoàn xã Chiềng Đông", "xa"],
    ],
  ],
  [
    "THUANCHAU",
    "Huyện đoàn Thuận Châu",
    "huyen",
    [
      ["TTTHUANCHAU", "Đoàn thị trấn Thuận Châu", "thi-tran"],
      ["TONGLANH", "Đoàn xã Tông Lạnh", "xa"],
    ],
  ],
  [
    "SOPCOP",
    "Huyện đoàn Sốp Cộp",
    "huyen",
    [
      ["SOPCOP", "Đoàn xã Sốp Cộp", "xa"],
      ["MUONGLAN", "Đoàn xã Mường Lạn", "xa"],
    ],
  ],
  [
    "QUYNHNHAI",
    "Huyện đoàn Quỳnh Nhai",
    "huyen",
    [
      ["MUONGGIANG", "Đoàn xã Mường Giàng", "xa"],
      ["CHIENGON", "Đoàn xã Chiềng Ơn", "xa"],
    ],
  ],
  [
    "MUONGLA",
    "Huyện đoàn Mường La",
    "huyen",
    [
      ["ITONG", "Đoàn thị trấn Ít Ong", "thi-tran"],
      ["MUONGBU", "Đoàn xã Mường Bú", "xa"],
    ],
  ],
  [
    "BACYEN",
    "Huyện đoàn Bắc Yên",
    "huyen",
    [
      ["TTBACYEN", "Đoàn thị trấn Bắc Yên", "thi-tran"],
      ["TAXUA", "Đoàn xã Tà Xùa", "xa"],
    ],
  ],
  [
    "PHUYEN",
    "Huyện đoàn Phù Yên",
    "huyen",
    [
      ["TTPHUYEN", "Đoàn thị trấn Phù Yên", "thi-tran"],
      ["GIAPHU", "Đoàn xã Gia Phù", "xa"],
    ],
  ],
  [
    "SONGMA",
    "Huyện đoàn Sông Mã",
    "huyen",
    [
      ["TTSONGMA", "Đoàn thị trấn Sông Mã", "thi-tran"],
      ["CHIENGKHUONG", "Đoàn xã Chiềng Khương", "xa"],
    ],
  ],
  [
    "DKCQDN",
    "Đoàn Khối các cơ quan và doanh nghiệp tỉnh",
    "khoi",
    [
      ["SOYTE", "Đoàn Thanh niên Sở Y tế", "co-quan"],
      ["DIENLUC", "Đoàn Thanh niên Công ty Điện lực Sơn La", "doanh-nghiep"],
    ],
  ],
  [
    "DHTB",
    "Đoàn trường Đại học Tây Bắc",
    "truong",
    [
      ["KSP", "Liên chi đoàn khoa Sư phạm", "khoa"],
      ["KNL", "Liên chi đoàn khoa Nông Lâm", "khoa"],
    ],
  ],
];

export const DEMO_UNITS: DemoUnit[] = [
  PROVINCE,
  ...DISTRICTS.flatMap(([code, name, kind, below]) => [
    { code: `SL.${code}`, name, parent: "SL", kind },
    ...below.map(([sub, subName, subKind]) => ({
      code: `SL.${code}.${sub}`,
      name: subName,
      parent: `SL.${code}`,
      kind: subKind,
    })),
  ]),
];

export const DEMO_PERIOD = "2023";

const rows = (figures: Record<string, number | string | [number, number]>): SubmissionBody["rows"] =>
  Object.entries(figures).map(([code, v]) =>
    Array.isArray(v) ? { code, target: v[0], actual: v[1] } : { code, actual: v },
  );

/**
 * A few 2023 reports so the province's consolidation has something in it; the other units stay
 * missing, as on a real reporting day. Figures of the size the seeds describe ([target, actual]).
 */
export const DEMO_REPORTS: { unit: string; rows: SubmissionBody["rows"] }[] = [
  {
    unit: "SL.MAISON.CHIENGDONG",
    rows: rows({
      GD01: 12,
      GD02: 12,
      GD04: 160,
      GD05: 140,
      PT01: 2100,
      PT02: [3, 4],
      PT03: 42.5,
      PT04: 4,
      TD01: "XS",
    }),
  },
  {
    unit: "SL.MAISON.HATLOT",
    rows: rows({
      GD01: 15,
      GD02: 14,
      GD04: 210,
      GD05: 170,
      PT01: 3200,
      PT02: [4, 3],
      PT03: 61.25,
      PT04: 2,
      TD01: "T",
    }),
  },
  {
    unit: "SL.MAISON",
    rows: rows({
      GD01: 9,
      GD02: 9,
      GD04: 45,
      GD05: 45,
      GD10: 18,
      PT02: [2, 2],
      PT03: 120,
      KN02: 35,
      KN03: 48.75,
      TD01: "XS",
    }),
  },
  {
    unit: "SL.TPSL.CHIENGLE",
    rows: rows({ GD01: 10, GD02: 10, GD04: 180, GD05: 150, CD01: [3, 5], CD02: 1800, PT04: 3, TD01: "HT" }),
  },
  {
    unit: "SL.DKCQDN",
    rows: rows({
      GD01: 40,
      GD02: 40,
      GD04: 1450,
      GD05: 1300,
      PT02: [100, 125],
      PT03: 555,
      PT07: 3,
      PT08: 900,
      PT09: 10_000,
      PT10: 400,
      CD01: 57,
      CD02: 20_000,
      KN01: 1500,
      KN05: 4250,
      KN06: 12,
      XD01: 745,
      XD02: 1570,
      TD02: 14,
      TD03: 18,
    }),
  },
];
