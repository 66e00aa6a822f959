import type { APIRoute } from 'astro';
import { urls } from '../consts.ts';
import { speculationRules } from '../lib/speculation-rules.ts';

/** The rules the `Speculation-Rules` header of every page names (see src/lib/cdn-headers.ts). */
export const GET: APIRoute = () => Response.json(speculationRules(urls.home()));
