/** Issues and validation rules (SPEC §5). */
export type { Issue, Severity } from "./issue.ts";
export { validateEntity, entityToJson } from "./entity.ts";
export type { EntityContext, AnyEntity } from "./entity.ts";
export type { FieldProblem } from "./problem.ts";
