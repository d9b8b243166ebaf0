// Drives a browser-like sign-in through the dev IdP over plain HTTP: follows redirects from any
// start URL (an agent's protected page, an authorization URL), fills the dev IdP's login form when
// it meets it, submits auto-submitting pages (oidc-provider's form_post and logout confirmation),
// and keeps cookies in a CookieJar across all the hosts involved.
import { CookieJar } from './cookie-jar';
import { parseForms, type HtmlForm } from './html-form';

export interface LoginThroughIdpOptions {
  startUrl: string | URL;
  login: string;
  password: string;
  /** Pass one to keep the sessions (IdP and relying party) for later requests. */
  jar?: CookieJar;
  /**
   * Checked before each request: return true to stop without requesting that URL, e.g. an
   * openid-client callback URL on which nothing listens.
   */
  stopWhen?: (url: URL) => boolean;
  /** Extra request headers sent on every request. */
  headers?: Record<string, string>;
  maxSteps?: number;
}

export interface LoginThroughIdpResult {
  /** Where the walk ended: the URL `stopWhen` accepted, or the URL of `response`. */
  url: URL;
  /** The last response received (for a stop, the redirect that pointed at `url`). */
  response: Response;
  jar: CookieJar;
  /** Every URL requested, in order; useful in assertion messages. */
  visited: string[];
}

interface Step {
  url: URL;
  method: string;
  body?: URLSearchParams | undefined;
  origin?: string | undefined;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/**
 * Ends at the first response that is neither a redirect nor a page this helper knows how to submit
 * (including the login form shown again after a wrong password: its status is 401), or where
 * `stopWhen` says.
 */
export async function loginThroughIdp(
  options: LoginThroughIdpOptions,
): Promise<LoginThroughIdpResult> {
  const jar = options.jar ?? new CookieJar();
  const maxSteps = options.maxSteps ?? 25;
  const visited: string[] = [];
  let step: Step = { url: new URL(options.startUrl), method: 'GET' };
  let previous: Response | undefined;
  let loginSubmitted = false;

  for (let count = 0; count < maxSteps; count += 1) {
    if (previous && options.stopWhen?.(step.url)) {
      return { url: step.url, response: previous, jar, visited };
    }
    visited.push(`${step.method} ${step.url.href}`);
    let response = await send(step, jar, options.headers);

    const location = response.headers.get('location');
    if (REDIRECT_STATUSES.has(response.status) && location) {
      const keepsMethod = response.status === 307 || response.status === 308;
      step = {
        url: new URL(location, step.url),
        method: keepsMethod ? step.method : 'GET',
        body: keepsMethod ? step.body : undefined,
        origin: keepsMethod ? step.origin : undefined,
      };
      previous = response;
      continue;
    }

    if (!(response.headers.get('content-type') ?? '').includes('text/html')) {
      return { url: step.url, response, jar, visited };
    }
    const html = await response.text();
    response = new Response(html, { status: response.status, headers: response.headers });
    const forms = parseForms(html, step.url);
    const loginForm = forms.find(isLoginForm);
    let next: HtmlForm | undefined;
    if (loginForm) {
      // The form coming back after we filled it means the IdP refused the credentials.
      next = loginSubmitted ? undefined : fillLogin(loginForm, options);
      loginSubmitted = true;
    } else {
      next = autoSubmitted(html, forms);
    }
    if (!next) {
      return { url: step.url, response, jar, visited };
    }
    step = { url: next.action, method: next.method, body: next.fields, origin: step.url.origin };
    previous = response;
  }
  throw new Error(`loginThroughIdp gave up after ${maxSteps} requests:\n${visited.join('\n')}`);
}

async function send(
  step: Step,
  jar: CookieJar,
  extra: Record<string, string> = {},
): Promise<Response> {
  const headers = new Headers({ accept: 'text/html,application/xhtml+xml,*/*;q=0.8', ...extra });
  const cookie = jar.cookieHeaderFor(step.url);
  if (cookie) {
    headers.set('cookie', cookie);
  }
  if (step.body) {
    headers.set('content-type', 'application/x-www-form-urlencoded');
  }
  if (step.origin) {
    headers.set('origin', step.origin);
  }
  const response = await fetch(step.url, {
    method: step.method,
    headers,
    body: step.body?.toString(),
    redirect: 'manual',
  });
  jar.storeFrom(response, step.url);
  return response;
}

function isLoginForm(form: HtmlForm): boolean {
  return form.inputNames.includes('login') && form.inputNames.includes('password');
}

function fillLogin(form: HtmlForm, options: LoginThroughIdpOptions): HtmlForm {
  const fields = new URLSearchParams(form.fields);
  fields.set('login', options.login);
  fields.set('password', options.password);
  return { ...form, fields };
}

// Pages that submit themselves on load: oidc-provider's form_post and the dev IdP's logout.
function autoSubmitted(html: string, forms: HtmlForm[]): HtmlForm | undefined {
  return html.includes('document.forms[0].submit()') ? forms[0] : undefined;
}
