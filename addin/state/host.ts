/// <reference types="office-js" />
// Which Excel the add-in talks to: the real `Excel.run` inside Office, or an in-memory fake that a test
// page injected (window.__BAOCAO_EXCEL__, or the fake's installGlobals() standing in for Office.js). The
// adapter receives the chosen `run`; nothing else looks at globals.

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface InjectedExcel {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

interface HostGlobals {
  __BAOCAO_EXCEL__?: InjectedExcel;
  Excel?: { run?: InjectedExcel["run"] };
  Office?: { onReady?: () => Promise<unknown> };
}

/** The injected fake first (an e2e page sets it before the pane starts), else Office's Excel.run. */
export function excelRun(scope: object = globalThis): ExcelRun | undefined {
  const g = scope as HostGlobals;
  const injected = g.__BAOCAO_EXCEL__;
  if (injected && typeof injected.run === "function") return (batch) => injected.run(batch);
  const run = g.Excel?.run;
  if (typeof run === "function") return (batch) => run(batch);
  return undefined;
}

/** Waits for Office.js when it is on the page; resolves at once where it is not (a plain browser). */
export async function officeReady(scope: object = globalThis): Promise<boolean> {
  const office = (scope as HostGlobals).Office;
  if (!office || typeof office.onReady !== "function") return false;
  await office.onReady();
  return true;
}
