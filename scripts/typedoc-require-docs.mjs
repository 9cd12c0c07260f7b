// TypeDoc plugin: the project's documentation rule, checked on every `npm run docs` (warnings are errors).
// - every public class, function and method has a description and an `@example`;
// - every option (a property of a type whose name ends in `Options`, `Params` or `Spec`) has a description.
// TypeDoc's own `notDocumented` covers descriptions of classes, interfaces, type aliases, functions, methods,
// accessors and variables; it is not asked for every property, since response fields mirror the objects of docs/api.md.
import { Application, ReflectionKind } from 'typedoc';

const OPTION_OWNER = /(Options|Params|Spec)$/;

const hasExample = (r) =>
  Boolean(r.comment?.getTag('@example')) || (r.signatures ?? []).some((s) => s.comment?.getTag('@example'));
const hasSummary = (r) =>
  Boolean(r.comment?.summary.length) || (r.signatures ?? []).some((s) => s.comment?.summary.length);

/** The named declaration a property belongs to (type literals are anonymous; their parent alias is the name). */
function ownerOf(r) {
  let p = r.parent;
  while (p?.kindOf(ReflectionKind.TypeLiteral)) p = p.parent;
  return p;
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    const warn = (msg) => app.logger.warn(msg);
    const callable = ReflectionKind.Class | ReflectionKind.Function | ReflectionKind.Method;
    for (const r of project.getReflectionsByKind(callable)) {
      if (r.flags.isExternal || r.inheritedFrom) continue;
      if (!hasSummary(r)) warn(`${r.getFriendlyFullName()} (${ReflectionKind[r.kind]}) has no description`);
      // An interface's example covers its members (e.g. a Logger to implement); class methods need their own.
      const coveredByOwner =
        r.kindOf(ReflectionKind.Method) && !r.parent?.kindOf(ReflectionKind.Class) && hasExample(r.parent);
      if (!hasExample(r) && !coveredByOwner)
        warn(`${r.getFriendlyFullName()} (${ReflectionKind[r.kind]}) has no @example`);
    }
    for (const r of project.getReflectionsByKind(ReflectionKind.Property)) {
      const owner = ownerOf(r);
      if (!owner || !OPTION_OWNER.test(owner.name) || r.inheritedFrom) continue;
      if (!r.hasComment()) warn(`option ${owner.name}.${r.name} has no description`);
    }
  });
}
