import { useEnvironment } from '../api/environment';
import { environmentText, type ServerEnvironment } from '../lib/environment';
import { t } from '../lib/i18n';
import classes from './EnvironmentBanner.module.css';

/** The line itself, for an environment known (rendered alone by its tests). */
export function EnvironmentLine({ environment }: { environment: ServerEnvironment }) {
  const { kind, host } = environment;
  const production = kind === 'production';
  return (
    <section
      aria-label={t('Environment')}
      className={`${classes.banner} ${classes[kind] ?? ''}`}
      data-environment={kind}
    >
      <span className={classes.dot} aria-hidden />
      <span>
        {production ? environmentText(environment).toUpperCase() : environmentText(environment)}
      </span>
      {host && (kind === 'production' || kind === 'fintecture_sandbox') && (
        <span className={classes.host}>· {host}</span>
      )}
    </section>
  );
}

/**
 * Says on every page, the sign-in page included, which upstream the dashboard
 * talks to: the emulator, Fintecture's sandbox, production (a red bar) or
 * another API. Nothing until the proxy has said (it is read before the page needs it).
 */
export function EnvironmentBanner() {
  const environment = useEnvironment();
  return environment ? <EnvironmentLine environment={environment} /> : null;
}
