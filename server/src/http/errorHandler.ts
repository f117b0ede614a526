import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError } from './apiError.js';

/**
 * Maps every failure to `{ error: { code, message } }`. Fastify's own errors (body parsing, size) get
 * stable codes; anything unexpected is logged and answered as `internal` without its details.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError, req, reply) => {
    const apiError = toApiError(err);
    if (apiError.status >= 500) req.log.error({ err }, 'request failed');
    if (apiError.retry) void reply.header('retry-after', String(apiError.retry.seconds));
    void reply.status(apiError.status).send(apiError.toBody());
  });
  app.setNotFoundHandler((_req, reply) => {
    void reply.status(404).send(new ApiError('not_found', 'Deze pagina bestaat niet.').toBody());
  });
}

function toApiError(err: FastifyError | ApiError): ApiError {
  if (err instanceof ApiError) return err;
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('too_large', 'Dit is te groot om te versturen.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('unsupported_media_type', 'Dit soort inhoud wordt niet ondersteund.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError('bad_json', 'Het verzoek is geen geldige JSON.');
  }
  if (err instanceof SyntaxError || (err.statusCode === 400 && err.code?.startsWith('FST_ERR_CTP'))) {
    return new ApiError('bad_json', 'Het verzoek is geen geldige JSON.');
  }
  if (err.statusCode === 413) return new ApiError('too_large', 'Dit is te groot om te versturen.');
  if (err.statusCode === 415) return new ApiError('unsupported_media_type', 'Dit soort inhoud wordt niet ondersteund.');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new ApiError('validation', 'Het verzoek klopt niet.');
  }
  return new ApiError('internal', 'Er ging iets mis op de server. Probeer het zo opnieuw.');
}
