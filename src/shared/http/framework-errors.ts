import { Socket } from 'node:net';
import { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** Fastify's router errors (a malformed URL, an over-long path parameter) in CONTRACT §1.2's shape. */
export function renderFrameworkError(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  const message = status === 414 ? 'URL path segment too long' : 'Malformed URL';
  void reply.code(status).type('application/json').send({ error: message });
}

const CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'Request timed out' },
  HPE_HEADER_OVERFLOW: { status: 431, message: 'Request headers too large' },
};
const BAD_REQUEST = { status: 400, message: 'Malformed HTTP request' };
const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (framing errors, oversized
 * headers, a request not received within HTTP_REQUEST_TIMEOUT_MS): answered with a §1.2 body
 * when the socket can still take it, then closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const response = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !response?.headersSent) {
    const { status, message } = CLIENT_ERRORS[error.code ?? ''] ?? BAD_REQUEST;
    const body = JSON.stringify({ error: message });
    socket.write(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
