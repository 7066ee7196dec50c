import type { Role } from '@habeas/contracts';

/**
 * The one table of who may do what. Route guards check the role here (403);
 * services check case membership through CaseAccess (404 for what one may not see).
 */
export const capabilities = [
  'cases:list',
  'cases:read',
  'cases:write',
  'cases:create',
  'cases:manage-members',
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
  /** Templates are shared by every case: lawyers use them, only admins change them. */
  'templates:manage',
] as const;

export type Capability = (typeof capabilities)[number];

const roleCapabilities: Record<Role, readonly Capability[]> = {
  admin: capabilities,
  lawyer: ['cases:list', 'cases:read', 'cases:write', 'documents:read', 'documents:write', 'documents:privileged', 'medical:read', 'medical:write'],
  medical: ['cases:list', 'cases:read', 'documents:read', 'documents:write', 'medical:read', 'medical:write', 'alerts:work'],
  // Finance sees which cases exist (to account for them) and their money, nothing else.
  finance: ['cases:list', 'money:read', 'money:write'],
};

export function roleCan(role: Role, capability: Capability): boolean {
  return roleCapabilities[role].includes(capability);
}

/** Roles that see every case without being a member: admins for everything, finance for money only. */
export function seesAllCasesFor(role: Role, capability: Capability): boolean {
  if (role === 'admin') return true;
  return role === 'finance' && (capability === 'money:read' || capability === 'money:write' || capability === 'cases:list');
}
