import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import { groupIban, maskIban } from '../lib/iban';
import { CopyButton } from './CopyButton';
import { t } from '../lib/i18n';

/**
 * An IBAN masked to its last four, in groups of four. Whole (`masked` false),
 * Show and Copy work on it as it is. Masked by the server (`masked`, or a `•`
 * in it), Show asks `reveal` for the whole IBAN (the agent's Reveal, audited)
 * and Copy appears only once it is shown, so nothing hidden is ever copied;
 * without `reveal` (a viewer) there is neither.
 */
export function IbanText({
  iban,
  masked = iban.includes('•'),
  reveal,
}: {
  iban: string;
  masked?: boolean | undefined;
  reveal?: (() => Promise<string>) | undefined;
}) {
  const [revealed, setRevealed] = useState(false);
  const [whole, setWhole] = useState<string | null>(masked ? null : iban);
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const shown = revealed && whole !== null;
  const canReveal = !masked || reveal !== undefined;

  const toggle = async () => {
    if (revealed) {
      setRevealed(false);
      // Hidden again: a masked IBAN is forgotten, and shown again only by another (audited) reveal.
      if (masked) setWhole(null);
      return;
    }
    if (!masked) return setRevealed(true);
    if (!reveal) return;
    setPending(true);
    setFailed(false);
    try {
      setWhole(await reveal());
      setRevealed(true);
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  };

  return (
    <Group gap={4} wrap="nowrap">
      <Text ff="monospace" size="sm" style={{ whiteSpace: 'nowrap' }}>
        {shown ? groupIban(whole) : maskIban(iban)}
      </Text>
      {canReveal && (
        <Tooltip label={revealed ? t('Hide IBAN') : t('Show IBAN')} withArrow>
          <ActionIcon
            variant="subtle"
            color="gray"
            onClick={() => void toggle()}
            loading={pending}
            aria-label={revealed ? t('Hide IBAN') : t('Show IBAN')}
            aria-pressed={revealed}
          >
            {revealed ? <IconEyeOff size={16} aria-hidden /> : <IconEye size={16} aria-hidden />}
          </ActionIcon>
        </Tooltip>
      )}
      {whole !== null && (!masked || shown) && <CopyButton value={whole} label={t('Copy IBAN')} />}
      {failed && (
        <Text size="xs" c="red" role="alert">
          {t('The IBAN could not be shown')}
        </Text>
      )}
    </Group>
  );
}
