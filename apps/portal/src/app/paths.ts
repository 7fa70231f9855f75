// The portal's pages under the gateway's /portal/ (Vite's base). The gateway answers index.html for each.
const base = import.meta.env.BASE_URL.replace(/\/$/, '');

export const PATHS = {
  home: `${base}/`,
  guide: `${base}/guide`,
  faq: `${base}/faq`,
  login: `${base}/login`,
  accounts: `${base}/accounts`,
  authorizations: `${base}/authorizations`,
  report: `${base}/report`,
  activity: `${base}/activity`,
  messages: `${base}/messages`,
  declarations: `${base}/declarations`,
  objections: `${base}/objections`,
} as const;

export const PORTAL_SCOPE = base;
