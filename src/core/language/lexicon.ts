// The word lists of the requirement-language rules, as data: general English (never the vocabulary of
// one domain), one entry per word or phrase, lower case, matched on whole words. A rule's options can
// extend or replace its list; `hints` gives the testable shape for a few common words, the rule's own
// advice covers the rest.

export interface Lexicon {
  /** Words and phrases ("if possible"); `-` and spaces inside a phrase match each other. */
  readonly terms: readonly string[];
  /** Per-term advice on what a testable version states, overriding the rule's general advice. */
  readonly hints?: Readonly<Record<string, string>>;
}

const SPEED = 'state a number (e.g. "within 2 s at p95")';
const EASE = 'state who does what, how well (e.g. "90 % of first-time users finish it unaided in under 3 min")';

/** Words whose truth depends on who reads them. */
export const subjective: Lexicon = {
  terms: [
    'user-friendly', 'user friendly', 'easy', 'easier', 'easiest', 'easy to use', 'easy-to-use', 'simple', 'intuitive',
    'straightforward', 'convenient', 'comfortable', 'seamless', 'seamlessly', 'smooth', 'smoothly', 'nice', 'good',
    'great', 'excellent', 'beautiful', 'attractive', 'elegant', 'modern', 'clean', 'friendly', 'pleasant', 'clear',
    'appropriate', 'appropriately', 'adequate', 'adequately', 'suitable', 'proper', 'properly', 'reasonable',
    'acceptable', 'satisfactory', 'relevant', 'important', 'useful', 'meaningful', 'helpful', 'valuable',
    'efficient', 'efficiently', 'effective', 'effectively', 'flexible', 'robust', 'powerful', 'rich', 'state-of-the-art',
    'state of the art', 'best-in-class', 'world-class', 'high-quality', 'high quality', 'best practice',
    'best practices', 'fast', 'quick', 'quickly', 'rapid', 'rapidly', 'slow', 'responsive', 'instant', 'instantly',
    'timely', 'in a timely manner', 'promptly', 'normal', 'normally', 'special', 'significant', 'significantly',
    'necessary', 'easily', 'readable', 'understandable', 'consistent', 'consistently',
    'transparent', 'lightweight', 'scalable', 'secure', 'securely', 'safe', 'safely', 'reliable', 'reliably',
    'certain', 'standard', 'small', 'large', 'big', 'short', 'long', 'high', 'low', 'usable', 'usability',
    'readability', 'ease of use', 'simplicity', 'distinctive', 'evident', 'advanced', 'basic', 'successful',
    'successfully', 'professional', 'sensible', 'logical', 'natural', 'obvious', 'familiar', 'recognizable',
    'recognisable', 'noticeable',
  ],
  hints: {
    fast: SPEED, quick: SPEED, quickly: SPEED, rapid: SPEED, rapidly: SPEED, slow: SPEED, responsive: SPEED,
    instant: SPEED, instantly: SPEED, timely: SPEED, 'in a timely manner': SPEED, promptly: SPEED,
    'user-friendly': EASE, 'user friendly': EASE, easy: EASE, easier: EASE, easiest: EASE, 'easy to use': EASE,
    'easy-to-use': EASE, simple: EASE, intuitive: EASE, easily: EASE, seamless: EASE, seamlessly: EASE,
    scalable: 'state the load it must carry (e.g. "10,000 concurrent users with p95 under 300 ms")',
    secure: 'name the threat and the control (e.g. "passwords stored with a salted, slow hash")',
    reliable: 'state an availability or failure rate (e.g. "99.9 % of requests succeed per month")',
  },
};

/** Adverbs and adjectives that blur how often, how much or when. */
export const vagueAdverb: Lexicon = {
  terms: [
    'usually', 'generally', 'typically', 'commonly', 'often', 'sometimes', 'frequently', 'occasionally', 'rarely',
    'mostly', 'mainly', 'largely', 'almost', 'nearly', 'approximately', 'roughly', 'fairly', 'quite', 'rather',
    'very', 'too', 'extremely', 'highly', 'relatively', 'reasonably', 'substantially', 'considerably', 'somewhat',
    'potentially', 'possibly', 'probably', 'likely', 'ideally', 'preferably', 'particularly', 'especially',
    'clearly', 'obviously', 'correctly', 'accurately', 'minimal', 'maximal', 'optimally', 'currently', 'recently', 'similar',
    'soon', 'later', 'eventually', 'periodically', 'regularly', 'immediately', 'directly', 'actually', 'basically',
    'virtually', 'essentially', 'as soon as possible', 'asap',
  ],
};

/** Loopholes and open-ended terms: they let any result count as done. */
export const loophole: Lexicon = {
  terms: [
    'if possible', 'where possible', 'when possible', 'as far as possible', 'as much as possible', 'if feasible',
    'where feasible', 'when feasible', 'if practical', 'where practical', 'if necessary', 'where necessary',
    'when necessary', 'as necessary', 'if needed', 'when needed', 'as needed', 'where needed', 'if required',
    'as required', 'when required', 'where required', 'if appropriate', 'as appropriate', 'where appropriate',
    'if applicable', 'where applicable', 'as applicable', 'to the extent possible', 'to the extent practical',
    'etc', 'and so on', 'and so forth', 'but not limited to', 'among others', 'or similar', 'and similar',
    'and the like', 'and more', 'or other', 'and other', 'several', 'various', 'numerous', 'many', 'a number of',
    'a variety of', 'a wide range of', 'a range of', 'a lot of', 'lots of', 'a few', 'some', 'enough', 'sufficient',
    'sufficiently', 'multiple', 'as a minimum', 'at a minimum', 'details', 'detail', 'additional',
  ],
  hints: {
    etc: 'list every case, or say where the full list lives',
    'and so on': 'list every case, or say where the full list lives',
    'and so forth': 'list every case, or say where the full list lives',
    'but not limited to': 'list every case, or say where the full list lives',
    details: 'name each detail (e.g. "caller, time and duration")',
    detail: 'name each detail (e.g. "caller, time and duration")',
    additional: 'name what is added',
  },
};

