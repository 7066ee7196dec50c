import { ActionIcon, AppShell, Burger, Group, NavLink, SegmentedControl, Text, Tooltip, useMantineColorScheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout, IconMoon, IconSun, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { can } from '@habeas/contracts';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { OpenAlertsBadge } from '../features/medical/AlertsLive';
import { setLanguage, type Language } from './i18n';
import { PageFallback } from './lazy-page';
import { navItems } from './nav';
import { saveLanguage, useCurrentUser, useSession, useSignOut } from './session';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const session = useSession();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('common.language')}
      value={i18n.language}
      onChange={(value) => {
        setLanguage(value as Language);
        // Signed in, the choice is also the language of the user's mail.
        if (session.data) void saveLanguage(value as Language);
      }}
      data={[
        { value: 'en', label: 'EN' },
        { value: 'ru', label: 'RU' },
      ]}
    />
  );
}

export function ThemeSwitch() {
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  const { t } = useTranslation();
  return (
    <Tooltip label={t('common.theme')}>
      <ActionIcon variant="subtle" aria-label={t('common.theme')} onClick={toggleColorScheme}>
        {colorScheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
      </ActionIcon>
    </Tooltip>
  );
}

export function Layout() {
  const [opened, { toggle, close }] = useDisclosure();
  const { t } = useTranslation();
  const user = useCurrentUser();
  const signOut = useSignOut();
  const location = useLocation();
  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('common.menu')} />
            <Text fw={700} size="lg">
              {t('common.appName')}
            </Text>
          </Group>
          <Group gap="sm">
            <LanguageSwitch />
            <ThemeSwitch />
            <Text size="sm" visibleFrom="sm" data-testid="current-user">
              {user.name} · {t(`common.roles.${user.role}`)}
            </Text>
            <Tooltip label={t('common.signOut')}>
              <ActionIcon variant="subtle" aria-label={t('common.signOut')} onClick={() => void signOut()}>
                <IconLogout size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <nav aria-label={t('common.mainNav')}>
          {navItems
            .filter((item) => !item.capability || can(user, item.capability))
            .map((item) => (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(item.label)}
                leftSection={<item.icon size={18} />}
                rightSection={item.to === '/medical-alerts' ? <OpenAlertsBadge enabled /> : undefined}
                active={isActive(item.to)}
                onClick={close}
              />
            ))}
          <NavLink
            component={Link}
            to="/account"
            label={t('nav.account')}
            leftSection={<IconUserCircle size={18} />}
            active={isActive('/account')}
            onClick={close}
          />
        </nav>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageFallback />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
