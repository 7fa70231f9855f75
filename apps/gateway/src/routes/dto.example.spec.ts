import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { exampleOf } from './dto.example';

class Scope {
  @ApiProperty({ example: '6222***********3445' })
  account: string;
}
class Grant {
  @ApiProperty({ example: 'a-1' })
  id: string;
  @ApiProperty({ enum: ['ACTIVE', 'PAUSED'] })
  status: string;
  @ApiProperty({ type: [Scope] })
  scopes: Scope[];
  @ApiPropertyOptional({ type: () => Scope })
  primary?: Scope;
  @ApiPropertyOptional()
  note?: string;
}

describe('exampleOf', () => {
  it('assembles a body from property examples, enums, nested DTOs and arrays of them; leaves out what has none', () => {
    expect(exampleOf(Grant)).toEqual({ id: 'a-1', status: 'ACTIVE', scopes: [{ account: '6222***********3445' }], primary: { account: '6222***********3445' } });
  });
});
