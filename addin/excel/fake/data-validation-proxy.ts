// A range's data validation (rule, prompt, error alert), stored per cell like Excel does.

import type { Readers } from "./client-object.ts";
import type { FakeRequestContext } from "./context.ts";
import {
  clearValidation,
  setValidationErrorAlert,
  setValidationPrompt,
  setValidationRule,
  validationType,
  validationValid,
} from "./data-validation-state.ts";
import { RangePart } from "./range-format-proxy.ts";
import type { FakeRange } from "./range-proxy.ts";
import type { Target } from "./sheet-state.ts";

export class FakeDataValidation extends RangePart<Target> {
  constructor(ctx: FakeRequestContext, range: FakeRange) {
    super(ctx, "DataValidation", range);
  }
  protected _resolve(): Target | null {
    return this._range._target();
  }
  protected _readers(): Readers {
    return {
      rule: () => this._uniform((c) => c.dv?.rule ?? null),
      type: () => validationType(this._t()),
      prompt: () => this._uniform((c) => c.dv?.prompt ?? { message: "", showPrompt: false, title: "" }),
      errorAlert: () =>
        this._uniform((c) => c.dv?.errorAlert ?? { message: "", showAlert: true, style: "Stop", title: "" }),
      ignoreBlanks: () => this._uniform((c) => c.dv?.ignoreBlanks ?? true),
      valid: () => validationValid(this._state, this._t()),
    };
  }
  get rule(): unknown {
    return this._get("rule");
  }
  set rule(v: unknown) {
    this._set("rule", v, () => setValidationRule(this._state, this._t(), v, "DataValidation.rule"));
  }
  get prompt(): unknown {
    return this._get("prompt");
  }
  set prompt(v: unknown) {
    this._set("prompt", v, () => setValidationPrompt(this._state, this._t(), v, "DataValidation.prompt"));
  }
  get errorAlert(): unknown {
    return this._get("errorAlert");
  }
  set errorAlert(v: unknown) {
    this._set("errorAlert", v, () =>
      setValidationErrorAlert(this._state, this._t(), v, "DataValidation.errorAlert"),
    );
  }
  get ignoreBlanks(): unknown {
    return this._get("ignoreBlanks");
  }
  get type(): unknown {
    return this._get("type");
  }
  get valid(): unknown {
    return this._get("valid");
  }
  clear(): void {
    this._cmd("clear", () => clearValidation(this._state, this._t(), "DataValidation.clear"));
  }
}
