import { CreateInstanceInput, INSTANCE_NAME_MAX_LENGTH, USER_NAME_MAX_LENGTH } from '@app/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';

export class OwnerEmailDto {
  @IsString() @MaxLength(254) email: string;
  @IsOptional() @IsBoolean() isEmailVerified?: boolean;
}

export class OwnerProfileDto {
  @IsOptional() @IsString() @MaxLength(200) firstName?: string;
  @IsOptional() @IsString() @MaxLength(200) lastName?: string;
  @IsOptional() @IsString() @MaxLength(35) preferredLanguage?: string;
}

export class OwnerPasswordDto {
  @IsString() password: string;
  @IsOptional() @IsBoolean() passwordChangeRequired?: boolean;
}

/** ZITADEL's deprecated `AddInstanceRequest`: the owner is a human, given by flat `owner*` fields. */
export class AddInstanceRequest {
  @IsString() @Length(1, INSTANCE_NAME_MAX_LENGTH) instanceName: string;
  @IsOptional() @IsString() @MaxLength(INSTANCE_NAME_MAX_LENGTH) firstOrgName?: string;
  @IsOptional() @IsString() @MaxLength(253) customDomain?: string;
  @IsString() @Length(1, USER_NAME_MAX_LENGTH) ownerUserName: string;
  @IsObject() @ValidateNested() @Type(() => OwnerEmailDto) ownerEmail: OwnerEmailDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => OwnerProfileDto) ownerProfile?: OwnerProfileDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => OwnerPasswordDto) ownerPassword?: OwnerPasswordDto;
  @IsOptional() @IsString() @MaxLength(35) defaultLanguage?: string;
}

export function createInstanceInputFrom(body: AddInstanceRequest): CreateInstanceInput {
  return {
    instanceName: body.instanceName,
    firstOrgName: body.firstOrgName,
    customDomain: body.customDomain,
    defaultLanguage: body.defaultLanguage,
    human: {
      userName: body.ownerUserName,
      email: body.ownerEmail,
      profile: body.ownerProfile,
      password: body.ownerPassword,
    },
  };
}
