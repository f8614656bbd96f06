import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { bankAccountKeys } from '../api/bankAccounts';
import { indexKeys } from '../api/customerIndex';
import { listenToLiveEvents } from '../api/liveEvents';
import { verificationKeys } from '../api/verifications';
import { showResolutionNotice } from '../components/resolutionNotice';

/** Every query of the back-office's own API (search, queue, statuses, activity, index status). */
const BACK_OFFICE_QUERIES = { queryKey: indexKeys.all };

/**
 * The live stream of a signed-in dashboard: a resolved verification is
 * announced on whatever page and the queries that show it are refreshed. The
 * pages' own polling stays as the fallback when the stream is down.
 */
export function LiveEvents() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useEffect(
    () =>
      listenToLiveEvents({
        resolved(event) {
          showResolutionNotice(event, (path) => void navigate(path));
          void queryClient.invalidateQueries(BACK_OFFICE_QUERIES);
          void queryClient.invalidateQueries({ queryKey: verificationKeys.all(event.customer_id) });
          // A verification that resolves may mark the customer's bank accounts verified.
          void queryClient.invalidateQueries({ queryKey: bankAccountKeys.all(event.customer_id) });
        },
        started() {
          void queryClient.invalidateQueries(BACK_OFFICE_QUERIES);
        },
        reopened() {
          // What was missed while the stream was closed is not replayed: refresh what shows it.
          void queryClient.invalidateQueries(BACK_OFFICE_QUERIES);
          void queryClient.invalidateQueries({ queryKey: ['customers', 'detail'] });
        },
      }),
    [queryClient, navigate],
  );
  return null;
}
