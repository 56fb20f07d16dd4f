// The hostile corpus (worker/fixtures/hostile/, described in its manifest.json): each body is sent as the
// ADMIN_TOKEN, the caller with the most power. A refused body answers its 4xx with the field named and
// leaves every row of every table as it was; an accepted one (text that only looks dangerous) is stored
// exactly as sent. Never a 5xx, and after each a recomputation from the revisions finds nothing to fix.
import { beforeEach, describe, expect, it } from "vitest";
import { errorEnvelope, type SubmissionsAnswer } from "../shared/api/schemas.ts";
import manifest from "./fixtures/hostile/manifest.json";
import {
  call,
  dispatchDirectly,
  importUnits,
  json,
  minimalRows,
  recompute,
  report,
  resetDb,
  SMALL_TREE,
  storedSnapshot,
  submitOk,
} from "./test/helpers.ts";
import { expectTotalsMatchOracle } from "./test/oracle.ts";

dispatchDirectly();

interface HostileCase {
  file: string;
  route?: string;
  contentType?: string | null;
  encoding?: "utf-16le-bom" | "latin1" | "gzip";
  stream?: boolean;
  headers?: Record<string, string>;
  status: number;
  code?: string;
  field?: string;
  why: string;
  stored?: { unit: string; rows: unknown[] };
}

const files = import.meta.glob<string>("./fixtures/hostile/*", {
  query: "?raw",
  import: "default",
  eager: true,
});
const cases = manifest.cases as HostileCase[];

/** The file's text with every @@REPEAT(n,text)@@ expanded. */
function bodyText(file: string): string {
  const text = files[`./fixtures/hostile/${file}`];
  if (text === undefined) throw new Error(`no fixture file ${file}`);
  return text.replace(/@@REPEAT\((\d+),(.*?)\)@@/gs, (_m, n: string, part: string) => part.repeat(Number(n)));
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function bytesOf(c: HostileCase): Promise<Uint8Array> {
  const text = bodyText(c.file);
  if (c.encoding === "gzip") return gzip(new TextEncoder().encode(text));
  if (c.encoding === "latin1") return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
  if (c.encoding !== "utf-16le-bom") return new TextEncoder().encode(text);
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 + 2 * i] = unit & 0xff;
    out[3 + 2 * i] = unit >> 8;
  }
  return out;
}

function streamOf(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (let i = 0; i < bytes.length; i += 64 * 1024) controller.enqueue(bytes.slice(i, i + 64 * 1024));
      controller.close();
    },
  });
}

async function send(c: HostileCase): Promise<Response> {
  const [method, path] = (c.route ?? "POST /v1/submissions").split(" ") as [string, string];
  const headers: Record<string, string> = { ...c.headers };
  const contentType = c.contentType === undefined ? "application/json" : c.contentType;
  if (contentType !== null) headers["content-type"] = contentType;
  const bytes = await bytesOf(c);
  return call(method, path, { headers, body: c.stream ? streamOf(bytes) : bytes });
}

/** What `npm run recompute` asks: the replay of every revision of every period differs in nothing. */
async function expectNothingToRecompute(): Promise<void> {
  const answer = await recompute();
  expect(answer.differences).toEqual([]);
  expect(answer.differenceCount).toBe(0);
}

beforeEach(async () => {
  await resetDb();
  expect((await importUnits(SMALL_TREE)).status).toBe(200);
  // Something stored, so "nothing changed" is not "everything is empty".
  await submitOk(report("SL.MAISON.HATLOT", [...minimalRows(), { code: "PT02", actual: 4 }]), {
    key: "seed",
  });
});

describe("the hostile corpus", () => {
  it("has at least 50 bodies, each file described once and every file used", () => {
    const listed = new Set(cases.map((c) => c.file));
    const onDisk = Object.keys(files)
      .map((f) => f.replace("./fixtures/hostile/", ""))
      .filter((f) => f !== "manifest.json");
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect([...listed].sort()).toEqual(onDisk.sort());
  });

  for (const c of cases) {
    const label = `${c.file}${c.headers ? ` ${JSON.stringify(c.headers)}` : ""}: ${c.why} → ${c.status}`;
    it(label, async () => {
      const before = await storedSnapshot();
      const res = await send(c);
      const text = await res.text();
      expect(res.status, text.slice(0, 500)).toBe(c.status);
      if (c.status >= 400) {
        const { error } = errorEnvelope.parse(JSON.parse(text));
        expect(error.code).toBe(c.code);
        expect(error.message).toContain(" / ");
        if (c.field !== undefined) expect(error.issues?.map((i) => i.field)).toContain(c.field);
        expect(await storedSnapshot()).toEqual(before);
        await expectNothingToRecompute();
        return;
      }
      // Accepted: exactly what was sent is current, and nothing else moved.
      const after = await storedSnapshot();
      expect(after.units).toEqual(before.units);
      expect(after.unit_ancestors).toEqual(before.unit_ancestors);
      expect(after.submissions).toHaveLength((before.submissions?.length ?? 0) + 1);
      const unit = c.stored?.unit ?? "";
      const answer = await json<SubmissionsAnswer>(
        await call("GET", `/v1/submissions?unit=${unit}&period=2023`),
      );
      expect(answer.current?.rows).toEqual(c.stored?.rows);
      await expectTotalsMatchOracle("2023");
      await expectNothingToRecompute();
    });
  }
});
