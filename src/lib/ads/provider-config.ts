import { z } from 'astro/zod';
import { fieldName } from '../content/content-error.ts';
import { type AdProviderConfig, PROVIDER_DIRECTIVES } from './provider.ts';

/** An https origin, perhaps with a leading wildcard label as ad servers need; http on loopback for development. */
const ORIGIN = /^(https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+|http:\/\/(localhost|127\.0\.0\.1))(:\d{1,5})?$/;

const origin = z.string().superRefine((value, context) => {
  if (!ORIGIN.test(value)) {
    context.addIssue({
      // Stryker disable next-line StringLiteral: equivalent, because nothing reads this issue's code; its message is what the editor sees
      code: 'custom',
      message: `expected an origin such as https://ads.example.com (https, no path, at most a leading "*."; http only on localhost), not "${value}"`,
    });
  }
});

const configSchema = z.strictObject({
  module: z.string('expected the path of the adapter module, e.g. ./src/ads/my-ad-server.ts').min(1, 'expected the path of the adapter module'),
  origins: z.partialRecord(z.enum(PROVIDER_DIRECTIVES), z.array(origin)),
});

/** Checks the `adProvider` setting of astro.config.mjs; a mistake throws naming the field. */
export function checkAdProviderConfig(config: unknown): AdProviderConfig {
  const parsed = configSchema.safeParse(config);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  if (issue.code !== 'unrecognized_keys') throw new Error(`adProvider.${fieldName(issue.path)}: ${issue.message}`);
  const allowed = issue.path[0] === 'origins' ? `a CSP directive a provider may add origins to: ${PROVIDER_DIRECTIVES.join(', ')}` : 'a setting: module, origins';
  throw new Error(`adProvider.${fieldName([...issue.path, issue.keys[0]])}: is not ${allowed}`);
}
