import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { RequestRateLimiter } from '../rate-limit/request-rate-limiter';
import { toErrorResponse } from './error-response';

/**
 * The single place where HTTP errors are rendered; unknown errors are logged, never shown. Every
 * error answer is also counted against the caller's rate limits (and labelled with them), even
 * when it was refused before any guard ran.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  constructor(private readonly rateLimits: RequestRateLimiter) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    let response = toErrorResponse(exception);
    if (response.status >= 500) {
      this.logger.error({ err: exception, request_id: request.id }, 'Request failed');
    }
    try {
      const overLimit = await this.rateLimits.settleError(request, reply, response.status);
      if (overLimit) response = toErrorResponse(overLimit);
    } catch (error) {
      this.logger.error({ err: error, request_id: request.id }, 'Rate limit not settled');
    }
    const { status, body, headers } = response;
    void reply.status(status).headers(headers).send(body);
  }
}
