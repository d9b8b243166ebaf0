export { CookieJar } from './cookie-jar';
export { parseForms, type HtmlForm } from './html-form';
export { loginThroughIdp, type LoginThroughIdpOptions, type LoginThroughIdpResult } from './login';
