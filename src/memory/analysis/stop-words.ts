/** Stop words (dropped everywhere) and question filler words (dropped from queries only). */

/** English function words that carry no topic. */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if then so than too very just also of to in on at by for with about from ' +
    'into onto over under up down out off again further once here there all any both each few more ' +
    'most other some such no nor not only own same can will would should could may might must shall ' +
    'i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his ' +
    'himself she her hers herself it its itself they them their theirs themselves this that these ' +
    'those am is are was were be been being have has had having do does did doing what which who ' +
    'whom whose when where why how as until while because through during before after above below ' +
    'between against s t d ll m re ve y o oh ok okay yeah yes hey hi hello wow haha lol um uh ' +
    'really thing things something anything get got lot lots much many gonna wanna let lets'
  ).split(' '),
);

/** Words that frame a question without naming its topic ("what kind of", "would she likely"). */
export const QUESTION_FILLER_WORDS: ReadonlySet<string> = new Set(
  (
    'kind kinds type types sort sorts name names mention mentioned tell told say said ever ' +
    'likely probably possibly considered consider specific specifically particular exactly ' +
    'give example examples describe describes recent recently lately currently'
  ).split(' '),
);

/** Chinese function words and particles. */
export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 了 是 我 你 他 她 它 我们 你们 他们 她们 吗 呢 吧 啊 呀 哦 嗯 在 和 与 也 就 都 而 及 着 过 ' +
    '把 被 让 给 这 那 这个 那个 什么 怎么 怎样 哪 哪里 哪个 谁 为什么 吗 一个 有 没有 不 很 还 又 ' +
    '会 要 能 可以 自己 个 之 所以 因为 但是 如果 然后 什么时候 时候'
  ).split(' '),
);
