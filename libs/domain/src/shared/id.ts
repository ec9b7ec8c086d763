/** Every id is 16 lowercase hex characters (64 bit), because InfluxDB clients validate ids that way. */
export type Id = string;

const ID_PATTERN = /^[0-9a-f]{16}$/;

export function isId(value: string): value is Id {
  return ID_PATTERN.test(value);
}
