// Reading and writing SAML XML. Messages the IdP builds come from templates whose every
// interpolated value goes through escapeXml; messages it receives go through parseSamlXml and are
// read with namespace-qualified XPath, never by local name alone.
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';

import { NS } from './saml-names';
import { SamlRequestError } from './saml-error';

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** SAML timestamps: UTC, xs:dateTime (saml-core §1.3.3). */
export function toSamlInstant(date: Date): string {
  return date.toISOString();
}

// saml-bindings §3.4.4.1 / §3.5.4: a received message must not carry a DTD. Refusing it also keeps
// entity expansion (billion laughs) out of the parser.
export function parseSamlXml(text: string, what: string): Document {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new SamlRequestError(`The ${what} contains a DTD, which SAML forbids.`);
  }
  const problems: string[] = [];
  const record = (message: unknown) => problems.push(String(message));
  const doc = new DOMParser({
    locator: {},
    errorHandler: { warning: () => undefined, error: record, fatalError: record },
  }).parseFromString(text, 'text/xml');
  if (problems.length > 0 || !doc?.documentElement) {
    throw new SamlRequestError(
      `The ${what} is not well-formed XML${problems[0] ? `: ${problems[0]}` : ''}.`,
    );
  }
  return doc;
}

const select = xpath.useNamespaces({
  samlp: NS.protocol,
  saml: NS.assertion,
  md: NS.metadata,
  ds: NS.dsig,
});

export function selectElements(expression: string, node: Node): Element[] {
  const result = select(expression, node);
  return Array.isArray(result) ? result.filter(isElement) : [];
}

/** The element's text when exactly one matches, else undefined (two Issuers is not one Issuer). */
export function selectSingleText(expression: string, node: Node): string | undefined {
  const elements = selectElements(expression, node);
  return elements.length === 1 ? (elements[0]?.textContent ?? '').trim() : undefined;
}

export function attribute(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? (element.getAttribute(name) ?? '') : undefined;
}

function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}