/** Comparatives: fine with a reference ("faster than v2", "2 or more"), vague without one. */
export const comparative: Lexicon = {
  terms: [
    'more', 'less', 'fewer', 'better', 'worse', 'faster', 'slower', 'quicker', 'higher', 'lower', 'larger',
    'smaller', 'bigger', 'greater', 'longer', 'shorter', 'earlier', 'easier', 'harder', 'cheaper', 'stronger',
    'weaker', 'safer', 'simpler', 'clearer', 'newer', 'older', 'heavier', 'lighter', 'wider', 'narrower',
    'louder', 'quieter', 'brighter', 'smoother', 'sooner', 'lesser', 'nearer', 'tighter',
    'looser', 'cleaner', 'richer', 'deeper', 'steeper', 'cheaper',
  ],
};

/** Superlatives: fine with a measure ("at least 3"), vague without one. */
export const superlative: Lexicon = {
  terms: [
    'most', 'least', 'best', 'worst', 'fastest', 'slowest', 'quickest', 'highest', 'lowest', 'largest', 'smallest',
    'biggest', 'greatest', 'longest', 'shortest', 'earliest', 'easiest', 'hardest', 'cheapest',
    'strongest', 'safest', 'simplest', 'maximise', 'maximize', 'minimise', 'minimize', 'optimal', 'optimise',
    'optimize',
  ],
};

/** Negations: a requirement that says what must not happen is hard to prove. */
export const negative: Lexicon = {
  terms: [
    'not', 'no', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor', 'cannot', "can't", "won't", "don't",
    "doesn't", "isn't", "aren't", "shouldn't", "mustn't", "shan't",
  ],
};

/** Pronouns whose referent the reader must guess when they start a requirement or one of its sentences. */
export const vaguePronoun: Lexicon = {
  terms: ['it', 'its', 'this', 'that', 'these', 'those', 'they', 'them', 'their', 'he', 'she', 'his', 'her', 'such', 'which'],
};

/** Modals that make a requirement optional or uncertain. */
export const weakModal: Lexicon = {
  terms: [
    'should', 'may', 'might', 'could', 'can', 'ought to', 'is expected to', 'are expected to', 'is supposed to',
    'are supposed to', 'hopefully', 'perhaps', 'maybe',
  ],
};

/** Past participles that do not end in -ed, for the passive-voice rule. */
export const irregularParticiples: Lexicon = {
  terms: [
    'built', 'bought', 'brought', 'caught', 'chosen', 'done', 'drawn', 'driven', 'fed', 'felt', 'found', 'given',
    'gotten', 'held', 'hidden', 'kept', 'known', 'laid', 'led', 'left', 'lent', 'lost', 'made', 'meant', 'met',
    'paid', 'put', 'read', 'run', 'said', 'seen', 'sent', 'set', 'shown', 'shut', 'sold', 'sought', 'spent',
    'split', 'spread', 'stolen', 'struck', 'taken', 'taught', 'thrown', 'told', 'understood', 'won', 'written',
    'withdrawn', 'upheld', 'undone', 'overridden', 'rewritten', 'hit', 'cut', 'let', 'bound', 'begun', 'broken',
    'forgotten', 'frozen', 'worn', 'torn', 'sworn', 'spoken', 'woken', 'ridden', 'risen', 'grown', 'blown', 'flown',
  ],
};

/** Quality words that need a number when they sit next to a metric word ("fast response"). */
export const unmeasuredQuality = {
  adjectives: [
    'fast', 'quick', 'slow', 'high', 'low', 'good', 'great', 'excellent', 'poor', 'better', 'improved', 'reduced',
    'increased', 'minimal', 'maximal', 'optimal', 'acceptable', 'reasonable', 'short', 'long', 'small', 'large',
    'strong', 'robust', 'near-zero', 'near zero', 'real-time', 'real time', 'instant', 'quicker', 'faster', 'higher',
    'lower', 'shorter', 'smaller', 'larger',
  ],
  metrics: [
    'response', 'response time', 'response times', 'latency', 'performance', 'availability', 'uptime',
    'downtime', 'throughput', 'speed', 'load time', 'load times', 'loading time', 'startup time', 'start-up time',
    'accuracy', 'precision', 'reliability', 'capacity', 'scalability', 'bandwidth', 'error rate', 'failure rate',
    'conversion', 'conversion rate', 'retention', 'adoption', 'engagement', 'satisfaction', 'quality',
    'coverage', 'turnaround', 'resolution time', 'wait time', 'waiting time', 'processing time', 'memory usage',
    'cpu usage', 'battery life', 'battery usage', 'efficiency', 'resolution', 'frame rate', 'recovery time',
  ],
} as const;
