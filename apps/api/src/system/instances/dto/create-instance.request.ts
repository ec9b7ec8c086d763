import { CreateInstanceInput, INSTANCE_NAME_MAX_LENGTH, MACHINE_KEY_TYPES, USER_NAME_MAX_LENGTH } from '@app/domain';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';

export class EmailDto {
  @IsString() @MaxLength(254) email: string;
  @IsOptional() @IsBoolean() isEmailVerified?: boolean;
}

export class ProfileDto {
  @IsOptional() @IsString() @MaxLength(200) firstName?: string;
  @IsOptional() @IsString() @MaxLength(200) lastName?: string;
  @IsOptional() @IsString() @MaxLength(35) preferredLanguage?: string;
}

export class PasswordDto {
  // Byte bounds (8..72 bytes of UTF-8) are checked by the domain's password policy.
  @IsString() password: string;
  @IsOptional() @IsBoolean() passwordChangeRequired?: boolean;
}

export class HumanDto {
  @IsString() @Length(1, USER_NAME_MAX_LENGTH) userName: string;
  @IsObject() @ValidateNested() @Type(() => EmailDto) email: EmailDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ProfileDto) profile?: ProfileDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => PasswordDto) password?: PasswordDto;
}

export class PersonalAccessTokenDto {
  @IsOptional() @IsString() expirationDate?: string;
}

export class MachineKeyDto {
  @IsOptional() @IsIn(MACHINE_KEY_TYPES) type?: string;
  @IsOptional() @IsString() expirationDate?: string;
}

export class MachineDto {
  @IsString() @Length(1, USER_NAME_MAX_LENGTH) userName: string;
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonalAccessTokenDto)
  personalAccessToken?: PersonalAccessTokenDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => MachineKeyDto) machineKey?: MachineKeyDto;
}

/** ZITADEL `CreateInstanceRequest`; unknown fields are ignored as protojson does. */
export class CreateInstanceRequest implements CreateInstanceInput {
  @IsString() @Length(1, INSTANCE_NAME_MAX_LENGTH) instanceName: string;
  @IsOptional() @IsString() @MaxLength(INSTANCE_NAME_MAX_LENGTH) firstOrgName?: string;
  @IsOptional() @IsString() @MaxLength(253) customDomain?: string;
  @IsOptional() @IsString() @MaxLength(35) defaultLanguage?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => HumanDto) human?: HumanDto;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => MachineDto) machine?: MachineDto;
}
