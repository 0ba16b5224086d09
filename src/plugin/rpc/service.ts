/**
 * Turns a generated service definition and an implementation (one function per method, from the
 * decoded request to the response message) into unary handlers by method path: the generated
 * codecs decode and encode, the implementation never sees bytes.
 */
import type { UnaryHandler } from "../transport/grpc-server.js";

/** The codec of one generated message type. */
export interface MessageCodec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(bytes: Uint8Array): T;
}

/** One unary method of a generated service definition. */
export interface MethodDefinition<Req, Res> {
  readonly name: string;
  readonly requestType: MessageCodec<Req>;
  readonly responseType: MessageCodec<Res>;
  readonly requestStream: false;
  readonly responseStream: false;
}

/** A generated service definition (`outputServices=generic-definitions`). */
export interface ServiceDefinition {
  readonly fullName: string;
  readonly methods: Readonly<Record<string, { readonly name: string }>>;
}

type RequestOf<M> = M extends MethodDefinition<infer Req, unknown> ? Req : never;
type ResponseOf<M> = M extends MethodDefinition<unknown, infer Res> ? Res : never;

/** An implementation of every unary method of a service. */
export type ServiceImplementation<S extends ServiceDefinition> = {
  readonly [K in keyof S["methods"]]: (
    request: RequestOf<S["methods"][K]>,
    signal: AbortSignal,
  ) => Promise<ResponseOf<S["methods"][K]>>;
};

/** The handlers of `service` by full method path (`/tfplugin6.Provider/GetProviderSchema`). */
export function unaryHandlers<S extends ServiceDefinition>(
  service: S,
  implementation: ServiceImplementation<S>,
): Map<string, UnaryHandler> {
  const handlers = new Map<string, UnaryHandler>();
  for (const [key, definition] of Object.entries(service.methods)) {
    const method = definition as MethodDefinition<unknown, unknown>;
    const implement = implementation[key as keyof S["methods"]] as (
      request: unknown,
      signal: AbortSignal,
    ) => Promise<unknown>;
    handlers.set(`/${service.fullName}/${method.name}`, async (bytes, signal) =>
      method.responseType
        .encode(await implement(method.requestType.decode(bytes), signal))
        .finish(),
    );
  }
  return handlers;
}
