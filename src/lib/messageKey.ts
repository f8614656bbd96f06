/**
 * A message's key in the compiled catalogs: a short hash of its id (the
 * English words), as Lingui's own compiled catalogs key messages by a hash,
 * so a catalog chunk carries its language's words and not the English ones
 * too. FNV-1a on the id's UTF-16 units, folded to 24 bits (at most 5
 * characters in base 36: keys are what gzip cannot shrink); the catalogs'
 * generator refuses a collision.
 */
export function messageKey(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash ^ (hash >>> 24)) & 0xffffff).toString(36);
}
