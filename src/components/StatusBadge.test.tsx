import { MantineProvider } from '@mantine/core';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StatusBadge } from './StatusBadge';

/** Server-side render: the real components, with no DOM to set up. */
function render(statuses: (string | null | undefined)[]): string {
  return renderToString(
    <MantineProvider>
      <ul>
        {statuses.map((status, index) => (
          <li key={index}>
            <StatusBadge status={status} />
          </li>
        ))}
      </ul>
    </MantineProvider>,
  );
}

describe('StatusBadge', () => {
  it('renders a list of verifications whose statuses it has never seen, in their own words', () => {
    const html = render([
      'pending',
      'verified',
      'initiated',
      'cancelled',
      'success',
      'awaiting_bank_consent',
      '',
      null,
      undefined,
    ]);
    for (const label of [
      'Pending',
      'Verified',
      'Initiated',
      'Cancelled',
      'Success',
      'awaiting_bank_consent',
      'Not verified',
    ]) {
      expect(html).toContain(`>${label}<`);
    }
  });

  it('shows an unknown status neutrally (gray), as a known one keeps its colour', () => {
    const unknown = render(['awaiting_bank_consent']);
    expect(unknown).toContain('--badge-bg:var(--mantine-color-gray-light)');
    expect(render(['failed'])).toContain('--badge-bg:var(--mantine-color-red-light)');
  });

  it('shows a cancelled verification as a warning, not as an error or as pending', () => {
    const cancelled = render(['cancelled']);
    expect(cancelled).toContain('>Cancelled<');
    expect(cancelled).toContain('--badge-bg:var(--mantine-color-yellow-light)');
    expect(cancelled).not.toContain('--mantine-color-red-light');
    expect(render(['pending'])).toContain('--badge-bg:var(--mantine-color-blue-light)');
  });
});
