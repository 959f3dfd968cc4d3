import type { z } from "zod";

/** True when a value passes the schema and zod's output of it has the value's own JSON text. */
export type JsonCheck = (value: unknown) => boolean;

// The parts of zod 4's schema and check definitions read here (zod's own internal shape, `schema._zod.def`).
interface CheckDef {
  check: string;
  format?: string;
  value?: unknown;
  inclusive?: boolean;
  minimum?: unknown;
  pattern?: RegExp;
}
interface Def {
  type: string;
  checks?: readonly { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  check?: string;
  format?: string;
  shape?: Record<string, Schema>;
  catchall?: unknown;
  element?: Schema;
  innerType?: Schema;
  entries?: Record<string, unknown>;
}
interface Schema {
  _zod: { def: Def };
}

// Thrown while compiling a schema that uses anything not known here: the schema then has no fast check.
class Unsupported extends Error {}

const compiled = new WeakMap<object, JsonCheck | null>();

/**
 * A check equivalent to zod's for `schema`, or stricter: it accepts a value only when zod accepts it and
 * zod's output stringifies to the same JSON (every object is plain and has exactly its shape's keys, in
 * the shape's order, so zod's copy would be key for key the same). A value it refuses may still be valid:
 * callers then run zod, which gives the value or the error as always. Built once per schema, without zod's
 * allocations (zod copies every object and array it validates). Null for a schema using anything not
 * handled here (transforms, defaults, refinements, coercion, unions, other formats): callers use zod.
 */
export function jsonCheckOf(schema: z.ZodType): JsonCheck | null {
  let check = compiled.get(schema);
  if (check === undefined) {
    try {
      check = compile(schema as unknown as Schema);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      check = null;
    }
    compiled.set(schema, check);
  }
  return check;
}

function compile(schema: Schema): JsonCheck {
  const def = schema._zod.def;
  // A format schema (z.url(), z.email(), z.int()…) is its own check, named on its definition.
  if (def.coerce === true || def.check !== undefined || def.format !== undefined) throw new Unsupported();
  const checks = def.checks ?? [];
  switch (def.type) {
    case "string":
      return all((value) => typeof value === "string", checks.map(stringCheck));
    case "number":
      return all((value) => typeof value === "number" && Number.isFinite(value), checks.map(numberCheck));
    case "boolean":
      return none(checks, (value) => typeof value === "boolean");
    case "enum": {
      const values = new Set(Object.values(def.entries ?? {}));
      return none(checks, (value) => values.has(value));
    }
    case "nullable": {
      const inner = compile(need(def.innerType));
      return none(checks, (value) => value === null || inner(value));
    }
    case "array": {
      const element = compile(need(def.element));
      return none(checks, (value) => {
        if (!Array.isArray(value) || Object.getPrototypeOf(value) !== Array.prototype) return false;
        for (let i = 0; i < value.length; i++) if (!element(value[i])) return false;
        return true;
      });
    }
    case "object":
      if (def.catchall !== undefined) throw new Unsupported();
      return none(checks, objectCheck(need(def.shape)));
    default:
      throw new Unsupported();
  }
}

function objectCheck(shape: Record<string, Schema>): JsonCheck {
  const keys = Object.keys(shape);
  const members = keys.map((key) => compile(need(shape[key])));
  return (value) => {
    if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
    const record = value as Record<string, unknown>;
    // Own keys in the shape's order and no others (for-in also visits inherited ones, which then fail too).
    let i = 0;
    for (const key in record) {
      if (key !== keys[i] || !members[i]!(record[key])) return false;
      i += 1;
    }
    return i === keys.length;
  };
}

function stringCheck({ _zod: { def } }: { _zod: { def: CheckDef } }): JsonCheck {
  if (def.check === "min_length" && typeof def.minimum === "number") {
    const minimum = def.minimum;
    return (value) => (value as string).length >= minimum;
  }
  if (def.check === "string_format" && def.format === "regex" && def.pattern instanceof RegExp) {
    const pattern = def.pattern;
    return (value) => {
      pattern.lastIndex = 0;
      return pattern.test(value as string);
    };
  }
  throw new Unsupported();
}

function numberCheck({ _zod: { def } }: { _zod: { def: CheckDef } }): JsonCheck {
  if (def.check === "number_format" && def.format === "safeint") return (value) => Number.isSafeInteger(value);
  if ((def.check === "greater_than" || def.check === "less_than") && typeof def.value === "number") {
    const bound = def.value;
    if (def.check === "greater_than") return def.inclusive === true ? (value) => (value as number) >= bound : (value) => (value as number) > bound;
    return def.inclusive === true ? (value) => (value as number) <= bound : (value) => (value as number) < bound;
  }
  throw new Unsupported();
}

// The type test, then each check in order.
function all(type: JsonCheck, checks: JsonCheck[]): JsonCheck {
  if (checks.length === 0) return type;
  return (value) => {
    if (!type(value)) return false;
    for (const check of checks) if (!check(value)) return false;
    return true;
  };
}

// Types whose checks (refinements) are not handled here.
function none(checks: readonly unknown[], check: JsonCheck): JsonCheck {
  if (checks.length > 0) throw new Unsupported();
  return check;
}

function need<T>(part: T | undefined): T {
  if (part === undefined) throw new Unsupported();
  return part;
}
