export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  description?: string;
}

/** A JSON Schema as a readable nested list: name, type, constraints, required or not. */
export function SchemaView({ schema }: { schema: JsonSchema }) {
  const properties = Object.entries(schema.properties ?? {});
  const variants = schema.oneOf ?? schema.anyOf;
  return (
    <span>
      <em>{describe(schema)}</em>
      {properties.length > 0 && (
        <ul>
          {properties.map(([name, property]) => (
            <li key={name}>
              <code>{name}</code>
              {schema.required?.includes(name) ? '' : ' (optional)'}:{' '}
              <SchemaView schema={property} />
            </li>
          ))}
        </ul>
      )}
      {schema.items && (schema.items.properties || schema.items.oneOf || schema.items.anyOf) && (
        <ul>
          <li>
            each item: <SchemaView schema={schema.items} />
          </li>
        </ul>
      )}
      {variants && variants.some((variant) => variant.properties) && (
        <ul>
          {variants.map((variant, index) => (
            <li key={index}>
              one of: <SchemaView schema={variant} />
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}

function describe(schema: JsonSchema): string {
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? '');
  const parts = [schema.items ? `array of ${describe(schema.items)}` : type];
  if (schema.const !== undefined) parts.push(`= ${JSON.stringify(schema.const)}`);
  if (schema.enum)
    parts.push(`one of ${schema.enum.map((value) => JSON.stringify(value)).join(', ')}`);
  if (schema.format) parts.push(schema.format);
  if (schema.minLength !== undefined) parts.push(`min length ${schema.minLength}`);
  if (schema.maxLength !== undefined) parts.push(`max length ${schema.maxLength}`);
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.maxItems !== undefined) parts.push(`at most ${schema.maxItems} items`);
  if (schema.pattern) parts.push(`matching ${schema.pattern}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.description) parts.push(`— ${schema.description}`);
  return parts.filter(Boolean).join(', ');
}
