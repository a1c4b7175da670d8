import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Auth, Public } from '../../../../shared/auth/auth.decorator';
import { SESSION_COOKIE, SESSION_COOKIE_ATTRIBUTES } from '../../../../shared/auth/session.setup';
import { sessionReference } from '../../../../shared/auth/session-cookie.reader';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { ApiErrorResponses } from '../../../../shared/http/api-error-responses.decorator';
import { SUCCESS, SuccessResponse } from '../../../../shared/http/success.response';
import { GetActiveAccountQuery } from '../../application/get-active-account.query';
import { LogInUseCase } from '../../application/log-in.use-case';
import { LogOutUseCase } from '../../application/log-out.use-case';
import { RegisterUserUseCase } from '../../application/register-user.use-case';
import { LoginRequest } from './dto/login.request';
import { RegisterRequest } from './dto/register.request';
import {
  CSRF_EXAMPLE,
  CsrfTokenResponse,
  LOGIN_EXAMPLE,
  LoginResponse,
  REGISTERED_EXAMPLE,
  toUserResponse,
  USER_EXAMPLE,
  UserEnvelope,
} from './dto/user.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly registerUser: RegisterUserUseCase,
    private readonly logIn: LogInUseCase,
    private readonly logOut: LogOutUseCase,
    private readonly activeAccount: GetActiveAccountQuery,
  ) {}

  @Post('register')
  @Public()
  @ApiOperation({ summary: 'Register a client or staff account' })
  @ApiCreatedResponse({ type: UserEnvelope, example: REGISTERED_EXAMPLE })
  @ApiErrorResponses({ 409: 'An account with this email already exists' })
  async register(@Body() body: RegisterRequest): Promise<UserEnvelope> {
    const account = await this.registerUser.execute({
      email: body.email,
      password: body.password,
      firstName: body.first_name,
      lastName: body.last_name,
      role: body.role,
    });
    return { user: toUserResponse(account) };
  }

  /** A new session id on every login (no session fixation), with a fresh CSRF secret. */
  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in: sets the session cookie and returns a CSRF token' })
  @ApiOkResponse({
    type: LoginResponse,
    example: LOGIN_EXAMPLE,
    headers: {
      'Set-Cookie': {
        description: 'connect.sid session cookie (HttpOnly, SameSite=Lax)',
        schema: { type: 'string' },
      },
    },
  })
  @ApiErrorResponses({
    401: 'Invalid email or password',
    403: 'Account suspended',
    429: 'Too many failed logins; try again later',
  })
  async login(
    @Body() body: LoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const account = await this.logIn.execute(body.email, body.password, request.ip);
    await request.session.regenerate();
    request.session.set('userId', account.id);
    return { user: toUserResponse(account), csrf_token: reply.generateCsrf() };
  }

  @Post('logout')
  @Auth({ sessionOnly: true })
  @HttpCode(200)
  @ApiOperation({ summary: 'Log out: destroys the session and expires its cookie' })
  @ApiOkResponse({ type: SuccessResponse, example: SUCCESS })
  async logout(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SuccessResponse> {
    const ended = sessionReference(request.session.sessionId);
    await request.session.destroy();
    await this.logOut.execute(actor.userId, ended);
    // The session plugin leaves the browser's cookie in place; expire it with the same attributes.
    void reply.clearCookie(SESSION_COOKIE, SESSION_COOKIE_ATTRIBUTES);
    return SUCCESS;
  }

  @Get('me')
  @Auth()
  @ApiOperation({ summary: 'The authenticated user' })
  @ApiOkResponse({ type: UserEnvelope, example: USER_EXAMPLE })
  async me(@CurrentActor() actor: Actor): Promise<UserEnvelope> {
    return { user: toUserResponse(await this.activeAccount.execute(actor.userId)) };
  }

  @Get('csrf')
  @Auth({ sessionOnly: true })
  @ApiOperation({ summary: "A CSRF token for the session's writes" })
  @ApiOkResponse({ type: CsrfTokenResponse, example: CSRF_EXAMPLE })
  csrf(@Res({ passthrough: true }) reply: FastifyReply): CsrfTokenResponse {
    return { csrf_token: reply.generateCsrf() };
  }
}
