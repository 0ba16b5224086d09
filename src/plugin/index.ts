/**
 * A Terraform plugin host in TypeScript: serve a provider over plugin protocol 6, with schemas,
 * typed handlers, planning rules, diagnostics and logging. Knows nothing of any particular cloud.
 *
 * @example
 * const noteSchema = schema({
 *   description: "A note.",
 *   attributes: {
 *     id: attr.string({
 *       computed: true,
 *       planModifiers: [planModifiers.useStateForUnknown()],
 *       description: "Note id.",
 *     }),
 *     text: attr.string({ required: true, validators: [lengthBetween(1, 200)], description: "Text." }),
 *     folder: attr.string({
 *       optional: true,
 *       planModifiers: [planModifiers.requiresReplace()],
 *       description: "Folder.",
 *     }),
 *   },
 * });
 * const note = defineResource<typeof noteSchema, Client>({
 *   schema: noteSchema,
 *   async create(req, resp) {
 *     resp.state.id = await req.providerData!.createNote(req.plan.text, { signal: req.signal });
 *   },
 *   async read(req, resp) {
 *     const found = await req.providerData!.findNote(req.state.id!);
 *     resp.state = found ? { ...req.state, text: found.text } : null; // null: gone, plan re-creates
 *   },
 *   async update(req) { await req.providerData!.setText(req.state.id!, req.plan.text); },
 *   async delete(req) { await req.providerData!.deleteNote(req.state.id!); },
 *   importState(req, resp) { resp.state.id = req.id; },
 * });
 * void serve(defineProvider({ typeName: "notes", schema: providerSchema, configure, resources: { notes_note: note } }));
 *
 * @packageDocumentation
 */
export { serve, type ServeOptions } from "./serve.js";
export {
  defineProvider,
  type Provider,
  type ConfigureRequest,
  type ConfigureResponse,
} from "./provider.js";
export {
  defineResource,
  type Resource,
  type CreateRequest,
  type CreateResponse,
  type ReadRequest,
  type ReadResponse,
  type UpdateRequest,
  type UpdateResponse,
  type DeleteRequest,
  type DeleteResponse,
  type ImportRequest,
  type ImportResponse,
  type UpgradeStateRequest,
  type UpgradeStateResponse,
  type ModifyPlanRequest,
  type ModifyPlanResponse,
  type ValidateConfigRequest,
  type ValidateConfigResponse,
} from "./resource.js";
export {
  defineDataSource,
  type DataSource,
  type DataSourceReadRequest,
  type DataSourceReadResponse,
} from "./data-source.js";
export {
  defineEphemeralResource,
  type EphemeralResource,
  type OpenRequest,
  type OpenResponse,
  type RenewRequest,
  type RenewResponse,
  type CloseRequest,
  type CloseResponse,
} from "./ephemeral-resource.js";
export type { RequestContext } from "./context.js";
export { Diagnostics, type Diagnostic, type Severity } from "./diagnostics.js";
export { attributePath, formatPath, type AttributePath, type PathStep } from "./path.js";
export {
  attr,
  types,
  type Attribute,
  type AttributeOptions,
  type Mode,
  type ValueType,
} from "./schema/attributes.js";
export {
  planModifiers,
  type PlanModifier,
  type PlanModifierRequest,
  type PlanModifierResponse,
} from "./schema/plan-modifiers.js";
export {
  schema,
  block,
  type Schema,
  type Block,
  type Model,
  type Planned,
  type Config,
  type MaybeUnknown,
} from "./schema/schema.js";
export {
  oneOf,
  matches,
  lengthBetween,
  between,
  absoluteUrl,
  type Validator,
} from "./schema/validators.js";
export {
  createLogger,
  logLevelFromEnv,
  secret,
  Secret,
  type Logger,
  type LogLevel,
  type LogFields,
} from "./logging.js";
export { redactBySchema } from "./server/redaction.js";
export { Unknown, UNKNOWN, Dynamic, isUnknown, isWhollyKnown, type Value } from "./values/value.js";
export { BigNumber } from "./values/numbers.js";
export type { CtyType } from "./values/types.js";
