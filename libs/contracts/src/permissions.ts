import type { Role } from './auth';

/**
 * The one table of who may do what, read by the API's access guard (403 on routes)
 * and by the admin (`can(user, capability)` for navigation, tabs, buttons and routes).
 * Case membership is a second, separate check on the server (CaseAccess, 404).
 * A new capability goes here and nowhere else.
 */
export const capabilities = [
  'cases:list',
  'cases:read',
  'cases:write',
  'cases:create',
  'cases:manage-members',
  'legal:work',
  /** Templates are shared by every case: lawyers use them, only admins change them. */
  'templates:manage',
  'documents:read',
  'documents:write',
  'documents:privileged',
  'medical:read',
  'medical:write',
  'alerts:work',
  'money:read',
  'money:write',
  'users:manage',
  'audit:read',
  'dossiers:create',
  'updates:draft',
  'updates:approve',
  /** On-call rotas and escalation policies: admins only. */
  'oncall:manage',
  /** Family intake: lawyers give relatives links; lawyers and medical staff triage what comes in. */
  'intake:links',
  'intake:triage',
  /** Supporters' solidarity posts: any member of the case approves or rejects them. */
  'solidarity:moderate',
] as const;

export type Capability = (typeof capabilities)[number];

const roleCapabilities: Record<Role, readonly Capability[]> = {
  admin: capabilities,
  lawyer: [
    'cases:list',
    'cases:read',
    'cases:write',
    'legal:work',
    'documents:read',
    'documents:write',
    'documents:privileged',
    'medical:read',
    'medical:write',
    'dossiers:create',
    'updates:draft',
    'updates:approve',
    'intake:links',
    'intake:triage',
    'solidarity:moderate',
  ],
  medical: [
    'cases:list',
    'cases:read',
    'documents:read',
    'documents:write',
    'medical:read',
    'medical:write',
    'alerts:work',
    'updates:draft',
    'intake:triage',
    'solidarity:moderate',
  ],
  // Finance sees which cases exist (to account for them) and their money, nothing else.
  finance: ['cases:list', 'money:read', 'money:write'],
};

export function roleCan(role: Role, capability: Capability): boolean {
  return roleCapabilities[role].includes(capability);
}

/** Whether a (possibly absent) signed-in user may do `capability`; the admin's one check for what to show. */
export function can(user: { role: Role } | null | undefined, capability: Capability): boolean {
  return !!user && roleCan(user.role, capability);
}

/** Roles that see every case without being a member: admins for everything, finance for money only. */
export function seesAllCasesFor(role: Role, capability: Capability): boolean {
  if (role === 'admin') return true;
  return role === 'finance' && (capability === 'money:read' || capability === 'money:write' || capability === 'cases:list');
}
