import { type INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';

type Dto = new (...args: unknown[]) => object;

/** The DTOs a route binds with @Body() and @Query() and their field names, by "METHOD /path" (Express's syntax). */
export type RouteFields = Map<string, { body: string[]; query: string[]; bodyDto?: Dto; queryDto?: Dto }>;

function fieldsOf(dto: unknown): string[] {
  if (typeof dto !== 'function' || dto === Object) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

const joinPath = (...parts: string[]) => `/${parts.join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

/** Read from Nest's controller metadata, so that the fuzzer fills the fields a handler actually reads. */
export function routeFields(app: INestApplication): RouteFields {
  const fields: RouteFields = new Map();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = joinPath(base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? ''));
        const args: Record<string, { index: number }> =
          Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
        const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? [];
        const dtoOf = (kind: RouteParamtypes) => {
          const arg = Object.entries(args).find(([key]) => key.startsWith(`${kind}:`))?.[1];
          const type = arg ? types[arg.index] : undefined;
          return typeof type === 'function' && type !== Object && fieldsOf(type).length ? (type as Dto) : undefined;
        };
        const bodyDto = dtoOf(RouteParamtypes.BODY);
        const queryDto = dtoOf(RouteParamtypes.QUERY);
        fields.set(`${RequestMethod[method]} ${path}`, {
          body: fieldsOf(bodyDto),
          query: fieldsOf(queryDto),
          bodyDto,
          queryDto,
        });
      }
    }
  }
  return fields;
}
