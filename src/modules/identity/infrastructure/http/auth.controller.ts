import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Auth, Public } from '../../../../shared/auth/auth.decorator';
import { SESSION_COOKIE, SESSION_COOKIE_ATTRIBUTES } from '../../../../shared/auth/session.setup';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { GetAccount } from '../../application/get-account.query';
import { LogIn } from '../../application/log-in.use-case';
import { RegisterUser } from '../../application/register-user.use-case';
import { LoginRequest } from './dto/login.request';
import { RegisterRequest } from './dto/register.request';
import { toUserResponse, UserResponse } from './dto/user.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly registerUser: RegisterUser,
    private readonly logIn: LogIn,
    private readonly accounts: GetAccount,
  ) {}

  @Post('register')
  @Public()
  async register(@Body() body: RegisterRequest): Promise<{ user: UserResponse }> {
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
  async login(
    @Body() body: LoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ user: UserResponse; csrf_token: string }> {
    const account = await this.logIn.execute(body.email, body.password, request.ip);
    await request.session.regenerate();
    request.session.set('userId', account.id);
    return { user: toUserResponse(account), csrf_token: reply.generateCsrf() };
  }

  @Post('logout')
  @Auth({ sessionOnly: true })
  @HttpCode(200)
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ success: true }> {
    await request.session.destroy();
    // The session plugin leaves the browser's cookie in place; expire it with the same attributes.
    void reply.clearCookie(SESSION_COOKIE, SESSION_COOKIE_ATTRIBUTES);
    return { success: true };
  }

  @Get('me')
  @Auth()
  async me(@CurrentActor() actor: Actor): Promise<{ user: UserResponse }> {
    return { user: toUserResponse(await this.accounts.activeAccount(actor.userId)) };
  }

  @Get('csrf')
  @Auth({ sessionOnly: true })
  csrf(@Res({ passthrough: true }) reply: FastifyReply): { csrf_token: string } {
    return { csrf_token: reply.generateCsrf() };
  }
}
