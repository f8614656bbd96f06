import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { TITLE_RANK, useRankedDocumentTitle } from '../lib/environment';
import { t } from '../lib/i18n';

/** Each thing that may be missing, in a sentence of its own (its words differ by language). */
const NOT_THERE = {
  page: () => t('This page does not exist, or the link to it is wrong.'),
  customer: () => t('This customer does not exist, or the link to it is wrong.'),
  'bank account': () => t('This bank account does not exist, or the link to it is wrong.'),
  verification: () => t('This verification does not exist, or the link to it is wrong.'),
};

export function NotFoundPage({ what = 'page' }: { what?: keyof typeof NOT_THERE }) {
  // Named so even inside a customer's layout, which names the tab for its pages.
  useRankedDocumentTitle(TITLE_RANK.notFound, [t('Not found')]);
  return (
    <Container size="sm" py="xl">
      <Stack align="flex-start">
        <Title order={1}>{t('Not found')}</Title>
        <Text>{NOT_THERE[what]()}</Text>
        <Button component={Link} to="/customers" variant="light">
          {t('Back to customers')}
        </Button>
      </Stack>
    </Container>
  );
}
