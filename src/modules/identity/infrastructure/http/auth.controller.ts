import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Auth, Public } from '../../../../shared/auth/auth.decorator';
import { CurrentActor } from '../../../../shared/auth/current-actor.decorator';
import { Actor } from '../../../../shared/domain/actor';
import { GetActiveAccountQuery } from '../../application/get-active-account.query';
import { LogInUseCase } from '../../application/log-in.use-case';
import { RegisterUserUseCase } from '../../application/register-user.use-case';
import { LoginRequest } from './dto/login.request';
import { RegisterRequest } from './dto/register.request';
import { toUserResponse, UserResponse } from './dto/user.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly registerUser: RegisterUserUseCase,
    private readonly logIn: LogInUseCase,
    private readonly activeAccount: GetActiveAccountQuery,
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
    const account = await this.logIn.execute(body.email, body.password);
    await request.session.regenerate();
    request.session.set('userId', account.id);
    return { user: toUserResponse(account), csrf_token: reply.generateCsrf() };
  }

  @Post('logout')
  @Auth({ sessionOnly: true })
  @HttpCode(200)
  async logout(@Req() request: FastifyRequest): Promise<{ success: true }> {
    await request.session.destroy();
    return { success: true };
  }

  @Get('me')
  @Auth()
  async me(@CurrentActor() actor: Actor): Promise<{ user: UserResponse }> {
    return { user: toUserResponse(await this.activeAccount.execute(actor.userId)) };
  }

  @Get('csrf')
  @Auth({ sessionOnly: true })
  csrf(@Res({ passthrough: true }) reply: FastifyReply): { csrf_token: string } {
    return { csrf_token: reply.generateCsrf() };
  }
}
