import { AppError } from '../errors/app-error';
import { fetchSamlMetadata } from './fetch-saml-metadata';
import { parseSamlMetadata, SamlMetadataError, type SamlIdpMetadata } from './parse-saml-metadata';

export type SamlMetadataSource = { metadataUrl: string } | { metadataXml: string };

/**
 * The IdP's metadata from its URL or as pasted, parsed; every problem is a 422 whose issue
 * points at the field the metadata came from.
 */
export async function readSamlMetadata(source: SamlMetadataSource): Promise<SamlIdpMetadata> {
  const path = 'metadataUrl' in source ? 'metadataUrl' : 'metadataXml';
  const xml =
    'metadataUrl' in source ? await fetchSamlMetadata(source.metadataUrl) : source.metadataXml;
  try {
    return parseSamlMetadata(xml);
  } catch (error) {
    if (!(error instanceof SamlMetadataError)) throw error;
    const where =
      'metadataUrl' in source
        ? `The SAML metadata at ${source.metadataUrl}`
        : 'The pasted SAML metadata';
    const message = `${where} cannot be used: ${error.message}.`;
    throw new AppError('invalid', message, { issues: [{ path, message: error.message }] });
  }
}
