// A status word → the lifecycle stage its badge is coloured by. The built-in types use distinct words
// (PRD: draft…abandoned, epic: proposed…cancelled, story: draft…wont-do, release: planned…yanked), so
// one table covers them all and the common words of workspace types; anything else is 'other'.

export type Stage = 'planning' | 'active' | 'done' | 'stopped' | 'other';

const STAGES: Record<string, Stage> = {};
const add = (stage: Stage, words: string[]) => words.forEach((w) => (STAGES[w] = stage));
add('planning', [
  'draft',
  'review',
  'in-review-draft',
  'proposed',
  'ready',
  'planned',
  'approved',
  'accepted-for-planning',
  'backlog',
  'todo',
  'open',
  'new',
  'idea',
  'discovery',
  'readiness-review',
]);
add('active', [
  'building',
  'active',
  'in-progress',
  'in-review',
  'in-development',
  'doing',
  'started',
  'beta',
  'rolling-out',
  'running',
  'analyzing',
  'go',
  'committed',
  'discussion',
  'published',
]);
add('done', [
  'launched',
  'done',
  'released',
  'shipped',
  'archived',
  'complete',
  'completed',
  'closed',
  'accepted',
  'live',
  'ga',
  'concluded',
  'graded',
  'implemented',
]);
add('stopped', [
  'abandoned',
  'cancelled',
  'canceled',
  'blocked',
  'wont-do',
  'yanked',
  'rejected',
  'deprecated',
  'superseded',
  'on-hold',
  'paused',
  'aborted',
  'no-go',
  'withdrawn',
  'deferred',
]);

export function stageOf(status: unknown): Stage {
  if (typeof status !== 'string') return 'other';
  return (
    STAGES[
      status
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, '-')
    ] ?? 'other'
  );
}

export const STAGE_LABEL: Record<Stage, string> = {
  planning: 'planning',
  active: 'in progress',
  done: 'done',
  stopped: 'stopped',
  other: 'status',
};
