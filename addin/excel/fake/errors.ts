// Errors shaped like OfficeExtension.Error (facts §11): name "RichApi.Error", a code, a message and
// debugInfo { code, message, errorLocation, statement }.

export type FakeErrorCode =
  | "InvalidArgument"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidSelection"
  | "InvalidOperation"
  | "InvalidReference"
  | "AccessDenied"
  | "ApiNotFound"
  | "PropertyNotLoaded"
  | "InvalidObjectPath"
  | "GeneralException";

export interface FakeDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
}

export class FakeRichApiError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: FakeErrorCode;
  readonly debugInfo: FakeDebugInfo;
  constructor(code: FakeErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation, statement: errorLocation };
  }
}

export function richError(code: FakeErrorCode, message: string, errorLocation?: string): FakeRichApiError {
  return new FakeRichApiError(code, message, errorLocation);
}

/**
 * Thrown when a test reaches behaviour the fake does not model. Not a RichApi.Error: a test hitting it
 * must extend the fake (against the fact sheet) rather than assert on invented behaviour.
 */
export class FakeUnsupportedError extends Error {
  override readonly name = "FakeUnsupportedError";
}

export function unsupported(what: string): FakeUnsupportedError {
  return new FakeUnsupportedError(`The Excel fake does not implement ${what}`);
}
