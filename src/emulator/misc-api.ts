/**
 * SCIM `Me`: who the token belongs to (clients use it to build `/Users/<me>/…` paths). The host
 * metadata (`/.well-known/databricks-config`) needs no auth, so the server answers it itself.
 */
import type { ApiContext, Router } from './context.js';

function me(_req: unknown, ctx: ApiContext): unknown {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    id: String(ctx.state.objects[`/Users/${ctx.user}`]?.object_id ?? 1),
    userName: ctx.user,
    displayName: ctx.user.split('@')[0],
    active: true,
    emails: [{ value: ctx.user, type: 'work', primary: true }],
    groups: [{ display: 'admins', type: 'direct', value: '1' }],
  };
}

export function registerMisc(router: Router): void {
  router.add('GET', '/api/2.0/preview/scim/v2/Me', me);
}
