import type { Capability } from '@habeas/contracts';
import {
  IconAlertTriangle,
  IconBellRinging,
  IconBriefcase,
  IconCash,
  IconFileText,
  IconGavel,
  IconHistory,
  IconLayoutDashboard,
  IconTemplate,
  IconUsers,
} from '@tabler/icons-react';

export interface NavItem {
  to: string;
  label: string;
  icon: typeof IconBriefcase;
  /** The capability (libs/contracts permissions) this screen needs; absent = every signed-in user. */
  capability?: Capability;
}

/** The navigation; each item shows only to users who `can` use it. */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.dashboard', icon: IconLayoutDashboard, capability: 'cases:read' },
  { to: '/cases', label: 'nav.cases', icon: IconBriefcase, capability: 'cases:list' },
  { to: '/documents', label: 'nav.documents', icon: IconFileText, capability: 'documents:read' },
  { to: '/actions', label: 'detention.navActions', icon: IconGavel, capability: 'legal:work' },
  { to: '/templates', label: 'detention.navTemplates', icon: IconTemplate, capability: 'legal:work' },
  { to: '/medical-alerts', label: 'nav.medicalAlerts', icon: IconAlertTriangle, capability: 'alerts:work' },
  { to: '/donations', label: 'nav.donations', icon: IconCash, capability: 'money:read' },
  { to: '/on-call', label: 'alerting.onCall.nav', icon: IconBellRinging, capability: 'oncall:manage' },
  { to: '/users', label: 'nav.users', icon: IconUsers, capability: 'users:manage' },
  { to: '/audit-log', label: 'nav.auditLog', icon: IconHistory, capability: 'audit:read' },
];
