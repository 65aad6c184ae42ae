// The default site's form (as Rust sends it in SiteInfo.fields), for tests.
import type { Field } from "./ipc";

export function field(name: string, widget: Field["widget"], extra: Partial<Field> = {}): Field {
  return {
    name,
    label: null,
    widget,
    required: true,
    default: null,
    hint: null,
    pattern: null,
    max_length: null,
    min: null,
    max: null,
    value_type: null,
    options: [],
    multiple: false,
    fields: [],
    format: null,
    ...extra,
  };
}

export const siteFields: Field[] = [
  field("date", "datetime", { format: "YYYY-MM-DDTHH:mm:ss.SSSZ" }),
  field("badge", "object", { fields: [field("label", "string")] }),
  field("description", "text", { required: false, max_length: 160 }),
  field("author", "string"),
  field("image", "image"),
  field("title", "string"),
  field("tags", "list", { required: false, max: 5 }),
  field("draft", "boolean", { required: false }),
  field("weight", "number", { required: false, value_type: "int" }),
  field("layout", "hidden"),
];

export const currentPost = {
  date: "2024-12-17T00:00:00.000Z",
  badge: { label: "Tutoriel" },
  description: "Une courte description.",
  author: "Hélène",
  image: "/blog/2024/cover.jpg",
  title: "Importer vos adhérents",
  tags: ["import", "tableur"],
  layout: "post",
  unknown_key: { kept: true },
};
