/** The CreateInstance request as the System API received it (ZITADEL `POST /system/v1/instances/_create`). */
export interface CreateInstanceInput {
  readonly instanceName?: string;
  readonly firstOrgName?: string;
  readonly customDomain?: string | null;
  readonly defaultLanguage?: string;
  readonly human?: {
    readonly userName?: string;
    readonly email?: { readonly email?: string; readonly isEmailVerified?: boolean };
    readonly profile?: { readonly firstName?: string; readonly lastName?: string; readonly preferredLanguage?: string };
    readonly password?: { readonly password?: string; readonly passwordChangeRequired?: boolean };
  };
  readonly machine?: {
    readonly userName?: string;
    readonly name?: string;
    readonly personalAccessToken?: { readonly expirationDate?: string };
    readonly machineKey?: { readonly type?: string; readonly expirationDate?: string };
  };
}
