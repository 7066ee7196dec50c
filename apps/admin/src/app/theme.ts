import { DEFAULT_THEME, createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

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
 * Close buttons of notifications, alerts, dialogs and drawers, the clear buttons of inputs and the show-password
 * button carry a name in the reader's language.
 */
export function themeFor(labels: { close: string; clear: string; showPassword: string }) {
  const closeButtonProps = { 'aria-label': labels.close };
  const clearButtonProps = { 'aria-label': labels.clear };
  return createTheme({
    primaryColor: 'indigo',
    // Readers who ask their system for less motion get dialogs, drawers and menus without transitions.
    respectReducedMotion: true,
    primaryShade: { light: 8, dark: 5 },
    defaultRadius: 'md',
    colors,
    // Plain objects rather than `Select.extend(…)`: importing the components here would put them in the sign-in chunk.
    components: {
      // Mantine greys a titled notification's text (gray.6, 3.5:1 on white); gray.7 keeps 4.5:1.
      Notification: { defaultProps: { closeButtonProps }, styles: { description: { color: 'var(--mantine-color-gray-7)' } } },
      Modal: { defaultProps: { closeButtonProps } },
      Drawer: { defaultProps: { closeButtonProps } },
      Alert: { defaultProps: { closeButtonLabel: labels.close } },
      Select: { defaultProps: { clearButtonProps } },
      MultiSelect: { defaultProps: { clearButtonProps } },
      FileInput: { defaultProps: { clearButtonProps } },
      PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': labels.showPassword } } },
    },
  });
}
// Light variants (active menu entries, light badges) draw shade 9 text on a pale tint of the colour (shade 1), and
// when hovered on shade 0 instead of Mantine's darker shade 2: at least 4.5:1 either way.
const lightText = Object.fromEntries(
  Object.keys(DEFAULT_THEME.colors).flatMap((name) => [
    [`--mantine-color-${name}-light-color`, `var(--mantine-color-${name}-9)`],
    [`--mantine-color-${name}-light-hover`, `var(--mantine-color-${name}-0)`],
  ]),
);

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-8)', ...lightText },
  dark: {},
});
