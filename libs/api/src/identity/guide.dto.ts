import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

// The service guide (登录指引、服务指南、操作手册、常见问题), public: Simplified Chinese with English beside it.
// Paragraphs of a body or answer are separated by a line feed.

export class BilingualTextDto {
  @ApiProperty({ example: '登录指引' })
  'zh-CN': string;
  @ApiProperty({ example: 'Logging in' })
  en: string;
}

export class GuideFaqEntryDto {
  @ApiProperty({ example: 'what-is-it' })
  id: string;
  @ApiProperty({ type: () => BilingualTextDto })
  question: BilingualTextDto;
  @ApiProperty({ type: () => BilingualTextDto })
  answer: BilingualTextDto;
}

export class GuideSectionDto {
  @ApiProperty({ enum: ['login', 'service', 'manual', 'faq'], example: 'login' })
  id: string;
  @ApiProperty({ type: () => BilingualTextDto })
  title: BilingualTextDto;
  @ApiProperty({ type: () => BilingualTextDto })
  body: BilingualTextDto;
  @ApiPropertyOptional({ type: [GuideFaqEntryDto], description: 'The FAQ section only: its questions and answers' })
  entries?: GuideFaqEntryDto[];
}

export class GuideDto {
  @ApiProperty({ description: 'Changes whenever the content does', example: '2026-11-24' })
  version: string;
  @ApiProperty({ example: ['zh-CN', 'en'] })
  languages: string[];
  @ApiProperty({ type: [GuideSectionDto], description: 'Login guidance, service guide and operations manual' })
  sections: GuideSectionDto[];
  @ApiProperty({ type: [GuideFaqEntryDto], description: 'The FAQ (常见问题)' })
  faq: GuideFaqEntryDto[];
}
