import { ArgumentMetadata, Body, Param, PipeTransform, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

/** Validates one request part with a schema from libs/contracts; a failure becomes a 400 via the error filter. */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown, _metadata: ArgumentMetadata): z.output<T> {
    return this.schema.parse(value ?? {});
  }
}

type OpenApiSchema = Record<string, unknown>;

export function openApiSchema(schema: z.ZodType, io: 'input' | 'output'): OpenApiSchema {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as OpenApiSchema;
}

function methodOf(target: object, key: string | symbol | undefined): [object, string | symbol, PropertyDescriptor] {
  if (key === undefined) throw new Error('zod parameter decorators only apply to methods');
  return [target, key, Object.getOwnPropertyDescriptor(target, key)!];
}

/** `@ZodBody(schema)`: validated body, documented in OpenAPI. */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodPipe(schema))(target, key!, index);
    ApiBody({ schema: openApiSchema(schema, 'input') })(...methodOf(target, key));
  };
}

/** `@ZodQuery(schema)`: validated query string (an object schema), each field documented. */
export function ZodQuery(schema: z.ZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodPipe(schema))(target, key!, index);
    const json = openApiSchema(schema, 'input') as { properties?: Record<string, OpenApiSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: property })(...methodOf(target, key));
    }
  };
}

/** `@ZodParam('id', schema)`: one validated path parameter. */
export function ZodParam(name: string, schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Param(name, new ZodPipe(schema))(target, key!, index);
    ApiParam({ name, schema: openApiSchema(schema, 'input') })(...methodOf(target, key));
  };
}

/** Documents the response body of a route. */
export function Returns(schema: z.ZodType, status = 200): MethodDecorator {
  return ApiResponse({ status, schema: openApiSchema(schema, 'output') });
}
