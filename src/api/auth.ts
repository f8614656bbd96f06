import { queryOptions, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { components } from '../../openapi/backoffice';
import { ApiError, errorFromResponse, malformedAnswer, networkError } from './errors';

export type Agent = components['schemas']['Agent'];
export type AgentSession = components['schemas']['AgentSession'];

async function authCall<T>(path: string, init: RequestInit = {}): Promise<T | undefined> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: {
        ...(init.body ? { 'content-type': 'application/json' } : {}),
        'x-csrf': '1',
        ...init.headers,
      },
    });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined;
  try {
    return (await response.json()) as T;
  } catch {
    throw malformedAnswer();
  }
}

/** Who is signed in; `null` when nobody is. */
export const meQuery = queryOptions({
  queryKey: ['auth', 'me'],
  queryFn: async (): Promise<Agent | null> => {
    try {
      return (await authCall<Agent>('/auth/me')) ?? null;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

/** The one role check: only agents create (customers, bank accounts, verifications); viewers read. */
export function canCreate(agent: Agent | null | undefined): boolean {
  return agent?.role === 'agent';
}

/** Whether the signed-in agent may create; suspends until the session is known. */
export function useCanCreate(): boolean {
  return canCreate(useSuspenseQuery(meQuery).data);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { username: string; password: string }) =>
      authCall<Agent>('/auth/login', { method: 'POST', body: JSON.stringify(credentials) }),
    onSuccess: (agent) => {
      queryClient.setQueryData(meQuery.queryKey, agent ?? null);
    },
  });
}

/** Signs out this browser, or with `everywhere` every device of the account. */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ everywhere = false }: { everywhere?: boolean } = {}) =>
      authCall<void>(`/auth/logout${everywhere ? '?everywhere=true' : ''}`, { method: 'POST' }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(meQuery.queryKey, null);
    },
  });
}

/** The signed-in account's active sessions ("your sessions"), this device marked `current`. */
export const agentSessionsQuery = queryOptions({
  queryKey: ['auth', 'sessions'],
  queryFn: async (): Promise<AgentSession[]> =>
    (await authCall<{ sessions: AgentSession[] }>('/auth/sessions'))?.sessions ?? [],
  staleTime: 0,
});

/** Ends one other session of the account (another device is signed out). */
export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      authCall<void>(`/auth/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentSessionsQuery.queryKey }),
  });
}

/** Ends every session of the account but this one. */
export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => authCall<{ ended: number }>('/auth/sessions/end-others', { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: agentSessionsQuery.queryKey }),
  });
}
