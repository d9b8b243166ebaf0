import { buildOpenApiDocument } from '@/server/openapi/build-openapi-document';
import { Operation, type OperationObject } from './operation';

// The reference is generated from the same document as /api/v1/openapi.json: plain HTML, no
// scripts from elsewhere (consoles often run where there is no internet).
export default function ApiReferencePage() {
  const document = buildOpenApiDocument();
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) => {
      const operation = (item as Record<string, OperationObject | undefined>)[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
  const tags = [...new Set(operations.map(({ operation }) => operation.tags?.[0] ?? 'Other'))];
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', fontFamily: 'system-ui, sans-serif' }}>
      <h1>{document.info.title}</h1>
      <p>{document.info.description}</p>
      <p>
        Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI{' '}
        {document.openapi}). Authenticate with <code>Authorization: Bearer ght_…</code> (an API
        token) or the console session.
      </p>
      <nav>
        {tags.map((tag) => (
          <a key={tag} href={`#${slug(tag)}`} style={{ marginRight: '1em' }}>
            {tag}
          </a>
        ))}
      </nav>
      {tags.map((tag) => (
        <section key={tag} id={slug(tag)}>
          <h2>{tag}</h2>
          {operations
            .filter(({ operation }) => (operation.tags?.[0] ?? 'Other') === tag)
            .map(({ path, method, operation }) => (
              <Operation
                key={`${method} ${path}`}
                path={path}
                method={method}
                operation={operation}
              />
            ))}
        </section>
      ))}
    </main>
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
