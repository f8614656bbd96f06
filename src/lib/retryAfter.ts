import { t } from './i18n';

/**
 * The seconds a `Retry-After` header asks to wait: delta-seconds ("5") or an
 * HTTP date; undefined when there is none or it cannot be read.
 */
export function retryAfterSeconds(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  // An HTTP date names its day and month; `Date.parse` would read "-5" as a year.
  const at = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

const secondsWords = (seconds: number) =>
  t('{seconds, plural, one {# second} other {# seconds}}', { seconds });
const minutesWords = (minutes: number) =>
  t('{minutes, plural, one {# minute} other {# minutes}}', { minutes });

/** How long, in words of the chosen language: "5 seconds", "1 minute and 30 seconds", "90 minutes". */
export function durationWords(totalSeconds: number): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  if (seconds < 60) return secondsWords(seconds);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  // An hour or more is said in minutes: no API asks that long of an agent who waits.
  return rest === 0 || minutes >= 60
    ? minutesWords(minutes)
    : t('{first} and {second}', { first: minutesWords(minutes), second: secondsWords(rest) });
}
