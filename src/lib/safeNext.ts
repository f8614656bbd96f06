/** Where to go after sign-in: only paths of this app, never another site, are followed. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')
    ? next
    : '/customers';
}
