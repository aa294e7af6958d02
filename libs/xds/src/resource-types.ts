import { XDS_PUSH_ORDER, XDS_TYPE_NAMES, XDS_TYPE_URLS, typeNameOf } from '@isthmus/protos';

/** The four xDS resource types Pilot serves, by type URL. */
export type XdsTypeUrl = (typeof XDS_PUSH_ORDER)[number];

/** Push order: clusters before the endpoints they load, listeners before the routes they name (make-before-break). */
export const PUSH_ORDER: readonly XdsTypeUrl[] = XDS_PUSH_ORDER;

export const TYPE_URL = XDS_TYPE_URLS;
export const TYPE_NAME = XDS_TYPE_NAMES;

const SHORT: Record<XdsTypeUrl, string> = {
  [XDS_TYPE_URLS.cluster]: 'CDS',
  [XDS_TYPE_URLS.endpoint]: 'EDS',
  [XDS_TYPE_URLS.listener]: 'LDS',
  [XDS_TYPE_URLS.route]: 'RDS',
};

export function isXdsTypeUrl(url: string): url is XdsTypeUrl {
  return (PUSH_ORDER as readonly string[]).includes(url);
}

/** `CDS`, `EDS`, `LDS`, `RDS` for logs, metrics labels and debug output. */
export function shortTypeName(url: string): string {
  return isXdsTypeUrl(url) ? SHORT[url] : typeNameOf(url);
}
