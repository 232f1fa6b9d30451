// vocabulary.mjs: the words the synthetic product docs are made of, and small text helpers.
// Product areas keep a document's features, objects, roles and metrics consistent with each other.

export const AREAS = [
  {
    tag: 'billing',
    features: ['usage-based billing', 'invoice CSV export', 'multi-currency pricing', 'proration on plan changes', 'tax ID validation', 'self-serve plan upgrades'],
    objects: ['invoice', 'subscription', 'payment method', 'credit note', 'price plan'],
    roles: ['billing owner', 'finance analyst', 'account owner'],
    metrics: ['Failed payment rate', 'Invoice disputes per month', 'Median time to reconcile', 'Self-serve upgrade rate'],
    benefits: ['I can reconcile payments in our ERP', 'finance closes the month faster', 'I never pay for seats we do not use', 'I can forward invoices to procurement'],
  },
  {
    tag: 'auth',
    features: ['SAML single sign-on', 'two-factor authentication', 'password-less login', 'SCIM provisioning', 'session timeout controls', 'sign-in audit log'],
    objects: ['identity provider', 'user session', 'API token', 'security key', 'login attempt'],
    roles: ['workspace admin', 'security officer', 'IT administrator', 'new user'],
    metrics: ['Login success rate', 'Access-related tickets per week', 'Median time to provision a user', 'MFA adoption'],
    benefits: ['our security team can pass the SOC 2 audit', 'people can sign in without another password', 'offboarding takes minutes, not days', 'I know who accessed what'],
  },
  {
    tag: 'collaboration',
    features: ['comment mentions', 'shared workspaces', 'real-time co-editing', 'activity feed', 'project templates', 'file previews'],
    objects: ['comment', 'project', 'document', 'workspace', 'attachment'],
    roles: ['project manager', 'team lead', 'contributor', 'guest collaborator'],
    metrics: ['Weekly active collaborators', 'Comments per project', 'Time to first comment', 'Template reuse rate'],
    benefits: ['my team stays in sync', 'nobody works on a stale copy', 'I can onboard a new project in minutes', 'reviews happen in one place'],
  },
  {
    tag: 'search',
    features: ['saved searches', 'full-text search in attachments', 'search filters', 'typo-tolerant search', 'recent searches'],
    objects: ['search result', 'saved search', 'filter', 'attachment', 'query'],
    roles: ['support agent', 'power user', 'analyst', 'new user'],
    metrics: ['Search success rate', 'p95 search latency', 'Zero-result queries', 'Searches per session'],
    benefits: ['I can find what I need quickly', 'I do not have to ask a colleague', 'I can answer customers on the first reply', 'repeated work disappears'],
  },
  {
    tag: 'notifications',
    features: ['in-app notification center', 'mobile push notifications', 'daily digest emails', 'Slack notifications', 'notification preferences'],
    objects: ['notification', 'digest', 'channel', 'alert rule', 'reminder'],
    roles: ['team lead', 'on-call engineer', 'account owner', 'mobile user'],
    metrics: ['Notification click-through rate', 'Unsubscribe rate', 'Time to acknowledge alerts', 'Digest open rate'],
    benefits: ['I only hear about what matters to me', 'I never miss an approval', 'I can react before the customer notices', 'my inbox stays quiet'],
  },
  {
    tag: 'reporting',
    features: ['scheduled reports', 'custom dashboards', 'report CSV export', 'cohort analysis', 'admin usage analytics'],
    objects: ['report', 'dashboard', 'chart', 'data export', 'metric'],
    roles: ['finance analyst', 'team lead', 'executive sponsor', 'data analyst'],
    metrics: ['Reports scheduled per account', 'Dashboard weekly viewers', 'Export failures', 'Time to first insight'],
    benefits: ['I can present numbers to leadership without spreadsheets', 'decisions are based on current data', 'I stop copy-pasting charts', 'the weekly review takes ten minutes'],
  },
  {
    tag: 'integrations',
    features: ['Jira import', 'webhook retries', 'public REST API v2', 'Zapier connector', 'GitHub integration'],
    objects: ['webhook', 'API key', 'integration', 'sync job', 'field mapping'],
    roles: ['developer', 'integration partner', 'workspace admin', 'ops engineer'],
    metrics: ['Webhook delivery success', 'API error rate', 'Active integrations per account', 'Sync lag p95'],
    benefits: ['our tools share one source of truth', 'I do not lose events during outages', 'migrating from Jira is painless', 'automation runs without babysitting'],
  },
  {
    tag: 'mobile',
    features: ['offline mode', 'biometric unlock', 'mobile onboarding', 'tablet layout', 'deep links'],
    objects: ['draft', 'device', 'screen', 'sync conflict', 'deep link'],
    roles: ['field technician', 'mobile user', 'sales rep', 'new user'],
    metrics: ['Mobile 7-day retention', 'Crash-free sessions', 'Offline edits synced', 'App store rating'],
    benefits: ['I can work without signal', 'I get to the right screen in one tap', 'my edits are never lost', 'setting up the app takes a minute'],
  },
];

