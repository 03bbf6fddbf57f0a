/** Field paths of the published JSON Schema, lists written as "[]": "demand.calls[]", "callback.serve.mode". */
export type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
};

/** Every field path with its schema node (a union's branches each contribute theirs). */
export function schemaFields(node: JsonSchema, at = ''): [path: string, node: JsonSchema][] {
  const branches = [...(node.anyOf ?? []), ...(node.oneOf ?? [])];
  if (branches.length > 0) return branches.flatMap((b) => schemaFields(b, at));
  if (node.items) return schemaFields(node.items, `${at}[]`);
  if (!node.properties) return [];
  return Object.entries(node.properties).flatMap(([key, child]) => {
    const path = at ? `${at}.${key}` : key;
    const own = (child.anyOf ?? child.oneOf ?? [child]).map((c): [string, JsonSchema] => [path, c]);
    return [...own, ...schemaFields(child, path)];
  });
}

/** The same paths as found in a value, each with the concrete location ("demand.calls[3]") and the value there. */
export function valueFields(
  value: unknown,
  at = '',
  key: (string | number)[] = [],
): { path: string; key: (string | number)[]; value: unknown }[] {
  const here = { path: at, key, value };
  if (Array.isArray(value)) return [here, ...value.flatMap((v, i) => valueFields(v, `${at}[]`, [...key, i]))];
  if (typeof value === 'object' && value !== null) {
    return [here, ...Object.entries(value).flatMap(([k, child]) => valueFields(child, at ? `${at}.${k}` : k, [...key, k]))];
  }
  return [here];
}
