// The areas of a launch readiness checklist, each a sub-section of the checklist under its name or a
// synonym, and the id a `sign_offs` entry names it by (the enum of schemas/launch.schema.json).
// From launch checklists (SRE launch coordination, go/no-go memos): every area has an owner and signs off.

import { normalizeHeading } from '../document/sections.js';

export interface LaunchArea {
  id: string;
  name: string;
  synonyms: string[];
}

export const LAUNCH_AREAS: readonly LaunchArea[] = [
  { id: 'engineering', name: 'Engineering', synonyms: ['Engineering readiness', 'Reliability', 'Operations', 'SRE'] },
  { id: 'qa', name: 'QA', synonyms: ['Quality', 'Quality assurance', 'Testing', 'Test'] },
  { id: 'support', name: 'Support', synonyms: ['Customer support', 'Customer success', 'Support readiness'] },
  { id: 'docs', name: 'Docs', synonyms: ['Documentation', 'Help centre', 'Help center'] },
  { id: 'marketing', name: 'Marketing', synonyms: ['Sales and marketing', 'Go-to-market', 'GTM', 'Product marketing'] },
  {
    id: 'legal-privacy',
    name: 'Legal and privacy',
    synonyms: ['Legal', 'Privacy', 'Legal and compliance', 'Security and privacy', 'Compliance', 'Privacy and legal'],
  },
  { id: 'accessibility', name: 'Accessibility', synonyms: ['A11y', 'Accessibility review'] },
  { id: 'rollback', name: 'Rollback', synonyms: ['Rollback readiness', 'Backout'] },
];

const BY_KEY = new Map<string, LaunchArea>();
for (const area of LAUNCH_AREAS) for (const h of [area.name, ...area.synonyms]) BY_KEY.set(normalizeHeading(h), area);

/** The area a checklist sub-heading names, if any. */
export const areaForHeading = (headingKey: string): LaunchArea | undefined => BY_KEY.get(headingKey);
