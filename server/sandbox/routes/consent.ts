import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { consentPage, notFoundPage, pickLang, type ConsentState, type Lang } from '../consentPage';
import { findProviders, providerById } from '../providers';
import type { Consent } from '../store';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes an HTML form (application/x-www-form-urlencoded). */
    formBody?: boolean;
  }
}

const PREFIX = '/consent';

/** The consent page of a verification, as its link names it (the token is the link's secret). */
export function consentPath(verificationId: string, token: string): string {
  return `${PREFIX}/${encodeURIComponent(verificationId)}/${encodeURIComponent(token)}`;
}

type PageParams = { verification_id: string; token: string };
type LangQuery = { lang?: string };
type ConsentForm = { lang?: string; provider_id?: string };

/**
 * An HTML page: nothing but its own inline style runs, forms post only here, no
 * framing, no referrer (the link's token is in the URL), never cached.
 */
function htmlHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .type('text/html; charset=utf-8')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    )
    .header('x-frame-options', 'DENY')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store');
}

/**
 * The customer's country (address, else France): the banks offered are those
 * with accounts there, and first the one the verification was started with,
 * listed or not (another country's, an id typed, a `fail…` one): it is never
 * swapped for another behind the tester's back.
 */
function banksFor(consent: Consent) {
  const country = consent.customer.address?.country;
  const local = country ? findProviders({ country, ais: 'accounts' }) : [];
  const banks = (local.length > 0 ? local : findProviders({ country: 'FR', ais: 'accounts' })).map(
    (bank) => ({ id: bank.id, name: bank.attributes.name }),
  );
  const started = consent.verification.provider_id;
  if (started && !banks.some((bank) => bank.id === started)) {
    banks.unshift({ id: started, name: providerById(started)?.attributes.name ?? started });
  }
  return banks;
}

function stateOf(consent: Consent): ConsentState {
  const status = consent.verification.status ?? 'pending';
  return status === 'pending' ? 'open' : status;
}

/**
 * The fintecture flavour's consent page, where a tester plays the customer:
 * picks a bank, sees the holder name it returns, confirms or cancels. Each POST
 * answers 303 to the page, so reloading it never posts again.
 */
export const consentRoutes: FastifyPluginAsync = async (app) => {
  const { store, appId } = app.sandbox;

  const notFound = (request: FastifyRequest, reply: FastifyReply, lang: Lang) =>
    htmlHeaders(reply)
      .code(404)
      .send(
        notFoundPage(lang, (request.url.split('?')[0] ?? '').replace(/\/(confirm|cancel)$/, '')),
      );

  const langOf = (request: FastifyRequest, asked: string | undefined) =>
    pickLang(asked, request.headers['accept-language']);

  app.get<{ Params: PageParams; Querystring: LangQuery }>(
    `${PREFIX}/:verification_id/:token`,
    async (request, reply) => {
      const { verification_id, token } = request.params;
      const lang = langOf(request, request.query.lang);
      const consent = store.consent(verification_id, token);
      if (!consent) return notFound(request, reply, lang);
      const { customer, holders, verification } = consent;
      const fullName = `${customer.first_name} ${customer.last_name}`;
      const banks = banksFor(consent);
      const page = consentPath(verification_id, token);
      return htmlHeaders(reply).send(
        consentPage({
          lang,
          appId,
          customerName: fullName,
          // Every holder is compared on Confirm, so every one is shown.
          holderNames: holders.length > 0 ? holders : [fullName],
          banks,
          selectedBank: verification.provider_id ?? banks[0]?.id,
          bankName:
            providerById(verification.provider_id ?? '')?.attributes.name ??
            verification.provider_id,
          state: stateOf(consent),
          paths: { page, confirm: `${page}/confirm`, cancel: `${page}/cancel` },
        }),
      );
    },
  );

  const back = (reply: FastifyReply, params: PageParams, lang: Lang) =>
    reply.redirect(`${consentPath(params.verification_id, params.token)}?lang=${lang}`, 303);

  app.post<{ Params: PageParams; Body: ConsentForm }>(
    `${PREFIX}/:verification_id/:token/confirm`,
    { config: { formBody: true } },
    async (request, reply) => {
      const lang = langOf(request, request.body?.lang);
      const consent = store.consent(request.params.verification_id, request.params.token);
      if (!consent) return notFound(request, reply, lang);
      const { customer, verification, verificationSeq } = consent;
      // The bank picked, when it is one; else the one the verification was started with.
      const picked = request.body?.provider_id;
      const providerId =
        picked && (providerById(picked) || picked === verification.provider_id)
          ? picked
          : (verification.provider_id ?? 'sandbox');
      store.confirmVerification(
        verificationSeq,
        providerId,
        `${customer.first_name} ${customer.last_name}`,
      );
      return back(reply, request.params, lang);
    },
  );

  app.post<{ Params: PageParams; Body: ConsentForm }>(
    `${PREFIX}/:verification_id/:token/cancel`,
    { config: { formBody: true } },
    async (request, reply) => {
      const lang = langOf(request, request.body?.lang);
      const consent = store.consent(request.params.verification_id, request.params.token);
      if (!consent) return notFound(request, reply, lang);
      store.cancelVerification(consent.verificationSeq);
      return back(reply, request.params, lang);
    },
  );
};
