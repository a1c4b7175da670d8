import { UnsupportedMediaTypeException } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { FastifyInstance } from 'fastify';

const FORM_ENCODED = 'application/x-www-form-urlencoded';
const ACCEPTS_FORM_POST = 'acceptsFormPost';

/**
 * The API takes JSON only (CONTRACT §1.1), except on the few server-rendered pages whose buttons
 * are plain HTML forms (the local payment gateway's). Those routes opt in with this decorator; their
 * forms carry no fields, so the body is read as nothing. Every other route still answers a
 * form-encoded body with 415.
 */
export const AcceptsFormPost = () => RouteConfig({ [ACCEPTS_FORM_POST]: true });

export function acceptFormPostsWhereDeclared(fastify: FastifyInstance): void {
  fastify.addContentTypeParser(
    FORM_ENCODED,
    { parseAs: 'string', bodyLimit: 4096 },
    (request, _body, done) => {
      const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
      if (config?.[ACCEPTS_FORM_POST] === true) done(null, {});
      else done(new UnsupportedMediaTypeException(), undefined);
    },
  );
}
