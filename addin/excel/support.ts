/// <reference types="office-js" />
// Which requirement sets the host supports. Inside Office this is Office.context.requirements; tests pass
// the fake's isSetSupported. Nothing else in the adapter looks at globals.

export interface ApiSupport {
  isSetSupported(name: string, version: string): boolean;
}

interface OfficeGlobals {
  Office?: { context?: { requirements?: { isSetSupported?: (name: string, version?: string) => boolean } } };
}

/** Office's own answer; without Office.js on the page, nothing beyond the base set is assumed. */
export function officeApiSupport(scope: object = globalThis): ApiSupport {
  return {
    isSetSupported(name, version) {
      const fn = (scope as OfficeGlobals).Office?.context?.requirements?.isSetSupported;
      return typeof fn === "function" ? fn(name, version) === true : false;
    },
  };
}

export const excelApi = (support: ApiSupport, version: string): boolean =>
  support.isSetSupported("ExcelApi", version);
