// The machinery every proxy shares, shaped like Office.js's ClientObject: property writes and method calls
// queue commands; reads need load + sync (PropertyNotLoaded otherwise); *OrNullObject proxies learn
// isNullObject at sync, and commands on a null object do nothing (Microsoft's samples rely on
// getItemOrNullObject(x).delete()). Each Office object family has its own *-proxy.ts file.

import { type FakeRequestContext, type LoadArg, loadPaths } from "./context.ts";
import { richError, unsupported } from "./errors.ts";
import type { WorkbookState } from "./state.ts";

export type Readers = Record<string, () => unknown>;

function notLoaded(type: string, prop: string): Error {
  return richError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${prop}`,
  );
}

export abstract class FakeClientObject<T> {
  protected readonly _values = new Map<string, unknown>();
  private _memo: { v: T | null } | undefined;
  private _nullKnown: boolean | undefined;

  constructor(
    readonly context: FakeRequestContext,
    protected readonly _type: string,
  ) {}

  protected get _state(): WorkbookState {
    return this.context.state;
  }

  /** Computes the target at first use (inside a command). Null means a null object. */
  protected abstract _resolve(): T | null;
  /** Throws when a resolved target no longer exists (a deleted sheet, note …). */
  protected _checkLive(_t: T): void {}
  protected abstract _readers(): Readers;
  protected _navs(): Record<string, FakeClientObject<unknown>> {
    return {};
  }

  /** For objects created by a command (add): the target is known. */
  _presolve(t: T): void {
    this._memo = { v: t };
    this.context.afterSync(() => {
      this._nullKnown = false;
    });
  }

  /** Resolves at the next sync even when unused: *OrNullObject proxies. */
  protected _resolveAtSync(): void {
    this.context.queue(`${this._type}.resolve`, () => {
      this._target();
    });
  }

  _target(): T | null {
    if (!this._memo) {
      const v = this._resolve();
      this._memo = { v };
      this.context.afterSync(() => {
        this._nullKnown = v === null;
      });
    }
    const v = this._memo.v;
    if (v !== null) this._checkLive(v);
    return v;
  }

  get isNullObject(): boolean {
    if (this._nullKnown === undefined) throw notLoaded(this._type, "isNullObject");
    return this._nullKnown;
  }

  protected _get<V>(name: string): V {
    if (this._nullKnown === true) return null as V;
    if (!this._values.has(name)) throw notLoaded(this._type, name);
    return this._values.get(name) as V;
  }

  /** Queues a command on the target; a null object ignores it. */
  protected _cmd(label: string, fn: (t: T) => void): void {
    this.context.queue(`${this._type}.${label}`, () => {
      const t = this._target();
      if (t === null) return;
      fn(t);
    });
  }

  /** A property write: kept locally (like Office.js) and queued. */
  protected _set(name: string, value: unknown, fn: (t: T) => void): void {
    this._values.set(name, value);
    this._cmd(name, fn);
  }

  load(arg?: LoadArg): this {
    this._load(loadPaths(arg));
    return this;
  }

  _load(paths: string[]): void {
    const readers = this._readers();
    const navs = this._navs();
    const names = new Set<string>();
    if (paths.length === 0) for (const n of Object.keys(readers)) names.add(n);
    for (const path of paths) {
      const [head = "", ...rest] = path.split("/");
      const nav = navs[head];
      if (nav) {
        nav._load(rest.length > 0 ? [rest.join("/")] : []);
      } else if (head in readers && rest.length === 0) {
        names.add(head);
      } else {
        this.context.queue(`${this._type}.load`, () => {
          throw richError("InvalidArgument", `The property '${path}' does not exist on ${this._type}`);
        });
      }
    }
    if (names.size === 0) return;
    this.context.queue(`${this._type}.load`, () => {
      const t = this._target();
      if (t === null) return;
      const read = this._readers();
      const got: [string, unknown][] = [];
      for (const n of names) got.push([n, read[n]?.()]);
      this.context.afterSync(() => {
        for (const [n, v] of got) this._values.set(n, v);
      });
    });
  }

  /** Reads scalars immediately; only inside a command (a collection's load of its items). */
  _loadNow(paths: string[]): void {
    const readers = this._readers();
    const names = paths.length === 0 ? Object.keys(readers) : paths;
    const got: [string, unknown][] = [];
    for (const n of names) {
      const read = readers[n];
      if (!read) throw unsupported(`loading ${n} on collection items`);
      got.push([n, read()]);
    }
    this.context.afterSync(() => {
      for (const [n, v] of got) this._values.set(n, v);
    });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._values);
  }
}

class ClientResult<V> {
  private _v: { value: V } | undefined;
  constructor(private readonly _where: string) {}
  _resolveWith(v: V): void {
    this._v = { value: v };
  }
  get value(): V {
    if (!this._v) throw notLoaded(this._where, "value");
    return this._v.value;
  }
}

function countResult<T>(ctx: FakeRequestContext, where: string, count: () => number): ClientResult<T> {
  const result = new ClientResult<T>(where);
  ctx.queue(where, () => {
    const n = count();
    ctx.afterSync(() => result._resolveWith(n as T));
  });
  return result;
}

/** A collection: loads apply to its items, and getCount answers at sync. */
export abstract class FakeCollection<P, T> extends FakeClientObject<T> {
  private _items: P[] | undefined;

  protected abstract _members(t: T): P[];

  protected _readers(): Readers {
    return {};
  }

  get items(): P[] {
    if (this._items === undefined) throw notLoaded(this._type, "items");
    return this._items;
  }

  override _load(paths: string[]): void {
    // Collection loads apply to the items: "items/name", "name", "items" or nothing (all scalars).
    const itemPaths = paths
      .map((p) => (p === "items" ? "" : p.startsWith("items/") ? p.slice("items/".length) : p))
      .filter((p) => p !== "");
    this.context.queue(`${this._type}.load`, () => {
      const t = this._target();
      if (t === null) return;
      const members = this._members(t);
      for (const m of members) {
        // The item loads run right here, inside this command.
        (m as unknown as FakeClientObject<unknown>)._loadNow(itemPaths);
      }
      this.context.afterSync(() => {
        this._items = members;
      });
    });
  }

  getCount(): ClientResult<number> {
    return countResult(this.context, `${this._type}.getCount`, () => {
      const t = this._target();
      return t === null ? 0 : this._members(t).length;
    });
  }
}
