import { z } from 'astro/zod';
import { parse } from 'tldts';
import { fieldName } from '../content/content-error.ts';
import { type AdProviderConfig, PROVIDER_DIRECTIVES } from './provider.ts';

/** An origin, perhaps with a leading wildcard label as ad servers need. */
const ORIGIN = /^(?<scheme>https?):\/\/(?<wildcard>\*\.)?(?<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::\d{1,5})?$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1']);
const EXPECTED = 'expected an origin such as https://ads.example.com (https, no path, at most a leading "*."; http and localhost only under astro dev)';

/** What is wrong with one declared origin, or undefined. */
function originProblem(value: string, dev: boolean): string | undefined {
  const parts = ORIGIN.exec(value)?.groups;
  if (!parts) return `${EXPECTED}, not "${value}"`;
  const loopback = LOOPBACK.has(parts.host);
  if (loopback && (!dev || parts.wildcard)) return `"${value}" is this machine: allowed only under astro dev, never in a site readers get`;
  if (parts.scheme === 'http' && !loopback) return `"${value}" is plain http: ads load over https only`;
  // The public-suffix list's private part names suffixes such as github.io, whose subdomains belong to strangers.
  if (parts.wildcard && parse(parts.host, { allowPrivateDomains: true }).domain === null) {
    return `"${value}" would allow every site under the public suffix "${parts.host}": name the provider's own domain, e.g. https://*.ads-cdn.example.com`;
  }
  if (!loopback && !parts.host.includes('.')) return `${EXPECTED}, not "${value}"`;
  return undefined;
}

const originsSchema = (dev: boolean) =>
  z.string().superRefine((value, context) => {
    const problem = originProblem(value, dev);
    // Stryker disable next-line StringLiteral: equivalent, because nothing reads this issue's code; its message is what the editor sees
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

const configSchema = (dev: boolean) =>
  z.strictObject({
    module: z.string('expected the path of the adapter module, e.g. ./src/ads/my-ad-server.ts').min(1, 'expected the path of the adapter module'),
    origins: z.partialRecord(z.enum(PROVIDER_DIRECTIVES), z.array(originsSchema(dev))),
  });

/**
 * Checks the `adProvider` setting of astro.config.mjs; a mistake throws naming the field. `dev`
 * says whether this is `astro dev`, the only place an ad server on this machine or over plain
 * http may be named.
 */
export function checkAdProviderConfig(config: unknown, { dev }: { dev: boolean }): AdProviderConfig {
  const parsed = configSchema(dev).safeParse(config);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  if (issue.code !== 'unrecognized_keys') throw new Error(`adProvider.${fieldName(issue.path)}: ${issue.message}`);
  const allowed = issue.path[0] === 'origins' ? `a CSP directive a provider may add origins to: ${PROVIDER_DIRECTIVES.join(', ')}` : 'a setting: module, origins';
  throw new Error(`adProvider.${fieldName([...issue.path, issue.keys[0]])}: is not ${allowed}`);
}
