import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { validateDto } from './dto.validation';

const PLAIN = new Set<unknown>([Object, String, Number, Boolean, Array, undefined]);

/** Validates @Body()/@Query() parameters typed with a DTO class (validateDto); other parameters pass as they are. */
@Injectable()
export class ProblemValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if ((metadata.type !== 'body' && metadata.type !== 'query') || PLAIN.has(metadata.metatype)) return value;
    return validateDto(metadata.metatype as new () => object, value ?? {}, metadata.type === 'query' ? 'query' : 'body');
  }
}
