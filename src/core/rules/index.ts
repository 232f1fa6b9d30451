// Every rule, in the order they run. One file per rule, named by its id; docs in docs/rules/<id>.md.

import type { Rule } from './rule.js';
import frontmatterSyntax from './frontmatter-syntax.js';
import frontmatterLanguage from './frontmatter-language.js';
import acceptanceCriteria from './acceptance-criteria.js';
import breakingChangesSection from './breaking-changes-section.js';
import dateOrder from './date-order.js';
import duplicateId from './duplicate-id.js';
import earsMalformed from './ears-malformed.js';
import emptySection from './empty-section.js';
import experimentAllocation from './experiment-allocation.js';
import experimentSampleSize from './experiment-sample-size.js';
import fileNamePattern from './file-name-pattern.js';
import frontmatterKeyOrder from './frontmatter-key-order.js';
import frontmatterSchema from './frontmatter-schema.js';
import frontmatterUnknownKey from './frontmatter-unknown-key.js';
import gherkinMalformed from './gherkin-malformed.js';
import goalUnmeasurable from './goal-unmeasurable.js';
import idTypePrefix from './id-type-prefix.js';
import inputLimit from './input-limit.js';
import launchChecklist from './launch-checklist.js';
import launchReadiness from './launch-readiness.js';
import launchRollbackCriteria from './launch-rollback-criteria.js';
import moscowMustOverload from './moscow-must-overload.js';
import okrKeyResults from './okr-key-results.js';
import riskIds from './risk-ids.js';
import riskReviewOverdue from './risk-review-overdue.js';
import riskScore from './risk-score.js';
import riskTreatment from './risk-treatment.js';
import refUnresolved from './ref-unresolved.js';
import releaseChangeType from './release-change-type.js';
import requirementNoStory from './requirement-no-story.js';
import refInactivePrd from './ref-inactive-prd.js';
import statusConsistency from './status-consistency.js';
import semverUnderbump from './semver-underbump.js';
import releaseOrder from './release-order.js';
import storyNoRelease from './story-no-release.js';
import releaseStoryNotDone from './release-story-not-done.js';
import releaseVersionId from './release-version-id.js';
import requiredSection from './required-section.js';
import reqSubjective from './req-subjective.js';
import reqVagueAdverb from './req-vague-adverb.js';
import reqLoophole from './req-loophole.js';
import reqComparative from './req-comparative.js';
import reqSuperlative from './req-superlative.js';
import reqNegative from './req-negative.js';
import reqVaguePronoun from './req-vague-pronoun.js';
import reqWeakModal from './req-weak-modal.js';
import reqPassiveVoice from './req-passive-voice.js';
import reqUnmeasuredQuality from './req-unmeasured-quality.js';
import riceScore from './rice-score.js';
import roadmapHorizonStatus from './roadmap-horizon-status.js';
import supersessionReciprocal from './supersession-reciprocal.js';
import sectionOrder from './section-order.js';
import sectionUnexpected from './section-unexpected.js';
import storyReadiness from './story-readiness.js';
import unresolvedAtApproval from './unresolved-at-approval.js';
import userStoryStatement from './user-story-statement.js';
import yamlCoercedScalar from './yaml-coerced-scalar.js';
import changelogStructure from './changelog-structure.js';
import changelogHeadingFormat from './changelog-heading-format.js';
import changelogChangeType from './changelog-change-type.js';
import changelogVersion from './changelog-version.js';
import changelogDate from './changelog-date.js';
import changelogEmpty from './changelog-empty.js';
import changelogVagueEntry from './changelog-vague-entry.js';
import changelogLinks from './changelog-links.js';
import changelogBump from './changelog-bump.js';
import changelogReleaseNotes from './changelog-release-notes.js';

export const rules: readonly Rule[] = Object.freeze([
  frontmatterSyntax,
  frontmatterLanguage,
  acceptanceCriteria,
  breakingChangesSection,
  dateOrder,
  duplicateId,
  earsMalformed,
  emptySection,
  experimentAllocation,
  experimentSampleSize,
  fileNamePattern,
  frontmatterKeyOrder,
  frontmatterSchema,
  frontmatterUnknownKey,
  gherkinMalformed,
  goalUnmeasurable,
  idTypePrefix,
  inputLimit,
  launchChecklist,
  launchReadiness,
  launchRollbackCriteria,
  moscowMustOverload,
  okrKeyResults,
  riskIds,
  riskScore,
  riskTreatment,
  riskReviewOverdue,
  refUnresolved,
  releaseChangeType,
  releaseStoryNotDone,
  requirementNoStory,
  refInactivePrd,
  statusConsistency,
  semverUnderbump,
  releaseOrder,
  storyNoRelease,
  releaseVersionId,
  requiredSection,
  reqSubjective,
  reqVagueAdverb,
  reqLoophole,
  reqComparative,
  reqSuperlative,
  reqNegative,
  reqVaguePronoun,
  reqWeakModal,
  reqPassiveVoice,
  reqUnmeasuredQuality,
  riceScore,
  roadmapHorizonStatus,
  supersessionReciprocal,
  sectionOrder,
  sectionUnexpected,
  storyReadiness,
  unresolvedAtApproval,
  userStoryStatement,
  yamlCoercedScalar,
  changelogStructure,
  changelogHeadingFormat,
  changelogChangeType,
  changelogVersion,
  changelogDate,
  changelogEmpty,
  changelogVagueEntry,
  changelogLinks,
  changelogBump,
  changelogReleaseNotes,
]);