export const PRODUCTS = ['Atlas', 'Beacon', 'Compass', 'Dash'];
export const HANDLES = [
  'maria.garcia', 'j.chen', 'olu.adeyemi', 'priya.n', 'tomas.novak', 'sam.okafor', 'lena.fischer', 'kenji.sato',
  'ana.souza', 'dmitri.ivanov', 'zoe.martin', 'ali.hassan', 'emma.wilson', 'noah.kim', 'fatima.zahra', 'lucas.moreau',
];
export const PEOPLE = ['Zoë Martin', 'José Álvarez', 'Jürgen Müller', 'Aiko Tanaka', 'Chloé Dubois', 'Sven Ødegaard', 'Priya Nair', 'Tom Becker'];
export const CUSTOMERS = ['Acme GmbH', 'Northwind', 'Globex', 'Initech', 'Umbrella Health', 'Stark Logistics', 'Café Olé', 'Wayne Retail'];
export const COMPETITORS = ['Trello', 'Asana', 'Linear', 'Notion', 'Monday', 'ClickUp'];
export const STAKEHOLDERS = ['engineering', 'design', 'product marketing', 'support', 'legal', 'finance', 'security', 'sales', 'customer success', 'data science', 'QA'];
export const CROSS_TAGS = ['growth', 'enterprise', 'compliance', 'performance', 'accessibility', 'ux', 'api', 'security', 'gdpr', 'retention'];
export const VERBS = ['export', 'filter', 'archive', 'share', 'approve', 'bulk-edit', 'restore', 'duplicate', 'preview', 'schedule', 'tag', 'assign', 'download', 'import', 'search'];
export const QUALIFIERS = ['by date range', 'from the list view', 'in bulk', 'with keyboard shortcuts', 'on mobile', 'without leaving the page', 'for a whole workspace', 'as a PDF', 'from the admin console', 'via the API'];
export const PLANS = ['Free', 'Team', 'Business', 'Enterprise'];
export const BUTTONS = ['Export', 'Save', 'Apply', 'Share', 'Archive', 'Confirm', 'Retry', 'Continue'];
export const LIBS = [['openssl', '3.0.15'], ['lodash', '4.17.21'], ['express', '4.21.2'], ['jsonwebtoken', '9.0.2'], ['libxml2', '2.12.9'], ['axios', '1.7.9'], ['undici', '6.21.1']];
export const LIKELIHOOD = ['Low', 'Medium', 'High'];

export const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
export const plural = (s) => (/(s|x|ch|sh)$/.test(s) ? `${s}es` : /[^aeiou]y$/.test(s) ? `${s.slice(0, -1)}ies` : `${s}s`);
export const an = (w) => `${/^[aeiou]/i.test(w) ? 'an' : 'a'} ${w}`;
export const slugify = (s) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/g, '');

// Day numbers count from 2024-01-01 (UTC), so dates never depend on the clock.
const DAY0 = Date.UTC(2024, 0, 1);
export const isoDay = (d) => new Date(DAY0 + d * 86400000).toISOString().slice(0, 10);
/** The corpus's fixed "today": releases dated after it are still planned. */
export const TODAY = 700;

/** Greedy word wrap; width 0 keeps the text on one line. */
export function wrap(text, width) {
  if (!width || text.length <= width) return [text];
  const out = [];
  let line = '';
  for (const w of text.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}
