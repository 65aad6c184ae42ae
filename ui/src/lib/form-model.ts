// The form's values and the changes sent to Rust. Rust splices only the
// lines of the fields it is told about, so a field the author did not touch
// must never appear in a save: that is what keeps round trips byte-exact.

import type { Change, Field } from "./ipc";
import { dateParts, typedDate } from "./dates";

/** What an input holds: typed text, a checkbox, or a list of items. */
export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;

/** An input of the form: a field that is neither a container (object) nor hidden, with its dotted key. */
export interface Leaf {
  key: string;
  field: Field;
}

export function leaves(fields: Field[], prefix = ""): Leaf[] {
  return fields.flatMap((field) => {
    const key = prefix + field.name;
    if (field.widget === "hidden") return [];
    if (field.widget === "object") return leaves(field.fields, key + ".");
    return [{ key, field }];
  });
}

/** The id of a field's input, from its dotted key (`badge.label` gives `field-badge-label`). */
export function fieldId(key: string): string {
  return `field-${key.replace(/\W/g, "-")}`;
}

/**
 * The first text box of the form still empty, in the form's order: where a
 * new post's author types next, so the cursor starts there. Dates, pictures,
 * lists and choices are left out; null when every text box is filled.
 */
export function firstToFill(fields: Field[], values: FormValues): string | null {
  const empty = ({ key, field }: Leaf) =>
    (field.widget === "string" || field.widget === "text") && typeof (values[key] ?? "") === "string" && String(values[key] ?? "").trim() === "";
  return leaves(fields).find(empty)?.key ?? null;
}

export function getPath(data: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (isRecord(node) ? node[part] : undefined), data);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean";
}

function scalarText(v: unknown): string {
  return isScalar(v) ? String(v) : "";
}

/**
 * Whether the form can show and edit this value. Anything else (a list of
 * objects, a mapping where text is expected) keeps its input disabled, so it
 * is never rewritten.
 */
export function editable(field: Field, raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  switch (field.widget) {
    case "list":
      return isScalar(raw) || (Array.isArray(raw) && raw.every(isScalar));
    case "select":
      return isScalar(raw) || (field.multiple && Array.isArray(raw) && raw.every(isScalar));
    case "image":
      return isScalar(raw) || (isRecord(raw) && isScalar(raw.src));
    case "boolean":
      return typeof raw === "boolean";
    default:
      return isScalar(raw);
  }
}

/** The value an input shows for a front matter value. */
function formValue(field: Field, raw: unknown): FormValue {
  switch (field.widget) {
    case "boolean":
      return raw === true;
    case "list":
      return Array.isArray(raw) ? raw.map(scalarText) : raw == null ? [] : [scalarText(raw)];
    case "select":
      if (field.multiple) return Array.isArray(raw) ? raw.map(scalarText) : raw == null ? [] : [scalarText(raw)];
      return scalarText(raw);
    case "image":
      return isRecord(raw) ? scalarText(raw.src) : scalarText(raw);
    case "datetime":
      return dateParts(raw)?.date ?? scalarText(raw);
    default:
      return scalarText(raw);
  }
}

export function formValues(fields: Field[], frontMatter: Record<string, unknown>): FormValues {
  return Object.fromEntries(leaves(fields).map(({ key, field }) => [key, formValue(field, getPath(frontMatter, key))]));
}

/**
 * What to send for a value: typed text for text-like widgets, typed values
 * for the others, null to remove the key. An emptied required text stays an
 * empty text rather than a removal, so that the key keeps its place while the
 * author retypes it.
 */
function wireValue(field: Field, value: FormValue, original: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 && !field.required ? null : [...value];
  if (typeof value === "boolean") return value;
  if (value === "") {
    const keepEmpty = field.required && (field.widget === "string" || field.widget === "text");
    return keepEmpty ? "" : null;
  }
  if (field.widget === "datetime") return typedDate(value, original);
  if (field.widget === "number") {
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
  }
  return value;
}

function same(a: FormValue | undefined, b: FormValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** The fields whose values differ from `baseline` (the post as loaded or last saved), as Rust expects them. */
export function changedFields(
  fields: Field[],
  baseline: FormValues,
  values: FormValues,
  frontMatter: Record<string, unknown>,
): Change[] {
  return leaves(fields)
    .filter(({ key }) => !same(baseline[key], values[key]) && values[key] !== undefined)
    .map(({ key, field }) => ({ key, value: wireValue(field, values[key], getPath(frontMatter, key)) }));
}

/**
 * The front matter as it will be once `changes` are saved, for checking the
 * form as the author types. A cover kept as `{src: ...}` stays an object.
 */
export function withChanges(frontMatter: Record<string, unknown>, changes: Change[]): Record<string, unknown> {
  const result = structuredClone(frontMatter);
  for (const { key, value } of changes) {
    const parts = key.split(".");
    const last = parts.pop()!;
    let node: Record<string, unknown> = result;
    for (const part of parts) {
      if (!isRecord(node[part])) node[part] = {};
      node = node[part] as Record<string, unknown>;
    }
    const current = node[last];
    if (value === null) delete node[last];
    else if (typeof value === "string" && isRecord(current) && "src" in current) current.src = value;
    else node[last] = value;
  }
  return result;
}
