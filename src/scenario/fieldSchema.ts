import { z } from 'zod';
import { scenarioSchema } from './schema';

/**
 * One field of the scenario as its schema states it, found by path, so a form
 * reads its choices, whether blank is allowed and its default from the schema
 * instead of restating them.
 */

/** The schema with its default, prefault, optional and nullable wrappers taken off. */
function bare(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodOptional || s instanceof z.ZodNullable)
    s = s.unwrap() as z.ZodType;
  return s;
}

/** The schemas a key of this node can have: an object's, or each object of a union (callback.serve) that has it. */
function child(node: z.ZodType, key: string): z.ZodType[] {
  const s = bare(node);
  if (s instanceof z.ZodObject) return key in s.shape ? [s.shape[key] as z.ZodType] : [];
  if (s instanceof z.ZodUnion) return (s.options as z.ZodType[]).flatMap((o) => child(o, key));
  return [];
}

/** Every schema a scenario path (dotted, as in the form) can have; empty when the path is not a field. */
export function fieldSchemas(path: string): z.ZodType[] {
  return path.split('.').reduce<z.ZodType[]>((nodes, key) => nodes.flatMap((n) => child(n, key)), [scenarioSchema]);
}

/** The values a choice field allows, in the schema's order (an enum, or a union of literals such as intervalMinutes). */
export function fieldChoices(path: string): (string | number)[] {
  const values = (s: z.ZodType): unknown[] => {
    const b = bare(s);
    if (b instanceof z.ZodEnum) return b.options;
    if (b instanceof z.ZodLiteral) return [...b.values];
    if (b instanceof z.ZodUnion) return (b.options as z.ZodType[]).flatMap(values);
    return [];
  };
  const all = fieldSchemas(path).flatMap(values);
  return [...new Set(all.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number'))];
}

/** Whether the field takes null (blank in a form): ivr.lines, where null means unlimited. */
export function fieldNullable(path: string): boolean {
  const nullable = (s: z.ZodType): boolean =>
    s instanceof z.ZodNullable ||
    ((s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodOptional) &&
      nullable(s.unwrap() as z.ZodType));
  return fieldSchemas(path).some(nullable);
}

/** Whether the field may be left out (blank in a form): an optional target, which then does not apply. */
export function fieldOptional(path: string): boolean {
  return fieldSchemas(path).some((s) => s instanceof z.ZodOptional);
}
