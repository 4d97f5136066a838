import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { RecordedRequest } from './discord-emulator.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Discord's official OpenAPI description, kept outside the repository. */
export const DISCORD_SPEC = path.resolve(REPO_ROOT, '../shared/discord/openapi.json');
export const hasDiscordSpec = existsSync(DISCORD_SPEC);

interface Operation {
  requestBody?: { content?: Record<string, { schema?: object }> };
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: object;
}

/** A spec path template as a pattern; literal segments such as @original weigh more than parameters. */
function templatePattern(template: string): { pattern: RegExp; parameters: number } {
  const parameters = (template.match(/\{[^}]+\}/gu) ?? []).length;
  const source = template.split(/\{[^}]+\}/u).map((part) => part.replace(/[.*+?^$()|[\]\\]/gu, '\\$&')).join('[^/]+');
  return { pattern: new RegExp(`^${source}$`, 'u'), parameters };
}

/**
 * Validates the JSON body of each request against the request-body schema the
 * spec gives its route (OpenAPI 3.1 is JSON Schema 2020-12). Returns one line
 * per problem: a route the spec does not know, or a body it does not accept.
 */
type SentRequest = Pick<RecordedRequest, 'method' | 'path' | 'body'>;

export function createSpecValidator(): (request: SentRequest) => string[] {
  const spec = JSON.parse(readFileSync(DISCORD_SPEC, 'utf8')) as Spec;
  // Discord "accepts ints in string fields and strings in int fields (as long as they can be parsed as
  // ints)" (discord/discord-api-spec#11), and discord.js sends permissions as the documented strings
  // where the spec says integer: coerce as Discord does, on a copy of the body.
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, coerceTypes: true });
  addFormats.default(ajv);
  ajv.addFormat('snowflake', /^\d+$/u);
  const templates = Object.keys(spec.paths).map((template) => ({ template, ...templatePattern(template) }));
  const compiled = new Map<string, ValidateFunction>();
  return (request) => {
    const [match] = templates.filter(({ pattern }) => pattern.test(request.path)).sort((a, b) => a.parameters - b.parameters);
    const operation = match && spec.paths[match.template]?.[request.method.toLowerCase()];
    if (!match || !operation) return [`${request.method} ${request.path}: no such route in Discord's API`];
    const schema = operation.requestBody?.content?.['application/json']?.schema;
    if (!schema) return request.body === undefined ? [] : [`${request.method} ${match.template}: the spec takes no JSON body`];
    const key = `${request.method} ${match.template}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile({ ...schema, components: spec.components });
      compiled.set(key, validate);
    }
    if (validate(structuredClone(request.body))) return [];
    return (validate.errors ?? []).slice(0, 5).map((error) => `${key}: ${error.instancePath || 'body'} ${error.message ?? ''}`);
  };
}

/**
 * Every problem the spec finds in these requests. The validator first has to
 * refuse a body Discord refuses, so that it cannot pass by checking nothing.
 */
export function specProblems(requests: readonly SentRequest[]): string[] {
  const validate = createSpecValidator();
  const tooLong = { method: 'POST', path: '/interactions/1/token/callback', body: { type: 4, data: { content: 'x'.repeat(2001) } } };
  if (validate(tooLong).length === 0) return ['the validator accepted a 2001-character message: it checks nothing'];
  return requests.flatMap(validate);
}
