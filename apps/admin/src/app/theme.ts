import { DEFAULT_THEME, Drawer, Modal, Notification, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * Mantine's red, green, teal, cyan, lime, yellow and orange at shade 8 (filled badges, coloured text) give white or
 * white-backed text less than 4.5:1 contrast (red just reaches it on white, not on its own pale tint); these darker shades 8 and 9 reach it (WCAG AA), the lighter
 * shades stay as they are.
 */
const darker: Record<string, [string, string]> = {
  red: ['#c92a2a', '#a82323'],
  cyan: ['#0b7d90', '#0b6f81'],
  teal: ['#08815c', '#077453'],
  green: ['#278439', '#257735'],
  lime: ['#4e800b', '#46710a'],
  yellow: ['#a76100', '#a05300'],
  orange: ['#c14a0a', '#b53c0c'],
};

const colors = Object.fromEntries(
  Object.entries(darker).map(([name, [eight, nine]]) => [name, [...DEFAULT_THEME.colors[name].slice(0, 8), eight, nine] as unknown as MantineColorsTuple]),
);

/**
 * Shade 8 and a darker "dimmed" grey give text, links and filled badges at least 4.5:1 contrast on white (WCAG AA).
 * Close buttons of notifications, dialogs and drawers carry `closeLabel` (in the reader's language) as their name.
 */
export function themeFor(closeLabel: string) {
  const closeButtonProps = { 'aria-label': closeLabel };
  return createTheme({
    primaryColor: 'indigo',
    primaryShade: { light: 8, dark: 5 },
    defaultRadius: 'md',
    colors,
    components: {
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
    },
  });
}
// Light variants (active menu entries, light badges) draw shade 9 text on a pale tint of the colour: at least 4.5:1.
const lightText = Object.fromEntries(
  Object.keys(DEFAULT_THEME.colors).map((name) => [`--mantine-color-${name}-light-color`, `var(--mantine-color-${name}-9)`]),
);

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-8)', ...lightText },
  dark: {},
});
