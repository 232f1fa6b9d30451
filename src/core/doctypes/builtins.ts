// The built-in doc types, from the schemas shipped in schemas/ (bundled as data).

import defs from '../../../schemas/defs.schema.json';
import prd from '../../../schemas/prd.schema.json';
import epic from '../../../schemas/epic.schema.json';
import userStory from '../../../schemas/user-story.schema.json';
import releaseNotes from '../../../schemas/release-notes.schema.json';
import experiment from '../../../schemas/experiment.schema.json';
import changelog from '../../../schemas/changelog.schema.json';
import launch from '../../../schemas/launch.schema.json';
import okr from '../../../schemas/okr.schema.json';
import riskRegister from '../../../schemas/risk-register.schema.json';
import decision from '../../../schemas/decision.schema.json';
import rfc from '../../../schemas/rfc.schema.json';
import roadmap from '../../../schemas/roadmap.schema.json';
import { docTypeFromSchema, type DocType } from './docType.js';

/** Schemas other schemas `$ref` but that are not doc types themselves. */
export const sharedSchemas: Record<string, unknown>[] = [defs as Record<string, unknown>];

export const builtInDocTypes: readonly DocType[] = Object.freeze(
  [prd, epic, userStory, releaseNotes, experiment, changelog, launch, okr, riskRegister, decision, rfc, roadmap].map((s) =>
    docTypeFromSchema(s as Record<string, unknown>, { builtIn: true }),
  ),
);
