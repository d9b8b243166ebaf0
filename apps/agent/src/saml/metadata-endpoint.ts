import type { RequestContext } from '../pipeline/context';
import { sendAnswer } from '../pipeline/respond';
import { listSamlIdps } from './app-saml';
import { describeServiceProvider } from './service-provider';
import { buildSpMetadata } from './sp-metadata';

/**
 * `<prefix>/saml/metadata`: the SP metadata an IdP admin registers (its URL is also the entity
 * ID). Served even before a SAML IdP is bound: some IdPs (Entra ID) want the SP's entity ID and
 * ACS URL before they hand out their own metadata.
 */
export function serveSamlMetadata(ctx: RequestContext): void {
  const { app } = ctx;
  const [first] = listSamlIdps(app).values();
  const xml = buildSpMetadata(
    describeServiceProvider(app.origin, app.prefix),
    first?.idp.nameIdFormat ?? null,
  );
  sendAnswer(
    ctx,
    200,
    {
      'content-type': 'application/samlmetadata+xml; charset=utf-8',
      'cache-control': 'public, max-age=300',
    },
    xml,
  );
}
