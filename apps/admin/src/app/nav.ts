import type { Role } from '@habeas/contracts';
import {
  IconAlertTriangle,
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
  roles: Role[];
}

/** The navigation; each item shows only to the roles that can use it. */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.dashboard', icon: IconLayoutDashboard, roles: ['admin', 'lawyer', 'medical', 'finance'] },
  { to: '/cases', label: 'nav.cases', icon: IconBriefcase, roles: ['admin', 'lawyer', 'medical', 'finance'] },
  { to: '/documents', label: 'nav.documents', icon: IconFileText, roles: ['admin', 'lawyer', 'medical'] },
  { to: '/actions', label: 'detention.navActions', icon: IconGavel, roles: ['admin', 'lawyer', 'medical'] },
  { to: '/templates', label: 'detention.navTemplates', icon: IconTemplate, roles: ['admin', 'lawyer', 'medical'] },
  { to: '/medical-alerts', label: 'nav.medicalAlerts', icon: IconAlertTriangle, roles: ['admin', 'medical'] },
  { to: '/donations', label: 'nav.donations', icon: IconCash, roles: ['admin', 'finance'] },
  { to: '/users', label: 'nav.users', icon: IconUsers, roles: ['admin'] },
  { to: '/audit-log', label: 'nav.auditLog', icon: IconHistory, roles: ['admin'] },
];
