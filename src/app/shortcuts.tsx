import { Anchor, Box } from '@mantine/core';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { focusSearch } from '../components/search/searchFocus';
import { t } from '../lib/i18n';
import { isEditable, readShortcut } from '../lib/shortcuts';

// Its Modal and table load on the first `?` (or click on the hint), not with the page.
const ShortcutsDialog = lazy(() =>
  import('../components/ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog })),
);

/** A dialog or menu has the keyboard: its keys are its own. */
function dialogOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"]') !== null;
}

/**
 * The keyboard shortcuts of every signed-in page (`/` or Ctrl+K search, `n`
 * new customer, `g c` customers, `g v` verifications, `?` this list), and the
 * footer's hint that opens their list.
 */
export function KeyboardShortcuts({ canCreate }: { canCreate: boolean }) {
  const navigate = useNavigate();
  const [help, setHelp] = useState({ loaded: false, opened: false });
  const gSince = useRef<number | null>(null);
  const openHelp = () => setHelp({ loaded: true, opened: true });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.isComposing) return;
      const result = readShortcut(
        event,
        { typingInField: isEditable(event.target), dialogOpen: dialogOpen(), canCreate },
        gSince.current,
        event.timeStamp,
      );
      gSince.current = result.gSince;
      switch (result.action) {
        case 'search':
          if (focusSearch()) event.preventDefault();
          return;
        case 'newCustomer':
          event.preventDefault();
          void navigate('/customers/new');
          return;
        case 'customers':
          event.preventDefault();
          void navigate('/customers');
          return;
        case 'verifications':
          event.preventDefault();
          void navigate('/verifications');
          return;
        case 'help':
          event.preventDefault();
          setHelp({ loaded: true, opened: true });
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [canCreate, navigate]);

  return (
    <>
      <Box component="footer" visibleFrom="sm" mt="xl" ta="center">
        <Anchor component="button" type="button" size="xs" c="dimmed" onClick={openHelp}>
          {t('Keyboard shortcuts (?)')}
        </Anchor>
      </Box>
      {help.loaded && (
        <Suspense fallback={null}>
          <ShortcutsDialog
            opened={help.opened}
            onClose={() => setHelp({ loaded: true, opened: false })}
            canCreate={canCreate}
          />
        </Suspense>
      )}
    </>
  );
}
