import { ApiProperty } from '@nestjs/swagger';

/** `{"success": true}`: the answer of an action that has nothing else to return. */
export class SuccessResponse {
  @ApiProperty({ type: 'boolean', enum: [true] })
  success!: true;
}

export const SUCCESS: SuccessResponse = { success: true };
