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

/** Secondary text dark enough to read (WCAG AA) rather than Mantine's lighter default. */
export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': current.colors.gray[7],
    '--mantine-color-error': current.colors.red[8],
  },
  dark: {},
});
