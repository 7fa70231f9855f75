import { IsInstitutionId } from '@cfc/api';
import { PRODUCTS, type AuthorizationCheckRequest, type Product } from '@cfc/contracts';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';

// The internal check's body (AuthorizationCheckRequest, libs/contracts/src/consent/consent.internal-api.ts).
export class CheckRequestDto implements AuthorizationCheckRequest {
  @IsInstitutionId()
  lender: string;
  @IsIn(PRODUCTS, { context: { code: 'PRODUCT_UNKNOWN' } })
  product: Product;
  @IsOptional()
  @IsArray({ context: { code: 'ACCOUNTS_FORMAT' } })
  @ArrayNotEmpty({ context: { code: 'ACCOUNTS_EMPTY' } })
  @ArrayMaxSize(100, { context: { code: 'ACCOUNTS_TOO_MANY' } })
  @ArrayUnique(undefined, { context: { code: 'ACCOUNTS_DUPLICATE' } })
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { each: true, message: 'each must be a binding id', context: { code: 'BINDING_ID_FORMAT' } })
  accounts?: string[];
  @IsBoolean({ context: { code: 'CONSUME_FORMAT' } })
  consume: boolean;
  @Matches(/^[A-Za-z0-9._:-]{1,100}$/, { message: 'must be 1-100 of A-Z a-z 0-9 . _ : -', context: { code: 'QUERY_ID_FORMAT' } })
  queryId: string;
}
