import { SchemaView, type JsonSchema } from './schema-view';

export interface OperationObject {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: JsonSchema }> }
  >;
}

export function Operation(props: { path: string; method: string; operation: OperationObject }) {
  const { operation } = props;
  const auth = operation.security?.flatMap((entry) => Object.keys(entry)) ?? [];
  const body = operation.requestBody?.content?.['application/json']?.schema;
  return (
    <article style={{ borderTop: '1px solid #ccc', padding: '0.5em 0' }}>
      <h3 id={`${props.method}-${props.path}`}>
        <code>
          {props.method.toUpperCase()} {props.path}
        </code>
      </h3>
      <p>
        {operation.summary} {operation.description}
      </p>
      <p>Authentication: {auth.length > 0 ? auth.join(' or ') : 'none'}</p>
      {operation.parameters && operation.parameters.length > 0 && (
        <>
          <h4>Parameters</h4>
          <ul>
            {operation.parameters.map((parameter) => (
              <li key={`${parameter.in}-${parameter.name}`}>
                <code>{parameter.name}</code> ({parameter.in}
                {parameter.required ? ', required' : ''}){' '}
                {parameter.schema && <SchemaView schema={parameter.schema} />}
              </li>
            ))}
          </ul>
        </>
      )}
      {body && (
        <>
          <h4>Request body (JSON)</h4>
          <SchemaView schema={body} />
        </>
      )}
      <h4>Responses</h4>
      <ul>
        {Object.entries(operation.responses ?? {}).map(([status, response]) => {
          const schema = response.content?.['application/json']?.schema;
          const isError = Number(status) >= 400;
          return (
            <li key={status}>
              <strong>{status}</strong> {response.description}
              {schema && !isError && <SchemaView schema={schema} />}
            </li>
          );
        })}
      </ul>
    </article>
  );
}
