import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MESSAGE_TEXT_MAX_CHARACTERS } from '@cfc/contracts';
import { IsSubjectText } from '../common/validators';

// Messages (留言) from an enterprise to the platform operator, and the operator's reply (identity owns them).
// Texts are returned exactly as sent: clients must show them as text, never as markup.
export const MESSAGE_STATUSES = ['OPEN', 'REPLIED'] as const;

export class LeaveMessageRequestDto {
  @ApiProperty({ description: `Up to ${MESSAGE_TEXT_MAX_CHARACTERS} characters; kept exactly as given`, example: '请问绑定一般账户后多久能在报告中看到数据？' })
  @IsSubjectText(MESSAGE_TEXT_MAX_CHARACTERS)
  text: string;
}

export class MessageCreatedDto {
  @ApiProperty({ example: '0d9c1f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f' })
  id: string;
  @ApiProperty({ description: 'When it was left (RFC 3339 UTC)', example: '2026-11-24T05:00:00.000Z' })
  at: string;
}

export class MessageReplyDto {
  @ApiProperty({ example: '一般在开户机构确认绑定后的下一个自然月报送上月数据。' })
  text: string;
  @ApiProperty({ example: '2026-11-24T09:30:00.000Z' })
  at: string;
}

export class MessageDto {
  @ApiProperty({ example: '0d9c1f7e-2b3a-4c5d-8e6f-7a8b9c0d1e2f' })
  id: string;
  @ApiProperty({ example: '请问绑定一般账户后多久能在报告中看到数据？' })
  text: string;
  @ApiProperty({ example: '2026-11-24T05:00:00.000Z' })
  at: string;
  @ApiProperty({ enum: MESSAGE_STATUSES, description: 'OPEN: awaiting the reply; REPLIED', example: 'REPLIED' })
  status: string;
  @ApiPropertyOptional({ type: () => MessageReplyDto })
  reply?: MessageReplyDto;
}

export class MessageListDto {
  @ApiProperty({ type: [MessageDto], description: 'Newest first (the latest 500)' })
  messages: MessageDto[];
}

/** The operator's view: whose message it is. */
export class OperatorMessageDto extends MessageDto {
  @ApiProperty({ example: '91110000600037341L' })
  uscc: string;
}

export class OperatorMessageListDto {
  @ApiProperty({ type: [OperatorMessageDto], description: 'Oldest first' })
  messages: OperatorMessageDto[];
}

export class OperatorMessageListQueryDto {
  @ApiPropertyOptional({ enum: MESSAGE_STATUSES, example: 'OPEN' })
  @IsOptional()
  @IsIn(MESSAGE_STATUSES, { message: 'must be OPEN or REPLIED', context: { code: 'STATUS_UNKNOWN' } })
  status?: (typeof MESSAGE_STATUSES)[number];
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100, example: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer', context: { code: 'LIMIT_RANGE' } })
  @Min(1, { context: { code: 'LIMIT_RANGE' } })
  @Max(500, { context: { code: 'LIMIT_RANGE' } })
  limit?: number;
}

export class ReplyToMessageRequestDto {
  @ApiProperty({ description: `Up to ${MESSAGE_TEXT_MAX_CHARACTERS} characters`, example: '一般在开户机构确认绑定后的下一个自然月报送上月数据。' })
  @IsSubjectText(MESSAGE_TEXT_MAX_CHARACTERS)
  text: string;
}
