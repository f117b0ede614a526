import { z } from 'zod';
import { ErrorBodySchema } from '../../../common/src/api/errors.js';
import type { RouteDef } from '../../../common/src/api/route.js';
import { routes } from '../../../common/src/api/routes.js';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as JsonSchema;
  return rest;
};

/** Builds the OpenAPI description from the same route declarations the server validates with. */
export function buildOpenApiDocument(version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes) as [string, RouteDef][]) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][route.method.toLowerCase()] = operation(name, route);
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Samen API', version, description: 'Social intranet for care organisations. Errors: `{ error: { code, message } }`.' },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A session token; a delivery grant only where the operation says so.' },
        device: { type: 'apiKey', in: 'header', name: 'X-Samen-Device', description: 'An enrolled device’s token; required with a session made on that device.' },
      },
      schemas: { Error: toSchema(ErrorBodySchema, 'output') },
    },
    paths,
  };
}

function operation(name: string, route: RouteDef): JsonSchema {
  const parameters = [
    ...objectParameters(route.params, 'path'),
    ...objectParameters(route.query, 'query'),
    ...(route.method !== 'GET' && route.auth === 'session'
      ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }]
      : []),
  ];
  const security = {
    none: [],
    session: [{ bearer: [] }, { bearer: [], device: [] }],
    device: [{ device: [] }],
    sessionOrDevice: [{ bearer: [] }, { bearer: [], device: [] }, { device: [] }],
  }[route.auth];
  const description = route.grantable ? 'A delivery grant (with its device token) may call this in place of a session token.' : undefined;
  const error = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  const op: JsonSchema = {
    operationId: name,
    summary: route.summary,
    ...(description ? { description } : {}),
    ...(security.length > 0 ? { security } : {}),
    ...(parameters.length > 0 ? { parameters } : {}),
    responses: {
      [String(route.status ?? 200)]: { description: 'OK', content: { 'application/json': { schema: toSchema(route.response, 'output') } } },
      default: error,
    },
  };
  if (route.bodyKind === 'binary') {
    op.requestBody = { required: true, content: { 'image/*': { schema: { type: 'string', format: 'binary' } } } };
  } else if (route.body) {
    op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } };
  }
  return op;
}

function objectParameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}
