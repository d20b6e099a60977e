/** Secret-scope rules a schema cannot express. */
import { type Issue, isObject, issue } from './issues.js';

export function scopeIssues(scope: unknown): Issue[] {
  if (!isObject(scope) || !Array.isArray(scope.acls)) return [];
  const out: Issue[] = [];
  const seen = new Map<string, number>();
  scope.acls.forEach((acl, i) => {
    if (!isObject(acl) || typeof acl.principal !== 'string') return;
    const first = seen.get(acl.principal);
    if (first !== undefined)
      out.push(
        issue(
          `/acls/${i}/principal`,
          `principal "${acl.principal}" is already in acls[${first}]: give each principal one permission (MANAGE includes WRITE, WRITE includes READ)`,
        ),
      );
    else seen.set(acl.principal, i);
  });
  return out;
}
