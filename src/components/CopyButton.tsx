import {
  ActionIcon,
  CopyButton as MantineCopyButton,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { t } from '../lib/i18n';

/**
 * Copies a value, named by `label` ("Copy email"). "Copied" shows in the
 * tooltip (on hover and on keyboard focus) and is announced by a status.
 */
export function CopyButton({ value, label }: { value: string; label: string }) {
  return (
    <MantineCopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <>
          <Tooltip
            label={copied ? t('Copied') : label}
            withArrow
            events={{ hover: true, focus: true, touch: false }}
          >
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={label}
            >
              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            </ActionIcon>
          </Tooltip>
          <VisuallyHidden role="status">{copied ? t('Copied') : ''}</VisuallyHidden>
        </>
      )}
    </MantineCopyButton>
  );
}
