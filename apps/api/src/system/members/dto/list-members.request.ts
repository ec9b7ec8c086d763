import { MemberSearch, TEXT_QUERY_METHODS, TextQueryMethod } from '@app/domain';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';

import { requireOneQueryEach } from '../../common/list-queries';
import { ListQueryDto } from '../../instances/dto/search-instances.request';

class TextDto {
  @IsOptional() @IsIn(TEXT_QUERY_METHODS) method?: TextQueryMethod;
}
export class EmailQueryDto extends TextDto {
  @IsString() email: string;
}
export class FirstNameQueryDto extends TextDto {
  @IsString() firstName: string;
}
export class LastNameQueryDto extends TextDto {
  @IsString() lastName: string;
}
export class UserIdQueryDto {
  @IsString() userId: string;
}

export class MemberQueryDto {
  @IsOptional() @IsObject() @ValidateNested() @Type(() => FirstNameQueryDto) firstNameQuery?: FirstNameQueryDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => LastNameQueryDto) lastNameQuery?: LastNameQueryDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => EmailQueryDto) emailQuery?: EmailQueryDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => UserIdQueryDto) userIdQuery?: UserIdQueryDto;
}

/** ZITADEL `ListIAMMembersRequest` (the instance id comes from the path). */
export class ListMembersRequest {
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ListQueryDto) query?: ListQueryDto;
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => MemberQueryDto) queries?: MemberQueryDto[];
  @IsOptional() @IsString() sortingColumn?: string;
}

const text = (value: string, method?: TextQueryMethod) => ({ value, method: method ?? 'TEXT_QUERY_METHOD_EQUALS' });

export function memberSearchFrom(body: ListMembersRequest): MemberSearch {
  requireOneQueryEach(body.queries, ['firstNameQuery', 'lastNameQuery', 'emailQuery', 'userIdQuery']);
  return {
    offset: body.query?.offset ?? 0,
    limit: body.query?.limit ?? 100,
    asc: body.query?.asc ?? false,
    conditions: (body.queries ?? []).map((q) => ({
      userId: q.userIdQuery?.userId,
      email: q.emailQuery && text(q.emailQuery.email, q.emailQuery.method),
      firstName: q.firstNameQuery && text(q.firstNameQuery.firstName, q.firstNameQuery.method),
      lastName: q.lastNameQuery && text(q.lastNameQuery.lastName, q.lastNameQuery.method),
    })),
  };
}
