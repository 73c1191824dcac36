// A small reader of prisma/schema.prisma for the drift test (Prisma 7's generated client no longer ships the
// full DMMF, and Prisma's own schema tooling needs an engine that cannot be downloaded here).
import { readFileSync } from "node:fs";

export interface SchemaField {
  name: string;
  type: string;
  kind: "scalar" | "enum" | "object";
  required: boolean;
  unique: boolean;
}
export interface SchemaModel {
  name: string;
  fields: SchemaField[];
  uniques: string[][];
  indexes: string[][];
}

export function readPrismaSchema(path = new URL("../../prisma/schema.prisma", import.meta.url)): SchemaModel[] {
  const text = readFileSync(path, "utf8").replace(/\/\/.*$/gm, "");
  const enums = new Set([...text.matchAll(/^enum\s+(\w+)/gm)].map((match) => match[1]));
  const blocks = [...text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const modelNames = new Set(blocks.map((block) => block[1]));
  const fieldList = (raw: string) =>
    raw
      .split(",")
      .map((name) => name.trim())
      .filter(Boolean);
  return blocks.map(([, name, body]) => {
    const model: SchemaModel = { name, fields: [], uniques: [], indexes: [] };
    for (const line of body
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)) {
      const attribute = line.match(/^@@(unique|index)\(\[([^\]]*)\]/);
      if (attribute) {
        (attribute[1] === "unique" ? model.uniques : model.indexes).push(fieldList(attribute[2]));
        continue;
      }
      const field = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?/);
      if (!field) continue;
      const [, fieldName, type, list, optional] = field;
      const kind = modelNames.has(type) ? "object" : enums.has(type) ? "enum" : "scalar";
      if (list && kind !== "object")
        throw new Error(`scalar lists are not supported by this reader: ${name}.${fieldName}`);
      model.fields.push({ name: fieldName, type, kind, required: !optional && !list, unique: /@unique\b/.test(line) });
    }
    return model;
  });
}
