import {
  createTheme,
  type CSSVariablesResolver,
  type ModalProps,
  type NotificationProps,
} from '@mantine/core';
import { t } from '../lib/i18n';

/** The theme, with its labels in the language in use (built again on a switch). */
export const appTheme = () =>
  createTheme({
    primaryColor: 'indigo',
    // Shade 8 keeps links and button labels above 4.5:1 contrast on white.
    primaryShade: 8,
    defaultRadius: 'md',
    fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    focusRing: 'auto',
    components: {
      // Plain objects, not Modal.extend(): naming the components here would put their code
      // (the modal, its scroll lock, the notice) in the first screen's chunk.
      Modal: {
        defaultProps: {
          closeButtonProps: { 'aria-label': t('Close') },
        } satisfies Partial<ModalProps>,
      },
      Notification: {
        defaultProps: {
          closeButtonProps: { 'aria-label': t('Dismiss this notice') },
        } satisfies Partial<NotificationProps>,
      },
    },
  });

/**
 * Secondary text, errors and links that read (WCAG AA, 4.5:1) on the page and on cards in both schemes:
 * Mantine's defaults are too light on white and too dark on dark grey (dark.2 is 4.0:1 on the
 * body, red.8 3.4:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': current.colors.gray[7],
    '--mantine-color-error': current.colors.red[8],
  },
  dark: {
    // 7.8:1 on the body, 5.6:1 on a hovered row.
    '--mantine-color-dimmed': current.colors.dark[1],
    '--mantine-color-error': current.colors.red[4],
    // Links: shade 4 is 3.8:1 on a hovered row, shade 3 4.9:1.
    '--mantine-color-anchor': current.colors[current.primaryColor]![3],
  },
});
